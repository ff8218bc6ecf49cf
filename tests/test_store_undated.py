"""Undated citations: the pure decision (resolve.corpus.choose_dated) and the seeds' acceptance case."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.resolve.corpus import AMBIGUOUS, LINKED, UNMATCHED, Candidate, Citing, choose_dated, summarise
from store_fixtures import STORES, graph_snapshot, open_test_store

S24 = "về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội và Dự toán ngân sách nhà nước năm 2024"
S25 = S24.replace("2024", "2025")
QN = "về giải pháp chủ yếu thực hiện kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm 2024"
C24 = Candidate("01/NQ-CP@2024@national", 2024, "2024-01-05", (S24,))
C25 = Candidate("01/NQ-CP@2025@national", 2025, "2025-01-08", (S25,))
U = "01/NQ-CP@year?@national"


def test_subject_chooses_the_one_candidate_it_agrees_with():
    d = choose_dated(U, Citing("qn", None, None, QN), [C25, C24])
    assert (d.status, d.target) == (LINKED, C24.id)
    assert "agrees with the subject of 01/NQ-CP@2024@national" in d.reason


def test_a_later_candidate_is_never_chosen():
    d = choose_dated(U, Citing("x", "2024-06-01", 2024, None), [C24, C25])
    assert (d.status, d.target) == (LINKED, C24.id) and "dated after the citing document" in d.reason
    # even when the subject points at it
    d = choose_dated(U, Citing("x", "2024-06-01", 2024, S25), [C25])
    assert d.status == UNMATCHED and d.target is None


def test_several_candidates_without_context_stay_ambiguous():
    d = choose_dated(U, Citing("x", None, 2025, None), [C24, C25])
    assert (d.status, d.target) == (AMBIGUOUS, None) and d.candidates == (C24.id, C25.id)
    d = choose_dated(U, Citing("x", None, None, "về phát triển kinh tế - xã hội"), [C24, C25])
    assert d.status == AMBIGUOUS  # names no year: agrees with neither for sure
    unknown = [Candidate(C24.id, 2024, None, ()), Candidate(C25.id, 2025, None, ())]
    assert choose_dated(U, Citing("x", None, None, QN), unknown).status == AMBIGUOUS  # no subject known


def test_unique_and_missing_candidates_and_inferred_years():
    assert choose_dated(U, Citing("x"), [C25]).target == C25.id
    assert choose_dated(U, Citing("x"), []).status == UNMATCHED
    d = choose_dated("01/NQ-CP@2024~@national", Citing("x"), [C24, C25], inferred_year=2024)
    assert (d.status, d.target) == (LINKED, C24.id) and "inferred year 2024" in d.reason


def test_summary_of_a_node():
    a = choose_dated(U, Citing("a", None, None, QN), [C24, C25])
    b = choose_dated(U, Citing("b"), [C24, C25])
    assert summarise([a])[0] == LINKED and summarise([a, b])[0] == "partial" and summarise([b])[0] == AMBIGUOUS


SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")
def test_seeds_quang_nam_never_attached_to_the_2025_resolution(tmp_path):
    """Acceptance: the Quảng Nam decision (seed 004) cites 01/NQ-CP without a date; it is linked to
    the 2024 resolution (inferred, with the reason) or reported as ambiguous -- never to 2025."""
    from graph_builder.ingest import Skipped, build_fragments
    from graph_builder.write import open_store

    with open_store(str(tmp_path / "kg")) as store:
        for item in build_fragments([str(SEEDS)], jobs=1):
            if not isinstance(item, Skipped):
                store.write_fragment(item)
        store.link_undated()
        qn = [n["id"] for n in store.nodes("Document") if n["props"].get("source_path", "").endswith("004_1caf876ead846e1d.txt")]
        assert len(qn) == 1
        links = [e for e in store.edges() if e["source"] == qn[0] and e["props"].get("linked_from")
                 or e["props"].get("source_id") == qn[0] and e["props"].get("linked_from")]
        assert all(not e["target"].startswith("01/NQ-CP@2025") for e in links)
        for e in links:
            if e["target"].startswith("01/NQ-CP@"):
                assert e["target"].startswith("01/NQ-CP@2024") and e["props"]["inferred"] is True
                assert e["props"]["inference"]
        # no edge at all (stated or inferred) from the decision or its tasks to 01/NQ-CP of 2025
        assert not [e for e in store.edges() if e["props"].get("source_id") == qn[0]
                    and e["target"].startswith("01/NQ-CP@2025")]
        trace25 = store.query("trace", symbol="01/NQ-CP", year=2025)
        assert qn[0] not in {r["document"] for r in trace25}


@pytest.mark.parametrize("kind", STORES)
def test_linking_in_small_transactions_gives_the_same_links(kind, tmp_path):
    """A national crawl links its undated citations a few thousand nodes per transaction: cutting
    the work into groups (here of 3 nodes, never splitting a symbol) gives exactly the links,
    statuses and decisions of one transaction, and a second run recomputes the same."""
    from graph_builder.ingest import Skipped, build_fragments
    from graph_builder.synth import generate
    from graph_builder.write.undated import link_undated

    generate(80, tmp_path / "corpus", seed=11, jobs=1)
    frags = [f for f in build_fragments([str(tmp_path / "corpus" / "docs")], jobs=1) if not isinstance(f, Skipped)]
    store = open_test_store(kind, tmp_path)
    try:
        store.write_fragments(frags)
        def link(per_tx: int) -> tuple:
            n, decisions = link_undated(store, per_tx=per_tx)
            return (n, sorted((d.undated, d.citing, d.status, d.target or "", d.reason) for d in decisions),
                    graph_snapshot(store))

        one, small, again = link(100_000), link(3), link(3)
        assert one[0] > 0 and {d[2] for d in one[1]} >= {"linked"}  # the corpus has links to make
        assert small == one and again == one
    finally:
        store.close()
