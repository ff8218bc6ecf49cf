"""Generalisation: realistic documents of other provinces and years, written in the style of the
real ones (header blocks, web copies, hard-wrapped PDF text with page numbers and footnotes),
none of them seen while the rules were written.  Every cited number, its identity, the
document-level relations and the metadata are checked."""
from __future__ import annotations

from graph_builder.clean import clean_text
from graph_builder.model import SourceText
from graph_builder.pipeline import extract_clean

DAK_LAK_PLAN = """ỦY BAN NHÂN DÂN
TỈNH ĐẮK LẮK
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 58/KH-UBND
Đắk Lắk, ngày 24 tháng 02 năm 2023

KẾ HOẠCH
Thực hiện Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội, dự toán ngân sách nhà nước năm 2023

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ;
Thực hiện Nghị quyết số 15-NQ/TU ngày 09/12/2022 của Tỉnh ủy và Nghị quyết số 112/NQ-HĐND ngày 09/12/2022 của HĐND tỉnh về kế hoạch phát triển kinh tế - xã hội năm 2023;
Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Triển khai đồng bộ các nhiệm vụ tại Nghị quyết số 01/NQ-CP và các Nghị quyết số 31/NQ-CP ngày 20/3/2022, số 11/NQ-CP ngày 30/01/2022 của Chính phủ; Quyết định số 1750/QĐ-TTg ngày 29/12/2022 của Thủ tướng Chính phủ.
2. Thực hiện Thông tư số 04/2022/TT-BKHĐT ngày 10/5/2022 của Bộ Kế hoạch và Đầu tư và Thông tư 72/2022/TT-BTC; Quyết định số 23/2022/QĐ-UBND ngày 15/6/2022 của UBND tỉnh.
3. Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII; Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.
4. Sở Kế hoạch và Đầu tư theo dõi, tổng hợp theo Công văn số 3456/BKHĐT-TH ngày 20/5/2023 và Văn bản số 789/SKHĐT-TH ngày 25/5/2023; hoàn thành trong Quý II/2023; phấn đấu 95% xã đạt chuẩn, nâng lên 120 xã/152 xã.

Nơi nhận:
- Chính phủ (b/c);
- Lưu: VT, TH.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Võ Văn Cảnh
"""

CAN_THO_LETTER = """ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
THÀNH PHỐ CẦN THƠ                  Độc lập - Tự do - Hạnh phúc

Số: 2105/UBND-KT                   Cần Thơ, ngày 12 tháng 7 năm 2024
V/v triển khai Công điện số 63/CĐ-TTg của Thủ tướng Chính phủ

Kính gửi:
- Các sở, ban, ngành thành phố;
- UBND quận, huyện.

Thực hiện Công điện số 63/CĐ-TTg ngày 24/6/2024 của Thủ tướng Chính phủ về việc tập trung đẩy nhanh tiến độ giải ngân vốn đầu tư công; Văn bản số 4567/BTC-ĐT ngày 01/7/2024 của Bộ Tài chính;
Xét đề nghị của Sở Tài chính tại Tờ trình số 321/TTr-STC ngày 08/7/2024, Ủy ban nhân dân thành phố có ý kiến như sau:
1. Các chủ đầu tư thực hiện nghiêm Nghị quyết số 82/NQ-CP ngày 18/5/2024 của Chính phủ, Chỉ thị số 08/CT-UBND ngày 15/3/2024 của Chủ tịch UBND thành phố.
2. Sở Kế hoạch và Đầu tư tham mưu điều chỉnh kế hoạch theo Nghị quyết số 45/2023/NQ-HĐND ngày 07/12/2023 của HĐND thành phố và Luật Đầu tư công năm 2019.
3. Báo cáo kết quả trước ngày 25/7/2024 về Văn phòng UBND thành phố (file mềm gửi về địa chỉ D:\\BaoCao\\2024\\07\\15-BC.docx).

Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn Hòa
"""

BAC_NINH_WEB = """Quyết định 1234/QĐ-UBND năm 2022 ban hành Kế hoạch thực hiện Chương trình chuyển đổi số do tỉnh Bắc Ninh ban hành
Số hiệu | 1234/QĐ-UBND |
Ngày ban hành | 05/10/2022 |
Ngày có hiệu lực | 05/10/2022 |
Loại văn bản | Quyết định |
Cơ quan ban hành | Tỉnh Bắc Ninh |
Người ký | Nguyễn Hương Giang |
Lĩnh vực | Công nghệ thông tin |
ỦY BAN NHÂN DÂN |
Số: 1234/QĐ-UBND |
Bắc Ninh, ngày 05 tháng 10 năm 2022 |
Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030;
Thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị (sau đây gọi tắt là Nghị quyết 52);
Theo đề nghị của Giám đốc Sở Thông tin và Truyền thông tại Tờ trình số 88/TTr-STTTT ngày 28/9/2022.
Điều 1. Ban hành Kế hoạch thực hiện Nghị quyết 52 trên địa bàn tỉnh Bắc Ninh.
Điều 2. Các sở triển khai; thực hiện Nghị quyết 52 và Quyết định số 749/QĐ-TTg.
Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030;
Thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị (sau đây gọi tắt là Nghị quyết 52);
Theo đề nghị của Giám đốc Sở Thông tin và Truyền thông tại Tờ trình số 88/TTr-STTTT ngày 28/9/2022.
Điều 1. Ban hành Kế hoạch thực hiện Nghị quyết 52 trên địa bàn tỉnh Bắc Ninh.
Điều 2. Các sở triển khai; thực hiện Nghị quyết 52 và Quyết định số 749/QĐ-TTg.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
"""

LAM_DONG_PDF = """ Thực hiện Nghị quyết số 93/NQ-CP ngày 18 tháng 6 năm 2024 của Chính 

phủ về phiên họp Chính phủ thường kỳ tháng 5 năm 2024, Kết luận số 1234-

KL/TU ngày 20 tháng 6 năm 2024 của Ban Thường vụ Tỉnh ủy Lâm Đồng; 

Ủy ban nhân dân tỉnh có ý kiến như sau: 

1. Các sở, ngành, địa phương quán triệt Chỉ thị số 22/CT-UBND ngày 

12/4/2024 của Chủ tịch UBND tỉnh và Nghị quyết số 290/NQ-HĐND ngày 

08 tháng 12 năm 2023 của Hội đồng nhân dân tỉnh; khắc phục hậu quả bão số 3. 



3 

2. Sở Tài chính chủ trì theo dõi việc thực hiện Nghị quyết số 62/2024/NQ- 

HĐND của HĐND tỉnh và Thông tư 76/2023/TT-BTC1. 

Nơi nhận: 
- Như trên; 
- Lưu: VT. 

TM. ỦY BAN NHÂN DÂN 

KT. CHỦ TỊCH 

PHÓ CHỦ TỊCH 

Phạm S 

                                           
1 Về hướng dẫn thực hiện Nghị quyết số 43/2022/QH15 ngày 11 tháng 01 năm 2022 của Quốc hội. 
"""

PHU_YEN_RESOLUTION = """HỘI ĐỒNG NHÂN DÂN
TỈNH PHÚ YÊN
--------
Số: 87/2023/NQ-HĐND
Phú Yên, ngày 08 tháng 12 năm 2023

NGHỊ QUYẾT
Quy định chính sách hỗ trợ phát triển nông nghiệp giai đoạn 2024-2026

HỘI ĐỒNG NHÂN DÂN TỈNH PHÚ YÊN
KHÓA VIII, KỲ HỌP THỨ 15

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015;
Căn cứ Nghị định số 83/2018/NĐ-CP ngày 24 tháng 5 năm 2018 của Chính phủ về khuyến nông;
Xét Tờ trình số 210/TTr-UBND ngày 20 tháng 11 năm 2023 của Ủy ban nhân dân tỉnh; Báo cáo thẩm tra số 95/BC-HĐND ngày 01 tháng 12 năm 2023 của Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh; ý kiến thảo luận của đại biểu Hội đồng nhân dân tỉnh tại kỳ họp.

QUYẾT NGHỊ:
Điều 1. Quy định chính sách hỗ trợ theo Nghị quyết số 45/2020/NQ-HĐND ngày 10/12/2020.
Điều 2. Nghị quyết này có hiệu lực từ ngày 20 tháng 12 năm 2023.

CHỦ TỊCH

Cao Thị Hòa An
"""
HAI_DUONG_PARTY_PROGRAMME = """TỈNH ỦY HẢI DƯƠNG
*
Số 25-CTr/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Hải Dương, ngày 15 tháng 3 năm 2023

CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Nghị quyết số 06-NQ/TW, ngày 24/01/2022 của Bộ Chính trị về quy hoạch, xây dựng, quản lý và phát triển bền vững đô thị Việt Nam đến năm 2030, tầm nhìn đến năm 2045

Ngày 24/01/2022, Bộ Chính trị ban hành Nghị quyết số 06-NQ/TW về quy hoạch, xây dựng, quản lý và phát triển bền vững đô thị Việt Nam. Để triển khai thực hiện Nghị quyết, Ban Thường vụ Tỉnh ủy xây dựng Chương trình hành động như sau:
I. MỤC TIÊU
1. Triển khai Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị và Hướng dẫn số 05-HD/BTGTW của Ban Tuyên giáo Trung ương; Quy định số 08-QĐi/TW ngày 25/10/2018.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Lê Văn Hiệu
"""


def run(text: str, name: str = "doc.txt"):
    return extract_clean(clean_text(SourceText(name, text, "utf-8", "txt", "0")))


def table(rec):
    return {c.symbol: (c.doc_type, c.identity.year, c.issuer_scope) for c in rec.citations}


def test_dak_lak_plan_with_header_block():
    rec = run(DAK_LAK_PLAN)
    assert rec.document.to_record() == {
        "doc_type": "Kế hoạch", "symbol": "58/KH-UBND", "issuer": "UBND tỉnh Đắk Lắk", "province": "Đắk Lắk",
        "date": "2023-02-24", "signer": "Võ Văn Cảnh",
        "title": ("Thực hiện Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ về nhiệm vụ, giải pháp chủ yếu thực "
                  "hiện Kế hoạch phát triển kinh tế - xã hội, dự toán ngân sách nhà nước năm 2023")}
    assert rec.document.plan_year == 2023
    assert table(rec) == {
        "01/NQ-CP": ("Nghị quyết", 2023, "national"),
        "15-NQ/TU": ("Nghị quyết", 2022, "Đắk Lắk"),
        "112/NQ-HĐND": ("Nghị quyết", 2022, "Đắk Lắk"),
        "31/NQ-CP": ("Nghị quyết", 2022, "national"),
        "11/NQ-CP": ("Nghị quyết", 2022, "national"),
        "1750/QĐ-TTg": ("Quyết định", 2022, "national"),
        "04/2022/TT-BKHĐT": ("Thông tư", 2022, "national"),
        "72/2022/TT-BTC": ("Thông tư", 2022, "national"),
        "23/2022/QĐ-UBND": ("Quyết định", 2022, "Đắk Lắk"),
        "21-KL/TW": ("Kết luận", 2021, "national"),
        "05-CT/TW": ("Chỉ thị", 2016, "national"),
        "3456/BKHĐT-TH": ("Công văn", 2023, "national"),
        "789/SKHĐT-TH": ("Công văn", 2023, "Đắk Lắk"),
    }
    by = {c.symbol: c for c in rec.citations}
    assert len(by["01/NQ-CP"].counted_mentions()) == 3  # title, Căn cứ, body (date stated: year for all)
    assert by["11/NQ-CP"].issuer == "Chính phủ"  # "…, số 11/NQ-CP ngày … của Chính phủ"
    assert by["31/NQ-CP"].issuer == "Chính phủ"  # a trailing issuer shared by the list
    # the title says the plan carries out 01/NQ-CP: that wins over its "Căn cứ" clause (the lists do not overlap)
    assert rec.implements == ["01/NQ-CP", "15-NQ/TU", "112/NQ-HĐND"]
    assert rec.basis == []
    assert rec.basis_named == ["Luật Tổ chức chính quyền địa phương"]


def test_can_tho_letter_side_by_side_header():
    rec = run(CAN_THO_LETTER)
    d = rec.document
    assert (d.doc_type, d.symbol, d.issuer, d.province, d.date, d.signer) == (
        "Công văn", "2105/UBND-KT", "UBND thành phố Cần Thơ", "Cần Thơ", "2024-07-12", "Nguyễn Văn Hòa")
    assert d.title == "V/v triển khai Công điện số 63/CĐ-TTg của Thủ tướng Chính phủ"
    assert table(rec) == {
        "63/CĐ-TTg": ("Công điện", 2024, "national"),
        "4567/BTC-ĐT": ("Công văn", 2024, "national"),
        "321/TTr-STC": ("Tờ trình", 2024, "Cần Thơ"),
        "82/NQ-CP": ("Nghị quyết", 2024, "national"),
        "08/CT-UBND": ("Chỉ thị", 2024, "Cần Thơ"),
        "45/2023/NQ-HĐND": ("Nghị quyết", 2023, "Cần Thơ"),
    }
    assert rec.implements == ["63/CĐ-TTg", "4567/BTC-ĐT"]
    assert rec.basis == ["321/TTr-STC"]
    assert {c.symbol: c.issuer for c in rec.citations}["08/CT-UBND"] == "Chủ tịch UBND thành phố Cần Thơ"
    assert rec.id == "2105/UBND-KT@2024@Cần Thơ"


def test_bac_ninh_web_copy_with_duplicated_body_and_alias():
    rec = run(BAC_NINH_WEB)
    d = rec.document
    assert (d.doc_type, d.symbol, d.province, d.date, d.signer, d.issuer) == (
        "Quyết định", "1234/QĐ-UBND", "Bắc Ninh", "2022-10-05", "Nguyễn Hương Giang", "UBND tỉnh Bắc Ninh")
    assert d.title == "Quyết định 1234/QĐ-UBND năm 2022 ban hành Kế hoạch thực hiện Chương trình chuyển đổi số"
    assert table(rec) == {
        "749/QĐ-TTg": ("Quyết định", 2020, "national"),
        "52-NQ/TW": ("Nghị quyết", 2019, "national"),
        "88/TTr-STTTT": ("Tờ trình", 2022, "Bắc Ninh"),
    }
    by = {c.symbol: c for c in rec.citations}
    # the body is present twice: one copy is counted; "Nghị quyết 52" is an alias (its definition included)
    assert len(by["52-NQ/TW"].counted_mentions()) == 4
    assert len(by["749/QĐ-TTg"].counted_mentions()) == 2
    assert rec.basis == ["749/QĐ-TTg", "88/TTr-STTTT"]
    assert rec.implements == ["52-NQ/TW"]


def test_lam_dong_hard_wrapped_letter_with_page_number_and_footnote():
    rec = run(LAM_DONG_PDF)
    d = rec.document
    assert (d.doc_type, d.symbol, d.date, d.title) == ("Công văn", None, None, None)
    assert d.province == "Lâm Đồng"  # named with the Party committee that issued a cited conclusion
    assert table(rec) == {
        "93/NQ-CP": ("Nghị quyết", 2024, "national"),
        "1234-KL/TU": ("Kết luận", 2024, "Lâm Đồng"),
        "22/CT-UBND": ("Chỉ thị", 2024, "Lâm Đồng"),
        "290/NQ-HĐND": ("Nghị quyết", 2023, "Lâm Đồng"),
        "62/2024/NQ-HĐND": ("Nghị quyết", 2024, "Lâm Đồng"),
        "76/2023/TT-BTC": ("Thông tư", 2023, "national"),
        "43/2022/QH15": ("Nghị quyết", 2022, "national"),
    }
    by = {c.symbol: c for c in rec.citations}
    assert by["93/NQ-CP"].issuer == "Chính phủ" and by["290/NQ-HĐND"].date == "2023-12-08"
    assert by["1234-KL/TU"].first_quote == "Kết luận số 1234-"
    assert rec.implements == ["93/NQ-CP", "1234-KL/TU"]
    assert rec.basis == []


def test_phu_yen_council_resolution():
    rec = run(PHU_YEN_RESOLUTION)
    d = rec.document
    assert (d.doc_type, d.symbol, d.issuer, d.province, d.date, d.signer) == (
        "Nghị quyết", "87/2023/NQ-HĐND", "HĐND tỉnh Phú Yên", "Phú Yên", "2023-12-08", "Cao Thị Hòa An")
    assert d.title == "Quy định chính sách hỗ trợ phát triển nông nghiệp giai đoạn 2024-2026"
    assert rec.id == "87/2023/NQ-HĐND@2023@Phú Yên"
    assert table(rec) == {
        "83/2018/NĐ-CP": ("Nghị định", 2018, "national"),
        "210/TTr-UBND": ("Tờ trình", 2023, "Phú Yên"),
        "95/BC-HĐND": ("Báo cáo", 2023, "Phú Yên"),
        "45/2020/NQ-HĐND": ("Nghị quyết", 2020, "Phú Yên"),
    }
    assert rec.basis == ["83/2018/NĐ-CP", "210/TTr-UBND", "95/BC-HĐND"] and rec.implements == []
    assert rec.basis_named == ["Luật Tổ chức chính quyền địa phương", "Luật Ban hành văn bản quy phạm pháp luật"]


def test_hai_duong_party_programme():
    rec = run(HAI_DUONG_PARTY_PROGRAMME)
    d = rec.document
    assert (d.doc_type, d.symbol, d.issuer, d.province, d.date, d.signer) == (
        "Chương trình hành động", "25-CTr/TU", "Tỉnh ủy Hải Dương", "Hải Dương", "2023-03-15", "Lê Văn Hiệu")
    assert table(rec) == {
        "06-NQ/TW": ("Nghị quyết", 2022, "national"),
        "14-KL/TW": ("Kết luận", 2021, "national"),
        "05-HD/BTGTW": ("Hướng dẫn", None, "national"),
        "08-QĐi/TW": ("Quy định", 2018, "national"),
    }
    assert len({c.symbol: c for c in rec.citations}["06-NQ/TW"].counted_mentions()) == 2
    assert rec.implements == ["06-NQ/TW"]
