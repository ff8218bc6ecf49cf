"""queries/trace.rq over the RDF export in pyoxigraph: it answers the traceability question, and
gives the same rows as the Cypher `trace` query of the store on the same corpus."""
from __future__ import annotations

import pytest

from graph_builder.export.graphdata import MemoryGraph
from graph_builder.export.sparql import bind, load_oxigraph, query_names, run_sparql
from graph_builder.model import Edge, GraphFragment, Node
from outputs_fixtures import SAMPLES, SEEDS, chain_fragments, chain_graph


def reference_trace(graph, symbol: str, year: int | None):
    """The traceability question answered directly on the property graph (the test's oracle)."""
    nodes = {n.id: n for n in graph.nodes()}
    edges = list(graph.edges())
    carried = {i for i, n in nodes.items() if n.label == "Document" and n.props.get("symbol") == symbol
               and (year is None or n.props.get("year") == year)}
    implementing, frontier = set(), set(carried)
    while frontier:
        new = {e.source for e in edges if e.type == "IMPLEMENTS" and e.target in frontier
               and nodes[e.source].label == "Document"} - implementing
        implementing |= new
        frontier = new
    tasks = {e.target: e.source for e in edges if e.type == "HAS_TASK" and e.source in implementing}
    owner = {e.target: e.source for e in edges if e.type == "HAS_TASK"}
    tasks.update({e.source: owner[e.source] for e in edges if e.type == "IMPLEMENTS" and e.target in carried
                  and nodes[e.source].label == "Task"})
    return {(doc, t, e.target, e.props["role"]) for t, doc in tasks.items()
            for e in edges if e.type == "ASSIGNED_TO" and e.source == t}


def keys(rows):
    return {(r["document"], r["task"], r["agency"], r["role"]) for r in rows}


def test_trace_query_is_shipped():
    assert "trace" in query_names()


def test_trace_returns_tasks_agencies_and_roles():
    ox = load_oxigraph(chain_graph())
    rows = run_sparql(ox, "trace", {"symbol": "01/NQ-CP", "year": 2025})
    assert keys(rows) == reference_trace(chain_graph(), "01/NQ-CP", 2025)
    assert ("01/CTr-UBND@2025@Vĩnh Phúc", "01/CTr-UBND@2025@Vĩnh Phúc#task-1", "Vĩnh Phúc:Sở Tài chính", "support") in keys(rows)
    row = next(r for r in rows if r["task"].endswith("task-2"))
    assert row["deadline"] == "2025-06-30" and row["agency_name"] == "Sở Công Thương" and row["province"] == "Vĩnh Phúc"
    assert run_sparql(ox, "trace", {"symbol": "01/NQ-CP", "year": 2024}) == []
    assert keys(run_sparql(ox, "trace", {"symbol": "01/NQ-CP", "year": None})) == keys(rows)
    assert run_sparql(ox, "trace", {"symbol": "45/NQ-HĐND", "year": None}) == []  # only cited, not carried out


def test_trace_follows_documents_that_carry_out_the_implementing_ones():
    g = MemoryGraph(chain_fragments())
    f = GraphFragment("48/KH-UBND@2025@Vĩnh Phúc", "plan.txt", "")
    plan, task = "48/KH-UBND@2025@Vĩnh Phúc", "48/KH-UBND@2025@Vĩnh Phúc#task-1"
    f.nodes += [Node("Document", plan, {"symbol": "48/KH-UBND", "doc_type": "Plan", "year": 2025, "jurisdiction": "Vĩnh Phúc"}, "set"),
                Node("Task", task, {"text": "Phòng Tài chính chủ trì", "source_id": plan}, "own"),
                Node("Agency", "Vĩnh Phúc:Phòng Tài chính - Kế hoạch", {"name": "Phòng Tài chính - Kế hoạch", "jurisdiction": "Vĩnh Phúc"})]
    f.edges += [Edge("IMPLEMENTS", plan, "01/CTr-UBND@2025@Vĩnh Phúc", "Document", "Document", {"source_id": plan}),
                Edge("HAS_TASK", plan, task, "Document", "Task", {"source_id": plan}),
                Edge("ASSIGNED_TO", task, "Vĩnh Phúc:Phòng Tài chính - Kế hoạch", "Task", "Agency", {"role": "lead", "source_id": plan})]
    g.add(f)
    rows = keys(run_sparql(load_oxigraph(g), "trace", {"symbol": "01/NQ-CP", "year": 2025}))
    assert (plan, task, "Vĩnh Phúc:Phòng Tài chính - Kế hoạch", "lead") in rows
    assert rows == reference_trace(g, "01/NQ-CP", 2025)


def test_parameters_are_bound_safely():
    q = bind("SELECT ?x WHERE { ?x ?p ?symbol }", {"symbol": 'a"b\\c', "year": None})
    assert 'VALUES (?symbol ?year) { ("a\\"b\\\\c" UNDEF) }' in q


# --------------------------------------------------------------------------- parity with Cypher

def _rows(rows):
    """Rows as a sorted list of comparable tuples (every column, values as they are)."""
    return sorted(tuple(sorted((k, repr(v)) for k, v in r.items())) for r in rows)


@pytest.fixture(scope="module", params=[(SAMPLES, "45/NQ-CP", 2025), (SEEDS, "01/NQ-CP", 2025)], ids=["samples", "seeds"])
def built(request, tmp_path_factory):
    corpus, symbol, year = request.param
    if not corpus.is_dir():
        pytest.skip(f"{corpus} not present")
    from graph_builder.ingest import Skipped, build_fragments
    from graph_builder.write import open_store

    store = open_store(str(tmp_path_factory.mktemp("kg") / "kg"))
    store.ensure_schema()
    for item in build_fragments([str(corpus)], jobs=1):
        if not isinstance(item, Skipped):
            store.write_fragment(item)
    store.link_undated()
    yield store, symbol, year, load_oxigraph(store)
    store.close()


@pytest.mark.parametrize("which", ["year", "every year", "national", "other province"])
def test_sparql_trace_equals_cypher_trace(built, which):
    """Same rows, column for column, from the Cypher query on the store and the SPARQL query on its export."""
    store, symbol, year, ox = built
    params = {"symbol": symbol, "year": year, "jurisdiction": None}
    if which == "every year":
        params["year"] = None
    elif which == "national":
        params["jurisdiction"] = "national"
    elif which == "other province":
        params["jurisdiction"] = "Cà Mau"
    cypher = store.query("trace", params)
    sparql = run_sparql(ox, "trace", params)
    assert _rows(sparql) == _rows(cypher)
    if which != "other province":
        assert cypher, "the corpus has tasks carrying the resolution out: an empty answer means something broke"
        assert {r["role"] for r in cypher} <= {"lead", "support"} and "lead" in {r["role"] for r in cypher}
    else:
        assert cypher == []


@pytest.mark.neo4j
def test_neo4j_store_gives_the_same_export_and_trace(neo4j_clean_db, neo4j_uri, tmp_path):
    """The exporters read any store: the RDF export of the samples from Neo4j equals the one from the
    embedded store, and SPARQL over it answers the trace as Cypher on Neo4j does."""
    import io

    from graph_builder.export.rdf import export_rdf
    from graph_builder.ingest import Skipped, build_fragments
    from graph_builder.write import open_store

    exports, traces = [], []
    params = {"symbol": "45/NQ-CP", "year": 2025, "jurisdiction": None}
    for uri in (neo4j_uri, str(tmp_path / "kg")):
        with open_store(uri) as store:
            store.ensure_schema()
            for item in build_fragments([str(SAMPLES)], jobs=1):
                if not isinstance(item, Skipped):
                    store.write_fragment(item)
            store.link_undated()
            buf = io.StringIO()
            export_rdf(store, buf, "nt")
            exports.append(sorted(buf.getvalue().splitlines()))
            traces.append(_rows(store.query("trace", params)))
            assert _rows(run_sparql(load_oxigraph(store), "trace", params)) == traces[-1]
    assert exports[0] == exports[1]
    assert traces[0] == traces[1] and traces[0]
