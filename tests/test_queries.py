"""The query library on the hand-written corpus (tests/store_corpus.py): each query's rows checked
by hand, on the embedded store and on real Neo4j, and the two stores answer identically."""
from __future__ import annotations

import pytest

import store_corpus as C
from graph_builder.queries import QueryError, list_queries, load_query, parse
from store_fixtures import STORES, build, open_test_store

CALLS = {
    "trace-2025": ("trace", {"symbol": "01/NQ-CP", "year": 2025}),
    "trace-2024": ("trace", {"symbol": "01/NQ-CP", "year": 2024}),
    "trace-any": ("trace", {"symbol": "01/NQ-CP"}),
    "trace-none": ("trace", {"symbol": "47/NQ-HĐND", "year": 2023}),
    "coverage-2025": ("coverage", {"symbol": "01/NQ-CP", "year": 2025}),
    "coverage-2024": ("coverage", {"symbol": "01/NQ-CP", "year": 2024}),
    "agency": ("agency", {"name": "sở tài chính", "jurisdiction": "Vĩnh Phúc"}),
    "agency-lead": ("agency", {"name": "Sở Tài chính", "jurisdiction": "Vĩnh Phúc", "role": "lead"}),
    "cites-1": ("cites", {"symbol": "01/NQ-CP", "year": 2025}),
    "cites-2": ("cites", {"symbol": "01/NQ-CP", "year": 2025, "hops": 2}),
    "cites-2024": ("cites", {"symbol": "01/NQ-CP", "year": 2024}),
    "cites-out": ("cites", {"symbol": "48/KH-UBND", "hops": "2"}),
    "targets-grdp": ("targets", {"keyword": "GRDP"}),
    "targets-vp": ("targets", {"keyword": "grdp", "province": "Vĩnh Phúc", "year": 2025}),
    "deadlines": ("deadlines", {"from": "2025-01-01", "to": "2025-12-31", "today": "2025-05-01"}),
    "dangling": ("dangling", {}),
    "most-cited": ("most-cited", {"limit": 3}),
    "undated": ("undated", {}),
}


@pytest.fixture(scope="module")
def results(request, tmp_path_factory):
    """kind -> call name -> rows, for each store kind the run can reach."""
    return {}


def _results_for(kind, results, tmp_path_factory):
    if kind not in results:
        store = open_test_store(kind, tmp_path_factory.mktemp(kind))
        try:
            build(store, C.all_fragments())
            results[kind] = {name: store.query(q, params) for name, (q, params) in CALLS.items()}
        finally:
            store.close()
    return results[kind]


@pytest.fixture(params=STORES)
def rows(request, results, tmp_path_factory):
    return _results_for(request.param, results, tmp_path_factory)


def keys(rs, *cols):
    return [tuple(r[c] for c in cols) for r in rs]


def test_trace_2025_follows_programmes_district_plans_and_task_level_links(rows):
    got = keys(rows["trace-2025"], "document", "task", "agency", "role", "via", "inferred")
    assert got == [
        (C.VP25, C.VP25 + "#task-1", "Vĩnh Phúc:Sở Kế hoạch và Đầu tư", "lead", "document", False),
        (C.VP25, C.VP25 + "#task-1", "Vĩnh Phúc:Sở Tài chính", "support", "document", False),
        (C.VP25, C.VP25 + "#task-2", "Vĩnh Phúc:Sở Công Thương", "lead", "document", False),
        (C.CT05, C.CT05 + "#task-1", "Vĩnh Phúc:Sở Tài chính", "lead", "task", False),
        (C.TN25, C.TN25 + "#task-1", "Thái Nguyên:Sở Tài chính", "lead", "document", False),
        (C.TN25, C.TN25 + "#task-2", "Thái Nguyên:Sở Nội vụ", "lead", "document", False),
        (C.TD25, C.TD25 + "#task-1", "Vĩnh Phúc:Phòng Tài chính - Kế hoạch", "lead", "document", False),
    ]
    row = rows["trace-2025"][2]
    assert (row["deadline"], row["province"], row["agency_name"]) == ("2025-06-30", "Vĩnh Phúc", "Sở Công Thương")
    # every row leads back to the source sentence
    for r in rows["trace-2025"]:
        text = C.TEXTS[r["document"]]
        assert text[r["span_start"]:r["span_end"]] == r["task_text"] and r["task_text"] in r["sentence"]
        assert r["source_path"] == C.PATHS[r["document"]]


def test_trace_2024_has_the_inferred_quang_nam_link_and_nothing_of_2025(rows):
    got = keys(rows["trace-2024"], "document", "task", "agency", "role", "via", "inferred")
    assert got == [
        (C.VP24, C.VP24 + "#task-1", "Vĩnh Phúc:Sở Tài chính", "lead", "document", False),
        (C.QN, C.QN + "#task-1", "Quảng Nam:Các sở, ban, ngành tỉnh", "lead", "task", True),
    ]


def test_trace_without_year_covers_every_01_nq_cp_and_the_undated_one(rows):
    docs = {r["document"] for r in rows["trace-any"]}
    assert docs == {C.VP25, C.CT05, C.TN25, C.TD25, C.VP24, C.QN, C.CT09}
    qn = [r for r in rows["trace-any"] if r["document"] == C.QN]
    assert len(qn) == 1 and qn[0]["inferred"] is False  # also stated (to the undated node)
    assert rows["trace-none"] == []


def test_coverage(rows):
    assert keys(rows["coverage-2025"], "province", "documents", "tasks", "agencies") == [
        ("Thái Nguyên", 1, 2, 2), ("Vĩnh Phúc", 3, 4, 4)]
    assert keys(rows["coverage-2024"], "province", "documents", "tasks", "agencies") == [
        ("Quảng Nam", 1, 1, 1), ("Vĩnh Phúc", 1, 1, 1)]


def test_agency(rows):
    assert keys(rows["agency"], "document", "task", "role", "deadline") == [
        (C.VP25, C.VP25 + "#task-1", "support", None),
        (C.CT05, C.CT05 + "#task-1", "lead", None),
        (C.VP24, C.VP24 + "#task-1", "lead", "2024-09-30"),
    ]
    assert [r["document"] for r in rows["agency-lead"]] == [C.CT05, C.VP24]
    r = rows["agency"][0]
    assert C.TEXTS[C.VP25][r["span_start"]:r["span_end"]] == "Sở Tài chính" and "phối hợp với Sở Tài chính" in r["sentence"]


def test_cites(rows):
    assert keys(rows["cites-1"], "direction", "hops", "document", "mentions") == [
        ("cited_by", 1, C.VP25, 1), ("cited_by", 1, C.CT05, 2), ("cited_by", 1, C.TN25, 1)]
    assert keys(rows["cites-2"], "direction", "hops", "document", "mentions") == [
        ("cited_by", 1, C.VP25, 1), ("cited_by", 1, C.CT05, 2), ("cited_by", 1, C.TN25, 1),
        ("cited_by", 2, C.TD25, None)]
    assert keys(rows["cites-2024"], "document", "mentions", "inferred") == [(C.VP24, 1, None), (C.QN, 2, True)]
    assert keys(rows["cites-out"], "direction", "hops", "document") == [("cites", 1, C.VP25), ("cites", 2, C.NQ25)]
    r = rows["cites-1"][1]
    assert r["quote"] == "Nghị quyết số 01/NQ-CP ngày 08/01/2025" and r["quote"] in r["sentence"]


def test_targets(rows):
    assert keys(rows["targets-grdp"], "province", "value", "value_num", "min_value", "max_value", "comparator") == [
        ("Thái Nguyên", "8", 8.0, None, None, ">"), ("Vĩnh Phúc", "10-10,5", None, 10.0, 10.5, "range")]
    (r,) = rows["targets-vp"]
    assert r["document"] == C.VP25 and C.TEXTS[C.VP25][r["span_start"]:r["span_end"]] == "tăng trưởng GRDP năm 2025 đạt 10-10,5%"


def test_deadlines_overdue_first(rows):
    assert keys(rows["deadlines"], "overdue", "deadline", "task", "agency_name") == [
        (True, "2025-03-31", C.TN25 + "#task-1", "Sở Tài chính"),
        (True, "2025-04-15", C.TD25 + "#task-1", "Phòng Tài chính - Kế hoạch"),
        (False, "2025-06-30", C.VP25 + "#task-2", "Sở Công Thương"),
        (False, "2025-07-15", C.NQ25 + "#task-1", "Bộ Kế hoạch và Đầu tư"),
    ]


def test_dangling_and_most_cited(rows):
    assert keys(rows["dangling"], "document", "citing_documents", "mentions", "link_status") == [
        (C.NQ24, 2, 3, None), (C.NQ_UNDATED, 1, 1, "partial"), (C.HDND47, 1, 1, None)]
    assert rows["dangling"][2]["example_sentence"] == "Căn cứ Nghị quyết số 47/NQ-HĐND ngày 08/12/2023 của HĐND tỉnh;"
    assert keys(rows["most-cited"], "document", "citing_documents", "mentions", "ingested") == [
        (C.NQ25, 3, 4, True), (C.NQ24, 2, 3, False), (C.VP25, 2, 2, True)]


def test_undated_reports_link_and_ambiguity(rows):
    got = keys(rows["undated"], "citing", "status", "linked_to")
    assert got == [(C.CT09, "partial", None), (C.QN, "partial", C.NQ24)]
    qn = rows["undated"][1]
    assert "dated after the citing document: " + C.NQ25 in qn["reason"]
    assert "ambiguous" in qn["note"] and C.CT09 in qn["note"]


@pytest.mark.neo4j
def test_both_stores_answer_identically(results, tmp_path_factory):
    emb = _results_for("embedded", results, tmp_path_factory)
    neo = _results_for("neo4j", results, tmp_path_factory)
    for name in CALLS:
        assert emb[name] == neo[name], name


# --------------------------------------------------------------------------- the loader

def test_library_has_the_documented_queries():
    names = {q.name for q in list_queries()}
    assert {"trace", "coverage", "agency", "cites", "targets", "deadlines", "dangling", "most-cited"} <= names
    for q in list_queries():
        assert q.description and q.examples and q.examples[0].startswith(f"legalkg query {q.name}")


def test_parameters_are_validated_before_running():
    q = load_query("trace")
    with pytest.raises(QueryError, match="symbol is required"):
        q.bind({})
    with pytest.raises(QueryError, match="unknown parameter"):
        q.bind({"symbol": "01/NQ-CP", "yaer": 2025})
    with pytest.raises(QueryError, match="cannot read"):
        q.bind({"symbol": "01/NQ-CP", "year": "năm nay"})
    assert q.bind({"symbol": "01/NQ-CP", "year": "2025"}) == {"symbol": "01/NQ-CP", "year": 2025, "jurisdiction": None,
                                                              "province": None}
    d = load_query("deadlines").bind({"from": "2025-01-01"})
    assert d["to"] is None and len(d["today"]) == 10
    with pytest.raises(QueryError, match="YYYY-MM-DD"):
        load_query("deadlines").bind({"from": "1/1/2025"})
    assert load_query("dangling").bind({})["limit"] == 50
    with pytest.raises(QueryError, match="no query named"):
        load_query("nope")


def test_header_must_declare_every_parameter():
    with pytest.raises(QueryError, match="not declared: x"):
        parse("bad", "// d\n// @example legalkg query bad\nMATCH (n:Task) WHERE n.id = $x RETURN n.id AS id")


# --------------------------------------------------------------------------- multi-step queries

# The single UNION query that trace's four steps replace (kept here as the reference: the steps
# must give exactly its rows).
TRACE_UNION = """
MATCH (x:Document)
WHERE x.symbol = $symbol AND (x.year = $year OR $year IS NULL)
  AND (x.jurisdiction = $jurisdiction OR $jurisdiction IS NULL)
MATCH (d:Document)-[:IMPLEMENTS*1..4]->(x)
WITH DISTINCT d, x
OPTIONAL MATCH (d)-[i:IMPLEMENTS]->(x)
WITH d, min(CASE WHEN i.inferred = true THEN 1 ELSE 0 END) AS inferred
MATCH (d)-[:HAS_TASK]->(t:Task)
MATCH (t)-[a:ASSIGNED_TO]->(g:Agency)
RETURN d.id AS document, d.symbol AS document_symbol, d.doc_type AS document_type,
       coalesce(d.province, d.jurisdiction) AS province, t.id AS task, t.text AS task_text,
       g.id AS agency, g.name AS agency_name, a.role AS role, t.deadline AS deadline,
       t.deadline_text AS deadline_text, 'document' AS via, inferred = 1 AS inferred,
       t.sentence AS sentence, t.source_path AS source_path, t.span_start AS span_start, t.span_end AS span_end
UNION
MATCH (x:Document)
WHERE x.symbol = $symbol AND (x.year = $year OR $year IS NULL)
  AND (x.jurisdiction = $jurisdiction OR $jurisdiction IS NULL)
MATCH (t:Task)-[i:IMPLEMENTS]->(x)
MATCH (d:Document)-[:HAS_TASK]->(t)
WHERE NOT EXISTS { MATCH (d)-[:IMPLEMENTS*1..4]->(x) }
WITH d, t, min(CASE WHEN i.inferred = true THEN 1 ELSE 0 END) AS inferred
MATCH (t)-[a:ASSIGNED_TO]->(g:Agency)
RETURN d.id AS document, d.symbol AS document_symbol, d.doc_type AS document_type,
       coalesce(d.province, d.jurisdiction) AS province, t.id AS task, t.text AS task_text,
       g.id AS agency, g.name AS agency_name, a.role AS role, t.deadline AS deadline,
       t.deadline_text AS deadline_text, 'task' AS via, inferred = 1 AS inferred,
       t.sentence AS sentence, t.source_path AS source_path, t.span_start AS span_start, t.span_end AS span_end
"""


@pytest.mark.parametrize("kind", STORES)
def test_trace_steps_give_the_rows_of_the_union_query(kind, tmp_path):
    """On the corpus plus a task that implements a document its own document also reaches (not a
    'task' row) and one that implements another focus document of the same symbol (a 'task' row)."""
    from graph_builder.model import Edge

    frags = C.fragments()
    vp = frags[C.VP25]
    vp.edges.append(Edge("IMPLEMENTS", C.VP25 + "#task-1", C.NQ25, "Task", "Document", {"source_id": C.VP25}))
    vp.edges.append(Edge("IMPLEMENTS", C.VP25 + "#task-2", C.NQ24, "Task", "Document",
                         {"source_id": C.VP25, "inferred": True}))
    store = open_test_store(kind, tmp_path)
    try:
        build(store, list(frags.values()))
        q = load_query("trace")
        assert list(q.steps) == ["documents", "task_links", "document_rows", "task_rows"]
        seen_task_rows = False
        for params in ({"symbol": "01/NQ-CP", "year": 2025}, {"symbol": "01/NQ-CP", "year": 2024},
                       {"symbol": "01/NQ-CP"}, {"symbol": "01/CTr-UBND"}, {"symbol": "47/NQ-HĐND"},
                       {"symbol": "01/NQ-CP", "jurisdiction": "national"}, {"symbol": "no/such"}):
            bound = q.bind(params)
            want = q.finish(store._read(TRACE_UNION, bound))
            got = store.query("trace", params)
            assert got == want, params
            seen_task_rows |= any(r["via"] == "task" and r["document"] == C.VP25 for r in got)
        assert seen_task_rows  # task-2 -> the 2024 resolution, which VP25 does not reach: a 'task' row
    finally:
        store.close()


def test_steps_need_their_merge_function():
    text = "// d\n// @example legalkg query two\n// @step a\nMATCH (n:Task) RETURN n.id AS id\n// @step b\nMATCH (n:Task) RETURN n.id AS id"
    with pytest.raises(QueryError, match="no merge function"):
        parse("two", text)
    with pytest.raises(QueryError, match="its merge function runs"):
        parse("trace", text.replace("two", "trace"))


@pytest.mark.parametrize("kind", STORES)
def test_trace_of_one_province_is_that_province_s_share_of_the_trace(kind, tmp_path):
    """``province`` keeps the rows of the implementing documents of that province (the drill-down
    of a resolution that thousands of documents carry out), document and task rows alike."""
    store = open_test_store(kind, tmp_path)
    try:
        build(store, C.all_fragments())
        for params in ({"symbol": "01/NQ-CP"}, {"symbol": "01/NQ-CP", "year": 2025}, {"symbol": "01/NQ-CP", "year": 2024}):
            whole = store.query("trace", params)
            provinces = {r["province"] for r in whole}
            assert len(provinces) >= 2
            for p in sorted(provinces) + ["Hà Giang"]:
                assert store.query("trace", {**params, "province": p}) == [r for r in whole if r["province"] == p]
        vp = store.query("trace", {"symbol": "01/NQ-CP", "year": 2025, "province": "Vĩnh Phúc"})
        assert {r["via"] for r in vp} == {"document", "task"}  # both kinds of row pass the filter
    finally:
        store.close()
