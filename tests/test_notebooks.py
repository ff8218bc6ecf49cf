"""The notebooks run end to end (nbclient) against the embedded store, on the shipped samples and
on ../shared/seeds when present, and are saved without outputs."""
from __future__ import annotations

import os

import nbformat
import pytest
from nbclient import NotebookClient

from outputs_fixtures import ROOT, SAMPLES, SEEDS

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CORPORA = {"samples": SAMPLES, "seeds": SEEDS}


def test_there_are_four_notebooks():
    assert [p.name[:2] for p in NOTEBOOKS] == ["01", "02", "03", "04"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_saved_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: clear the outputs before committing"


@pytest.mark.slow
@pytest.mark.parametrize("corpus", CORPORA)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_executes(path, corpus, monkeypatch):
    folder = CORPORA[corpus]
    if not folder.is_dir():
        pytest.skip(f"{folder} not present")
    try:
        from graph_builder.write import open_store  # noqa: F401
    except ImportError:
        pytest.skip("the store (graph_builder.write.open_store) is not there yet")
    monkeypatch.setenv("LEGALKG_CORPUS", str(folder))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.delenv("LEGALKG_FOCUS", raising=False)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError, naming the cell, when a cell fails
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
