"""The shortcuts of the task pass give what the plain way gives.

Each shortcut (sentences as parallel lists, the folding table, windows of agency words read once
where they overlap, the joined lookahead before list items, the first-character test before the
abbreviation pattern, the inheriting path for sentences whose keywords lead to no agency) is
checked against the straightforward computation it replaces, on the seeds (real documents) and on
short texts written for the corner cases.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left

import pytest

from graph_builder.clean import clean_text
from graph_builder.find import structure
from graph_builder.find.agencies import (
    DEFAULT_COMMUNE,
    DEFAULT_DISTRICT,
    AgencyHit,
    agency_finder,
    district_names,
)
from graph_builder.find.patterns.agencies import (
    PLURAL_HEAD_RE,
    SHARED_HEAD_RE,
    TOKEN_RE,
    fold_letter,
    fold_text,
)
from graph_builder.find.patterns.structure import ABBREVIATION_BEFORE_DOT_RE, SENTENCE_END_RE
from graph_builder.find.structure import paragraph_sentences, paragraphs, sentence_table
from graph_builder.find.tasks import find_tasks
from graph_builder.model import CleanText, DocumentMeta, SourceText


def _source(text: str) -> SourceText:
    return SourceText("<t>", text, "utf-8", "txt", hashlib.sha256(text.encode()).hexdigest())


@pytest.fixture(scope="module")
def seed_texts(seeds_dir) -> list[str]:
    return [clean_text(_source(p.read_text(encoding="utf-8"))).text for p in sorted(seeds_dir.glob("*.txt"))]


CORNERS = [
    "1. Sở Tài chính chủ trì. TP. Hồ Chí Minh phối hợp; Đ/c. Nam theo dõi v.v. Xong.\n"
    "- Ghi chú: - Xây dựng kế hoạch. + Báo cáo kết quả.\n\n"
    "2. Các Sở: Xây dựng, Tài chính; UBND các huyện: A, B và C thực hiện.\n"
    "a) Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND cấp huyện chịu trách nhiệm thi hành Quyết định này./.\n",
    "Năm 2024: tăng 5%. Mục tiêu 1.2. Đến năm 2025! Còn gì? Hết… Tiếp „nữa“.\n  \n**3. Sở Y tế**\n",
]


# ------------------------------------------------------------------------------ sentences

def _reference_sentences(text: str, paras, limit: int) -> list[list[tuple[int, int]]]:
    """The one-pass splitter as it was written before the parallel lists (a paragraph at a time)."""
    out = []
    if not paras:
        return out
    starts, ends = [], []
    for m in SENTENCE_END_RE.finditer(text, paras[0].content, limit):
        starts.append(m.start())
        ends.append(m.end())
    n = len(starts)
    k = 0
    for p in paras:
        if p.start >= limit:
            break
        spans = []
        s = p.content
        if k < n and starts[k] < s:
            k = bisect_left(starts, s, k)
        while k < n and ends[k] <= p.end:
            ms = starts[k]
            cut = ms + 1
            if not (text[ms] == "." and ABBREVIATION_BEFORE_DOT_RE.search(text, max(p.content, cut - 6), cut)):
                if cut > s:
                    spans.append((s, cut))
                s = ends[k]
            k += 1
        if p.end > s:
            spans.append((s, p.end))
        out.append(spans)
    return out


def test_sentence_table_is_the_paragraph_splitter(seed_texts):
    for text in seed_texts + CORNERS:
        paras = paragraphs(text)
        for limit in (len(text), len(text) // 2):
            ref = _reference_sentences(text, paras, limit)
            assert paragraph_sentences(text, paras, limit) == ref
            skip = set(range(0, len(ref), 3))
            starts, ends, where, first = sentence_table(text, paras, limit, skip, inline_bullets=True)
            expected = []
            for i, spans in enumerate(ref):
                if i in skip:
                    continue
                for j, (a, b) in enumerate(spans):
                    if j and text[a] in "-–+•*":
                        m = re.compile(r"[-–+•*][ \t\u00a0]+").match(text, a, b)
                        if m:
                            a = m.end()
                    expected.append((a, b, i, j == 0))
            assert list(zip(starts, ends, where, first)) == expected


def test_a_dot_after_other_characters_is_never_an_abbreviation():
    last = structure._ABBREVIATION_LAST
    assert last is not None and {"P", "c", "v"} <= last  # "TP.", "Đ/c.", "v.v."
    for cp in range(0x20, 0x2000):
        ch = chr(cp)
        if ch in last:
            continue
        for before in ("", " ", "T", "Đ/", "v.", "Th"):
            s = before + ch + "."
            assert ABBREVIATION_BEFORE_DOT_RE.search(s, max(0, len(s) - 6)) is None, s


# ------------------------------------------------------------------------------ folding

def test_fold_text_table_is_the_letter_definition_for_every_character():
    assert all(fold_text(chr(cp)) == fold_letter(chr(cp)) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)


def test_fold_text_keeps_offsets(seed_texts):
    for text in seed_texts:
        folded = fold_text(text)
        assert len(folded) == len(text) and folded == "".join(map(fold_letter, text))


# ------------------------------------------------------------------------------ agency windows

def _reference_match(finder, text: str, windows) -> list[tuple]:
    """Every window read from its start (the words before ``last`` skipped), then the finder's trie."""
    words, offs, last = [], [], -1
    for w in sorted(windows):
        first = True
        cut = len(w) > 2 and w[2]
        for m in TOKEN_RE.finditer(text, w[0], w[1]):
            raw = m.group()
            got = finder._folded.get(raw) or finder._fold_token(raw)
            if cut and got[1]:
                break
            span = m.span()
            if first:
                first = False
                if span[0] > last and words:
                    words.append("|")
                    offs.append((last, last))
            if span[0] >= last:
                words.append(got[0])
                offs.append(span)
                last = span[1]
    return [(h.start, h.end, h.entry.key, h.name) for h in finder._trie_hits(text, words, offs)]


def _windows(text: str) -> list[tuple]:
    """Windows as the task pass makes them (sentence starts, after "phối hợp với", "chủ trì"), and
    overlapping ones: the same start with several ends (some inside a word), starts inside others."""
    out = []
    for m in re.finditer(r"(?:^|(?<=[.;:\n]))[ \t]*(?=\w)", text):
        a = m.end()
        out += [(a, min(len(text), a + 360), True), (a, min(len(text), a + 17), True), (a, min(len(text), a + 40), True)]
    for m in re.finditer(r"phối hợp với |chủ trì|, ", text):
        out.append((m.end(), min(len(text), m.end() + 200), True))
        out.append((m.start(), m.end() + 3, False))
    return out


def test_overlapping_windows_give_the_hits_of_reading_each(seed_texts):
    finder = agency_finder()
    texts = seed_texts + CORNERS + [
        "Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính, Sở Xây dựng và UBND các huyện, thị xã rà soát.",
        "Giao Sở Giao thông vận tải; Sở Tài chính, Kho bạc Nhà nước tỉnh phối hợp với Công an tỉnh thực hiện.",
    ]
    for text in texts:
        windows = _windows(text)
        got = [(h.start, h.end, h.entry.key, h.name) for h in finder.match_windows(text, windows)]
        assert got == _reference_match(finder, text, windows)


def test_list_prefix_lookahead_misses_no_head(seed_texts):
    finder = agency_finder()
    prefix = finder.list_prefix_re
    assert prefix is not None
    for text in seed_texts[:2] + CORNERS:
        for q in range(len(text)):
            any_match = bool(finder.heads_re.match(text, q) or SHARED_HEAD_RE.match(text, q) or PLURAL_HEAD_RE.match(text, q))
            assert bool(prefix.match(text, q)) == any_match


def test_district_names_take_the_most_frequent_first_seen():
    finder = agency_finder()
    d1 = next(e for e in finder.vocabulary.entries.values() if e.kind == "district")

    def hit(name):
        return AgencyHit(0, 1, d1, name)

    assert district_names([]) == (DEFAULT_DISTRICT, DEFAULT_COMMUNE)
    assert district_names([hit("B"), hit("A"), hit("A"), hit("B")])[0] == "B"
    assert district_names([hit("B"), hit("A"), hit("A")])[0] == "A"


# ------------------------------------------------------------------------------ the inheriting path

def _tasks(text: str):
    clean = CleanText(_source(text), text)
    return find_tasks(clean, DocumentMeta(), structure.parse_outline(clean), [])


def test_keywords_that_lead_to_no_agency_keep_the_inherited_addressees():
    text = ("II. NHIỆM VỤ\n"
            "1. Sở Tài chính\n"
            "- Rà soát các khoản chi; bảo đảm đúng quy định.\n"
            "- Phối hợp với các đơn vị có liên quan hướng dẫn thực hiện.\n"
            "- Tham dự cuộc họp có các đồng chí lãnh đạo; báo cáo kết quả.\n"
            "- Giao nhiệm vụ cụ thể cho từng bộ phận.\n")
    tasks = _tasks(text)
    by_text = {t.text: [(a.name, a.role) for a in t.agencies] for t in tasks}
    assert by_text["Rà soát các khoản chi; bảo đảm đúng quy định."] == [("Sở Tài chính", "lead")]
    assert by_text["Phối hợp với các đơn vị có liên quan hướng dẫn thực hiện."] == [("Sở Tài chính", "lead")]
    assert by_text["Giao nhiệm vụ cụ thể cho từng bộ phận."] == [("Sở Tài chính", "lead")]
    assert not any(t.startswith("Tham dự") for t in by_text)  # meeting attendance gives no task
