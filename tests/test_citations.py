"""Citation forms, negative cases, lists, aliases and document identity, on short documents
written here (issue 3, items 4-5)."""
from __future__ import annotations

import pytest

from graph_builder.find.patterns.citations import canonical_symbol
from graph_builder.pipeline import extract_text

HEADER = "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH\nSố: 99/KH-UBND\nBình Định, ngày 15 tháng 3 năm 2024\n\nKẾ HOẠCH\nTriển khai nhiệm vụ năm 2024\n\n"


def cites(body: str, header: str = HEADER):
    rec = extract_text(header + body)
    out: dict[str, list] = {}
    for c in rec.citations:
        out.setdefault(c.symbol, []).append(c)
    return rec, {k: v[0] if len(v) == 1 else v for k, v in out.items()}


# ----------------------------------------------------------------------------- canonical symbols

@pytest.mark.parametrize("raw, canonical", [
    ("01/NQ-CP", "01/NQ-CP"),
    ("số 01/NQ-CP", "01/NQ-CP"),
    ("119/NQ- CP", "119/NQ-CP"),
    ("45/NQ - HĐND", "45/NQ-HĐND"),
    ("26/2021/QĐTTg", "26/2021/QĐ-TTg"),
    ("38/2019/NQ HĐND", "38/2019/NQ-HĐND"),
    ("04-  NQ/TU", "04-NQ/TU"),
    ("04-\n\nNQ/TU", "04-NQ/TU"),
    ("14-NQ/CP", "14/NQ-CP"),
    ("57-NQ/TW", "57-NQ/TW"),
    ("862-CV/BCSD", "862-CV/BCSD"),
    ("2970/SKHĐT-TH", "2970/SKHĐT-TH"),
    ("2616/KH-BNN-TCLN", "2616/KH-BNN-TCLN"),
    ("12/SNN&PTNT-KH", "12/SNN&PTNT-KH"),
    ("111/2024/QH15", "111/2024/QH15"),
    ("150/2020/NĐ-CP", "150/2020/NĐ-CP"),
    ("12/2015/TTLT-BTC-BKHĐT", "12/2015/TTLT-BTC-BKHĐT"),
    ("12/QD-UBND", "12/QĐ-UBND"),
    ("số 15/nq-cp", "15/NQ-CP"),
    ("92/CĐ-TTg", "92/CĐ-TTg"),
    ("46-CTr/TU", "46-CTr/TU"),
    ("35/CTr-TU", "35-CTr/TU"),  # the mirror slip: a Party committee's number in the state form
    ("12/KH-HU", "12-KH/HU"),
    ("12/QĐ-ĐH", "12/QĐ-ĐH"),  # a university's decision stays in the state form
])
def test_canonical_symbol(raw, canonical):
    assert canonical_symbol(raw) == canonical


@pytest.mark.parametrize("raw", ["137 xã/193 xã", "Quý III/2024", "10-11%", "24/01/2022", "1/2", "3 dự án/công trình"])
def test_not_a_symbol(raw):
    assert canonical_symbol(raw) is None


# ----------------------------------------------------------------------------- forms in running text

def test_state_form_with_so_date_and_issuer():
    _, c = cites("Thực hiện Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ về nhiệm vụ, giải pháp chủ yếu.")
    d = c["01/NQ-CP"]
    assert (d.doc_type, d.date, d.issuer, d.issuer_scope, d.identity.year) == (
        "Nghị quyết", "2024-01-05", "Chính phủ", "national", 2024)
    assert d.subject == "nhiệm vụ, giải pháp chủ yếu"
    assert d.first_quote == "Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ"


def test_without_so_and_verbal_date():
    _, c = cites("Căn cứ Nghị định 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư.")
    d = c["30/2020/NĐ-CP"]
    assert (d.doc_type, d.date, d.identity.year, d.issuer_scope) == ("Nghị định", "2020-03-05", 2020, "national")


@pytest.mark.parametrize("date_text, iso", [
    ("ngày 8/9/2024", "2024-09-08"),
    ("ngày 08/09/2024", "2024-09-08"),
    ("ngày 08 tháng 9 năm 2024", "2024-09-08"),
    ("ngày \n\n08 tháng 9 năm 2024", "2024-09-08"),       # split across lines
    ("ngày 08 tháng \n9 năm 2024", "2024-09-08"),
    ("ngày 53 24/01/2022", "2022-01-24"),                 # a stray page number before the date
    ("ngày 8-9-2024", "2024-09-08"),
])
def test_date_forms(date_text, iso):
    _, c = cites(f"Thực hiện Nghị quyết số 128/NQ-CP {date_text} của Chính phủ về phiên họp thường kỳ.")
    assert c["128/NQ-CP"].date == iso


def test_normative_and_law_forms():
    _, c = cites("Căn cứ Luật số 31/2024/QH15 ngày 18/01/2024; Nghị quyết số 111/2024/QH15 của Quốc hội; "
                 "Thông tư số 02/2023/TT-NHNN của Ngân hàng Nhà nước Việt Nam.")
    assert c["31/2024/QH15"].doc_type == "Luật" and c["31/2024/QH15"].identity.year == 2024
    assert c["111/2024/QH15"].doc_type == "Nghị quyết" and c["111/2024/QH15"].identity.year == 2024
    assert c["02/2023/TT-NHNN"].identity.year == 2023  # year from the symbol, no date stated
    assert c["02/2023/TT-NHNN"].date is None
    assert {d.issuer_scope for d in c.values()} == {"national"}


def test_party_forms():
    _, c = cites("Thực hiện Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị, Kết luận 84-KL/TW, "
                 "Hướng dẫn số 36-HD/VPTW của Văn phòng Trung ương Đảng, Chương trình hành động số 46-CTr/TU ngày 27/3/2023 "
                 "của Tỉnh ủy và Công văn số 862-CV/BCSD ngày 29/12/2023 của BCS đảng UBND tỉnh.")
    assert c["57-NQ/TW"].issuer == "Bộ Chính trị" and c["57-NQ/TW"].issuer_scope == "national"
    assert c["84-KL/TW"].doc_type == "Kết luận"
    assert c["36-HD/VPTW"].issuer_scope == "national"
    assert c["46-CTr/TU"].doc_type == "Chương trình hành động" and c["46-CTr/TU"].issuer_scope == "Bình Định"
    assert c["862-CV/BCSD"].doc_type == "Công văn" and c["862-CV/BCSD"].issuer_scope == "Bình Định"


def test_ministry_and_department_letters():
    _, c = cites("Theo Công văn số 2616/KH-BNN-TCLN ngày 8/9/2024 của Bộ Nông nghiệp và Phát triển nông thôn, "
                 "Văn bản số 1234/BKHĐT-TH ngày 10/9/2024, Công văn số 456/SNN&PTNT-KH ngày 12/9/2024 và "
                 "Xét đề nghị của Sở Kế hoạch và Đầu tư tại Công văn số 2970/SKHĐT-TH ngày 25 tháng 9 năm 2024.")
    assert c["2616/KH-BNN-TCLN"].doc_type == "Công văn" and c["2616/KH-BNN-TCLN"].issuer_scope == "national"
    assert c["1234/BKHĐT-TH"].issuer_scope == "national" and c["1234/BKHĐT-TH"].doc_type == "Công văn"
    assert c["456/SNN&PTNT-KH"].issuer_scope == "Bình Định"
    assert c["2970/SKHĐT-TH"].issuer_scope == "Bình Định"
    assert c["2970/SKHĐT-TH"].issuer.startswith("Sở Kế hoạch và Đầu tư")


def test_case_variants_and_typo_type_words():
    _, c = cites("Thực hiện quyết định số 23/2019/QĐ-TTg, chỉ thị số 29/CT-UBND ngày 27/12/2022, "
                 "NGHỊ QUYẾT SỐ 12/NQ-HĐND ngày 10/7/2023, Chi thị số 30-CT/TU ngày 17/11/2022 của Tỉnh ủy và "
                 "văn bản số 15/nq-cp của Chính phủ.")
    assert c["23/2019/QĐ-TTg"].doc_type == "Quyết định"
    assert c["29/CT-UBND"].doc_type == "Chỉ thị"
    assert c["12/NQ-HĐND"].doc_type == "Nghị quyết"
    assert c["30-CT/TU"].doc_type == "Chỉ thị"  # "Chi thị": the intended type
    assert "15/NQ-CP" in c


def test_stray_spaces_hyphens_and_line_breaks():
    rec, c = cites("Thực hiện Nghị quyết số 119/NQ- CP ngày 07/8/2024 của Chính phủ; Nghị quyết 45/NQ - HĐND; "
                   "Quyết định số 26/2021/QĐTTg ngày 12/8/2021 của Thủ tướng Chính phủ; Nghị quyết số 14-NQ/CP ngày "
                   "08/2/2023 của Chính phủ; Nghị quyết số 38/2019/NQ HĐND ngày 15/7/2019 của HĐND tỉnh; "
                   "Nghị quyết số 04-\n\nNQ/TU ngày 12/4/2021 của Ban Thường vụ Tỉnh ủy.")
    assert set(c) == {"119/NQ-CP", "45/NQ-HĐND", "26/2021/QĐ-TTg", "14/NQ-CP", "38/2019/NQ-HĐND", "04-NQ/TU"}
    assert c["04-NQ/TU"].first_quote == "Nghị quyết số 04-"  # the quote stays on one line
    assert c["04-NQ/TU"].date == "2021-04-12"
    assert c["119/NQ-CP"].first_quote.startswith("Nghị quyết số 119/NQ- CP")  # original spelling kept


# ----------------------------------------------------------------------------- lists

def test_list_sharing_one_type_word_and_one_so():
    _, c = cites("Thực hiện nghiêm các Thông báo kết luận số 118/TB-UBND ngày 20/8/2024, số 125/TB-UBND ngày 30/8/2024, "
                 "số 153/TB-UBND ngày 25/9/2024, và số 160/TB-UBND ngày 02/10/2024 để tháo gỡ khó khăn.")
    for s in ("118/TB-UBND", "125/TB-UBND", "153/TB-UBND", "160/TB-UBND"):
        assert c[s].doc_type == "Thông báo" and c[s].issuer_scope == "Bình Định"
    assert c["125/TB-UBND"].first_quote == "số 125/TB-UBND ngày 30/8/2024"


def test_list_item_without_type_word_is_typed_from_the_list():
    _, c = cites("Thực hiện các Công điện số 103/CĐ-TTg ngày 07/10/2024, 104/CĐ-TTg ngày 08/10/2024 của Thủ tướng.")
    assert c["104/CĐ-TTg"].doc_type == "Công điện"
    assert c["104/CĐ-TTg"].first_quote.startswith("104/CĐ-TTg ngày 08/10/2024")


def test_trailing_issuer_applies_to_earlier_items_whose_code_fits():
    _, c = cites("Thực hiện Nghị quyết số 93/NQ-CP ngày 18/6/2024, Nghị quyết số 108/NQ-CP ngày 10/7/2024 của Chính phủ; "
                 "Nghị quyết số 138/NQ-HĐND ngày 12/12/2023 về kế hoạch năm 2024 và Nghị quyết số 144/NQ-HĐND ngày "
                 "12/12/2023 về kế hoạch vốn năm 2024 của Hội đồng nhân dân tỉnh; Quyết định số 1759/QĐ-TTg ngày "
                 "31/12/2023, Kế hoạch số 11/KH-UBND ngày 22/01/2024 của UBND tỉnh.")
    assert c["93/NQ-CP"].issuer == "Chính phủ"
    assert c["138/NQ-HĐND"].issuer == "HĐND tỉnh Bình Định"
    assert c["144/NQ-HĐND"].subject == "kế hoạch vốn năm 2024"  # the trailing "của …" is not the subject
    assert c["1759/QĐ-TTg"].issuer == "Thủ tướng Chính phủ"  # "của UBND tỉnh" does not fit a TTg number
    assert c["1759/QĐ-TTg"].issuer_scope == "national"


# ----------------------------------------------------------------------------- aliases, counting

def test_alias_definition_counts_later_short_mentions():
    rec, c = cites("Để thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2025 của Chính phủ (sau đây gọi tắt là Nghị quyết 01), "
                   "UBND tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n1. Triển khai Nghị quyết 01 đồng bộ.\n"
                   "2. Báo cáo kết quả thực hiện Nghị quyết 01 hằng quý.")
    d = c["01/NQ-CP"]
    # the number, the short name where it is defined (as "(… là Nghị quyết số 01/NQ-CP)" counts) and two uses
    assert len(d.counted_mentions()) == 4 and d.identity.year == 2025


def test_alias_repeating_the_number_counts_as_a_mention():
    _, c = cites("Thực hiện Nghị quyết số 45/NQ-HĐND ngày 12/12/2024 của Hội đồng nhân dân tỉnh (sau đây gọi tắt là "
                 "Nghị quyết số 45/NQ-HĐND), UBND tỉnh ban hành Kế hoạch.")
    assert len(c["45/NQ-HĐND"].counted_mentions()) == 2


def test_a_date_stated_once_applies_to_every_mention():
    _, c = cites("Thực hiện Nghị quyết số 01/NQ-CP của Chính phủ.\nI. NHIỆM VỤ\n1. Bám sát Nghị quyết số 01/NQ-CP.\n"
                 "2. Chương trình hành động thực hiện Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ.")
    d = c["01/NQ-CP"]
    assert d.identity.year == 2024 and d.date == "2024-01-05" and len(d.counted_mentions()) == 3


def test_repeated_regions_are_counted_once():
    from graph_builder.clean import clean_text
    from graph_builder.model import SourceText
    from graph_builder.pipeline import extract_clean

    body = "Thực hiện Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ về nhiệm vụ năm 2024.\n"
    text = HEADER + body + body
    clean = clean_text(SourceText("x.txt", text, "utf-8", "txt", "0"))
    if not clean.repeated:  # the cleaner marks repeated blocks; here the region is given explicitly
        clean.repeated.append((len(HEADER), len(HEADER) + len(body)))
    d = [c for c in extract_clean(clean).citations if c.symbol == "01/NQ-CP"][0]
    assert len(d.mentions) == 2 and len(d.counted_mentions()) == 1 and len(d.sentences) == 1


# ----------------------------------------------------------------------------- negative cases

def test_negative_cases_are_not_citations():
    rec, c = cites(
        "Khắc phục hậu quả cơn bão số 3 (bão Yagi). Giải ngân 03 Chương trình mục tiêu quốc gia trong Quý III/2024; "
        "nâng số xã đạt chuẩn lên 137 xã/193 xã; tăng trưởng 10-11%; tỷ lệ 1/3 số xã; Phụ lục số 2.\n"
        "2 \n"
        "Kết luận số 84-KL/TW ngày 21 tháng 6 năm 2024 của Bộ Chính trị1.\n"
        "D:\\VB\\Năm 2024\\12-QĐ-UBND.doc\n"
        "D:/Van ban/2024/15/QD-UBND.doc\n"
        "https://vanban.chinhphu.vn/van-ban/01/NQ-CP.html\n"
        "Quy chuẩn TCVN 5945:2005; quy hoạch tỷ lệ 1/500; ngày 12/12/2023.")
    assert set(c) == {"84-KL/TW"}
    assert c["84-KL/TW"].issuer == "Bộ Chính trị"  # the footnote digit is not part of the issuer


def test_the_documents_own_number_is_not_a_citation():
    rec, c = cites("Kế hoạch này thay thế Kế hoạch số 98/KH-UBND ngày 01/3/2024 của UBND tỉnh.")
    assert rec.document.symbol == "99/KH-UBND"
    assert set(c) == {"98/KH-UBND"}


def test_metadata_table_and_page_title_numbers_are_the_own_number():
    text = ("Kế hoạch 15/KH-UBND thực hiện Nghị quyết 01/NQ-CP năm 2025 do tỉnh Hà Tĩnh ban hành\n"
            "Số hiệu | 15/KH-UBND |\nNgày ban hành | 20/01/2025 |\nCơ quan ban hành | Tỉnh Hà Tĩnh |\n"
            "Số: 15/KH-UBND |\nHà Tĩnh, ngày 20 tháng 01 năm 2025 |\n"
            "Thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2025 của Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:\n")
    rec = extract_text(text)
    assert rec.document.symbol == "15/KH-UBND" and rec.document.date == "2025-01-20"
    assert [c.symbol for c in rec.citations] == ["01/NQ-CP"]
    assert len(rec.citations[0].counted_mentions()) == 2  # page title + body
    assert rec.implements == ["01/NQ-CP"]


# ----------------------------------------------------------------------------- identity

def test_same_number_of_two_years_are_two_documents():
    _, c = cites("Tổng kết Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ và triển khai Nghị quyết số 01/NQ-CP "
                 "ngày 08/01/2025 của Chính phủ. Báo cáo việc thực hiện Nghị quyết số 01/NQ-CP của Chính phủ.")
    keys = sorted(d.identity.key for d in c["01/NQ-CP"])
    assert keys == ["01/NQ-CP@2024@national", "01/NQ-CP@2025@national", "01/NQ-CP@year?@national"]


def test_same_local_number_of_two_provinces_are_two_documents():
    _, c = cites("Tham khảo Nghị quyết số 138/NQ-HĐND ngày 12/12/2023 của HĐND tỉnh Vĩnh Long và thực hiện Nghị quyết "
                 "số 138/NQ-HĐND ngày 12/12/2023 của HĐND tỉnh trên địa bàn tỉnh Bình Định.")
    keys = sorted(d.identity.key for d in c["138/NQ-HĐND"])
    assert keys == ["138/NQ-HĐND@2023@Bình Định", "138/NQ-HĐND@2023@Vĩnh Long"]


def test_local_numbers_take_the_citing_documents_province():
    body = "Thực hiện Nghị quyết số 138/NQ-HĐND ngày 12/12/2023 của HĐND tỉnh về kế hoạch năm 2024."
    a = extract_text("ỦY BAN NHÂN DÂN TỈNH VĨNH LONG\n\nCHỈ THỊ\nVề kế hoạch năm 2024\n\n" + body)
    b = extract_text("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH\n\nCHỈ THỊ\nVề kế hoạch năm 2024\n\n" + body)
    assert a.citations[0].identity.key == "138/NQ-HĐND@2023@Vĩnh Long"
    assert b.citations[0].identity.key == "138/NQ-HĐND@2023@Bình Định"
    assert a.citations[0].issuer == "HĐND tỉnh Vĩnh Long"


def test_unknown_year_stays_unknown_and_is_reported_as_null():
    rec, c = cites("Căn cứ Nghị quyết số 01/NQ-CP của Chính phủ về giải pháp chủ yếu năm 2024.")
    d = c["01/NQ-CP"]
    assert d.identity.year is None and not d.identity.year_inferred
    assert d.identity.key == "01/NQ-CP@year?@national"
    assert d.to_record()["year"] is None


def test_inferred_year_is_reported_as_an_inference():
    from graph_builder.model import CitedDocument, DocumentIdentity

    d = CitedDocument(DocumentIdentity("01/NQ-CP", 2024, "national", year_inferred=True, inference="test"),
                      "Nghị quyết", None, "Chính phủ", "national")
    rec = d.to_record()
    assert rec["year"] is None and rec["year_inferred"] == 2024 and rec["inference"] == "test"
    assert d.identity.key == "01/NQ-CP@2024~@national"


def test_unknown_province_leaves_local_jurisdiction_unknown():
    rec = extract_text("Thực hiện Nghị quyết số 47/NQ-HĐND ngày 08/12/2023 của HĐND tỉnh và Nghị quyết số 01/NQ-CP "
                       "của Chính phủ; Ủy ban nhân dân tỉnh có ý kiến như sau:\n1. Các sở triển khai.")
    scopes = {c.symbol: c.issuer_scope for c in rec.citations}
    assert scopes == {"47/NQ-HĐND": None, "01/NQ-CP": "national"}
    assert rec.citations[0].identity.key == "47/NQ-HĐND@2023@jurisdiction?"


def test_spans_sentences_and_record_fields():
    rec, c = cites("Thực hiện Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ. Bám sát Nghị quyết số 01/NQ-CP.")
    d = c["01/NQ-CP"]
    text = rec.document and HEADER + "Thực hiện Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ. Bám sát Nghị quyết số 01/NQ-CP."
    assert [text[m.start:m.end] for m in d.mentions] == ["01/NQ-CP", "01/NQ-CP"]
    assert d.sentences == ["Thực hiện Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ.", "Bám sát Nghị quyết số 01/NQ-CP."]
    r = d.to_record()
    assert r["mentions"] == 2 and r["id"] == "01/NQ-CP@2024@national" and len(r["spans"]) == 2


def test_district_and_commune_issuers_keep_their_unit_and_the_citing_province():
    _, c = cites("Thực hiện Quyết định số 12/QĐ-UBND ngày 03/02/2024 của UBND huyện Tuy Phước về việc giao chỉ tiêu và "
                 "Kế hoạch số 7/KH-UBND ngày 05/02/2024 của Ủy ban nhân dân tỉnh Về việc triển khai.")
    assert c["12/QĐ-UBND"].issuer == "UBND huyện Tuy Phước"
    assert c["12/QĐ-UBND"].issuer_scope == "Bình Định"
    assert c["7/KH-UBND"].issuer == "UBND tỉnh Bình Định"
    assert c["7/KH-UBND"].subject == "triển khai"


# ----------------------------------------------------------------------------- issuer scope

def test_national_bodies_named_trung_uong_or_quoc_gia():
    _, c = cites("Thực hiện Kế hoạch số 16/KH-HĐTĐKT ngày 31/8/2021 của Hội đồng Thi đua - Khen thưởng Trung ương; "
                 "Công điện số 05/CĐ-BCĐ ngày 04/9/2024 của Ban Chỉ đạo quốc gia về Phòng, chống thiên tai; Kế hoạch số "
                 "01-KH/BCĐ ngày 13/8/2025 của Ban Chỉ đạo về chuyển đổi số tỉnh Bình Định.")
    assert c["16/KH-HĐTĐKT"].issuer_scope == "national"
    assert c["05/CĐ-BCĐ"].issuer_scope == "national"
    assert c["01-KH/BCĐ"].issuer_scope == "Bình Định"


def test_the_issuer_named_in_the_text_decides_over_the_shape_of_the_code():
    # the code has a department's shape (S…), the text names a ministry
    _, c = cites("Thực hiện Chỉ thị số 20/CT-TTg ngày 29/7/2019 của Thủ tướng Chính phủ và hướng dẫn của Bộ Kế hoạch và "
                 "Đầu tư tại Công văn số 5743/SKHĐT-TH ngày 14/8/2019 về lập kế hoạch đầu tư công trung hạn.")
    assert c["5743/SKHĐT-TH"].issuer == "Bộ Kế hoạch và Đầu tư" and c["5743/SKHĐT-TH"].issuer_scope == "national"
    # "của X" of an earlier sentence is not the issuer of the number after "tại"
    _, c = cites("Thực hiện các nhiệm vụ tại Nghị quyết số 236/NQ-CP ngày 2/10/2020 của Chính phủ. Thực hiện đúng quy "
                 "định tại Văn bản số 1076/SGTVT-PC ngày 09/4/2020 về giải ngân.")
    assert c["1076/SGTVT-PC"].issuer_scope == "Bình Định"
    # a code that is the body itself is not overridden
    _, c = cites("Theo đề nghị của Bộ Tài chính tại Quyết định số 12/QĐ-UBND ngày 02/02/2024.")
    assert c["12/QĐ-UBND"].issuer_scope == "Bình Định"


def test_ministry_letter_codes_without_b_and_an_issuer_named_once():
    rec, c = cites("Thực hiện đúng quy định tại Công văn số 8292/LĐTBXH-KTĐN ngày 02/12/2018 của Bộ Lao động - Thương "
                   "binh và Xã hội. Đánh giá việc thực hiện Văn bản số 8292/LĐTBXH-KTĐN. Triển khai Công văn số "
                   "150/LĐTBXH-QLQH ngày 09/01/2020.")
    assert not isinstance(c["8292/LĐTBXH-KTĐN"], list)  # one document, not one per jurisdiction
    assert c["8292/LĐTBXH-KTĐN"].issuer_scope == "national" and len(c["8292/LĐTBXH-KTĐN"].counted_mentions()) == 2
    assert c["150/LĐTBXH-QLQH"].issuer_scope == "national"
    assert c["150/LĐTBXH-QLQH"].issuer == "Bộ Lao động - Thương binh và Xã hội"
    # a decision of another province named once keeps that province for its later mentions
    rec, c = cites("Thực hiện Quyết định số 12/QĐ-UBND ngày 19/5/2023 của UBND tỉnh Quảng Bình về liên kết vùng. "
                   "Bám sát Quyết định số 12/QĐ-UBND.")
    assert not isinstance(c["12/QĐ-UBND"], list) and c["12/QĐ-UBND"].issuer_scope == "Quảng Bình"


def test_glued_ministry_code_and_capitals_slips_are_repaired():
    assert canonical_symbol("03/2021/TTBNNPTNT") == "03/2021/TT-BNNPTNT"
    assert canonical_symbol("45/2019/TTBTC") == "45/2019/TT-BTC"
    assert canonical_symbol("10-CTR/TU") == "10-CTr/TU"
    assert canonical_symbol("19/CT-TTG") == "19/CT-TTg"
    assert canonical_symbol("123/TBKT") == "123/TBKT"  # no ministry after the type code: kept


def test_the_slash_anchored_scan_finds_what_the_pattern_finds():
    """patterns.citations.symbol_matches (the fast scan) = ANY_SYMBOL_RE.finditer, on texts made of
    the pieces numbers are made of."""
    from hypothesis import given, settings, strategies as st

    from graph_builder.find.patterns.citations import ANY_SYMBOL_RE, symbol_matches

    pieces = st.sampled_from(["01", "57", "2024", "12345", "123456", "/", "-", " - ", " ", "\n", "\n\n", "NQ", "CP", "TTg",
                              "QĐ", "UBND", "HĐND", "TU", "TW", "nq", "cp", "số ", "Số: ", "số", "a", "Luật", "&", ".",
                              "\\", "(", "2022/", "KH&ĐT", "QH15", "–", "x"])

    @settings(max_examples=400, deadline=None)
    @given(st.lists(pieces, max_size=40))
    def check(parts):
        text = "".join(parts)
        assert [m.span() for m in symbol_matches(text)] == [m.span() for m in ANY_SYMBOL_RE.finditer(text)]

    check()


def test_lower_case_numbers_only_after_the_word_so():
    _, c = cites("Thực hiện văn bản Số:  12/qđ-ubnd ngày 02/3/2024 và hồ sơ 13/qđ-ubnd kèm theo.")
    assert "12/QĐ-UBND" in c and "13/QĐ-UBND" not in c


def test_sentences_of_mentions_are_sentence_span():
    """identity finds the sentence ends of a line once for all its mentions: the same spans as
    patterns.common.sentence_span, also for spans that start on blanks or punctuation."""
    from hypothesis import given, settings, strategies as st

    from graph_builder.clean import clean_text
    from graph_builder.find.patterns.common import sentence_span
    from graph_builder.model import SourceText
    from graph_builder.resolve.identity import _LineSentences

    pieces = st.sampled_from(["Nghị quyết", " ", "  ", ".", ". ", "; ", "\n", "!", "…", "”", "\"", "(", ")", "01/NQ-CP",
                              "Thực hiện", "a", "B", "1", "-", "+", "•", "x" * 50])

    @settings(max_examples=200, deadline=None)
    @given(st.lists(pieces, min_size=1, max_size=80), st.integers(0, 10_000), st.integers(0, 30))
    def check(parts, a, width):
        text = "".join(parts)
        clean = clean_text(SourceText("t.txt", text, "utf-8", "txt", "0"))
        a = a % len(text)
        b = min(len(text), a + width)
        assert _LineSentences(clean).span(a, b) == sentence_span(clean.text, a, b)

    check()


def test_space_slip_between_type_and_department_codes_and_d_for_dj():
    assert canonical_symbol("09/TTr STTTT") == "09/TTr-STTTT"
    assert canonical_symbol("19/2019/TT-BLDTBXH") == "19/2019/TT-BLĐTBXH"
    assert canonical_symbol("01-KH/BCD") == "01-KH/BCĐ"
    _, c = cites("Xét đề nghị của Sở Xây dựng tại Tờ trình số 105/TTr SXD ngày 07/4/2021. Tờ trình 105/TTr-SXD nêu rõ.")
    assert list(c) == ["105/TTr-SXD"] and len(c["105/TTr-SXD"].counted_mentions()) == 2
    # a capitalised word after a number is not glued to it
    _, c = cites("Thực hiện Kế hoạch số 12/KH-UBND SỞ KẾ HOẠCH VÀ ĐẦU TƯ báo cáo.")
    assert list(c) == ["12/KH-UBND"]


@pytest.mark.parametrize("unit", [
    "1/NQ-CP",  # numbers without a space between them: one token as long as the text
    "Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ về nhiệm vụ, ",  # one endless line of citations
    "Kế hoạch phát triển, ",  # heads and commas
    "12/",
])
def test_metadata_citations_named_refs_and_relations_are_linear(unit):
    import time

    from graph_builder.clean import clean_text
    from graph_builder.find.citations import find_citations
    from graph_builder.find.metadata import find_metadata
    from graph_builder.find.named_refs import find_named_references
    from graph_builder.find.relations import find_document_relations
    from graph_builder.model import SourceText
    from graph_builder.resolve.identity import resolve_citations

    def cost(n):
        text = unit * (n // len(unit))
        clean = clean_text(SourceText("p.txt", text, "utf-8", "txt", "0"))
        t0 = time.process_time()
        meta = find_metadata(clean)
        cits = resolve_citations(find_citations(clean), meta, clean)
        find_document_relations(clean, meta, cits, find_named_references(clean, meta))
        return time.process_time() - t0

    cost(20_000)  # warm up
    small, large = cost(100_000), cost(400_000)
    assert large < 10 * max(small, 0.01), (small, large)  # linear: about 4x
