"""The wheel carries the ontology and the query library, and no sub-package is forgotten."""
from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.relative_to(ROOT).parent.parts) for p in (ROOT / "graph_builder").rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


def test_wheel_contains_ontology_and_queries(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(tmp_path.glob("legalkg-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "graph_builder/ontology/schema.yaml" in names
    assert "graph_builder/ontology/document_types.yaml" in names
    assert "graph_builder/data/provinces.txt" in names
    assert any(n.startswith("graph_builder/queries/") and n.endswith(".cypher") for n in names)
