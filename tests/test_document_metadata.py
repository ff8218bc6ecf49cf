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
