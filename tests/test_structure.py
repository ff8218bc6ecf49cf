"""Outline parsing: labels, nesting, spans, wrapped lines, markdown, the closing block."""
from __future__ import annotations

import hashlib

import pytest

from graph_builder.clean import clean_text
from graph_builder.find.structure import flatten, heading_path, paragraph_sentences, paragraphs, parse_outline
from graph_builder.model import CleanText, SourceText


def _clean(text: str, cleaned: bool = False) -> CleanText:
    src = SourceText("<t>", text, "utf-8", "txt", hashlib.sha256(text.encode()).hexdigest())
    return clean_text(src) if cleaned else CleanText(src, text)


def _tree(secs, out=None, depth=0):
    out = [] if out is None else out
    for s in secs:
        out.append((depth, s.kind, s.label, s.heading[:30]))
        _tree(s.children, out, depth + 1)
    return out


PLAN = """KẾ HOẠCH
Triển khai nhiệm vụ năm 2025

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Bảo đảm thực hiện đồng bộ.
- Nâng cao trách nhiệm.
2. Yêu cầu
Các nhiệm vụ phải cụ thể.

II. NHIỆM VỤ
1. Nhiệm vụ chung
a) Rà soát thủ tục hành chính.
b) Đẩy mạnh chuyển đổi số:
+ Số hóa hồ sơ;
+ Kết nối dữ liệu.
1.1. Cải cách hành chính
(1) Rút ngắn thời gian giải quyết.
(2) Công khai thủ tục.
2. Nhiệm vụ cụ thể
2.1. Sở Tài chính
Bố trí kinh phí.

III. TỔ CHỨC THỰC HIỆN
Các sở, ngành thực hiện nghiêm Kế hoạch này./.

Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def test_nesting_of_roman_number_letter_paren_dash_plus():
    tree = _tree(parse_outline(_clean(PLAN)))
    assert tree == [
        (0, "roman", "I.", "MỤC ĐÍCH, YÊU CẦU"),
        (1, "number", "1.", "Mục đích"),
        (2, "dash", "-", "Bảo đảm thực hiện đồng bộ."),
        (2, "dash", "-", "Nâng cao trách nhiệm."),
        (1, "number", "2.", "Yêu cầu"),
        (0, "roman", "II.", "NHIỆM VỤ"),
        (1, "number", "1.", "Nhiệm vụ chung"),
        (2, "letter", "a)", "Rà soát thủ tục hành chính."),
        (2, "letter", "b)", "Đẩy mạnh chuyển đổi số:"),
        (3, "plus", "+", "Số hóa hồ sơ;"),
        (3, "plus", "+", "Kết nối dữ liệu."),
        (2, "number", "1.1.", "Cải cách hành chính"),
        (3, "paren_number", "(1)", "Rút ngắn thời gian giải quyết."),
        (3, "paren_number", "(2)", "Công khai thủ tục."),
        (1, "number", "2.", "Nhiệm vụ cụ thể"),
        (2, "number", "2.1.", "Sở Tài chính"),
        (0, "roman", "III.", "TỔ CHỨC THỰC HIỆN"),
    ]


def test_spans_govern_the_text_below_and_stop_at_the_closing_block():
    clean = _clean(PLAN)
    secs = dict((s.label + s.heading[:6], s) for s, _ in flatten(parse_outline(clean)))
    s21 = secs["2.1.Sở Tài"]
    assert clean.text[s21.start:s21.end] == "2.1. Sở Tài chính\nBố trí kinh phí."
    iii = secs["III.TỔ CHỨ"]
    assert clean.text[iii.start:iii.end].endswith("Kế hoạch này./.")
    assert "Nơi nhận" not in clean.text[iii.start:iii.end]
    ii = secs["II.NHIỆM "]
    assert ii.start < s21.start < s21.end <= ii.end
    assert s21.heading_end == clean.text.index("Sở Tài chính") + len("Sở Tài chính")


def test_heading_path_of_a_sentence():
    outline = parse_outline(_clean(PLAN))
    chain = []
    for s, path in flatten(outline):
        if s.label == "2.1.":
            chain = path + (s,)
    assert heading_path(chain) == "II. NHIỆM VỤ > 2. Nhiệm vụ cụ thể > 2.1. Sở Tài chính"


def test_markdown_heading_marks_are_ignored_when_the_heading_has_a_label():
    text = ("**I. THỰC HIỆN KẾ HOẠCH**\n\n**1. Sở Tài chính**\n\nBố trí vốn.\n\n## **2. Sở Y tế**\n\nPhòng dịch.\n\n"
            "#### **3. Sở Nội vụ**\n\nSắp xếp bộ máy.\n\n### **II. ĐẦU TƯ CÔNG**\n\n## Ghi chú\n\nNội dung.\n")
    expected = [
        (0, "roman", "I.", "THỰC HIỆN KẾ HOẠCH"),
        (1, "number", "1.", "Sở Tài chính"),
        (1, "number", "2.", "Sở Y tế"),
        (1, "number", "3.", "Sở Nội vụ"),
        (0, "roman", "II.", "ĐẦU TƯ CÔNG"),
    ]
    # raw text: the unlabelled heading ranks above the numbered ones; the cleaner blanks the marks
    assert _tree(parse_outline(_clean(text))) == expected + [(0, "markdown", "##", "Ghi chú")]
    assert _tree(parse_outline(_clean(text, cleaned=True))) == expected


def test_articles_and_items_of_a_decision():
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Ban hành Kế hoạch kèm theo.\nĐiều 2. Tổ chức thực hiện\n1. Giao Sở Y tế chủ trì.\n"
            "2. Sở Tài chính bố trí kinh phí.\nĐiều 3. Chánh Văn phòng UBND tỉnh chịu trách nhiệm thi hành Quyết định này.\n")
    tree = _tree(parse_outline(_clean(text)))
    assert [t[:3] for t in tree] == [(0, "article", "Điều 1."), (0, "article", "Điều 2."), (1, "number", "1."),
                                     (1, "number", "2."), (0, "article", "Điều 3.")]


def test_wrapped_pdf_lines_join_into_one_paragraph_and_page_numbers_vanish():
    text = ("1. Các đơn vị, địa phương căn cứ chức năng, nhiệm vụ được \n\ngiao tập trung triển khai các nhiệm vụ sau: \n\n"
            "a) Tham mưu ban hành kế hoạch thực hiện quy hoạch, xác \n\nđịnh rõ nội dung trọng tâm. \n\n\n\n2 \n\n"
            "b) Tổ chức đấu giá quyền sử dụng đất trên địa bàn bảo đảm \n\n"
            "công khai, minh bạch.\n")
    clean = _clean(text)
    paras = paragraphs(clean)
    assert [p.label for p in paras] == ["1.", "a)", "b)"]
    assert clean.text[paras[1].content:paras[1].end].endswith("trọng tâm.")
    tree = _tree(parse_outline(clean))
    assert [t[:3] for t in tree] == [(0, "number", "1."), (1, "letter", "a)"), (1, "letter", "b)")]


def test_a_dash_before_a_parenthesised_number_is_the_number_item():
    text = "3. Chỉ tiêu:\n- (1) Tăng trưởng 8%.\n- (2) Thu ngân sách 20.000 tỷ đồng.\n"
    tree = _tree(parse_outline(_clean(text)))
    assert [t[:3] for t in tree] == [(0, "number", "3."), (1, "paren_number", "(1)"), (1, "paren_number", "(2)")]


@pytest.mark.parametrize("line", ["18 tháng 01 năm 2024 và quy định hiện hành.", "2024 là năm bản lề.",
                                  "1.000 tỷ đồng cho các dự án.", "V.v. các nội dung khác."])
def test_numbers_that_are_not_labels(line):
    assert parse_outline(_clean("Mở đầu văn bản dài hơn để làm ngữ cảnh\n" + line + "\n")) == []


def test_sentences_of_paragraphs():
    text = ("1. Sở Tài chính chủ trì thẩm định. Sở Xây dựng phối hợp với TP. Hồ Chí Minh; báo cáo trước ngày 10/10/2025.\n"
            "2. Giám đốc các sở: - Xây dựng kế hoạch. - Báo cáo kết quả.\n")
    clean = _clean(text)
    paras = paragraphs(clean)
    spans = paragraph_sentences(clean.text, paras, len(clean.text))
    got = [[clean.text[a:b] for a, b in ss] for ss in spans]
    assert got == [["Sở Tài chính chủ trì thẩm định.",
                    "Sở Xây dựng phối hợp với TP. Hồ Chí Minh; báo cáo trước ngày 10/10/2025."],
                   ["Giám đốc các sở:", "- Xây dựng kế hoạch.", "- Báo cáo kết quả."]]


def test_outline_never_raises_on_odd_text():
    for text in ["", "\n\n", "I.", "- ", "(1)", "**", "## ", "Điều", "1.1.1.1.1. x", "\u0300" * 10, "a)\nb)\n" * 3]:
        parse_outline(_clean(text))


def test_a_heading_joined_to_its_paragraph_by_cleaning_is_split_again():
    from graph_builder.clean import clean_text
    from graph_builder.find.structure import paragraphs
    from graph_builder.model import SourceText

    body = ("Sở Giao thông vận tải chủ trì, phối hợp với các địa phương đẩy nhanh công tác giải phóng\n"
            "mặt bằng dự án đường ven biển và dự án nâng cấp quốc lộ, hoàn thành bàn giao mặt bằng\n"
            "còn lại của dự án cho chủ đầu tư trong quý II năm 2023 theo đúng kế hoạch đã đề ra.\n")
    text = "3. Đẩy nhanh tiến độ các dự án hạ tầng giao thông trọng điểm\n" + body
    clean = clean_text(SourceText("<t>", text, "utf-8", "txt", "x"))
    paras = paragraphs(clean)
    assert [(p.label, clean.text[p.content:p.end][:20]) for p in paras[:2]] == [
        ("3.", "Đẩy nhanh tiến độ cá"), (None, "Sở Giao thông vận tả")]
    # a heading wrapped in the middle ("… của\nỦy ban …") or in capitals stays one heading
    from graph_builder.find.structure import _joined_heading_end

    t = "Nâng cao hiệu quả công tác tham mưu của\nỦy ban nhân dân tỉnh về quy hoạch"
    assert _joined_heading_end(t, 0, len(t)) == -1
    t = "KẾ HOẠCH PHÁT TRIỂN\nKINH TẾ - XÃ HỘI NĂM 2024"
    assert _joined_heading_end(t, 0, len(t)) == -1
    t = "Đẩy nhanh tiến độ các dự án\nSở Xây dựng chủ trì thẩm định"
    assert _joined_heading_end(t, 0, len(t)) == t.index("\n")
