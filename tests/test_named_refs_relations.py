"""Named references (documents without a number) and document-level IMPLEMENTS / BASED_ON
(issue 3, items 4 and 6), on short documents written here."""
from __future__ import annotations

from graph_builder.pipeline import extract_text

HEADER = "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\n\nKẾ HOẠCH\nTriển khai nhiệm vụ trọng tâm năm 2024\n\n"


def named(body: str, header: str = HEADER):
    rec = extract_text(header + body)
    return rec, {n.name: n for n in rec.named_references}


def test_laws_with_year_date_and_variants_are_one_law():
    rec, n = named("Triển khai Luật Đất đai năm 2024 và các nghị định hướng dẫn. Thi hành Luật đất đai mới; "
                   "xây dựng cơ sở dữ liệu theo Điều 163 Luật Đất đai 2024.")
    law = n["Luật Đất đai năm 2024"]
    assert law.kind == "law" and set(law.aliases) == {"Luật Đất đai mới", "Luật Đất đai 2024"}
    assert law.first_quote == "Luật Đất đai năm 2024"


def test_law_with_a_date_and_amending_law():
    rec, n = named("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Luật sửa đổi, bổ sung một số điều của "
                   "Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;\n\nI. MỤC ĐÍCH\n")
    assert n["Luật Tổ chức chính quyền địa phương"].date == "2015-06-19"
    amending = "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương"
    assert n[amending].date == "2019-11-22"
    assert rec.basis_named == ["Luật Tổ chức chính quyền địa phương", amending]


def test_named_plans_programmes_schemes_strategies():
    rec, n = named("Tổ chức triển khai hiệu quả Quy hoạch tỉnh Nghệ An thời kỳ 2021 - 2030, tầm nhìn đến năm 2050; "
                   "thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021-2025; "
                   "xây dựng Đề án phát triển nguồn nhân lực chất lượng cao đến năm 2030; "
                   "triển khai Chiến lược phát triển kinh tế - xã hội 10 năm 2021-2030; "
                   "Kế hoạch thực hiện Chương trình mỗi xã một sản phẩm (OCOP) giai đoạn 2022 - 2025.")
    kinds = {k: v.kind for k, v in n.items()}
    assert kinds["Quy hoạch tỉnh Nghệ An thời kỳ 2021 - 2030, tầm nhìn đến năm 2050"] == "plan"
    assert kinds["Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021-2025"] == "programme"
    assert kinds["Đề án phát triển nguồn nhân lực chất lượng cao đến năm 2030"] == "scheme"
    assert kinds["Chiến lược phát triển kinh tế - xã hội 10 năm 2021-2030"] == "strategy"
    assert kinds["Kế hoạch thực hiện Chương trình mỗi xã một sản phẩm (OCOP) giai đoạn 2022 - 2025"] == "plan"
    assert kinds["Chương trình mỗi xã một sản phẩm (OCOP) giai đoạn 2022 - 2025"] == "programme"  # nested


def test_party_congress_resolutions_and_resolutions_without_number():
    rec, n = named("Thực hiện Nghị quyết Đại hội XIII của Đảng, Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ "
                   "2020-2025; bám sát Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX. Triển khai Nghị quyết của Quốc hội về "
                   "việc áp dụng thuế thu nhập doanh nghiệp bổ sung theo quy định chống xói mòn cơ sở thuế toàn cầu.")
    assert n["Nghị quyết Đại hội XIII của Đảng"].kind == "other"
    congress = n["Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ 2020-2025"]
    assert congress.aliases == ["Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX"]
    assert any(k.startswith("Nghị quyết của Quốc hội về việc áp dụng thuế") for k in n)


def test_treaties_quoted_names_and_regulations():
    rec, n = named("Thực hiện Hiệp định thương mại tự do giữa Việt Nam và Liên minh châu Âu (EVFTA); triển khai Đề án "
                   "“Đầu tư xây dựng ít nhất 01 triệu căn hộ nhà ở xã hội giai đoạn 2021-2030”; thực hiện tốt Quy chế "
                   "phối hợp giữa các cơ quan tiến hành tố tụng.")
    assert "Hiệp định thương mại tự do giữa Việt Nam và Liên minh châu Âu (EVFTA)" in n
    assert "Đề án “Đầu tư xây dựng ít nhất 01 triệu căn hộ nhà ở xã hội giai đoạn 2021-2030”" in n
    assert n["Quy chế phối hợp giữa các cơ quan tiến hành tố tụng"].kind == "other"


def test_short_numbered_name_and_alias_definition():
    rec, n = named("Triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển "
                   "đổi số quốc gia giai đoạn 2022 - 2025 (sau đây gọi tắt là Đề án 06). Bảo đảm hạ tầng phục vụ Đề án 06.")
    assert len(n) == 1
    (ref,) = n.values()
    assert ref.kind == "scheme" and "Đề án 06" in ref.aliases


def test_generic_mentions_campaigns_and_the_document_itself_are_excluded():
    rec, n = named("Tiếp tục triển khai các đề án, chương trình, kế hoạch phát triển công nghiệp; giải ngân kế hoạch vốn "
                   "đầu tư công; thực hiện Kế hoạch này; chương trình thực hiện phong trào “Toàn dân đoàn kết”; cuộc vận "
                   "động “Người Việt Nam ưu tiên dùng hàng Việt Nam”; cải thiện Chỉ số năng lực cạnh tranh cấp tỉnh (PCI); "
                   "hoàn thành Kế hoạch triển khai nhiệm vụ trọng tâm năm 2024 của UBND tỉnh; thực hiện pháp luật về "
                   "đất đai; tăng cường kỷ luật hành chính.")
    assert n == {}, list(n)


def test_numbered_documents_are_citations_not_named_references():
    rec, n = named("Thực hiện Kế hoạch số 11/KH-UBND ngày 22/01/2024 của UBND tỉnh và Chương trình hành động số "
                   "02/CTr-UBND ngày 19/01/2024.")
    assert n == {}
    assert {c.symbol for c in rec.citations} == {"11/KH-UBND", "02/CTr-UBND"}


def test_lists_sharing_a_head_are_split():
    rec, n = named("Hoàn thành các quy hoạch chung thành phố Vinh, quy hoạch xây dựng vùng các huyện Nam Đàn, Hưng Nguyên, "
                   "Nghi Lộc theo quy định; sửa đổi các Luật kinh doanh bất động sản, nhà ở và các nghị định.")
    for name in ("Quy hoạch chung thành phố Vinh", "Quy hoạch xây dựng vùng huyện Nam Đàn",
                 "Quy hoạch xây dựng vùng huyện Hưng Nguyên", "Quy hoạch xây dựng vùng huyện Nghi Lộc",
                 "Luật Kinh doanh bất động sản", "Luật Nhà ở"):
        assert name in n, (name, list(n))


# ----------------------------------------------------------------------------- relations

def test_implements_and_basis_from_the_opening_only():
    rec = extract_text(
        "QUYẾT ĐỊNH\nBan hành Kế hoạch thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n\n"
        "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n"
        "Căn cứ Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ;\n"
        "Thực hiện Chương trình hành động số 12-CTr/TU ngày 15/02/2025 của Tỉnh ủy;\n"
        "Xét đề nghị của Sở Khoa học và Công nghệ tại Tờ trình số 45/TTr-SKHCN ngày 20/02/2025.\n\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Ban hành Kế hoạch.\nĐiều 2. Triển khai thực hiện Quyết định số 1131/QĐ-TTg ngày "
        "12/10/2024 của Thủ tướng Chính phủ.\n")
    assert rec.implements == ["57-NQ/TW", "12-CTr/TU"]
    assert rec.basis == ["03/NQ-CP", "45/TTr-SKHCN"]
    assert rec.basis_named == ["Luật Tổ chức chính quyền địa phương"]
    assert "1131/QĐ-TTg" not in rec.implements + rec.basis  # a task in the body, not a document-level relation


def test_purpose_sentence_implements_but_background_does_not():
    rec = extract_text(
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\n\n"
        "Năm 2025 là năm có ý nghĩa đặc biệt, hướng tới thực hiện thắng lợi Nghị quyết số 18-NQ/TW ngày 25/10/2017 của "
        "Ban Chấp hành Trung ương. Để thực hiện thắng lợi các nhiệm vụ đề ra tại Nghị quyết số 01/NQ-CP ngày 08/01/2025 "
        "của Chính phủ và Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX, UBND tỉnh Nghệ An ban hành Chương trình hành động "
        "như sau:\n1. Mục đích\n- Thực hiện Nghị quyết số 12-NQ/TU ngày 12/3/2020 của Ban Chấp hành Đảng bộ tỉnh.\n")
    assert rec.implements == ["01/NQ-CP"]
    assert rec.implements_named == ["Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX"]


def test_basis_and_implements_do_not_overlap():
    rec = extract_text("KẾ HOẠCH\n\nCăn cứ Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ;\n"
                       "Thực hiện Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ, UBND tỉnh ban hành Kế hoạch:\nI.\n")
    assert rec.basis == ["01/NQ-CP"] and rec.implements == []


def test_title_carrying_out_a_document():
    rec = extract_text("Kế hoạch 20/KH-UBND thực hiện Nghị quyết 57-NQ/TW về đột phá phát triển khoa học, công nghệ do "
                       "tỉnh Nghệ An ban hành\nSố hiệu | 20/KH-UBND |\n")
    assert rec.implements == ["57-NQ/TW"]
    assert rec.document.title == "Kế hoạch 20/KH-UBND thực hiện Nghị quyết 57-NQ/TW về đột phá phát triển khoa học, công nghệ"


def test_opening_clause_runs_on_over_a_hard_line_break():
    rec = extract_text(
        "CHỈ THỊ\nVỀ LẬP KẾ HOẠCH ĐẦU TƯ CÔNG TRUNG HẠN\nThực hiện Luật Đầu tư công, Luật\n"
        "Ngân sách nhà nước, Chỉ thị số 14/CT-TTg ngày 12/5/2024 của Thủ tướng Chính phủ\n"
        "và hướng dẫn của Bộ Tài chính tại Công văn số 812/BTC-ĐT ngày\n14/6/2024, Chủ tịch UBND tỉnh yêu cầu các sở "
        "thực hiện các nội dung sau:\nI. ĐÁNH GIÁ\n")
    assert rec.implements == ["14/CT-TTg", "812/BTC-ĐT"]
    assert {"Luật Đầu tư công", "Luật Ngân sách nhà nước"} <= set(rec.implements_named)


def test_framing_clauses_on_one_line_are_told_apart():
    rec = extract_text(
        "Kính gửi: Các sở, ban, ngành.\n\nThực hiện Nghị quyết số 34-NQ/TW ngày 21/6/2018 về phát triển nông nghiệp; "
        "Xét đề nghị của Sở Y tế tại Công văn số 3067/SYT-TH ngày 06/10/2018; UBND tỉnh có ý kiến như sau:\n1. Các sở.\n")
    assert rec.implements == ["34-NQ/TW"] and rec.basis == ["3067/SYT-TH"]


def test_a_past_act_in_the_background_is_no_relation():
    rec = extract_text(
        "CHỈ THỊ\nVề kế hoạch đầu tư công năm 2025\n\nCăn cứ Quyết định số 1500/QĐ-TTg ngày 06/12/2024 của Thủ tướng "
        "Chính phủ;\n\nNăm 2024, để triển khai kế hoạch vốn, Chủ tịch UBND tỉnh đã ban hành Chỉ thị số 18/CT-UBND ngày "
        "09/12/2023. "
        "Tuy nhiên, việc giải ngân còn chậm.\n")
    assert rec.basis == ["1500/QĐ-TTg"] and rec.implements == []


def test_title_implementing_wins_over_a_basis_clause_and_subjects_are_not_objects():
    rec = extract_text(
        "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\nSố: 28/KH-UBND\nĐồng Tháp, ngày 24 tháng 9 năm 2025\n\nKẾ HOẠCH\n"
        "THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 10-CTR/TU NGÀY 13/8/2025 CỦA BAN THƯỜNG VỤ TỈNH ỦY VỀ THỰC HIỆN NGHỊ QUYẾT "
        "SỐ 57-NQ/TW NGÀY 22/12/2024 CỦA BỘ CHÍNH TRỊ VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ "
        "CHUYỂN ĐỔI SỐ TRÊN ĐỊA BÀN TỈNH\n\n"
        "Căn cứ Chương trình hành động số 10-CTr/TU ngày 13/8/2025 của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết "
        "số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Kế hoạch số 01-KH/BCĐ ngày 13/8/2025 của Ban Chỉ đạo tỉnh;\n\n"
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC TIÊU\n")
    assert rec.implements == ["10-CTr/TU"]
    assert rec.basis == ["01-KH/BCĐ"]
    assert "57-NQ/TW" not in rec.implements + rec.basis
    # a document carried out by the same verb's second object still counts
    rec = extract_text("KẾ HOẠCH\n\nThực hiện Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ về sửa đổi Chương "
                       "trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, "
                       "triển khai Kế hoạch số 12/KH-BKHCN ngày 02/5/2025 của Bộ Khoa học và Công nghệ, UBND tỉnh ban "
                       "hành Kế hoạch như sau:\nI. MỤC TIÊU\n")
    assert rec.implements == ["71/NQ-CP", "12/KH-BKHCN"]


def test_the_programme_a_cited_resolution_issues_is_its_subject_not_ours():
    # "… 14/NQ-CP … ban hành Chương trình hành động thực hiện 30-NQ/TW": 30-NQ/TW is what 14/NQ-CP
    # carries out ("hành động" is not the "đồng" of "đồng thời" once tone marks are kept)
    rec = extract_text(
        "ỦY BAN NHÂN DÂN\nTỈNH HƯNG YÊN\nSố: 56/CTr-UBND\nHưng Yên, ngày 28 tháng 3 năm 2023\n\n"
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\nTHỰC HIỆN NGHỊ QUYẾT SỐ 14/NQ-CP NGÀY 08/02/2023 CỦA CHÍNH PHỦ BAN HÀNH CHƯƠNG "
        "TRÌNH HÀNH ĐỘNG THỰC HIỆN NGHỊ QUYẾT SỐ 30-NQ/TW NGÀY 23/11/2022 CỦA BỘ CHÍNH TRỊ\n"
        "Thực hiện Nghị quyết số 14/NQ-CP ngày 08/02/2023 của Chính phủ ban hành Chương trình hành động thực hiện "
        "Nghị quyết số 30-NQ/TW ngày 23/11/2022 của Bộ Chính trị về phát triển vùng đồng bằng sông Hồng và Chương "
        "trình hành động số 35-CTr/TU ngày 15/02/2023 của Tỉnh ủy, UBND tỉnh ban hành Chương trình hành động:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n")
    assert rec.implements == ["14/NQ-CP", "35-CTr/TU"]
    # "đồng thời" still coordinates a second object with the clause's verb
    rec = extract_text("KẾ HOẠCH\n\nThực hiện Nghị quyết số 14/NQ-CP ngày 08/02/2023 của Chính phủ, đồng thời thực "
                       "hiện Kế hoạch số 12/KH-BKHCN ngày 02/5/2023 của Bộ Khoa học và Công nghệ, UBND tỉnh ban hành "
                       "Kế hoạch như sau:\nI. MỤC TIÊU\n")
    assert rec.implements == ["14/NQ-CP", "12/KH-BKHCN"]


def test_a_first_section_listing_the_grounds_is_basis():
    rec = extract_text(
        "KẾ HOẠCH\nCHUYỂN ĐỔI SỐ TRONG NÔNG NGHIỆP\nI. CĂN CỨ XÂY DỰNG KẾ HOẠCH\n"
        "1. Quyết định số 924/QĐ-TTg ngày 22/8/2022 của Thủ tướng Chính phủ;\n"
        "2. Thông tư 05/2022/TT-BNNPTNT ngày 25/7/2022 của Bộ Nông nghiệp và Phát triển nông thôn;\n"
        "3. Nghị quyết số 05-NQ/TU ngày 17/6/2021 của Ban Chấp hành Đảng bộ tỉnh.\n"
        "II. MỤC TIÊU\n1. Thực hiện Quyết định số 1000/QĐ-UBND ngày 02/3/2023 của UBND tỉnh.\n")
    assert rec.basis == ["924/QĐ-TTg", "05/2022/TT-BNNPTNT", "05-NQ/TU"]
    assert rec.implements == []


def test_a_joined_paragraph_break_starts_a_new_clause():
    from graph_builder.find.relations import _regions

    text = "Về phát triển văn hóa, con người Việt Nam  Thực hiện Kết luận số 55-KL/TW ngày 15/5/2019, Ban Thường vụ ban hành."
    assert [k for k, a, b in _regions(text, 0, len(text))] == ["implements"]
    a = _regions(text, 0, len(text))[0][1]
    assert text[a:].startswith("Thực hiện")


def test_a_clause_list_goes_on_after_a_semicolon_line_end_and_follow_ups_are_no_relation():
    rec = extract_text(
        "KẾ HOẠCH\nPHÁT TRIỂN GIAO THÔNG NĂM 2024\n"
        "Thực hiện Chương trình số 05-CTr/TU ngày 17/3/2021 của Tỉnh ủy về phát triển kết cấu hạ tầng;\n"
        "các Nghị quyết của Hội đồng nhân dân tỉnh: số 40/NQ-HĐND ngày 08/12/2023 về kế hoạch đầu tư công năm 2024, số "
        "41/NQ-HĐND ngày 08/12/2023 về dự toán ngân sách; căn cứ Nghị quyết số 56/2022/QH15 ngày 16/6/2022 của Quốc hội; "
        "tiếp theo Kế hoạch số 12/KH-UBND ngày 03/01/2024 của UBND tỉnh, UBND tỉnh ban hành Kế hoạch như sau:\n"
        "I. MỤC ĐÍCH\n")
    assert rec.implements == ["05-CTr/TU", "40/NQ-HĐND", "41/NQ-HĐND"]
    assert rec.basis == ["56/2022/QH15"]


def test_hearing_a_report_is_basis_and_an_approving_act_is_no_object():
    rec = extract_text(
        "THÔNG BÁO\nKẾT LUẬN CỦA CHỦ TỊCH UBND TỈNH TẠI CUỘC HỌP\n\nSau khi nghe Sở Xây dựng báo cáo tại Văn bản số "
        "1875/SXD-QLXD ngày 18/5/2023 và ý kiến của các đại biểu, Chủ tịch UBND tỉnh kết luận như sau:\nI. ĐÁNH GIÁ\n")
    assert rec.basis == ["1875/SXD-QLXD"]
    rec = extract_text(
        "Kính gửi: Các xã.\n\nĐể thực hiện mục tiêu của Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn "
        "2021 - 2025 được phê duyệt tại Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ, UBND huyện "
        "yêu cầu các đơn vị thực hiện các nội dung sau:\n1. Rà soát.\n")
    assert rec.implements == [] and rec.basis == []
    assert any(n.startswith("Chương trình mục tiêu quốc gia giảm nghèo bền vững") for n in rec.implements_named)


def test_a_name_inside_a_cited_documents_subject_is_no_object():
    rec = extract_text(
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\nThực hiện Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ về nhiệm vụ, giải pháp "
        "chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm 2024\n\n"
        "Căn cứ Quyết định số 924/QĐ-TTg ngày 22/8/2022 của Thủ tướng Chính phủ phê duyệt Chương trình chuyển đổi số "
        "trong xây dựng nông thôn mới giai đoạn 2021-2025; Luật Đầu tư công ngày 13/6/2019;\n"
        "UBND tỉnh ban hành Chương trình hành động như sau:\nI. MỤC TIÊU\n")
    assert rec.implements == ["01/NQ-CP"] and rec.implements_named == []
    assert rec.basis == ["924/QĐ-TTg"] and rec.basis_named == ["Luật Đầu tư công"]
    # the objects themselves still count, also after a date
    rec = extract_text("KẾ HOẠCH\n\nThực hiện có hiệu quả các mục tiêu của Chương trình mục tiêu quốc gia xây dựng nông "
                       "thôn mới giai đoạn 2021 - 2025, UBND tỉnh ban hành Kế hoạch như sau:\nI.\n")
    assert rec.implements_named == ["Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025"]
