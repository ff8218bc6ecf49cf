"""The synthetic corpus generator: reproducible, consistent with its gold, scored by the shared scorer.

The big check (extraction on a 1,000-document sample reaches citations F1 >= 0.99) is marked
``slow``; CI runs it too.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph_builder.cli import main as cli
from graph_builder.synth import compose, generate
from graph_builder.synth.check import problems

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LEGALKG_SHARED", REPO.parent / "shared"))
SCORER = SHARED / "tools" / "score_extraction.py"


def _tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "manifest.json"}


def test_same_seed_same_document_and_gold():
    for i in (0, 17, 470, 2222):
        assert compose(5, i) == compose(5, i)


def test_other_seed_other_corpus():
    texts_a = [compose(1, i)[1] for i in range(20)]
    texts_b = [compose(2, i)[1] for i in range(20)]
    assert sum(a != b for a, b in zip(texts_a, texts_b)) >= 18


def test_corpus_independent_of_worker_count(tmp_path):
    generate(60, tmp_path / "one", seed=3, jobs=1, chunk=7)
    generate(60, tmp_path / "two", seed=3, jobs=2, chunk=7)
    a, b = _tree_digest(tmp_path / "one"), _tree_digest(tmp_path / "two")
    assert len(a) == 120 and a == b


def test_gold_is_consistent_with_its_text():
    """Every quote is an exact substring on one line, mentions are counted right, schema keys present."""
    bad = {}
    for i in range(400):
        name, text, gold = compose(11, i)
        found = problems(text, gold)
        if found:
            bad[name] = found[:3]
    assert not bad, bad


def test_gold_files_name_their_documents_and_follow_the_schema(tmp_path):
    generate(40, tmp_path, seed=4, jobs=1)
    docs = {p.name: p for p in (tmp_path / "docs").rglob("*") if p.is_file()}
    golds = sorted((tmp_path / "gold").glob("*.json"))
    assert len(docs) == len(golds) == 40
    for g in golds:
        rec = json.loads(g.read_text(encoding="utf-8"))
        assert rec["source"] in docs
        assert g.stem == Path(rec["source"]).stem
        text = docs[rec["source"]].read_text(encoding="utf-8")
        assert problems(text, rec) == []
        assert text == __import__("unicodedata").normalize("NFC", text)


def test_sizes_and_citation_density_like_real_documents():
    sizes, cites, letters = [], [], []
    for i in range(300):
        name, text, gold = compose(8, i)
        n = len(gold["citations"])
        if gold["document"]["doc_type"] == "Công văn":
            letters.append(n)
            continue
        sizes.append(len(text.encode("utf-8")))
        cites.append(n)
    assert 15_000 <= statistics.median(sizes) <= 60_000
    assert min(sizes) >= 6_000 and max(sizes) <= 200_000
    assert 10 <= statistics.median(cites) <= 40
    assert sum(10 <= c <= 45 for c in cites) / len(cites) >= 0.9
    assert letters and statistics.median(letters) >= 5


def test_numbers_repeat_across_years_and_provinces():
    identities = defaultdict(set)
    for i in range(1500):
        for c in compose(2, i)[2]["citations"]:
            if c["year"] is not None:
                identities[c["symbol"]].add((c["year"], c["issuer_scope"]))
    across_years = [s for s, ids in identities.items() if len({y for y, _ in ids}) > 1]
    across_provinces = [s for s, ids in identities.items() if len({p for _, p in ids if p != "national"}) > 1]
    assert "01/NQ-CP" in across_years
    assert len(across_years) > 50 and len(across_provinces) > 50


def test_grammar_coverage():
    """The forms the brief asks for occur in a modest sample: slips, splits, Party and normative
    forms, lists, letters, distractors, deadlines, collective and support assignments."""
    seen = defaultdict(int)
    for i in range(1500):
        name, text, gold = compose(9, i)
        syms = [c["symbol"] for c in gold["citations"]]
        seen["party"] += sum(bool(re.fullmatch(r"\d+-[A-Za-zĐ]+/\w+", s)) for s in syms)
        seen["normative"] += sum(bool(re.fullmatch(r"\d+/\d{4}/.+", s)) for s in syms)
        seen["letter"] += sum(bool(re.fullmatch(r"\d+/[A-ZĐ]+-[A-ZĐ&]+", s)) and c["doc_type"] == "Công văn"
                              for s, c in zip(syms, gold["citations"]))
        seen["spaced_slip"] += len(re.findall(r"\d/[A-ZĐa-z]+- [A-ZĐ]", text))
        seen["line_split"] += len(re.findall(r"\d[-/][A-ZĐ]*-?\n[A-ZĐ]", text))
        seen["party_form_error"] += len(re.findall(r"\b\d+-NQ/CP\b", text))
        seen["list"] += len(re.findall(r", số \d+/", text))
        seen["no_so"] += len(re.findall(r"(?:Nghị quyết|Quyết định|Kế hoạch) \d+[/-]", text))
        seen["verbal_date"] += len(re.findall(r"ngày \d{1,2} tháng \d{1,2} năm \d{4}", text))
        seen["storm"] += text.count("Bão số")
        seen["quarter"] += len(re.findall(r"Quý [IV]+/\d{4}", text))
        seen["range_pct"] += len(re.findall(r"\d+-\d+%", text))
        seen["dated_deadline"] += sum(a["deadline"] is not None for a in gold["assignments"])
        seen["support"] += sum(a["role"] == "support" for a in gold["assignments"])
        seen["collective"] += sum(a["collective"] for a in gold["assignments"])
        seen["execution_clause"] += sum(a["via"] == "execution_clause" for a in gold["assignments"])
        seen["implements"] += len(gold["implements"])
        seen["basis"] += len(gold["basis"])
        seen["targets"] += len(gold["targets"])
        seen["projects"] += len(gold["projects"])
        seen["anonymous"] += gold["document"]["province"] is None and gold["document"]["issuer"] is None
        seen["national_doc"] += gold["document"]["issuer"] in ("Chính phủ", "Thủ tướng Chính phủ", "Bộ Chính trị",
                                                                "Ban Bí thư")
        seen["no_symbol"] += gold["document"]["symbol"] is None
    missing = [k for k, v in seen.items() if v < 3]
    assert not missing, dict(seen)


def test_distractors_are_not_citations():
    for i in range(300):
        name, text, gold = compose(12, i)
        for c in gold["citations"]:
            assert re.search(r"[A-Za-zĐđ]", c["symbol"].split("/", 1)[-1]), c
            assert not c["symbol"].startswith(("Bão", "Quý"))


def test_scorer_runs_on_the_gold_and_scores_it_perfect(tmp_path):
    generate(30, tmp_path / "c", seed=6, jobs=1)
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for g in sorted((tmp_path / "c" / "gold").glob("*.json")):
            fh.write(json.dumps(json.loads(g.read_text(encoding="utf-8")), ensure_ascii=False) + "\n")
    out = subprocess.run([sys.executable, str(SCORER), "--gold", str(tmp_path / "c" / "gold"), "--pred", str(pred),
                          "--json"], capture_output=True, text=True, check=True)
    summary = json.loads(out.stdout.strip().splitlines()[-1])
    for field in ("citations", "implements", "assignments", "targets", "projects"):
        assert summary[field]["f1"] == 1.0, (field, summary[field])


def test_cli_writes_corpus_and_refuses_to_overwrite(tmp_path):
    out = tmp_path / "corpus"
    r = CliRunner().invoke(cli, ["synth", "--docs", "12", "-o", str(out), "--seed", "1", "-j", "1"])
    assert r.exit_code == 0, r.output
    assert len(list((out / "gold").glob("*.json"))) == 12
    assert json.loads((out / "manifest.json").read_text())["seed"] == 1
    r = CliRunner().invoke(cli, ["synth", "--docs", "3", "-o", str(out)])
    assert r.exit_code != 0 and "not empty" in r.output
    r = CliRunner().invoke(cli, ["synth", "--docs", "3", "-o", str(out), "--force", "-j", "1"])
    assert r.exit_code == 0, r.output
    assert len(list((out / "gold").glob("*.json"))) == 3


def test_generation_is_fast():
    """180,000 documents in a few minutes on two cores: a document must take a few ms at most."""
    import time

    t = time.perf_counter()
    n = 0
    for i in range(300):
        n += len(compose(13, i)[1])
    per_doc = (time.perf_counter() - t) / 300
    assert per_doc < 0.015, f"{per_doc * 1000:.1f} ms per document"


@pytest.mark.slow
def test_extraction_on_1000_synthetic_documents_citations_f1(tmp_path):
    """The acceptance figure: citations F1 >= 0.99 with the shared scorer on a 1,000-document sample."""
    corpus = tmp_path / "corpus"
    generate(1000, corpus, seed=2024)
    pred = tmp_path / "pred.jsonl"
    r = subprocess.run([str(Path(sys.executable).with_name("legalkg")), "extract", str(corpus), "-o", str(pred)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-3000:]
    out = subprocess.run([sys.executable, str(SCORER), "--gold", str(corpus / "gold"), "--pred", str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    summary = json.loads(out.stdout.strip().splitlines()[-1])
    assert summary["citations"]["f1"] >= 0.99, summary
