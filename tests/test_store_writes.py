"""Writing to both stores: idempotent builds, replacing a changed document's facts only, removal,
atomic documents, the same graph and stats on the embedded store and on real Neo4j."""
from __future__ import annotations

import copy

import pytest

import store_corpus as C
from graph_builder.model import Edge, Node
from graph_builder.write import SchemaError, StoreBusy, StoreError, open_store
from store_fixtures import build, graph_snapshot, open_test_store, store  # noqa: F401 (fixture)


def test_double_build_creates_nothing(store):
    first = build(store, C.all_fragments())
    assert first["nodes_created"] == 40 and first["edges_created"] == 55  # 40 nodes; 55 stated edges
    before = graph_snapshot(store)
    second = build(store, C.all_fragments())
    assert second["nodes_created"] == 0 and second["edges_created"] == 0
    assert second["unchanged"] == len(C.TEXTS) and second["replaced"] == 0
    assert graph_snapshot(store) == before


def _by_source(snapshot_edges, doc_id):
    import json

    return [e for e in snapshot_edges if json.loads(e[3]).get("source_id") == doc_id]


def test_changed_document_replaces_only_its_facts(store):
    build(store, C.all_fragments())
    nodes0, edges0 = graph_snapshot(store)
    frags = C.fragments(changed={C.VP25: "hash-v2"})
    v2 = frags[C.VP25]
    # the new version drops task 2 (and its agency) and the project, and changes task 1's deadline
    drop = {C.VP25 + "#task-2", "Vĩnh Phúc:Sở Công Thương", "Vĩnh Phúc:khu công nghiệp bá thiện"}
    v2.nodes = [n for n in v2.nodes if n.id not in drop]
    v2.edges = [e for e in v2.edges if e.source not in drop and e.target not in drop]
    next(n for n in v2.nodes if n.id == C.VP25 + "#task-1").props["deadline"] = "2025-03-31"
    counts = store.write_fragment(v2)
    assert counts["replaced"] == 1 and counts["unchanged"] == 0
    store.link_undated()
    nodes1, edges1 = graph_snapshot(store)
    # every other document's edges are untouched
    for doc in C.TEXTS:
        if doc != C.VP25:
            assert _by_source(edges1, doc) == _by_source(edges0, doc), doc
    ids1 = {n[1] for n in nodes1}
    assert not drop & ids1  # gone with the old version (agency and project were only VP25's)
    assert "Vĩnh Phúc:Sở Tài chính" in ids1  # shared with other documents: kept
    assert len(_by_source(edges1, C.VP25)) == len(_by_source(edges0, C.VP25)) - 2  # ASSIGNED_TO and CONCERNS (HAS_TASK, SETS_TARGET carry no provenance)
    rows = store.query("deadlines", {"to": "2025-03-31", "today": "2025-01-01"})
    assert {r["task"] for r in rows} >= {C.VP25 + "#task-1"}
    # rewriting the same new version is a no-op
    assert store.write_fragment(v2)["unchanged"] == 1


def test_document_moved_to_another_id_replaces_the_old_one(store):
    build(store, C.all_fragments())
    frag = copy.deepcopy(C.fragments()[C.CT09])
    new_id = "09/CT-UBND@2025@Thái Nguyên#v2"
    frag.document_id = new_id
    frag.content_hash = "other"
    for n in frag.nodes:
        if n.id == C.CT09:
            n.id = new_id
        elif n.id.startswith(C.CT09 + "#"):
            n.id = new_id + n.id[len(C.CT09):]
            n.props["source_id"] = new_id
    for e in frag.edges:
        e.source = new_id if e.source == C.CT09 else e.source.replace(C.CT09 + "#", new_id + "#")
        e.target = e.target.replace(C.CT09 + "#", new_id + "#")
        e.props["source_id"] = new_id
    assert store.write_fragment(frag)["replaced"] == 1
    ids = {n["id"] for n in store.nodes()}
    assert C.CT09 not in ids and C.CT09 + "#task-1" not in ids and new_id + "#task-1" in ids


def test_remove_keeps_cited_documents_as_referenced_only(store):
    build(store, C.all_fragments())
    out = store.remove_document(C.PATHS[C.VP25])
    assert out == {"documents_removed": 1, "kept_as_referenced": 1}
    store.link_undated()
    vp = next(n for n in store.nodes("Document") if n["id"] == C.VP25)
    assert vp["props"]["ingested"] is False and "source_path" not in vp["props"]
    ids = {n["id"] for n in store.nodes()}
    assert C.VP25 + "#task-1" not in ids and C.VP25 + "#target-1" not in ids
    assert "Vĩnh Phúc:khu công nghiệp bá thiện" not in ids and "Vĩnh Phúc:Sở Công Thương" not in ids
    # the programme's own IMPLEMENTS link went with it, so the district plan no longer chains to the
    # resolution; it still implements the (now referenced-only) programme
    rows = store.query("trace", symbol="01/NQ-CP", year=2025)
    assert {r["document"] for r in rows} == {C.CT05, C.TN25}
    assert {r["document"] for r in store.query("trace", symbol="01/CTr-UBND", year=2025)} == {C.TD25}
    # a document nobody cites disappears entirely; the undated citation now has one citer: linked
    assert store.remove_document(C.PATHS[C.CT09]) == {"documents_removed": 1, "kept_as_referenced": 0}
    store.link_undated()
    assert C.CT09 not in {n["id"] for n in store.nodes("Document")}
    und = next(n for n in store.nodes("Document") if n["id"] == C.NQ_UNDATED)
    assert und["props"]["link_status"] == "linked"
    assert store.remove_document("no/such/file.txt")["documents_removed"] == 0
    # and building it again restores the same facts
    build(store, [C.fragments()[C.VP25], C.fragments()[C.CT09]])
    other = open_test_store("embedded", _tmp(store))
    try:
        build(other, C.all_fragments())
        assert graph_snapshot(store) == graph_snapshot(other)
    finally:
        other.close()


def _tmp(store):
    import tempfile
    from pathlib import Path

    return Path(tempfile.mkdtemp(prefix="kg-ref-"))


def test_failing_write_leaves_no_half_document(store, monkeypatch):
    build(store, [f for d, f in C.fragments().items() if d != C.VP25])
    before = graph_snapshot(store)
    frag = C.fragments()[C.VP25]
    calls = {"n": 0}
    real = store._create_edges

    def flaky(tx, *a):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk full (simulated)")
        return real(tx, *a)

    monkeypatch.setattr(store, "_create_edges", flaky)
    with pytest.raises(RuntimeError, match="simulated"):
        store.write_fragment(frag)
    monkeypatch.undo()
    assert graph_snapshot(store) == before
    # an edge to a node that exists nowhere: refused, nothing written, the message names it
    bad = C.fragments()[C.VP25]
    bad.edges.append(Edge("CITES", C.VP25, "99/NQ-CP@2025@national", "Document", "Document", {"source_id": C.VP25}))
    with pytest.raises(StoreError, match="99/NQ-CP@2025@national"):
        store.write_fragment(bad)
    assert graph_snapshot(store) == before
    assert store.write_fragment(C.fragments()[C.VP25])["edges_created"] == 10


def test_fragments_outside_the_ontology_are_refused(store):
    f = C.fragments()[C.CT09]
    f.nodes[0].props["colour"] = "red"
    with pytest.raises(SchemaError, match="colour"):
        store.write_fragment(f)
    f = C.fragments()[C.CT09]
    f.nodes.append(Node("Person", "x", {}))
    with pytest.raises(SchemaError, match="Person"):
        store.write_fragment(f)
    f = C.fragments()[C.CT09]
    f.nodes[0].props["year"] = "hai nghìn"
    with pytest.raises(SchemaError, match="year"):
        store.write_fragment(f)
    assert store.stats()["nodes"]["Document"] == 0


@pytest.mark.neo4j
def test_both_stores_hold_the_same_graph(tmp_path):
    emb = open_test_store("embedded", tmp_path)
    neo = open_test_store("neo4j", tmp_path)
    try:
        assert build(emb, C.all_fragments()) == build(neo, C.all_fragments())
        assert emb.stats() == neo.stats()
        assert graph_snapshot(emb) == graph_snapshot(neo)
        labels = {r["l"] for r in neo._read("MATCH (d:Resolution) RETURN d.id AS l")}
        assert labels == {C.NQ25, C.NQ24, C.NQ_UNDATED, C.HDND47}  # the type label on Neo4j
    finally:
        emb.close()
        neo.close()


def test_stats_counts(store):
    build(store, C.all_fragments())
    s = store.stats()
    assert s["nodes"] == {"Document": 11, "Agency": 14, "Task": 11, "Target": 3, "Project": 1}
    assert s["documents"] == {"Decision": 1, "Directive": 2, "Plan": 1, "Program": 3, "Resolution": 4}
    assert (s["documents_ingested"], s["documents_referenced"]) == (8, 3)
    assert s["relationships"] == {"CITES": 10, "IMPLEMENTS": 8, "BASED_ON": 5, "ISSUED_BY": 8, "HAS_TASK": 11,
                                  "ASSIGNED_TO": 12, "SETS_TARGET": 3, "CONCERNS": 1}


def test_embedded_store_one_writer_at_a_time_and_reopened(tmp_path):
    path = str(tmp_path / "kg")
    with open_store(path) as s:
        build(s, C.all_fragments())
        with pytest.raises(StoreBusy, match="locked"):
            open_store(path)
    with open_store(path, read_only=True) as r:
        assert r.stats()["nodes"]["Task"] == 11
        with pytest.raises(StoreError, match="read-only"):
            r.write_fragment(C.fragments()[C.CT09])
    with pytest.raises(StoreError, match="no graph store"):
        open_store(str(tmp_path / "missing"), read_only=True)


def test_networkx_view(tmp_path):
    from graph_builder.export.networkx_view import to_networkx

    with open_store(str(tmp_path / "kg")) as s:
        build(s, C.all_fragments())
        g = to_networkx(s)
        assert g.number_of_nodes() == 40 and g.number_of_edges() == sum(s.stats()["relationships"].values())
        assert g.nodes[C.NQ25]["label"] == "Document" and g.nodes[C.NQ25]["doc_type"] == "Resolution"
        assert g.has_edge(C.QN, C.NQ24, "CITES") and g.edges[C.QN, C.NQ24, "CITES"]["inferred"] is True
        focus = to_networkx(s, focus="01/NQ-CP", year=2025, depth=1, types=["IMPLEMENTS", "CITES"])
        assert set(focus.nodes) == {C.NQ25, C.VP25, C.TN25, C.CT05, C.CT05 + "#task-1"}
