"""write_fragments: several whole documents per transaction, on both stores.  The same graph as
document-by-document writes; atomic per batch (a poisoned document costs only itself, reported by
name); a second build creates nothing; changed documents inside a batch have their facts replaced."""
from __future__ import annotations

import copy

import pytest

import store_corpus as C
from graph_builder.model import Edge, Node
from store_fixtures import build, graph_snapshot, open_test_store, store  # noqa: F401 (fixture)

KEYS = ("nodes_created", "edges_created", "unchanged", "replaced", "failed")


def write_all(store, fragments, per_tx=None):
    if per_tx:
        store.docs_per_tx = per_tx
    results = store.write_fragments(fragments)
    assert len(results) == len(fragments)
    total = {k: sum(r[k] for r in results) for k in KEYS}
    return results, total


@pytest.mark.parametrize("per_tx", [1, 3, 100])
def test_batches_build_the_same_graph_as_single_documents(store, tmp_path, per_tx):
    ref = open_test_store("embedded", tmp_path / "ref")
    try:
        single = build(ref, C.all_fragments())
        results, total = write_all(store, C.all_fragments(), per_tx)
        store.link_undated()
        assert graph_snapshot(store) == graph_snapshot(ref)
        assert (total["nodes_created"], total["edges_created"]) == (single["nodes_created"], single["edges_created"])
        assert total["failed"] == total["unchanged"] == total["replaced"] == 0
        # every created node counted once, for the first document of its batch that names it
        assert results[0]["nodes_created"] >= 1 and all(r["edges_created"] > 0 for r in results)
    finally:
        ref.close()


def test_second_batched_build_creates_nothing(store):
    write_all(store, C.all_fragments(), 4)
    store.link_undated()
    before = graph_snapshot(store)
    results, total = write_all(store, C.all_fragments(), 4)
    store.link_undated()
    assert total == {"nodes_created": 0, "edges_created": 0, "unchanged": len(C.TEXTS), "replaced": 0, "failed": 0}
    assert all(r["unchanged"] == 1 for r in results)
    assert graph_snapshot(store) == before


def test_poisoned_document_costs_only_itself(store, caplog):
    frags = C.all_fragments()
    bad_i = next(i for i, f in enumerate(frags) if f.document_id == C.VP25)
    frags[bad_i].edges.append(Edge("CITES", C.VP25, "99/NQ-CP@2025@national", "Document", "Document",
                                   {"source_id": C.VP25}))
    results, total = write_all(store, frags, 100)  # one batch holds every document
    assert results[bad_i] == {"nodes_created": 0, "edges_created": 0, "unchanged": 0, "replaced": 0, "failed": 1}
    assert total["failed"] == 1 and sum(r["edges_created"] > 0 for r in results) == len(frags) - 1
    assert [f["document_id"] for f in store.last_failures] == [C.VP25]
    assert store.last_failures[0]["source_path"] == C.PATHS[C.VP25]
    assert "99/NQ-CP@2025@national" in store.last_failures[0]["reason"]
    assert C.VP25 in caplog.text and "99/NQ-CP@2025@national" in caplog.text
    # nothing of the bad document: no task of it, its node only as the others refer to it
    ids = {n["id"] for n in store.nodes()}
    assert C.VP25 + "#task-1" not in ids and C.CT05 + "#task-1" in ids
    assert not any(e["props"].get("source_id") == C.VP25 for e in store.edges())
    # the others are the graph of every document but the bad one
    ref = open_test_store("embedded", _tmp())
    try:
        build(ref, [f for f in C.all_fragments() if f.document_id != C.VP25])
        store.link_undated()
        assert graph_snapshot(store) == graph_snapshot(ref)
        # fixed, the document goes in on the next run; the others are unchanged
        results, total = write_all(store, C.all_fragments(), 100)
        assert total["unchanged"] == len(frags) - 1 and total["failed"] == 0 and results[bad_i]["edges_created"] > 0
        build(ref, [C.fragments()[C.VP25]])
        store.link_undated()
        assert graph_snapshot(store) == graph_snapshot(ref)
    finally:
        ref.close()


def test_fragment_outside_the_ontology_is_reported_not_raised(store):
    frags = C.all_fragments()
    frags[2].nodes.append(Node("Person", "x", {}))
    results, total = write_all(store, frags, 100)
    assert results[2]["failed"] == 1 and total["failed"] == 1
    assert "Person" in store.last_failures[0]["reason"]
    assert store.stats()["documents_ingested"] == len(frags) - 1


def test_failure_that_is_not_a_bad_document_still_raises(store, monkeypatch):
    """A bug or a lost server is not a bad document: it stops the run (rerun to resume)."""
    before = graph_snapshot(store)

    def broken(*a):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(store, "_create_edges", broken)
    with pytest.raises(RuntimeError, match="simulated"):
        store.write_fragments(C.all_fragments())
    monkeypatch.undo()
    assert graph_snapshot(store) == before  # the batch was rolled back whole


def test_changed_documents_are_replaced_inside_a_batch(store):
    write_all(store, C.all_fragments(), 100)
    store.link_undated()
    nodes0, edges0 = graph_snapshot(store)
    frags = C.fragments(changed={C.VP25: "hash-v2", C.CT09: "hash-v2"})
    v2 = frags[C.VP25]  # drops task 2 (and its agency) and the project, changes task 1's deadline
    drop = {C.VP25 + "#task-2", "Vĩnh Phúc:Sở Công Thương", "Vĩnh Phúc:khu công nghiệp bá thiện"}
    v2.nodes = [n for n in v2.nodes if n.id not in drop]
    v2.edges = [e for e in v2.edges if e.source not in drop and e.target not in drop]
    next(n for n in v2.nodes if n.id == C.VP25 + "#task-1").props["deadline"] = "2025-03-31"
    # CT09 moves to another id (same path): the old id's facts go, its node too (nobody cites it)
    ct = copy.deepcopy(frags[C.CT09])
    new_id = C.CT09 + "#v2"
    ct.document_id = new_id
    for n in ct.nodes:
        if n.id == C.CT09:
            n.id = new_id
        elif n.id.startswith(C.CT09 + "#"):
            n.id, n.props["source_id"] = new_id + n.id[len(C.CT09):], new_id
    for e in ct.edges:
        e.source = new_id if e.source == C.CT09 else e.source.replace(C.CT09 + "#", new_id + "#")
        e.target = e.target.replace(C.CT09 + "#", new_id + "#")
        e.props["source_id"] = new_id
    frags[C.CT09] = ct
    results, total = write_all(store, list(frags.values()), 100)
    by_doc = dict(zip(frags, results))
    assert by_doc[C.VP25]["replaced"] == 1 and by_doc[C.CT09]["replaced"] == 1
    assert total["replaced"] == 2 and total["unchanged"] == len(frags) - 2 and total["failed"] == 0
    store.link_undated()
    nodes1, edges1 = graph_snapshot(store)
    ids1 = {n[1] for n in nodes1}
    assert not drop & ids1 and "Vĩnh Phúc:Sở Tài chính" in ids1
    assert C.CT09 not in ids1 and new_id + "#task-1" in ids1 and C.CT09 + "#task-1" not in ids1
    import json
    for doc in C.TEXTS:  # every other document's edges are untouched
        if doc not in (C.VP25, C.CT09):
            assert [e for e in edges1 if json.loads(e[3]).get("source_id") == doc] == \
                   [e for e in edges0 if json.loads(e[3]).get("source_id") == doc], doc
    # the same as writing the new versions one by one into a store of the old versions
    ref = open_test_store("embedded", _tmp())
    try:
        build(ref, C.all_fragments())
        build(ref, [v2, ct])
        assert graph_snapshot(ref) == (nodes1, edges1)
    finally:
        ref.close()
    rows = store.query("deadlines", {"to": "2025-03-31", "today": "2025-01-01"})
    assert C.VP25 + "#task-1" in {r["task"] for r in rows}


def test_a_document_twice_in_one_call_is_written_in_order(store):
    old = C.fragments()[C.VP25]
    new = C.fragments(changed={C.VP25: "hash-v2"})[C.VP25]
    new.nodes = [n for n in new.nodes if n.id != C.VP25 + "#task-2"]
    new.edges = [e for e in new.edges if C.VP25 + "#task-2" not in (e.source, e.target)]
    others = [f for f in C.all_fragments() if f.document_id != C.VP25]
    results, total = write_all(store, [old, *others, new], 100)
    assert results[-1]["replaced"] == 1 and total["failed"] == 0
    ids = {n["id"] for n in store.nodes("Task")}
    assert C.VP25 + "#task-1" in ids and C.VP25 + "#task-2" not in ids


def test_shared_node_named_set_and_fill_in_one_batch(store):
    """A document node written by itself (set) and cited by another (fill) in the same batch: the
    document's own values win, the citation only fills what the document does not say."""
    frags = C.all_fragments()
    fwd, rev = open_test_store("embedded", _tmp()), open_test_store("embedded", _tmp())
    try:
        build(fwd, frags)
        build(rev, frags[::-1])
        write_all(store, frags[::-1], 100)
        store.link_undated()
        assert graph_snapshot(store) == graph_snapshot(fwd) == graph_snapshot(rev)
    finally:
        fwd.close()
        rev.close()


def _tmp():
    import tempfile
    from pathlib import Path

    return Path(tempfile.mkdtemp(prefix="kg-ref-"))


def test_owned_node_that_exists_already_is_updated_not_created_again(store):
    """Owned nodes are new once their document's earlier facts were removed, and the Neo4j writer
    creates them without MERGE; one that another document wrote already must still be merged (its
    values updated, counted as not created), not fail the batch on the uniqueness constraint."""
    frags = C.all_fragments()
    first, second = frags[0], frags[1]
    task = next(n for n in first.nodes if n.label == "Task")
    write_all(store, [first])
    plain_results, _ = write_all(store, [copy.deepcopy(second)], 100)
    store_b = copy.deepcopy(second)
    store_b.document_id, store_b.source_path = "x" + second.document_id, "x" + second.source_path
    for n in store_b.nodes:
        if n.id == second.document_id:
            n.id = store_b.document_id
    for e in store_b.edges:
        e.source = store_b.document_id if e.source == second.document_id else e.source
        e.target = store_b.document_id if e.target == second.document_id else e.target
        if e.props.get("source_id") == second.document_id:
            e.props["source_id"] = store_b.document_id
    store_b.nodes.append(Node("Task", task.id, {**task.props, "text": "claimed again"}, "own"))
    store_b.edges.append(Edge("HAS_TASK", store_b.document_id, task.id, "Document", "Task", {}))
    results, total = write_all(store, [store_b], 100)
    assert total["failed"] == 0, store.last_failures
    assert results[0]["edges_created"] == plain_results[0]["edges_created"] + 1
    # every node the copy names exists (its owned nodes keep the ids the original wrote): only the
    # renamed Document node is new
    assert results[0]["nodes_created"] == 1
    rows = store.cypher("MATCH (t:Task) WHERE t.id = $id RETURN t.text AS text", {"id": task.id})
    assert rows == [{"text": "claimed again"}]
