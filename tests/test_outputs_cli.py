"""`legalkg export rdf` and `legalkg viz` as commands: formats by suffix, base URI, exit codes and
messages.  The store is replaced by an in-memory graph here (the real store is used by the
acceptance tests in test_viz_browser.py and test_sparql_trace.py)."""
from __future__ import annotations

import contextlib
import json

import pytest
import rdflib
from click.testing import CliRunner

import graph_builder.write as write
from graph_builder.cli import main
from outputs_fixtures import chain_graph, synthetic_graph


@pytest.fixture
def graph(monkeypatch):
    holder = {"graph": chain_graph(), "uri": "unset"}

    @contextlib.contextmanager
    def fake_open_store(uri=None):
        holder["uri"] = uri
        yield holder["graph"]

    monkeypatch.setattr(write, "open_store", fake_open_store, raising=False)
    return holder


@pytest.mark.parametrize("suffix, fmt", [(".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld")])
def test_export_rdf_picks_the_format_from_the_suffix(graph, tmp_path, suffix, fmt):
    out = tmp_path / f"graph{suffix}"
    res = CliRunner().invoke(main, ["export", "rdf", "-o", str(out), "--store", "/some/store"])
    assert res.exit_code == 0, res.output
    assert graph["uri"] == "/some/store"
    g = rdflib.Graph().parse(out, format=fmt)
    assert len(g) > 500 and f"{len(g):,} triples" in res.output
    assert not (tmp_path / f"graph{suffix}.part").exists()


def test_export_rdf_base_uri_and_explicit_format(graph, tmp_path):
    out = tmp_path / "graph.rdf"
    res = CliRunner().invoke(main, ["export", "rdf", "--format", "nt", "--base", "https://data.example.gov.vn/kg/",
                                    "--no-vocabulary", "-o", str(out)])
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8")
    assert "<https://data.example.gov.vn/kg/eli/vinh-phuc/ctr/2025/01-ctr-ubnd>" in text
    assert "doc-type/Resolution> <http://www.w3.org/2004/02/skos/core#prefLabel>" not in text


def test_export_rdf_refuses_a_bad_base(graph, tmp_path):
    res = CliRunner().invoke(main, ["export", "rdf", "--base", "not a uri", "-o", str(tmp_path / "x.ttl")])
    assert res.exit_code == 2 and "not an absolute IRI" in res.output
    assert list(tmp_path.iterdir()) == []


def test_viz_writes_the_focused_page(graph, tmp_path):
    out = tmp_path / "trace.html"
    res = CliRunner().invoke(main, ["viz", "--focus", "01/NQ-CP", "--year", "2025", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "14 nodes, 19 edges" in res.output
    assert "01/CTr-UBND" in out.read_text(encoding="utf-8")


def test_viz_unknown_focus_is_a_clear_error(graph, tmp_path):
    res = CliRunner().invoke(main, ["viz", "--focus", "01/NQ-CP", "--year", "2019", "-o", str(tmp_path / "x.html")])
    assert res.exit_code == 1 and "no document 01/NQ-CP of 2019" in res.output and "2025" in res.output


def test_viz_above_the_cap_exits_2_and_suggests_a_narrower_focus(graph, tmp_path):
    graph["graph"] = synthetic_graph(800)
    out = tmp_path / "all.html"
    res = CliRunner().invoke(main, ["viz", "--max-nodes", "500", "-o", str(out)])
    assert res.exit_code == 2
    assert "800 nodes" in res.output and "--focus" in res.output
    assert not out.exists()


def test_viz_types_option_accepts_commas_and_repeats(graph, tmp_path):
    out = tmp_path / "docs.html"
    res = CliRunner().invoke(main, ["viz", "--focus", "01/NQ-CP", "--types", "Document,Task", "--types", "Agency",
                                    "-o", str(out)])
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    meta = json.loads(html.split("var META = ", 1)[1].split(";\n", 1)[0])
    assert {k["kind"] for k in meta["legendNodes"]} == {"Document", "Task", "Agency"}
