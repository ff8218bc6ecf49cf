"""The spaCy component ``vn_citations`` (issue 3, item 8): registered factory, spans on the Doc,
resolved identity on extension attributes, any tokenizer; legalkg runs the same component."""
from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy

import graph_builder.find.components as components
from graph_builder.find.citations import find_citation_mentions
from graph_builder.find.components import LineTokenizer, WhitespaceTokenizer, legalkg_nlp
from graph_builder.pipeline import extract_text

TEXT = ("ỦY BAN NHÂN DÂN TỈNH VĨNH LONG\n\nCHỈ THỊ\nVề thực hiện kế hoạch năm 2024\n\n"
        "Thực hiện Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ và Nghị quyết số 138/NQ-HĐND ngày "
        "12/12/2023 của HĐND tỉnh; các Công điện số 103/CĐ-TTg ngày 07/10/2024, 104/CĐ-TTg ngày 08/10/2024.\n"
        "Bám sát Nghị quyết số 01/NQ-CP.")


def _nlps():
    yield spacy.blank("xx")
    yield spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})


@pytest.mark.parametrize("nlp", list(_nlps()), ids=["xx", "vi"])
def test_component_in_a_blank_pipeline(nlp):
    nlp.add_pipe("vn_citations")
    doc = nlp(TEXT)
    spans = list(doc.spans["citations"])
    assert [s._.symbol for s in spans] == ["01/NQ-CP", "138/NQ-HĐND", "103/CĐ-TTg", "104/CĐ-TTg", "01/NQ-CP"]
    first = spans[0]
    assert first.text == "01/NQ-CP" and first.label_ == "CITATION"
    assert first._.identity_key == "01/NQ-CP@2024@national"
    assert (first._.doc_type, first._.date, first._.issuer, first._.year) == ("Nghị quyết", "2024-01-05", "Chính phủ", 2024)
    assert spans[-1]._.identity_key == "01/NQ-CP@2024@national"  # the undated mention: the date stated once
    assert spans[1]._.jurisdiction == "Vĩnh Long" and spans[1]._.issuer == "HĐND tỉnh Vĩnh Long"
    assert spans[3]._.doc_type == "Công điện"
    cited = doc._.cited_documents
    assert [c.symbol for c in cited] == ["01/NQ-CP", "138/NQ-HĐND", "103/CĐ-TTg", "104/CĐ-TTg"]
    assert cited[0].to_record()["mentions"] == 2
    assert doc._.document_meta.province == "Vĩnh Long"


def test_component_config_keys_and_province():
    nlp = spacy.blank("xx")
    nlp.add_pipe("vn_citations", config={"spans_key": "refs", "province": "Bình Định"})
    doc = nlp("Thực hiện Nghị quyết số 47/NQ-HĐND ngày 08/12/2023 của HĐND tỉnh.")
    (span,) = doc.spans["refs"]
    assert span._.identity_key == "47/NQ-HĐND@2023@Bình Định"


def test_component_without_resolution_still_finds_mentions():
    nlp = spacy.blank("xx")
    nlp.add_pipe("vn_citations", config={"resolve": False})
    doc = nlp(TEXT)
    assert len(doc.spans["citations"]) == 5 and doc._.cited_documents is None
    assert doc.spans["citations"][0]._.symbol == "01/NQ-CP"
    assert doc.spans["citations"][0]._.identity_key is None


def test_entry_point_is_declared_and_loads_the_factory():
    eps = {ep.name: ep for ep in entry_points(group="spacy_factories")}
    assert "vn_citations" in eps
    assert eps["vn_citations"].load() is components.make_citation_finder


def test_tokenizers_keep_the_text_exact():
    nlp = spacy.blank("xx")
    text = "  Nghị quyết số 01/NQ-CP\n\n\tngày  05/01/2024 \u00a0của Chính phủ  \n"
    for tok in (WhitespaceTokenizer(nlp.vocab), LineTokenizer(nlp.vocab)):
        assert tok(text).text == text
    assert LineTokenizer(nlp.vocab)("").text == ""


def test_legalkg_runs_the_same_component(monkeypatch):
    calls = []
    original = components.CitationFinder.__call__

    def spy(self, doc):
        calls.append(len(doc.text))
        return original(self, doc)

    monkeypatch.setattr(components.CitationFinder, "__call__", spy)
    assert legalkg_nlp().pipe_names == ["vn_citations"]
    rec = extract_text(TEXT)
    assert calls == [len(TEXT)]
    assert [c.symbol for c in rec.citations] == ["01/NQ-CP", "138/NQ-HĐND", "103/CĐ-TTg", "104/CĐ-TTg"]


def test_component_mentions_equal_the_character_finder():
    from graph_builder.clean import clean_text
    from graph_builder.find.metadata import find_metadata
    from graph_builder.model import SourceText

    clean = clean_text(SourceText("t.txt", TEXT, "utf-8", "txt", "0"))
    direct = find_citation_mentions(clean, find_metadata(clean))
    via = components.run_citation_component(clean)
    assert [(m.start, m.end, m.symbol, m.date) for m in via] == [(m.start, m.end, m.symbol, m.date) for m in direct]


def test_legalkg_pipeline_is_renewed_before_its_vocabulary_grows_without_bound(monkeypatch):
    nlp = legalkg_nlp()
    assert legalkg_nlp() is nlp  # cached
    monkeypatch.setattr(components, "MAX_STRINGS", len(nlp.vocab.strings) - 1)
    fresh = legalkg_nlp()
    assert fresh is not nlp and fresh.pipe_names == ["vn_citations"]
