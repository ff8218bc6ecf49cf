"""Regression on the five real seeds (issue 3 acceptance): the whole extraction, scored by the shared
scorer against the gold annotation.  Fails below the issue's bounds:

    citations F1 >= 0.98, identity_year >= 0.98, identity_issuer_scope >= 0.98, implements F1 >= 0.9,
    document_doc_type / symbol / province / date >= 0.95
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from graph_builder.pipeline import extract_path

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
F1_BOUNDS = {"citations": 0.98, "implements": 0.9}
RATE_BOUNDS = {"identity_year": 0.98, "identity_issuer_scope": 0.98, "document_doc_type": 0.95,
               "document_symbol": 0.95, "document_province": 0.95, "document_date": 0.95}


def _scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", SHARED / "tools" / "score_extraction.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def records():
    assert len(SEEDS) == 5, f"the five seeds are expected in {SHARED / 'seeds'}"
    return {p.name: extract_path(p) for p in SEEDS}


@pytest.fixture(scope="module")
def gold():
    return {p.name: json.loads((SHARED / "gold" / (p.stem + ".json")).read_text(encoding="utf-8")) for p in SEEDS}


@pytest.fixture(scope="module")
def summary(records, tmp_path_factory):
    pred = tmp_path_factory.mktemp("pred") / "pred.jsonl"
    pred.write_text("".join(r.to_json() + "\n" for r in records.values()), encoding="utf-8")
    scorer = _scorer()
    fields, identity, meta, report = scorer.score(scorer.load_gold(SHARED / "gold"), scorer.load_pred(pred))
    out = {k: t.prf() for k, t in fields.items()}
    for k in ("year", "issuer_scope"):
        out["identity_" + k] = identity[k + "_ok"] / identity[k + "_total"]
    for k in ("doc_type", "symbol", "province", "date"):
        out["document_" + k] = meta[k + "_ok"] / meta[k + "_total"]
    return out, "\n".join(report)


@pytest.mark.parametrize("field", sorted(F1_BOUNDS))
def test_f1_bounds(summary, field):
    values, report = summary
    p, r, f = values[field]
    assert f >= F1_BOUNDS[field], f"{field} F1 {f:.3f} (P={p:.3f} R={r:.3f}) < {F1_BOUNDS[field]}\n{report}"


@pytest.mark.parametrize("field", sorted(RATE_BOUNDS))
def test_rate_bounds(summary, field):
    values, report = summary
    assert values[field] >= RATE_BOUNDS[field], f"{field} {values[field]:.3f} < {RATE_BOUNDS[field]}\n{report}"


def test_mention_counts_dates_and_types_match_gold(records, gold):
    """Not scored by the tool, but part of the gold: counted mentions (repeated blocks once), dates, types."""
    wrong = []
    for name, rec in records.items():
        pred = {c.symbol: c for c in rec.citations}
        for g in gold[name]["citations"]:
            c = pred.get(g["symbol"])
            if c is None:
                wrong.append((name, g["symbol"], "missing"))
                continue
            for key, value in (("mentions", len(c.counted_mentions())), ("date", c.date), ("doc_type", c.doc_type)):
                if g[key] != value:
                    wrong.append((name, g["symbol"], key, g[key], value))
    assert not wrong, wrong


def test_basis_matches_gold(records, gold):
    for name, rec in records.items():
        assert sorted(rec.basis) == sorted(gold[name].get("basis", [])), name


def test_quotes_spans_and_sentences_point_into_the_source(records):
    for name, rec in records.items():
        text = (SHARED / "seeds" / name).read_text(encoding="utf-8")
        for c in rec.citations:
            assert c.first_quote and c.first_quote in text and "\n" not in c.first_quote, (name, c.symbol, c.first_quote)
            for m in c.mentions:
                assert text[m.start:m.end] == m.raw
            assert len(c.sentences) == len(c.counted_mentions())
            assert all(s in text for s in c.sentences)
        for n in rec.named_references:
            assert n.first_quote in text and "\n" not in n.first_quote, (name, n.name)


def test_the_documents_own_number_is_not_a_citation(records):
    rec = records["003_b9d8970ddb96f423.txt"]
    assert rec.document.symbol == "01/CTr-UBND"
    assert "01/CTr-UBND" not in {c.symbol for c in rec.citations}


def test_identity_keys_and_ids(records):
    rec = records["003_b9d8970ddb96f423.txt"]
    assert rec.id == "01/CTr-UBND@2025@Vĩnh Phúc"
    keys = {c.symbol: c.identity.key for c in rec.citations}
    assert keys["01/NQ-CP"] == "01/NQ-CP@2025@national"
    assert keys["45/NQ-HĐND"] == "45/NQ-HĐND@2024@Vĩnh Phúc"
    undated = {c.symbol: c.identity.key for c in records["004_1caf876ead846e1d.txt"].citations}
    assert undated["01/NQ-CP"] == "01/NQ-CP@year?@national"  # not guessed
    # the unnamed province of 002: local issuers keep an unknown jurisdiction
    rec2 = records["002_eacce9eeeac5d536.txt"]
    assert {c.symbol: c.issuer_scope for c in rec2.citations}["2970/SKHĐT-TH"] is None
    assert rec2.id.startswith("unnumbered@year?@jurisdiction?#")


def test_named_references_cover_most_of_the_gold(records, gold):
    """Named references are not scored by the tool; recall by name similarity must stay high."""
    scorer = _scorer()
    found = total = 0
    for name, rec in records.items():
        preds = [n.name for n in rec.named_references] + [a for n in rec.named_references for a in n.aliases]
        for g in gold[name]["named_references"]:
            total += 1
            names = [g["name"], *g.get("aliases", [])]
            found += any(scorer.similar_name(x, p) for x in names for p in preds)
    assert found / total >= 0.9, f"named-reference recall {found}/{total}"


def test_document_metadata_matches_gold_including_nulls(records, gold):
    """The scorer skips fields whose gold is null; a stamp, meeting date or deadline taken as the issue
    date (or a guessed province) would go unnoticed there."""
    for name, rec in records.items():
        assert rec.document.to_record() == gold[name]["document"], name


# ------------------------------------------------------------------ the committed dev set

DEVSET = Path(__file__).resolve().parent / "data" / "devset"
DEV_BOUNDS = {"citations": 0.95, "implements": 0.9, "assignments": 0.9, "identity_year": 0.95, "identity_issuer_scope": 0.95,
              "document_doc_type": 0.9, "document_symbol": 0.9, "document_province": 0.9, "document_date": 0.9}


@pytest.fixture(scope="module")
def devset_summary(tmp_path_factory):
    docs = sorted((DEVSET / "docs").glob("*.txt"))
    if not docs or not (DEVSET / "gold").is_dir():
        pytest.skip("no dev set in tests/data/devset")
    pred = tmp_path_factory.mktemp("devpred") / "pred.jsonl"
    pred.write_text("".join(extract_path(p).to_json() + "\n" for p in docs), encoding="utf-8")
    scorer = _scorer()
    fields, identity, meta, report = scorer.score(scorer.load_gold(DEVSET / "gold"), scorer.load_pred(pred))
    out = {k: t.prf()[2] for k, t in fields.items()}
    for k in ("year", "issuer_scope"):
        out["identity_" + k] = identity[k + "_ok"] / max(1, identity[k + "_total"])
    for k in ("doc_type", "symbol", "province", "date"):
        out["document_" + k] = meta[k + "_ok"] / max(1, meta[k + "_total"])
    return out, "\n".join(report)


@pytest.mark.parametrize("field", sorted(DEV_BOUNDS))
def test_devset_bounds(devset_summary, field):
    values, report = devset_summary
    assert values[field] >= DEV_BOUNDS[field], f"dev set {field} {values[field]:.3f} < {DEV_BOUNDS[field]}\n{report}"
