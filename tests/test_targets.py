"""Target finder: each pattern on short documents written here, the negatives included
(achieved results, estimates, allocations, dates, section numbers, citations, quotes)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph_builder.clean import clean_text
from graph_builder.find.targets import find_targets
from graph_builder.model import DocumentMeta, SourceText, Target


def targets(text: str, plan_year: int | None = 2025, doc_type: str | None = "Kế hoạch",
            year: int | None = None) -> list[Target]:
    source = SourceText("t.txt", text, "utf-8", "txt", "0")
    clean = clean_text(source)
    found = find_targets(clean, DocumentMeta(doc_type=doc_type, plan_year=plan_year, year=year), [])
    for t in found:  # every quote is an exact one-line substring at its span
        assert source.text[t.start:t.end] == t.quote
        assert "\n" not in t.quote
        assert t.quote in source.text
    return found


def values(found: list[Target]) -> list[tuple[str, str, str]]:
    return [(t.value, t.unit, t.comparator) for t in found]


# ------------------------------------------------------------------------------ target lists

def test_numbered_target_list_one_entry_per_figure():
    doc = (
        "3. Chỉ tiêu chủ yếu:\n"
        "(1) Tổng sản phẩm trên địa bàn (GRDP giá so sánh 2010) tăng 7,5-8%.\n"
        "(2) Tỷ lệ vốn đầu tư/GRDP trên 30%.\n"
        "(3) Thu ngân sách trên địa bàn đạt 23.600 tỷ đồng, trong đó thu nội địa 20.100 tỷ đồng.\n"
        "(4) Phân đầu có thêm ít nhất 07 xã đạt chuẩn nông thôn mới, nâng số xã đạt chuẩn lên 137 xã/193 xã, đạt tỷ lệ 71%.\n"
        "(5) Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng dưới 20,3%.\n"
        "(6) Số giường bệnh trên 1 vạn dân đạt 48,3 giường/vạn dân.\n"
        "(7) 80% trở lên xã, phường, thị trấn an toàn về an ninh, trật tự.\n"
    )
    found = targets(doc, plan_year=2024)
    assert values(found) == [
        ("7,5-8", "%", "range"), ("30", "%", ">"), ("23.600", "tỷ đồng", "="), ("20.100", "tỷ đồng", "="),
        ("07", "xã", ">="), ("137", "xã", "="), ("71", "%", "="), ("20,3", "%", "<"),
        ("48,3", "giường/vạn dân", "="), ("80", "%", ">="),
    ]
    by_value = {t.value: t for t in found}
    assert by_value["23.600"].list_item == by_value["20.100"].list_item == "(3)"
    assert by_value["7,5-8"].range == (7.5, 8.0) and by_value["7,5-8"].value_num is None
    assert by_value["23.600"].value_num == 23600 and by_value["48,3"].value_num == 48.3
    assert by_value["07"].value_num == 7
    assert by_value["20.100"].indicator == "Thu nội địa"
    assert by_value["71"].indicator.startswith("Tỷ lệ")
    assert all(t.year == 2024 for t in found)
    # "5 tuổi", "1 vạn dân", "193 xã" and "2010" are parts of indicators, not targets
    assert not {"5", "1", "193", "2010"} & set(by_value)


def test_dash_list_under_target_heading_and_year_from_heading():
    doc = ("II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026\n"
           "- Tốc độ tăng trưởng kinh tế (GRDP) đạt 8-8,5%.\n"
           "- Tổng kim ngạch xuất khẩu đạt 3.000 triệu USD.\n"
           "- Tỷ lệ trường đạt chuẩn quốc gia 70%.\n")
    found = targets(doc, plan_year=None)
    assert values(found) == [("8-8,5", "%", "range"), ("3.000", "triệu USD", "="), ("70", "%", "=")]
    assert [t.year for t in found] == [2026, 2026, 2026]
    assert all(t.list_item is None for t in found)


def test_task_list_with_few_figures_is_not_a_target_list():
    doc = ("2.1. Sở Tài chính\n"
           "(1) Phối hợp với Cục Thuế rà soát các khoản thu, bảo đảm thu đúng, thu đủ theo quy định.\n"
           "(2) Tham mưu báo cáo Bộ Tài chính số kinh phí tiết kiệm 5% chi thường xuyên năm 2024.\n"
           "(3) Chủ trì rà soát các nguồn lực bổ sung cho kế hoạch đầu tư công trung hạn.\n")
    assert targets(doc) == []


# --------------------------------------------------------------------- phấn đấu statements

@pytest.mark.parametrize("trigger", ["Phấn đấu", "Phân đầu", "phần đầu", "phấn đầu"])
def test_strive_statement_and_typos(trigger):
    doc = f"Tăng cường thu gom rác thải. {trigger} tỷ lệ thu gom chất thải rắn sinh hoạt khu vực đô thị đạt 97%, khu vực nông thôn đạt 85%.\n"
    found = targets(doc)
    assert values(found) == [("97", "%", "="), ("85", "%", "=")]
    assert found[0].indicator == "Tỷ lệ thu gom chất thải rắn sinh hoạt khu vực đô thị"
    assert found[1].indicator == "Tỷ lệ thu gom chất thải rắn sinh hoạt khu vực nông thôn"
    assert found[1].quote == "khu vực nông thôn đạt 85%"


def test_strive_counts_and_year_in_sentence():
    doc = ("Phấn đấu đến hết năm 2024, toàn tỉnh có thêm 05 xã đạt chuẩn NTM, 04 xã đạt chuẩn NTM nâng cao.\n"
           "Năm 2025, phấn đấu đón 11,1 triệu lượt khách du lịch với tổng thu từ du lịch ước đạt khoảng 4,5 nghìn tỷ đồng.\n")
    found = targets(doc, plan_year=2030)
    assert values(found) == [("05", "xã", "="), ("04", "xã", "="), ("11,1", "triệu lượt khách", "="),
                             ("4,5", "nghìn tỷ đồng", "≈")]
    assert [t.year for t in found] == [2024, 2024, 2025, 2025]


def test_comparators():
    doc = ("Phấn đấu tỷ lệ giải ngân đạt tối thiểu 95% vốn kế hoạch giao.\n"
           "Phấn đấu giải ngân đạt từ 90% trở lên.\n"
           "Phấn đấu tỷ lệ hộ nghèo còn khoảng 0,3%.\n"
           "Phấn đấu tỷ lệ nợ xấu không quá 2%.\n"
           "Phấn đấu thu ngân sách đạt trên 27 nghìn tỷ đồng.\n"
           "Phấn đấu tạo việc làm tăng thêm từ 16-17 nghìn lao động.\n"
           "Phấn đấu từ 4 đến 8 khu công nghiệp mới được phê duyệt.\n")
    assert values(targets(doc)) == [("95", "%", ">="), ("90", "%", ">="), ("0,3", "%", "≈"), ("2", "%", "<="),
                                    ("27", "nghìn tỷ đồng", ">"), ("16-17", "nghìn lao động", "range"),
                                    ("4 đến 8", "khu công nghiệp", "range")]
    # a bound word before the verb of the figure
    assert values(targets("Phấn đấu tối thiểu khởi công 04 dự án/công trình trong năm 2024.\n")) == [
        ("04", "dự án/công trình", ">=")]


def test_percent_range_written_with_two_units():
    found = targets("Phấn đấu tốc độ tăng trưởng từ 5% đến 7%; tỷ lệ hộ nghèo giảm 1% - 1,5% mỗi năm.\n")
    assert [(t.value, t.range, t.comparator) for t in found] == [("5-7", (5.0, 7.0), "range"),
                                                                 ("1-1,5", (1.0, 1.5), "range")]


def test_value_notation_kept_and_parsed():
    doc = "Phấn đấu tổng tỷ suất sinh đạt 1,87 con/phụ nữ; thu hút 1.250,5 tỷ đồng; tăng thêm 02 phường, thị trấn văn minh.\n"
    found = targets(doc)
    assert [(t.value, t.value_num, t.unit) for t in found] == [
        ("1,87", 1.87, "con/phụ nữ"), ("1.250,5", 1250.5, "tỷ đồng"), ("02", 2, "phường, thị trấn")]


# ----------------------------------------------------------------------- target verbs in body

def test_target_verb_in_directive_sentence():
    doc = ("Duy trì chương trình dân số, đảm bảo mức sinh thay thế với tổng tỷ suất sinh đạt 1,87 con/phụ nữ.\n"
           "Quyết tâm giải ngân kế hoạch vốn đầu tư công năm 2024 đạt từ 95% trở lên.\n"
           "Thực hiện đúng quy định và hoàn thành 100% chỉ tiêu tuyển chọn, gọi công dân nhập ngũ.\n"
           "Lập hồ sơ trình Thủ tướng Chính phủ phê duyệt từ 4 - 8 khu công nghiệp mới.\n")
    found = targets(doc, plan_year=2024)
    assert values(found) == [("1,87", "con/phụ nữ", "="), ("95", "%", ">="), ("100", "%", "="),
                             ("4 - 8", "khu công nghiệp", "range")]
    assert found[0].indicator == "Tổng tỷ suất sinh"
    assert found[1].year == 2024
    assert found[2].indicator == "Tỷ lệ hoàn thành chỉ tiêu tuyển chọn"


def test_year_from_comparison_base_and_sub_items_when_no_plan_year():
    doc = ("Phấn đấu tổng mức bán lẻ hàng hóa tăng 11,3% so với năm 2023.\n"
           "- Phấn đấu tỷ lệ giải ngân đạt tối thiểu 95% vốn kế hoạch giao, trong đó:\n"
           "+ Cấp tỉnh sớm phân bổ kế hoạch vốn đầu tư công năm 2024 cho các dự án.\n")
    found = targets(doc, plan_year=None)
    assert [(t.value, t.year) for t in found] == [("11,3", 2024), ("95", 2024)]


def test_plan_year_used_when_sentence_states_none():
    found = targets("Phấn đấu tỷ lệ che phủ rừng đạt 58,92%.\n", plan_year=2024)
    assert found[0].year == 2024
    found = targets("Phấn đấu tỷ lệ che phủ rừng đạt 58,92% so với năm 2023.\n", plan_year=2024)
    assert found[0].year == 2024  # a comparison base is not the target year


# ------------------------------------------------------------------------------ negatives

def test_achieved_and_estimated_results_are_not_targets():
    doc = ("Năm 2024, GRDP ước tăng 7,2%; tổng thu ngân sách ước đạt 21.500 tỷ đồng, bằng 105% dự toán.\n"
           "Thu hút vốn FDI đạt trên 500 triệu USD, tăng 8,3% so với cùng kỳ.\n"
           "Kim ngạch xuất khẩu 9 tháng đạt 2.100 triệu USD.\n"
           "Tính đến ngày 30/9/2024, tỷ lệ giải ngân vốn đầu tư công đạt 55%.\n"
           "Toàn tỉnh đã đạt 120 xã nông thôn mới. Hiện nay toàn tỉnh có 12 khu công nghiệp.\n")
    assert targets(doc) == []


def test_statements_dated_before_the_plan_year_are_results():
    doc = ("Năm 2023, GRDP của tỉnh tăng 7,5%, thu ngân sách đạt 18.000 tỷ đồng, tỷ lệ hộ nghèo giảm còn 2,1%.\n"
           "Giai đoạn 2015 - 2020, GRDP bình quân hằng năm tăng 6,2%. Năm ngoái, tỉnh thu hút trên 2,14 tỷ USD.\n"
           "Năm 2025, tỷ lệ hộ nghèo giảm còn 1,8%.\n")
    assert values(targets(doc, plan_year=2025)) == [("1,8", "%", "=")]


def test_allocations_programme_sizes_and_counts_are_not_targets():
    doc = ("Cấp tỉnh sớm phân bổ kế hoạch vốn bổ sung khoảng 1.000 tỷ đồng cho các dự án.\n"
           "Thực hiện giải ngân chương trình tín dụng 30 nghìn tỷ đồng cho vay lĩnh vực lâm sản.\n"
           "Bố trí 500 tỷ đồng để thực hiện chương trình. Hỗ trợ 2 triệu đồng/hộ cho hộ nghèo.\n"
           "Phấn đấu hoàn thành dự án trước ngày 30/6/2025 với tổng mức đầu tư 1.200 tỷ đồng.\n"
           "Tháo gỡ khó khăn cho 9 dự án hạ tầng khu công nghiệp đang hoạt động. Kiện toàn 03 Tổ công tác.\n"
           "Tham mưu cắt giảm 10% chi thường xuyên; tiết kiệm 5% chi thường xuyên.\n")
    assert targets(doc) == []


def test_colon_between_indicator_and_value_in_a_target_list():
    doc = ("a) Các chỉ tiêu kinh tế:\n"
           "- Tốc độ tăng trưởng GRDP: 8%.\n"
           "- GRDP bình quân đầu người: 100 triệu đồng/người/năm.\n")
    found = targets(doc)
    assert values(found) == [("8", "%", "="), ("100", "triệu đồng/người/năm", "=")]
    assert found[0].indicator == "Tốc độ tăng trưởng GRDP"


def test_dates_section_numbers_and_citations_are_not_targets():
    doc = ("Điều 3. Phấn đấu thực hiện theo Nghị quyết số 01/NQ-CP ngày 05/01/2024 và Điều 163 đến 170 Luật Đất đai 2024.\n"
           "Phấn đấu hoàn thành trước ngày 30 tháng 6 năm 2025; báo cáo Quý III/2024.\n"
           "Phấn đấu năm 2025 người dân được hưởng dịch vụ tốt hơn.\n"
           "Phấn đấu triển khai Đề án “Đầu tư xây dựng ít nhất 01 triệu căn hộ nhà ở xã hội”.\n"
           "Phấn đấu đạt mục tiêu tăng trưởng hai con số; xóa toàn bộ nhà tạm.\n"
           "Triển khai Quyết định số 12/QĐ-TTg ngày 05/01/2024 phê duyệt Đề án giảm 30% chi phí logistics.\n"
           "Thực hiện Nghị quyết số 05/2023/NQ-HĐND về việc hỗ trợ tăng thêm 20% phụ cấp.\n")
    assert targets(doc) == []


def test_report_documents_only_take_strive_statements():
    doc = "Tổng thu ngân sách đạt 25.000 tỷ đồng. Phấn đấu năm 2025 thu ngân sách đạt 27.000 tỷ đồng.\n"
    found = targets(doc, doc_type="Báo cáo")
    assert values(found) == [("27.000", "tỷ đồng", "=")]


def test_repeated_sentence_counted_once():
    line = "(1) Phấn đấu Tổng sản phẩm trên địa bàn tỉnh tăng từ 10-11% so với năm 2024.\n"
    more = "(2) Tỷ lệ dân số đô thị đạt 50%.\n(3) Tỷ lệ trường đạt chuẩn quốc gia đạt 87,5%.\n"
    found = targets(line + more + "Nội dung khác ở giữa.\n" + line + more)
    assert [t.value for t in found] == ["10-11", "50", "87,5"]


# ------------------------------------------------------------------- objectives sections

def test_figures_in_an_objectives_section_need_no_target_verb():
    doc = ("I. QUAN ĐIỂM, MỤC TIÊU\n"
           "1. Quan điểm\n"
           "Bảo đảm an toàn giao thông cho học sinh dưới 15 tuổi là trách nhiệm của cả cộng đồng.\n"
           "2. Mục tiêu cụ thể\n"
           "a) Giảm tai nạn giao thông liên quan đến học sinh\n"
           "- Đến năm 2026: tỷ lệ học sinh đội mũ bảo hiểm khi đi xe máy trên 95%; tỷ lệ trường học có lối đi bộ "
           "(rộng tối thiểu 2 m) đạt 60%.\n"
           "- Đến năm 2030:\n"
           "tỷ lệ học sinh đội mũ bảo hiểm khi đi xe máy trên 98%.\n"
           "3. Yêu cầu\n"
           "Bố trí 30 cán bộ chuyên trách cho 12 điểm trường.\n")
    found = targets(doc, plan_year=None, year=2024)
    assert [(t.value, t.unit, t.comparator, t.year) for t in found] == [
        ("95", "%", ">", 2026), ("60", "%", "=", 2026), ("98", "%", ">", 2030)]
    assert found[1].indicator == "Tỷ lệ trường học có lối đi bộ (rộng tối thiểu 2 m)"
    assert found[2].indicator == "Tỷ lệ học sinh đội mũ bảo hiểm khi đi xe máy"


def test_period_objectives_without_a_target_verb():
    doc = ("2. Mục tiêu\n"
           "Giai đoạn 2026 - 2030, toàn tỉnh xây dựng 1.200 phòng học, trong đó: 450 phòng học mầm non;\n"
           "750 phòng học tiểu học; bảo đảm đủ chỗ học cho học sinh.\n")
    found = targets(doc, plan_year=None, year=2025)
    assert [(t.value, t.unit, t.year) for t in found] == [
        ("1.200", "phòng học", 2030), ("450", "phòng học", 2030), ("750", "phòng học", 2030)]
    assert found[1].indicator == "Số phòng học mầm non"


def test_counts_of_trees_in_millions():
    found = targets("Phấn đấu mỗi năm trồng mới 3 triệu cây xanh phân tán và 500 nghìn cây ăn quả.\n")
    assert [(t.value, t.unit) for t in found] == [("3", "triệu cây xanh"), ("500", "nghìn cây ăn quả")]


def test_sections_on_tasks_purposes_and_results_are_not_objectives():
    doc = ("I. MỤC ĐÍCH\n"
           "Bảo đảm 100% cán bộ nắm vững quy định mới.\n"
           "II. NHIỆM VỤ\n"
           "Năm 2026, tổ chức 20 lớp tập huấn cho 1.000 cán bộ.\n"
           "III. KẾT QUẢ THỰC HIỆN NĂM 2025\n"
           "(1) Tăng trưởng GRDP đạt 7,2%.\n(2) Thu ngân sách đạt 21.500 tỷ đồng.\n(3) Tỷ lệ hộ nghèo giảm còn 2,1%.\n"
           "IV. MỤC TIÊU NĂM 2026\n"
           "(1) Tăng trưởng GRDP đạt 8%.\n(2) Thu ngân sách đạt 23.600 tỷ đồng.\n(3) Tỷ lệ hộ nghèo còn 1,5%.\n")
    found = targets(doc, plan_year=None, year=2025)
    # the 100% of a purpose is a target verb's figure ("bảo đảm 100%"); the rest of I-III is not
    assert [(t.value, t.year) for t in found] == [("100", 2025), ("8", 2026), ("23.600", 2026), ("1,5", 2026)]
    assert [t.list_item for t in found[1:]] == ["(1)", "(2)", "(3)"]


def test_a_mixed_heading_leaves_the_decision_to_its_subsections():
    doc = ("I. NHIỆM VỤ, CHỈ TIÊU CHỦ YẾU\n"
           "1. Nhiệm vụ\n"
           "Đào tạo 500 lao động cho các doanh nghiệp.\n"
           "2. Chỉ tiêu\n"
           "Tỷ lệ lao động qua đào tạo 75%.\n")
    assert [t.value for t in targets(doc)] == ["75"]


# --------------------------------------------------------------------- time and verbs

def test_a_sentence_opened_by_a_future_time_states_targets():
    doc = ("Đến năm 2030, tỷ lệ đô thị hóa là 50%; tỷ lệ che phủ rừng 47%.\n"
           "Đến năm 2020, tỷ lệ đô thị hóa là 40%.\n"
           "Giai đoạn 2021 - 2025, toàn tỉnh trồng được 41 triệu cây xanh.\n")
    found = targets(doc, plan_year=None, year=2025)
    assert [(t.value, t.year) for t in found] == [("50", 2030), ("47", 2030)]


def test_la_introduces_a_figure_only_with_a_target_year():
    assert [t.value for t in targets("Tỷ lệ hộ nghèo đến năm 2030 là 1%.\n", plan_year=None, year=2026)] == ["1"]
    assert targets("Tỷ lệ hộ nghèo năm 2023 là 3%.\n", plan_year=None, year=2026) == []


def test_footnote_marker_glued_to_a_percentage():
    found = targets("Phấn đấu tỷ lệ hộ dùng điện lưới trên 99%1; tỷ lệ đường xã được cứng hóa dưới 85%2.\n")
    assert [(t.value, t.unit, t.comparator) for t in found] == [("99", "%", ">"), ("85", "%", "<")]


def test_adverbs_between_verb_and_figure_and_lowering_to_a_level():
    doc = ("Tốc độ tăng trưởng kinh tế giai đoạn 2026 - 2030 đạt bình quân 8%/năm.\n"
           "Giảm tỷ lệ hộ nghèo xuống dưới 2% vào năm 2026; giảm tỷ lệ thất nghiệp xuống còn 3%.\n")
    found = targets(doc, plan_year=None, year=2025)
    assert [(t.value, t.comparator, t.year) for t in found] == [("8", "=", 2030), ("2", "<", 2026), ("3", "=", 2026)]
    assert found[0].indicator == "Tốc độ tăng trưởng kinh tế giai đoạn 2026 - 2030"


def test_a_word_ending_in_uoc_does_not_negate_the_verb():
    found = targets("(3) Thu hút vốn FDI đạt trên 3 tỷ USD;\n\nvốn đầu tư trong nước đạt 50.000 tỷ đồng.\n", plan_year=2025)
    assert [t.value for t in found] == ["3", "50.000"]


def test_period_years_qualify_only_their_own_figure():
    doc = ("2. Phấn đấu GRDP năm 2026 tăng 8,5-9%; bình quân giai đoạn 2026 - 2027 đạt khoảng 9%/năm.\n"
           "Hoàn thành quy hoạch chung đô thị giai đoạn 2026-2030 và công nhận 03 đô thị loại V.\n"
           "Giải ngân 100% vốn hỗ trợ của Trung ương cho Chương trình mục tiêu và phát triển trong hai năm 2026 - 2027.\n")
    found = targets(doc, plan_year=2026)
    assert [(t.value, t.year) for t in found] == [("8,5-9", 2026), ("9", 2027), ("03", 2026), ("100", 2027)]


def test_year_from_an_introducing_line_and_plan_horizon_ignored():
    doc = ("- Đến năm 2027:\n+ Tỷ lệ hộ dân dùng nước sạch đạt 95%;\n+ Tỷ lệ thu gom rác đạt 90%.\n"
           "Thực hiện Quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050; Phấn đấu tỷ lệ đô thị hóa đạt 45%.\n")
    found = targets(doc, plan_year=None, year=2025)
    assert [(t.value, t.year) for t in found] == [("95", 2027), ("90", 2027), ("45", 2025)]


# ------------------------------------------------------------------------------ negatives

def test_eligibility_criteria_are_not_targets():
    doc = ("Hỗ trợ 50% kinh phí cho các hộ có thu nhập đạt dưới 1,5 triệu đồng/người/tháng.\n"
           "Doanh nghiệp đạt doanh thu từ 100 tỷ đồng trở lên được xét khen thưởng.\n"
           "Nếu doanh nghiệp đạt doanh thu trên 50 tỷ đồng thì được giảm thuế.\n"
           "Đối với xã đạt tỷ lệ trên 90% hộ dân dùng nước sạch, huyện xem xét khen thưởng.\n"
           "Bảo đảm 100% người có công được hưởng đầy đủ chế độ.\n"
           "Đối với khu vực nông thôn, tỷ lệ hộ dùng nước sạch đạt 93%.\n"
           "Tỷ lệ người đội mũ bảo hiểm khi tham gia giao thông đạt 99%.\n")
    assert [t.value for t in targets(doc)] == ["100", "93", "99"]


def test_achieved_figures_in_an_objectives_section_are_not_targets():
    doc = ("2. Mục tiêu\n"
           "Giai đoạn 2026 - 2030, toàn tỉnh đã trồng được 30 triệu cây xanh.\n"
           "Đến năm 2030, tỷ lệ xã đã được công nhận văn hóa nâng lên 80%.\n")
    assert [(t.value, t.year) for t in targets(doc, plan_year=None, year=2026)] == [("80", 2030)]


def test_results_of_recent_years_and_of_last_month_are_not_targets():
    doc = ("Những năm gần đây, lượng khách du lịch tăng bình quân 12-14%/năm.\n"
           "Đến cuối tháng trước, tổng vốn huy động tăng 6-9% so với đầu năm.\n")
    assert targets(doc) == []


def test_allocations_in_the_clause_and_figures_of_cited_titles():
    doc = ("3. Chỉ tiêu chủ yếu:\n"
           "(1) Giải ngân 100% vốn được phân bổ. Tổng số vốn dự kiến được phân bổ cho huyện khoảng 820 tỷ đồng.\n"
           "(2) Thu ngân sách đạt 23.600 tỷ đồng.\n(3) Tỷ lệ hộ nghèo còn 1,5%.\n"
           "Thực hiện Nghị quyết số 41/NQ-CP ngày 12/03/2026 của Chính phủ về các giải pháp bảo đảm cho các vùng kinh tế "
           "trọng điểm có mức tăng trưởng năm 2026 đạt 9% trở lên; UBND tỉnh ban hành Kế hoạch.\n")
    assert [t.value for t in targets(doc)] == ["100", "23.600", "1,5"]


def test_ceilings_are_kept_with_their_own_comparator():
    found = targets("Phấn đấu tỷ lệ nợ xấu tối đa 3%; chi phí logistics không vượt quá 16% GRDP; bội chi không quá 2%.\n")
    assert [(t.value, t.comparator) for t in found] == [("3", "<="), ("16", "<="), ("2", "<=")]


# ----------------------------------------------------------------------------------- tables

def test_target_table_with_result_columns():
    doc = ("II. CHỈ TIÊU CHỦ YẾU\n"
           "| STT | Chỉ tiêu | Đơn vị tính | Thực hiện năm 2024 | Kế hoạch năm 2025 |\n"
           "|---|---|---|---|---|\n"
           "| 1 | Tốc độ tăng trưởng GRDP | % | 7,2 | 8-8,5 |\n"
           "| 2 | Thu ngân sách nhà nước | tỷ đồng | 21.500 | 23.600 |\n"
           "| 3 | Tỷ lệ hộ nghèo (%) |  | 2,1 | dưới 1,5 |\n"
           "| 4 | Số xã đạt chuẩn nông thôn mới | xã | 120 | ≥ 127 |\n")
    found = targets(doc, plan_year=None, year=2024)
    assert [(t.value, t.unit, t.comparator, t.year) for t in found] == [
        ("8-8,5", "%", "range", 2025), ("23.600", "tỷ đồng", "=", 2025), ("1,5", "%", "<", 2025), ("127", "xã", ">=", 2025)]
    assert [t.indicator for t in found] == ["Tốc độ tăng trưởng GRDP", "Thu ngân sách nhà nước", "Tỷ lệ hộ nghèo",
                                           "Số xã đạt chuẩn nông thôn mới"]
    assert found[0].quote == "Tốc độ tăng trưởng GRDP | % | 7,2 | 8-8,5"


def test_year_by_year_table_rows_written_as_cells():
    doc = ("Chỉ tiêu | ĐVT | 2026 | 2027 | 2028\n"
           "Tỷ lệ che phủ rừng | % | 45 | 46 | 47,5\n"
           "Số bác sĩ/vạn dân | bác sĩ | 12 | 13 | 14\n")
    found = targets(doc, plan_year=None, year=2025)
    assert [(t.value, t.unit, t.year) for t in found] == [
        ("45", "%", 2026), ("46", "%", 2027), ("47,5", "%", 2028), ("12", "bác sĩ", 2026), ("13", "bác sĩ", 2027),
        ("14", "bác sĩ", 2028)]


def test_tables_of_results_or_past_years_give_no_targets():
    doc = ("| TT | Nội dung | Kết quả năm 2023 | Ghi chú |\n|---|---|---|---|\n| 1 | Tỷ lệ giải ngân | 95% | |\n\n"
           "Chỉ tiêu | ĐVT | 2021 | 2022\nTỷ lệ che phủ rừng | % | 41 | 42\n\n"
           "I. KẾT QUẢ NĂM 2024\n| Chỉ tiêu | Đơn vị | Kế hoạch năm 2024 |\n| Thu ngân sách | tỷ đồng | 20.000 |\n")
    assert targets(doc, plan_year=None, year=2025) == []


def test_never_raises_on_odd_text():
    for text in ("", "%", "(1)", "đạt", "Phấn đấu đạt 1.", "1-", "(1) 1/2/3 %\n(2) - %\n(3) ,5%", "x" * 1000):
        targets(text)


@pytest.mark.slow
def test_linear_on_long_lines_and_many_figures():
    """A table flattened into one line, or thousands of figures, must not make each figure
    rescan its line: doubling the input at most about doubles the time."""
    import time

    def cost(n: int) -> float:
        text = "| Tỷ lệ thu gom rác đạt 5% | Khu công nghiệp Tam Anh | " * n + "\n" + "(1) Phấn đấu đạt 5%\n" * n
        source = SourceText("t.txt", text, "utf-8", "txt", "0")
        clean = clean_text(source)
        start = time.perf_counter()
        find_targets(clean, DocumentMeta(plan_year=2025), [])
        return time.perf_counter() - start

    small, large = min(cost(2000) for _ in range(2)), min(cost(8000) for _ in range(2))
    assert large < 8 * small, (small, large)  # 4x input: linear ≈ 4x, quadratic ≈ 16x


_PIECES = ["Phấn đấu", "phân đầu", "đạt", " trên ", "khoảng", "từ", "trở lên", "%", "tỷ đồng", " xã", "(1) ", "(2) ", "- ",
           "\n", "\n\n", ", ", "; ", ". ", ":", "năm 2025", "so với năm 2024", "ước đạt", "10-11", "27.026", "1,87",
           "05", "Khu công nghiệp", "KCN", " Đông Bình", " Bình Tân", " và ", "dự án", "Quốc lộ 14E", "QL2A",
           "đường", " Võ Chí Công", "cầu", "Bệnh viện", " đa khoa", "các", "như: ", "(", ")", "“", "”", "Sở Tài chính",
           "kết nối", "Trường THPT", "II", " - ", "…", "0", "9", " | ", "|", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026",
           "2026", "Mục tiêu\n", "I. KẾT QUẢ\n", "2. Mục tiêu cụ thể\n", "Đến năm 2030:", "24%1", "(", "\\r\\n"]


@given(st.lists(st.sampled_from(_PIECES), max_size=60))
@settings(max_examples=300, deadline=None)
def test_never_raises_and_quotes_are_exact_on_generated_text(pieces):
    targets("".join(pieces))
