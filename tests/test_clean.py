"""clean: same length always, character and tone normalisation, markdown, soft breaks,
repeated blocks — on text written here and on the seeds."""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph_builder.clean import clean_text, normalize_text
from graph_builder.clean.breaks import join_soft_breaks, wrap_width
from graph_builder.clean.chars import normalize, normalize_chars, normalize_tones
from graph_builder.clean.markdown import strip_markdown
from graph_builder.clean.repeats import find_repeats
from graph_builder.model import SourceText
from graph_builder.read import read_path

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def src(text: str, path: str = "t.txt") -> SourceText:
    return SourceText(path, text, "utf-8", "txt", "0")


def lines_of(text: str) -> list[str]:
    """Non-blank lines with runs of spaces collapsed (what a reader of clean.text sees)."""
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


# --------------------------------------------------------------------------- same length

_TRICKY = list("aăâeêioôơuưyđĐÐ oóòỏõọOÓuúủyýỷỳqQ*#_\\-–—|.;:!?…()“”\"'0123456789\n\n\n\r\t"
               "\u00a0\u2003\u200b\ufeff\u00ad\x00\x0c\u2028") + ["**", "## ", "\n\n", " \n", "1. ", "a) ",
                                                                 "- ", "(1) ", "Điều 2. ", "hoá", "thuỷ", "quý", "2\n"]


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_same_length_on_arbitrary_text(text):
    c = clean_text(src(text))
    assert len(c.text) == len(text)
    for a, b in c.repeated:
        assert 0 <= a < b <= len(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_TRICKY) | st.text(max_size=3), max_size=120).map("".join))
def test_same_length_on_document_like_text(text):
    c = clean_text(src(text))
    assert len(c.text) == len(text)
    # only whitespace/markers are changed into spaces, and newlines only into spaces
    for x, y in zip(text, c.text):
        if x == "\n":
            assert y in "\n "
    line_ends = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
    assert c.text.count("\n") <= sum(text.count(ch) for ch in line_ends)
    assert c.repeated == sorted(c.repeated)


# --------------------------------------------------------------------------- characters

def test_spaces_dashes_and_eth():
    text = "Số\u00a001/KH-UBND\u2003ngày\u200b12\u2009tháng\t3 – năm 2024 — Ðảng bộ \u2212 ÐỀ ÁN\ufeff"
    out = normalize_chars(text)
    assert out == "Số 01/KH-UBND ngày 12 tháng 3 - năm 2024 - Đảng bộ - ĐỀ ÁN "
    assert normalize_chars("dòng 1\r\ndòng 2\rdòng 3\x0cdòng 4") == "dòng 1 \ndòng 2\ndòng 3\ndòng 4"


@pytest.mark.parametrize("old,new", [
    ("hoá học", "hóa học"), ("hoà bình", "hòa bình"), ("khoẻ mạnh", "khỏe mạnh"), ("toả sáng", "tỏa sáng"),
    ("xoã tóc", "xõa tóc"), ("hoạ sĩ", "họa sĩ"), ("hoè", "hòe"), ("loé sáng", "lóe sáng"),
    ("Uỷ ban", "Ủy ban"), ("UỶ BAN", "ỦY BAN"), ("thuỷ lợi", "thủy lợi"), ("tuý", "túy"), ("luỹ kế", "lũy kế"),
    ("thuỵ", "thụy"), ("Hoá", "Hóa"), ("HOÁ", "HÓA"), ("văn hoá.", "văn hóa."),
])
def test_old_tone_placement_to_new(old, new):
    assert normalize_tones(old) == new
    assert normalize(old) == new
    assert len(new) == len(old)


@pytest.mark.parametrize("word", ["quý", "Quý", "QUÝ", "quỹ", "hoàn thành", "toán", "loại", "huỳnh", "xoáy",
                                  "khuỷu", "thuyền", "hóa", "thủy", "ngoài"])
def test_tone_placement_left_alone(word):
    assert normalize_tones(word) == word
    assert normalize(word) == word


# --------------------------------------------------------------------------- markdown

def test_markdown_markers_become_spaces():
    md = ("## **2. Sở Kế hoạch và Đầu tư**\n#### ***Nơi nhận:***\n* Như trên;\n"
          "Xem mục \\*, ghi chú (*), __Điều 3__ và 1\\. Mục đích\nC# #hashtag")
    out = strip_markdown(md)
    assert len(out) == len(md)
    assert lines_of(out) == ["2. Sở Kế hoạch và Đầu tư", "Nơi nhận:", "- Như trên;",
                             "Xem mục , ghi chú (*), Điều 3 và 1. Mục đích", "C# #hashtag"]


# --------------------------------------------------------------------------- soft breaks

# A PDF-like letter written for this test: lines wrapped near 80 columns, a blank line after
# every line, a page number between pages, headings, list items, a table and a signature.
PDF_LIKE = """ỦY BAN NHÂN DÂN TỈNH BẮC GIANG 

Số: 215/UBND-TH 

V/v triển khai Nghị quyết số 01/NQ-CP 

I. MỤC ĐÍCH, YÊU CẦU 

 Thực hiện Nghị quyết số 01/NQ-CP ngày 05 tháng 01 năm 2024 của Chính 

phủ về nhiệm vụ, giải pháp chủ yếu thực hiện kế hoạch phát triển kinh tế - xã 

hội năm 2024, Ủy ban nhân dân tỉnh yêu cầu các sở, ngành, địa phương thực hiện 

tốt các nội dung sau: 

1. Sở Tài chính chủ trì, phối hợp với các đơn vị liên quan tham mưu bố trí 

kinh phí thực hiện các nhiệm vụ phát triển kinh tế - xã hội của địa phương, kinh tế

- xã hội vùng đồng bào dân tộc thiểu số và miền núi được giao trong giai đoạn 

2026 - 2030, bảo đảm đúng quy định. 

a) Rà soát, tổng hợp nhu cầu vốn của các dự án chuyển tiếp, dự án khởi công 

mới, báo cáo Ủy ban nhân dân tỉnh trước ngày 30 tháng 6 năm 2024; phối hợp 



2 

với Sở Kế hoạch và Đầu tư hoàn thiện phương án phân bổ vốn, trình Hội đồng nhân 

Dân tỉnh xem xét theo quy định tại Nghị quyết số 12-

NQ/TU ngày 20/4/2023 của Ban Thường vụ Tỉnh ủy. 

b) Tổ chức kiểm tra, giám sát việc thực hiện 

(1) Kiểm tra định kỳ hằng quý; 

+ Báo cáo kết quả trước ngày 20 của tháng cuối quý. 

- Các huyện, thành phố chủ động triển khai thực hiện. 

Điều 2. Tổ chức thực hiện 

Chỉ tiêu | Đơn vị | Năm 2024 

GRDP | % | 7,5 

Nơi nhận: 

- Như trên; 

- Lưu: VT, TH. 

TM. ỦY BAN NHÂN DÂN 

KT. CHỦ TỊCH 

PHÓ CHỦ TỊCH 

Nguyễn Văn An 
"""


def test_pdf_like_text_is_wrapped_and_joined():
    assert 75 <= wrap_width(PDF_LIKE) <= 90
    out = join_soft_breaks(PDF_LIKE)
    assert len(out) == len(PDF_LIKE)
    got = lines_of(out)
    # sentences broken by the page margin are one line again
    assert ("Thực hiện Nghị quyết số 01/NQ-CP ngày 05 tháng 01 năm 2024 của Chính phủ về nhiệm vụ, giải "
            "pháp chủ yếu thực hiện kế hoạch phát triển kinh tế - xã hội năm 2024, Ủy ban nhân dân tỉnh "
            "yêu cầu các sở, ngành, địa phương thực hiện tốt các nội dung sau:") in got
    assert ("1. Sở Tài chính chủ trì, phối hợp với các đơn vị liên quan tham mưu bố trí kinh phí thực hiện "
            "các nhiệm vụ phát triển kinh tế - xã hội của địa phương, kinh tế - xã hội vùng đồng bào dân tộc "
            "thiểu số và miền núi được giao trong giai đoạn 2026 - 2030, bảo đảm đúng quy định.") in got
    # across a page break with its page number (blanked), before a capital at the margin,
    # and across a hyphen inside a document number
    item_a = next(line for line in got if line.startswith("a) Rà soát"))
    assert "trước ngày 30 tháng 6 năm 2024; phối hợp với Sở Kế hoạch và Đầu tư" in item_a
    assert "Hội đồng nhân Dân tỉnh xem xét" in item_a
    assert "Nghị quyết số 12- NQ/TU ngày 20/4/2023" in item_a
    assert item_a.endswith("của Ban Thường vụ Tỉnh ủy.")
    assert " 2 " not in item_a
    assert "2" not in [line.strip() for line in out.split("\n")]


def test_pdf_like_text_keeps_structure_lines():
    got = lines_of(join_soft_breaks(PDF_LIKE))
    for line in ["ỦY BAN NHÂN DÂN TỈNH BẮC GIANG", "Số: 215/UBND-TH", "V/v triển khai Nghị quyết số 01/NQ-CP",
                 "I. MỤC ĐÍCH, YÊU CẦU", "b) Tổ chức kiểm tra, giám sát việc thực hiện",
                 "(1) Kiểm tra định kỳ hằng quý;", "+ Báo cáo kết quả trước ngày 20 của tháng cuối quý.",
                 "- Các huyện, thành phố chủ động triển khai thực hiện.", "Điều 2. Tổ chức thực hiện",
                 "Chỉ tiêu | Đơn vị | Năm 2024", "GRDP | % | 7,5", "Nơi nhận:", "- Như trên;", "- Lưu: VT, TH.",
                 "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]:
        assert line in got, line


def test_paragraph_text_joins_only_on_the_grammar():
    # not wrapped at a fixed width: one paragraph per line
    text = ("**1. Thủ trưởng các sở, ban, ngành tỉnh**\n\n"
            "Tiếp tục triển khai Nghị quyết số 11/NQ-CP của Chính phủ; phát huy hiệu quả Tổ\n\n"
            "công tác đặc biệt để tháo gỡ khó khăn.\n\n"
            "## **2. Sở Kế hoạch và Đầu tư**\n\n"
            "Chủ trì, phối hợp với Sở Tài chính theo dõi, tổng hợp tình hình giải ngân; định kỳ hằng tháng "
            "báo cáo Ủy ban nhân dân tỉnh, Chủ tịch\n\nUBND tỉnh kết quả thực hiện.\n\n"
            "Kế hoạch phát triển kinh tế - xã hội năm 2025\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n")
    got = lines_of(normalize_text(text))
    assert wrap_width(text) == 0
    assert got == [
        "1. Thủ trưởng các sở, ban, ngành tỉnh",
        "Tiếp tục triển khai Nghị quyết số 11/NQ-CP của Chính phủ; phát huy hiệu quả Tổ công tác đặc biệt "
        "để tháo gỡ khó khăn.",
        "2. Sở Kế hoạch và Đầu tư",
        "Chủ trì, phối hợp với Sở Tài chính theo dõi, tổng hợp tình hình giải ngân; định kỳ hằng tháng báo "
        "cáo Ủy ban nhân dân tỉnh, Chủ tịch UBND tỉnh kết quả thực hiện.",
        "Kế hoạch phát triển kinh tế - xã hội năm 2025",  # a title line is not prose: kept
        "Căn cứ Luật Tổ chức chính quyền địa phương;",
    ]


@pytest.mark.parametrize("nxt", ["- Sở Nội vụ", "+ Sở Nội vụ", "a) Sở Nội vụ", "1. Sở Nội vụ", "2.1. Sở Nội vụ",
                                 "(1) Sở Nội vụ", "II. NHIỆM VỤ", "Điều 2. Hiệu lực", "Chương III", "QUYẾT ĐỊNH:",
                                 "| a | b |", "1 Về tiếp tục thực hiện Nghị quyết số 23-NQ/TW"])
def test_no_join_before_labels_headings_tables_footnotes(nxt):
    text = f"Giao các cơ quan sau đây thực hiện nhiệm vụ\n\n{nxt}\n"
    assert normalize_text(text) == text


@pytest.mark.parametrize("prev", ["Kính gửi: các sở, ngành.", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                  "Số hiệu | 01/CTr-UBND |", "TM. ỦY BAN NHÂN DÂN"])
def test_no_join_after_stops_capitals_and_tables(prev):
    text = f"{prev}\nthực hiện nhiệm vụ được giao\n"
    assert normalize_text(text) == text


# --------------------------------------------------------------------------- repeated blocks

BODY = [
    "Năm 2025 là năm có ý nghĩa đặc biệt quan trọng, là năm tăng tốc, bứt phá, về đích của kế hoạch 5 năm.",
    "1. Mục đích",
    "- Quán triệt và chỉ đạo các sở, ban, ngành, UBND các huyện tập trung triển khai thực hiện các nhiệm vụ.",
    "- Cụ thể hóa các mục tiêu, định hướng phát triển kinh tế - xã hội năm 2025 thành các nhiệm vụ cụ thể.",
    "2. Yêu cầu",
    "- Phân công rõ trách nhiệm của các sở, ban, ngành trong việc triển khai thực hiện các nhiệm vụ được giao.",
    "- Các nhiệm vụ phải trọng tâm, trọng điểm, bảo đảm tính khả thi, hiệu quả, phù hợp với tình hình.",
    "(1) Phấn đấu tổng sản phẩm trên địa bàn tỉnh (GRDP) tăng từ 10-11% so với năm 2024.",
]
REST = [
    "(2) Huy động vốn đầu tư toàn xã hội chiếm khoảng 30-35% GRDP theo giá hiện hành.",
    "(3) Tổng thu ngân sách nhà nước phấn đấu đạt 27.026 tỷ đồng, trong đó thu nội địa 22.026 tỷ đồng.",
    "UBND tỉnh yêu cầu các sở, ngành nghiêm túc triển khai thực hiện./.",
]


def test_page_scraped_twice_marks_the_earlier_copy():
    header = ["Kế hoạch 01/KH-UBND năm 2025 do tỉnh ban hành", "Số hiệu | 01/KH-UBND |"]
    teaser = ["ỦY BAN NHÂN DÂN |", "Số: 01/KH-UBND |"] + BODY[:6]
    full = ["ỦY BAN NHÂN DÂN |", "Số: 01/KH-UBND |"] + BODY + REST
    text = "\n".join(header + teaser + full) + "\n"
    c = clean_text(src(text))
    assert len(c.repeated) == 1
    a, b = c.repeated[0]
    assert c.text[a:b] == "\n".join(teaser)  # the teaser, short header lines included
    later = text.index("\n".join(teaser), b)  # the full copy is kept
    assert not c.is_repeated(later) and not c.is_repeated(text.index(REST[0]))
    assert c.is_repeated(text.index(BODY[0]))


def test_teaser_cut_inside_a_line_is_marked_to_the_cut():
    cut = BODY[7][:40] + "…"
    teaser = BODY[:7] + [cut]
    text = "\n".join(teaser + ["Xem tiếp"] + BODY + REST)
    (a, b), = find_repeats(text)
    assert text[a:b] == "\n".join(teaser)


def test_three_copies_keep_only_the_last():
    block = "\n".join(BODY)
    text = "\n".join([block, "Phần giữa trang.", block, block]) + "\n"
    reps = find_repeats(text)
    assert len(reps) == 2
    last = text.rindex(block)
    assert all(b <= last for _, b in reps)


def test_repeated_short_and_boilerplate_lines_are_not_blocks():
    lines = []
    for agency in ("Sở Tài chính", "Sở Nội vụ", "Sở Y tế", "Sở Xây dựng"):
        lines += [f"- {agency}", "- Lưu: VT, TH.", "- Như trên;", "(b/c);", "Chủ trì."]
    assert find_repeats("\n".join(lines)) == []


def test_same_task_for_two_agencies_is_not_a_repeat():
    # one repeated sentence (a fact stated for two agencies) and a short run are not a copy
    task = "Chủ trì, phối hợp với các sở, ngành liên quan triển khai thực hiện có hiệu quả các nhiệm vụ được giao."
    text = "\n".join(["a) Sở Tài chính", task, BODY[2], BODY[3], "b) Sở Nội vụ", task, BODY[2], BODY[3]])
    assert find_repeats(text) == []


def test_repeats_are_linear_time():
    import random

    rng = random.Random(1)
    words = "các sở ban ngành tỉnh huyện thực hiện nhiệm vụ giải pháp kế hoạch năm đầu tư công".split()
    pool = [" ".join(rng.choice(words) for _ in range(12)) for _ in range(40)]
    small = "\n".join(rng.choice(pool) for _ in range(2_000))
    big = "\n".join(rng.choice(pool) for _ in range(32_000))
    same = "\n".join([pool[0]] * 32_000)

    def timed(t):
        t0 = time.perf_counter()
        find_repeats(t)
        return time.perf_counter() - t0

    base = max(timed(small), 1e-3)
    assert timed(big) < 40 * base + 0.5  # 16x the lines: linear, not quadratic
    assert timed(same) < 40 * base + 0.5


# --------------------------------------------------------------------------- seeds

def seed(prefix: str):
    (path,) = SEEDS.glob(prefix + "_*.txt")
    return clean_text(read_path(path))


def test_seed_003_scraped_twice():
    c = seed("003")
    assert len(c.repeated) == 1
    a, b = c.repeated[0]
    src_lines = c.source.text.split("\n")
    # lines 9-37 (1-based) repeat lines 38-66: the earlier copy is marked
    assert (c.line_of(a), c.line_of(b)) == (8, 36)
    assert src_lines[8:37] == src_lines[37:66]
    assert not c.is_repeated(c.lines[37]) and not c.is_repeated(c.lines[70])


def test_seed_002_split_sentences_are_joined():
    c = seed("002")
    got = lines_of(c.text)
    assert any("của Chính phủ về Phiên họp Chính phủ thường kỳ" in line for line in got)
    assert any("tích cực giải quyết, tháo gỡ các khó khăn" in line for line in got)  # across the page break
    assert any("lập kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030" in line for line in got)
    assert "TM. ỦY BAN NHÂN DÂN" in got and "CHỦ TỊCH" in got
    assert any(line.startswith("b) Tổ chức đấu giá quyền sử dụng đất") for line in got)
    assert c.repeated == []


def test_seed_000_markdown_and_breaks():
    c = seed("000")
    got = lines_of(c.text)
    assert "I. THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI" in got
    assert "2. Sở Kế hoạch và Đầu tư" in got
    assert any("Phát huy hiệu quả Tổ công tác đặc biệt" in line for line in got)
    assert "*" not in c.text and "#" not in c.text
    assert c.repeated == []


def test_seeds_same_length_and_no_false_repeats():
    for path in sorted(SEEDS.glob("*.txt")):
        c = clean_text(read_path(path))
        assert len(c.text) == len(c.source.text)
        if not path.name.startswith("003"):
            assert c.repeated == [], path.name


def test_clean_speed_on_seeds_is_not_pathological():
    """The budget is >= 30 MB/s (measured ~60-70 MB/s); this only guards against a
    regression by an order of magnitude on a loaded CI machine."""
    sources = [read_path(p) for p in sorted(SEEDS.glob("*.txt"))]
    nbytes = sum(len(s.text.encode("utf-8")) for s in sources) * 10
    t0 = time.perf_counter()
    for _ in range(10):
        for s in sources:
            clean_text(s)
    rate = nbytes / (time.perf_counter() - t0) / 1e6
    assert rate > 6, f"clean ran at {rate:.1f} MB/s"


def test_clean_quotes_come_from_source():
    text = "Thực hiện Nghị quyết số 01/NQ-CP của Chính \n\nphủ về hoá đơn điện tử."
    c = clean_text(src(text))
    i = c.text.index("hóa")
    assert c.original(i, i + 3) == "hoá"
    j = re.search(r"Chính\s+phủ", c.text)
    assert c.original(*j.span()) == "Chính \n\nphủ"


def test_crlf_text_joins_like_lf_text():
    crlf = PDF_LIKE.replace("\n", "\r\n")
    assert lines_of(normalize_text(crlf)) == lines_of(normalize_text(PDF_LIKE))


def test_short_paragraph_document_is_not_taken_for_wrapped_text():
    # one paragraph per line, several of similar length: the subtitle must not be joined to
    # the opening paragraph just because both are long
    sub = ("Thực hiện Nghị quyết số 45/NQ-CP ngày 28/02/2025 của Chính phủ về nhiệm vụ, giải pháp "
           "đẩy mạnh chuyển đổi số, phát triển kinh tế số năm 2025")
    paragraphs = [
        "Thực hiện Nghị quyết số 45/NQ-CP ngày 28 tháng 02 năm 2025 của Chính phủ, Ủy ban nhân dân tỉnh ban "
        "hành Chương trình hành động với các nội dung chủ yếu như sau:",
        "1. Quán triệt đầy đủ các nhiệm vụ, giải pháp tại Nghị quyết; xác định rõ nhiệm vụ, thời hạn hoàn "
        "thành và trách nhiệm của từng cơ quan, đơn vị.",
        "- Chủ trì, phối hợp với Sở Nội vụ, Văn phòng UBND tỉnh vận hành hiệu quả Hệ thống thông tin giải "
        "quyết thủ tục hành chính; hoàn thành trước ngày 30/6/2025.",
        "- Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; tham mưu UBND tỉnh "
        "kế hoạch phát triển hạ tầng số trong năm 2025.",
        "Chủ trì, phối hợp với Sở Tài chính tham mưu bố trí vốn đầu tư công năm 2025 cho các dự án chuyển "
        "đổi số; hoàn thành trước ngày 15 tháng 4 năm 2025.",
    ]
    text = "\n".join(["ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH", "Số: 35/CTr-UBND", "Bình Định, ngày 10 tháng 3 năm 2025",
                      "", "CHƯƠNG TRÌNH HÀNH ĐỘNG", sub, ""] + paragraphs) + "\n"
    assert wrap_width(text) == 0
    assert normalize_text(text) == text
