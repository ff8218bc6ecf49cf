"""The whole extractor never raises on any text (``pipeline.extract_text``).

A hypothesis property over 10,000+ generated texts (arbitrary Unicode, and texts assembled from
the pieces of the documents' grammar, which reach deep into the finders), plus a corpus of
nasty cases with a time bound each (huge lines, only digits and slashes, unbalanced quotes,
control characters, mixed scripts, deeply nested lists …).
"""
from __future__ import annotations

import random
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph_builder.pipeline import extract_text

# Pieces of the documents' grammar: type words, numbers and symbols (well- and ill-formed),
# dates, agencies, task verbs, list labels, units, layout.
PIECES = [
    "Nghị quyết", "Quyết định", "Chỉ thị", "Kế hoạch", "Chương trình hành động", "Công văn", "Công điện",
    "Thông báo kết luận", "Văn bản", "Luật", "Đề án", "Quy hoạch tỉnh", "số", "Số:", "Số", "ngày", "tháng", "năm",
    "của", "về", "và", "các", " ", " ", " ", "\n", "\n\n", ", ", "; ", ". ", ": ", "/", "-", "–", "(", ")", "“", "”",
    "\"", "'", "*", "**", "#", "|", "01/NQ-CP", "138/NQ-HĐND", "45/2022/NQ-HĐND", "57-NQ/TW", "119/NQ- CP",
    "14-NQ/CP", "26/2021/QĐTTg", "04-\nNQ/TU", "2970/SKHĐT-TH", "862-CV/BCSD", "111/2024/QH15", "/NQ-", "-NQ/",
    "12/12/2023", "8/9/2024", "32/13/2024", "00/00/0000", "ngày 08 tháng 9 năm 2024", "ngày 53 24/01/2022",
    "Chính phủ", "Thủ tướng Chính phủ", "Bộ Chính trị", "HĐND tỉnh", "UBND tỉnh", "Ủy ban nhân dân tỉnh",
    "Tỉnh ủy", "Vĩnh Long", "Hà Nội", "Thừa Thiên Huế", "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", "Cục Thuế",
    "Các sở, ban, ngành tỉnh", "Chủ tịch UBND các huyện, thị xã, thành phố", "Giao", "chủ trì", "phối hợp với",
    "chịu trách nhiệm thi hành", "hoàn thành trước ngày", "Quý III/2024", "Bão số 3", "I.", "II.", "1.", "1.1.",
    "a)", "(1)", "(15)", "- ", "+ ", "Điều 1.", "phấn đấu", "đạt", "trên", "dưới", "khoảng", "từ", "trở lên",
    "10-11%", "7,5-8%", "27.026", "tỷ đồng", "triệu USD", "%", "xã", "Khu công nghiệp", "KCN", "Quốc lộ 14E",
    "Bệnh viện đa khoa", "đường", "cầu", "Căn cứ", "Thực hiện", "Xét đề nghị", "CHỈ THỊ", "KẾ HOẠCH",
    "QUYẾT ĐỊNH:", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Cập nhật: 11/10/2024 17:30:00",
    "\u200b", "\ufeff", "\u00a0", "\t", "\r\n", "\r", "\x0c", "\x00", "\u0300", "\u0301", "e\u0301",
]

grammar_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=60).map("".join)
any_text = st.text(max_size=400)
digits_text = st.text(alphabet="0123456789/-–. ,%()\n", max_size=300)


@settings(max_examples=4000, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(any_text)
def test_never_raises_on_arbitrary_unicode(text):
    extract_text(text)


@settings(max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(grammar_text)
def test_never_raises_on_grammar_soup(text):
    rec = extract_text(text)
    rec.to_json()  # the record serialises too
    for c in rec.citations:
        q = c.first_quote
        assert q == "" or q in text or q in __import__("unicodedata").normalize("NFC", text)


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(digits_text)
def test_never_raises_on_digits_and_slashes(text):
    extract_text(text)


def _nested_lists(depth: int) -> str:
    lines = []
    for d in range(1, depth + 1):
        label = ".".join(["1"] * d) + "."
        lines.append(f"{label} Giao Sở Tài chính chủ trì, phối hợp với Sở Y tế (xem mục {label})")
        lines.append("  " * d + "- " + "+ " * d + "a) (1) thực hiện Nghị quyết số 01/NQ-CP")
    return "\n".join(lines)


def _nasty_cases() -> dict[str, str]:
    rng = random.Random(7)
    sentence = "Thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2025 của Chính phủ, Giao Sở Kế hoạch và Đầu tư chủ trì; "
    return {
        "huge_line": sentence * 2_500,  # ~250 KB, no line break
        "huge_line_of_symbols": " ".join(f"{i}/NQ-CP" for i in range(30_000)),
        "only_digits": "0123456789" * 25_000,
        "only_slashes": "/" * 250_000,
        "digits_and_slashes": "/".join(str(rng.randint(0, 99999)) for _ in range(40_000)),
        "dashes_and_slashes": "-/" * 100_000,
        "unbalanced_quotes": ("“Nghị quyết số 01/NQ-CP \"của Chính phủ 'về ( [ { " * 4_000),
        "control_chars": "".join(chr(rng.randint(0, 31)) for _ in range(100_000)),
        "nul_and_bom": "\x00\ufeff" * 50_000 + "Số: 01/NQ-CP",
        "mixed_scripts": ("中华人民共和国 العربية Русский ภาษาไทย 🇻🇳😀 Nghị quyết số 12/NQ-HĐND ngày 1/1/2024 "
                          "ـــ 한국어 עברית ") * 2_000,
        "combining_marks_alone": "\u0300\u0301\u0303\u0309\u0323" * 40_000,
        "zero_width": ("Nghị\u200bquyết số\u200b01/NQ\u200b-CP " * 8_000),
        "deeply_nested_lists": _nested_lists(400),
        "many_headings": "\n".join(f"{i}. Sở Tài chính" for i in range(1, 15_001)),
        "roman_headings": "\n".join(f"{'I' * (i % 40 + 1)}. NHIỆM VỤ" for i in range(10_000)),
        "crlf_and_cr": ("Số: 01/KH-UBND\r\nVĩnh Long, ngày 02 tháng 01 năm 2024\r" * 4_000),
        "giao_without_agency": "Giao chủ trì, phối hợp với , và ; " * 8_000,
        "phoi_hop_chain": "Sở Y tế phối hợp với " * 12_000,
        "target_soup": "(1) đạt 10-11% (2) trên 27.026 tỷ đồng (3) từ 95% trở lên " * 5_000,
        "long_symbol": "Nghị quyết số 1/" + "NQ-" * 50_000 + "CP",
        "long_number": "Quyết định số " + "9" * 200_000 + "/QĐ-UBND",
        "date_soup": "ngày " * 50_000 + "tháng năm 2024",
        "invalid_dates": "ngày 31/02/2024, ngày 00/00/2024, ngày 99/99/9999, " * 5_000,
        "empty": "",
        "whitespace_only": " \n\t\r\u00a0\u3000" * 40_000,
        "single_char": "đ",
        "markdown_noise": "**" * 60_000 + "## " * 30_000,
        "pipes_table": ("| Số: 01/CTr-UBND | Vĩnh Phúc, ngày 17 tháng 01 năm 2025 |\n" * 4_000),
        "repeated_body": (sentence * 30 + "\n") * 80,
    }


NASTY = _nasty_cases()


def _extract_in_child(name: str, conn) -> None:
    try:
        rec = extract_text(NASTY[name], path=f"<{name}>")
        rec.to_json()
        conn.send(None)
    except BaseException as e:  # report what was raised to the parent
        conn.send(f"{type(e).__name__}: {e}"[:2000])


@pytest.mark.parametrize("name", sorted(NASTY))
def test_nasty_case(name):
    """Never raises, and no quadratic blow-up: each case (up to ~300 KB) within a generous
    budget (the goal is 5 MB/s; the budget allows 50 KB/s).  Run in a child process so that a
    runaway case is stopped at its budget instead of holding CI."""
    import multiprocessing as mp

    text = NASTY[name]
    budget = 15 + len(text) / 50_000
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    p = ctx.Process(target=_extract_in_child, args=(name, child))
    t = time.perf_counter()
    p.start()
    p.join(budget)
    if p.is_alive():
        p.kill()
        p.join()
        pytest.fail(f"{name}: not done after {budget:.0f} s ({len(text)} characters)")
    seconds = time.perf_counter() - t
    assert parent.poll(1), f"{name}: the extractor process died (exit {p.exitcode})"
    err = parent.recv()
    assert err is None, f"{name}: {err}"
    assert seconds < budget
