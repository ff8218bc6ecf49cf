"""Document metadata: header blocks, side-by-side and table headers, metadata tables of web copies,
missing headers, web stamps (issue 3, item 3)."""
from __future__ import annotations

from graph_builder.pipeline import extract_text


def meta(text: str):
    return extract_text(text).document


def test_classic_header_block():
    m = meta("ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\n\nSố: 125/KH-UBND\n\nBình Định, ngày 05 tháng 3 năm 2024\n\n"
             "KẾ HOẠCH\nTriển khai thực hiện Nghị quyết số 01/NQ-CP ngày 05/01/2024\ncủa Chính phủ\n\n"
             "Thực hiện Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:\n"
             "I. MỤC ĐÍCH\n1. Các sở triển khai.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Tự Công Hoàng\n")
    assert m.to_record() == {
        "doc_type": "Kế hoạch", "symbol": "125/KH-UBND", "issuer": "UBND tỉnh Bình Định", "province": "Bình Định",
        "date": "2024-03-05", "signer": "Nguyễn Tự Công Hoàng",
        "title": "Triển khai thực hiện Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ"}
    assert m.year == 2024


def test_side_by_side_header_cells():
    m = meta("ỦY BAN NHÂN DÂN             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
             "TỈNH THANH HÓA                   Độc lập - Tự do - Hạnh phúc\n\n"
             "Số: 12/CT-UBND               Thanh Hóa, ngày 20 tháng 02 năm 2023\n\n"
             "CHỈ THỊ\nVề tăng cường công tác quản lý đất đai\n\nNăm 2023 …\n")
    assert (m.doc_type, m.symbol, m.province, m.date, m.issuer) == (
        "Chỉ thị", "12/CT-UBND", "Thanh Hóa", "2023-02-20", "UBND tỉnh Thanh Hóa")
    assert m.title == "Về tăng cường công tác quản lý đất đai"


def test_table_header_of_a_national_document():
    m = meta("THỦ TƯỚNG CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
             "Số: 26/CT-TTg | Hà Nội, ngày 08 tháng 8 năm 2024\n\nCHỈ THỊ\n"
             "Về các nhiệm vụ, giải pháp trọng tâm đẩy mạnh giải ngân vốn đầu tư công\n\nThủ tướng Chính phủ yêu cầu:\n")
    assert (m.doc_type, m.symbol, m.issuer, m.province, m.date) == (
        "Chỉ thị", "26/CT-TTg", "Thủ tướng Chính phủ", None, "2024-08-08")
    rec = extract_text("THỦ TƯỚNG CHÍNH PHỦ\nSố: 26/CT-TTg\nHà Nội, ngày 08 tháng 8 năm 2024\n\nCHỈ THỊ\nVề giải ngân\n")
    assert rec.id == "26/CT-TTg@2024@national"


def test_government_resolution_signed_by_the_prime_minister_is_issued_by_the_government():
    # "TM. CHÍNH PHỦ / THỦ TƯỚNG" signs on behalf of the Government named in the header.
    m = meta("CHÍNH PHỦ\n-------\nSố: 45/NQ-CP\nHà Nội, ngày 28 tháng 02 năm 2025\n\nNGHỊ QUYẾT\n"
             "Về chuyển đổi số năm 2025\n\nCHÍNH PHỦ\n\nQUYẾT NGHỊ:\n1. Các bộ triển khai.\n\n"
             "TM. CHÍNH PHỦ\nTHỦ TƯỚNG\n\nPhạm Minh Chính\n")
    assert (m.doc_type, m.symbol, m.issuer, m.province, m.signer) == (
        "Nghị quyết", "45/NQ-CP", "Chính phủ", None, "Phạm Minh Chính")


def test_department_letter_with_v_v_line():
    m = meta("UBND TỈNH QUẢNG TRỊ\nSỞ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 1234/SKHĐT-TH\n"
             "V/v triển khai Kế hoạch số 45/KH-UBND ngày 12/3/2024 của UBND tỉnh\n"
             "Quảng Trị, ngày 20 tháng 3 năm 2024\n\nKính gửi: Các sở, ban, ngành.\n\n"
             "Thực hiện Kế hoạch số 45/KH-UBND ngày 12/3/2024 của UBND tỉnh, Sở đề nghị như sau:\n")
    assert (m.doc_type, m.symbol, m.province, m.date) == ("Công văn", "1234/SKHĐT-TH", "Quảng Trị", "2024-03-20")
    assert m.issuer == "Sở Kế hoạch và Đầu tư tỉnh Quảng Trị"
    assert m.title.startswith("V/v triển khai Kế hoạch số 45/KH-UBND")


def test_web_copy_with_metadata_table_and_page_title():
    m = meta("Quyết định 2646/QĐ-UBND giao chỉ tiêu kế hoạch năm 2024 do tỉnh Quảng Nam ban hành\n"
             "Số hiệu | 2646/QĐ-UBND |\nNgày ban hành | 11/12/2023 |\nNgày có hiệu lực | 15/12/2023 |\n"
             "Loại văn bản | Quyết định |\nCơ quan ban hành | Tỉnh Quảng Nam |\nNgười ký | Lê Trí Thanh |\n"
             "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n")
    assert m.to_record() == {
        "doc_type": "Quyết định", "symbol": "2646/QĐ-UBND", "issuer": "UBND tỉnh Quảng Nam", "province": "Quảng Nam",
        "date": "2023-12-11", "signer": "Lê Trí Thanh",
        "title": "Quyết định 2646/QĐ-UBND giao chỉ tiêu kế hoạch năm 2024"}


def test_missing_header_province_from_the_body_and_type_from_self_reference():
    m = meta("Chín tháng đầu năm 2024, tỉnh Hà Giang thực hiện nhiệm vụ phát triển kinh tế - xã hội trên địa bàn tỉnh "
             "Hà Giang trong bối cảnh khó khăn. Để hoàn thành mục tiêu, UBND tỉnh ban hành Chương trình hành động như sau:\n"
             "I. MỤC ĐÍCH\n1. Các sở thực hiện Chương trình hành động này.\n")
    assert (m.doc_type, m.symbol, m.province, m.issuer, m.date, m.title, m.signer) == (
        "Chương trình hành động", None, "Hà Giang", "UBND tỉnh Hà Giang", None, None, None)


def test_web_update_stamp_is_not_the_issue_date():
    for stamp in ("Cập nhật: 11/10/2024 17:30:00", "Cập nhật, ngày 11 tháng 10 năm 2024", "Ngày đăng: 11/10/2024"):
        m = meta(stamp + "\nXem cỡ chữ\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nThực hiện Nghị quyết số 12-NQ/TU của Tỉnh ủy Hà Giang\n"
                 "UBND tỉnh Hà Giang ban hành Chương trình hành động như sau:\nI. MỤC TIÊU\n")
        assert m.date is None, stamp
        assert m.title == "Thực hiện Nghị quyết số 12-NQ/TU của Tỉnh ủy Hà Giang"


def test_meeting_dates_and_deadlines_are_not_the_issue_date():
    m = meta("QUYẾT ĐỊNH\n\nBan hành Chương trình công tác năm 2024\n\nỦY BAN NHÂN DÂN TỈNH QUẢNG NAM\n\n"
             "Theo ý kiến thống nhất của các thành viên UBND tỉnh tại cuộc họp ngày 02/01/2024.\n\nQUYẾT ĐỊNH:\n"
             "Điều 1. Hoàn thành trước ngày 20/01/2024.\n")
    assert m.date is None and m.symbol is None
    assert (m.doc_type, m.province, m.title, m.plan_year) == (
        "Quyết định", "Quảng Nam", "Ban hành Chương trình công tác năm 2024", 2024)


def test_letter_form_without_header_is_a_cong_van():
    m = meta("Thực hiện Nghị quyết số 128/NQ-CP ngày 08 tháng 9 năm 2024 của Chính phủ; Ủy ban nhân dân tỉnh có ý kiến "
             "như sau:\n1. Các đơn vị triển khai.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\n"
             "CHỦ TỊCH\n\n\nLê Ngọc Tuấn\n")
    assert (m.doc_type, m.province, m.issuer, m.signer) == ("Công văn", None, None, "Lê Ngọc Tuấn")


def test_blank_number_and_date_of_a_draft_stay_null():
    m = meta("ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nSố:      /KH-UBND\nLào Cai, ngày     tháng    năm 2024\n\nKẾ HOẠCH\n"
             "Thực hiện Chương trình chuyển đổi số năm 2024\n\nI. MỤC ĐÍCH\n")
    assert (m.symbol, m.date, m.province, m.doc_type) == (None, None, "Lào Cai", "Kế hoạch")
    assert m.plan_year == 2024


def test_plan_year_ignores_horizons_and_periods():
    assert meta("KẾ HOẠCH\nThực hiện Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050\n\nI.\n").plan_year is None
    assert meta("KẾ HOẠCH\nPhát triển kinh tế - xã hội năm 2025\n\nI.\n").plan_year == 2025


def test_city_under_central_government():
    m = meta("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\nSố: 45/KH-UBND\nĐà Nẵng, ngày 01 tháng 02 năm 2024\n\nKẾ HOẠCH\n"
             "Triển khai nhiệm vụ năm 2024\n")
    assert (m.province, m.issuer, m.date) == ("Đà Nẵng", "UBND thành phố Đà Nẵng", "2024-02-01")


# ------------------------------------------------------------------ header forms met in real scrapes

def test_number_in_the_cell_after_so():
    """"Số:" alone in its line or cell, the number in the next one: the document's own number
    (and therefore not a citation)."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\n-------\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\nSố:\n77/KH-UBND\n|\n"
            "Yên Bái, ngày 03 tháng 04 năm 2023\n|\nKẾ HOẠCH\nPHÁT TRIỂN DU LỊCH NĂM 2023\n"
            "Thực hiện Nghị quyết số 82/NQ-CP ngày 18/5/2023 của Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:\n"
            "I. MỤC TIÊU\n")
    rec = extract_text(text)
    assert (rec.document.symbol, rec.document.date, rec.document.province) == ("77/KH-UBND", "2023-04-03", "Yên Bái")
    assert [c.symbol for c in rec.citations] == ["82/NQ-CP"]
    # a "Số:" cell followed by prose is not a number
    m = meta("ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\nSố:\nKẾ HOẠCH\nVề du lịch\n")
    assert m.symbol is None


def test_escaped_line_breaks_are_read_as_lines(tmp_path):
    """A scrape whose line breaks are written as backslash escapes is read line by line."""
    from graph_builder.pipeline import extract_path
    from graph_builder.read import read_path

    esc = "\\r\\n"
    body = (f"{esc} ỦY BAN NHÂN DÂN | {esc} CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | {esc}\n"
            f"{esc} Số: 31/KH-UBND {esc} | {esc} Hà Giang, ngày 09 tháng 2 năm 2022 {esc} |{esc}\n"
            f"Thực hiện Quyết định số 150/QĐ-TTg{esc}ngày 28/01/2022 của Thủ tướng Chính phủ, UBND tỉnh{esc}"
            f"xây dựng Kế hoạch như sau:{esc}{esc}1. Mục tiêu chung{esc}")
    p = tmp_path / "esc.txt"
    p.write_text(body, encoding="utf-8")
    assert "\\r" not in read_path(p).text
    rec = extract_path(p)
    assert (rec.document.symbol, rec.document.date, rec.document.province, rec.document.doc_type) == (
        "31/KH-UBND", "2022-02-09", "Hà Giang", "Kế hoạch")
    assert [c.symbol for c in rec.citations] == ["150/QĐ-TTg"]
    assert rec.implements == ["150/QĐ-TTg"]
    # an ordinary text with a path in it keeps its backslashes
    q = tmp_path / "path.txt"
    q.write_text("Số: 5/KH-UBND\nTệp D:\\new\\ke_hoach.docx\nDòng hai\nDòng ba\n", encoding="utf-8")
    assert "D:\\new\\ke_hoach.docx" in read_path(q).text


def test_source_note_closing_a_web_page_is_the_documents_own_number():
    text = ("Trang thông tin điện tử\nTHÔNG TIN PHẢN HỒI\nTuyên Quang\n\n"
            "V/v giải quyết kiến nghị của doanh nghiệp về thủ tục đất đai\n\n"
            "UBND tỉnh có ý kiến như sau:\n\nGiao Sở Tài nguyên và Môi trường chủ trì, phối hợp với UBND huyện Sơn "
            "Dương kiểm tra, đề xuất phương án giải quyết theo đúng quy định; hoàn thành trước ngày 15/11/2023./.\n\n"
            "(Theo Công văn số 812/UBND-NLN, ngày 02/11/2023)\n")
    rec = extract_text(text)
    d = rec.document
    assert (d.symbol, d.date, d.doc_type, d.province, d.issuer) == (
        "812/UBND-NLN", "2023-11-02", "Công văn", "Tuyên Quang", "UBND tỉnh Tuyên Quang")
    assert rec.citations == []


def test_source_note_is_only_the_closing_line_of_a_document_without_a_number():
    # not the last line: an ordinary citation
    rec = extract_text("UBND tỉnh có ý kiến như sau:\n(Theo Công văn số 812/UBND-NLN, ngày 02/11/2023)\n"
                       "Giao Sở Tài chính thực hiện.\n")
    assert rec.document.symbol is None and [c.symbol for c in rec.citations] == ["812/UBND-NLN"]
    # the header has the number: the closing reference is another document
    rec = extract_text("ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 15/UBND-TH\nTuyên Quang, ngày 03 tháng 11 năm 2023\n"
                       "V/v đất đai\n\nUBND tỉnh có ý kiến như sau: thống nhất.\n(Theo Công văn số 812/STNMT-ĐĐ, ngày 02/11/2023)\n")
    assert rec.document.symbol == "15/UBND-TH" and [c.symbol for c in rec.citations] == ["812/STNMT-ĐĐ"]


def test_type_declared_in_the_opening_with_words_between():
    m = meta("Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ, Ủy ban nhân dân "
             "thành phố ban hành Kế hoạch triển khai như sau:\n1. Các sở thực hiện.\n")
    assert m.doc_type == "Kế hoạch"
    m = meta("Thực hiện Quyết định số 1896/QĐ-TTg của Thủ tướng Chính phủ, UBND tỉnh xây dựng Chương trình hành động "
             "thực hiện Chương trình “Chăm sóc dinh dưỡng” đến năm 2025 như sau:\n1. Mục tiêu\n")
    assert m.doc_type == "Chương trình hành động"
    # a plan mentioned in a task is not the document's type
    m = meta("Giao Sở Y tế xây dựng kế hoạch kiểm tra. Sở Tài chính bố trí kinh phí.\n")
    assert m.doc_type is None


def test_directive_form_without_header():
    m = meta("Để khắc phục các hạn chế nêu trên, Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở, Thủ trưởng các ban, "
             "ngành và Chủ tịch UBND các huyện tập trung triển khai thực hiện các nội dung sau:\n\n"
             "1. Tiếp tục quán triệt các chủ trương của Đảng về cải cách hành chính.\n")
    assert m.doc_type == "Chỉ thị"
    # a letter that asks for something stays a letter
    m = meta("Kính gửi: Các sở, ban, ngành.\n\nUBND tỉnh yêu cầu các đơn vị thực hiện các nội dung sau:\n1. Báo cáo.\n")
    assert m.doc_type == "Công văn"
    # a plain report sentence is no directive
    m = meta("Theo yêu cầu của các sở, ban, ngành, nhiều đơn vị đã thực hiện tốt.\n")
    assert m.doc_type is None


def test_province_from_the_body_prefers_the_issuer_acting_over_a_cited_neighbour():
    m = meta("KẾ HOẠCH\nVề phát triển nông nghiệp\n\nThực hiện Quyết định số 12/QĐ-UBND ngày 19/5/2023 của UBND tỉnh "
             "Quảng Bình về liên kết vùng, Ủy ban nhân dân tỉnh Quảng Trị ban hành Kế hoạch như sau:\nI. MỤC TIÊU\n")
    assert (m.province, m.issuer) == ("Quảng Trị", "UBND tỉnh Quảng Trị")
    m = meta("CHỈ THỊ\nVề giải ngân\n\nTình hình của các tỉnh Bình Dương và tỉnh Bình Phước được nêu trong báo cáo. "
             "Để thực hiện tốt nhiệm vụ trên địa bàn tỉnh Tây Ninh, Chủ tịch UBND tỉnh yêu cầu các sở thực hiện:\n1. Rà soát.\n")
    assert m.province == "Tây Ninh"
    # two provinces named only in passing: neither is taken
    m = meta("Đoàn công tác đã làm việc với tỉnh Bình Dương và tỉnh Bình Phước.\n")
    assert m.province is None


def test_district_level_issuer():
    m = meta("ỦY BAN NHÂN DÂN\nHUYỆN SA THẦY\nSố: 45/KH-UBND\nSa Thầy, ngày 10 tháng 5 năm 2024\n\nKẾ HOẠCH\n"
             "Phát triển du lịch năm 2024\n\nThực hiện Kế hoạch số 12/KH-UBND ngày 02/02/2024 của UBND tỉnh Kon Tum, "
             "UBND huyện ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert (m.issuer, m.province, m.symbol, m.date) == ("UBND huyện Sa Thầy", "Kon Tum", "45/KH-UBND", "2024-05-10")
    m = meta("ỦY BAN NHÂN DÂN THỊ XÃ NGHI SƠN\nSố: 45/KH-UBND\nNghi Sơn, ngày 10 tháng 5 năm 2024\n\nKẾ HOẠCH\n"
             "Phát triển du lịch năm 2024\n\nI. MỤC ĐÍCH\n")
    assert (m.issuer, m.province) == ("UBND thị xã Nghi Sơn", None)
    # a provincial city that is not a province
    m = meta("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ BUÔN MA THUỘT\nSố: 7/KH-UBND\n\nKẾ HOẠCH\nVề đô thị\n\n"
             "Căn cứ Kế hoạch số 3/KH-UBND của UBND tỉnh Đắk Lắk;\nI. MỤC ĐÍCH\n")
    assert (m.issuer, m.province) == ("UBND thành phố Buôn Ma Thuột", "Đắk Lắk")


def test_header_columns_are_read_as_cells_even_in_a_wrapped_text():
    """A PDF-like copy (every line followed by a blank line, wrapped at a fixed width): the header's
    side-by-side columns stay cells, whatever the soft-break joining does to the body."""
    header = ("ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  \n\n"
              "THÀNH PHỐ CẦN THƠ                      Độc lập - Tự do - Hạnh phúc  \n\n \n\n"
              "Số: 1520/UBND-KT               Cần Thơ, ngày 12 tháng 8 năm 2021  \n\n \n\n"
              "V/v đẩy nhanh tiến độ giải ngân  \n\nvốn đầu tư công năm 2021  \n\n \n\nKính gửi: Các sở, ban, ngành.  \n\n")
    body = "".join(f"Dòng thứ {i} của văn bản được ngắt ở lề trang theo chiều rộng cố định của tệp PDF gốc, tiếp \n\n"
                   for i in range(12))
    m = meta(header + body)
    assert (m.symbol, m.date, m.province, m.issuer, m.doc_type) == (
        "1520/UBND-KT", "2021-08-12", "Cần Thơ", "UBND thành phố Cần Thơ", "Công văn")
    assert m.title == "V/v đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2021"


def test_metadata_block_with_keys_and_values_on_separate_lines():
    m = meta("Đang tải văn bản...\nSố hiệu:\n15/KH-UBND\nLoại văn bản:\nKế hoạch\nNơi ban hành:\nTỉnh Gia Lai\n"
             "Người ký:\nTrần Văn Bình\nNgày ban hành:\n12/03/2024\nTình trạng:\nĐã biết\n"
             "Thực hiện Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:\nI.\n")
    assert (m.symbol, m.doc_type, m.province, m.signer, m.date) == (
        "15/KH-UBND", "Kế hoạch", "Gia Lai", "Trần Văn Bình", "2024-03-12")


def test_signers_of_party_documents_and_names_with_single_capitals():
    m = meta("THÀNH ỦY CẦN THƠ\nSố 05-CTr/TU\nCần Thơ, ngày 3 tháng 1 năm 2019\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nVề chuyển đổi số\n\n"
             "I. MỤC ĐÍCH\n1. Các cấp ủy thực hiện.\n\nT/M THÀNH ỦY\nPHÓ BÍ THƯ THƯỜNG TRỰC\n\n\nLý Hoài Trung\n")
    assert (m.issuer, m.signer, m.symbol) == ("Thành ủy Cần Thơ", "Lý Hoài Trung", "05-CTr/TU")
    m = meta("ỦY BAN NHÂN DÂN\nHUYỆN KRÔNG PẮC\nSố: 12/UBND-LĐTBXH\n\nKính gửi: Các xã.\n\n1. Rà soát hộ nghèo.\n\n"
             "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nY Khoa Niê\n")
    assert (m.issuer, m.signer) == ("UBND huyện Krông Pắc", "Y Khoa Niê")
