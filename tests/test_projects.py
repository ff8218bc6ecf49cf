"""Project finder: each pattern on short documents written here, the negatives included
(lakes, rivers, tourism sites, information systems, agencies, generic plurals, unnamed works)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph_builder.clean import clean_text
from graph_builder.find.projects import find_projects
from graph_builder.model import DocumentMeta, Project, SourceText


def projects(text: str) -> list[Project]:
    source = SourceText("t.txt", text, "utf-8", "txt", "0")
    found = find_projects(clean_text(source), DocumentMeta())
    for p in found:  # every quote is an exact one-line substring at its span
        assert source.text[p.start:p.end] == p.quote
        assert "\n" not in p.quote
    return found


def names(text: str) -> list[str]:
    return [p.name for p in projects(text)]


# ------------------------------------------------------------------------------- positives

def test_shared_head_list_and_abbreviations_expanded():
    found = projects("Hỗ trợ triển khai các khu, cụm công nghiệp, nhất là Khu công nghiệp Đông Bình, Bình Tân "
                     "và Cụm công nghiệp Thuận An. Tập trung một số KCN trọng điểm như KCN Tam Anh 2.\n")
    assert [p.name for p in found] == ["Khu công nghiệp Đông Bình", "Khu công nghiệp Bình Tân",
                                       "Cụm công nghiệp Thuận An", "Khu công nghiệp Tam Anh 2"]
    assert found[0].quote == found[1].quote == "Khu công nghiệp Đông Bình, Bình Tân"
    assert [p.kind for p in found] == ["industrial_park", "industrial_park", "industrial_cluster", "industrial_park"]


def test_colon_list_and_parenthesised_list_after_a_head():
    text = ("Trình phê duyệt từ 4 - 8 khu công nghiệp mới (như khu công nghiệp: Lập Thạch I, Lập Thạch II, "
            "Tam Dương II - Khu B, Chấn Hưng và một số khu công nghiệp có tiềm năng khác).\n"
            "Hoàn thành các Trung tâm y tế tuyến huyện (Bình Xuyên, Yên Lạc, Lập Thạch).\n")
    assert names(text) == ["Khu công nghiệp Lập Thạch I", "Khu công nghiệp Lập Thạch II",
                           "Khu công nghiệp Tam Dương II - Khu B", "Khu công nghiệp Chấn Hưng",
                           "Trung tâm y tế huyện Bình Xuyên", "Trung tâm y tế huyện Yên Lạc",
                           "Trung tâm y tế huyện Lập Thạch"]


def test_numbered_siblings():
    assert names("Xây dựng Khu công nghiệp Đồng Văn I, II và Quốc lộ 1A, 14E.\n") == [
        "Khu công nghiệp Đồng Văn I", "Khu công nghiệp Đồng Văn II", "Quốc lộ 1A", "Quốc lộ 14E"]


def test_roads_airports_ports_channels_corridors():
    text = ("Tập trung giải phóng mặt bằng hoàn thành Quốc lộ 14E; khẩn trương thi công hoàn thiện đường Võ Chí Công. "
            "Nâng cấp QL2A. Khai thác Cảng hàng không Chu Lai gắn với Khu phi thuế quan Tam Quang; xã hội hóa luồng "
            "Cửa Lở. Thúc đẩy hình thành tuyến hành lang kinh tế Đông Tây kết nối Quảng Nam với Nam Lào.\n")
    found = projects(text)
    assert [(p.name, p.kind) for p in found] == [
        ("Quốc lộ 14E", "road"), ("Đường Võ Chí Công", "road"), ("Quốc lộ 2A", "road"),
        ("Cảng hàng không Chu Lai", "airport"), ("Khu phi thuế quan Tam Quang", "economic_zone"),
        ("Luồng Cửa Lở", "channel"), ("Hành lang kinh tế Đông Tây", "economic_corridor")]


def test_hospitals_health_centres_schools():
    text = ("Hoàn thành Đề án phát triển Bệnh viện đa khoa Vĩnh Long trở thành bệnh viện hạng I. "
            "Sửa chữa trang thiết bị Trung tâm điều dưỡng người tâm thần nhằm tăng khả năng tiếp nhận. "
            "Đầu tư Trung tâm Y tế huyện Sơn Hà, Bệnh viện Đa khoa tỉnh và Trường THPT Trần Phú.\n")
    found = projects(text)
    assert [(p.name, p.kind) for p in found] == [
        ("Bệnh viện đa khoa Vĩnh Long", "hospital"), ("Trung tâm điều dưỡng người tâm thần", "hospital"),
        ("Trung tâm Y tế huyện Sơn Hà", "hospital"), ("Bệnh viện Đa khoa tỉnh", "hospital"),
        ("Trường THPT Trần Phú", "school")]


def test_named_investment_projects():
    text = ("Hoàn thành dự án Khu liên hợp xử lý chất thải rắn Hòa Phú và xử lý tài sản nhà máy xử lý chất thải rắn hiện hữu. "
            "Sớm thực hiện dự án xây dựng thành phố thông minh tại thành phố Tam Kỳ do Koica tài trợ. "
            "Đẩy nhanh dự án đầu tư nạo vét thoát lũ sông Trường Giang; bố trí vốn cho dự án Trung tâm dữ liệu tỉnh Phú Thọ.\n")
    found = projects(text)
    assert [p.name for p in found] == [
        "Khu liên hợp xử lý chất thải rắn Hòa Phú", "Dự án xây dựng thành phố thông minh tại thành phố Tam Kỳ",
        "Dự án đầu tư nạo vét thoát lũ sông Trường Giang", "Dự án Trung tâm dữ liệu tỉnh Phú Thọ"]
    assert found[0].quote == "dự án Khu liên hợp xử lý chất thải rắn Hòa Phú"


def test_enumeration_of_projects_items_as_a_whole():
    text = ("Tập trung hoàn thành các dự án chuyển tiếp như: Quản lý nguồn nước và ngập lụt Vĩnh Phúc; "
            "Trường THPT Trần Phú; các Trung tâm y tế tuyến huyện (Bình Xuyên, Yên Lạc); "
            "Đường trục Bắc Nam đô thị Vĩnh Phúc (từ QL2A tránh đến đường Vành đai 3); "
            "Đường Vành đai 4, đoạn từ Bình Xuyên đi Vĩnh Tường, giai đoạn 2; Tuyến đường Vành đai 5 - Thủ đô…\n")
    assert names(text) == [
        "Quản lý nguồn nước và ngập lụt Vĩnh Phúc", "Trường THPT Trần Phú", "Trung tâm y tế huyện Bình Xuyên",
        "Trung tâm y tế huyện Yên Lạc", "Đường trục Bắc Nam đô thị Vĩnh Phúc (từ QL2A tránh đến đường Vành đai 3)",
        "Đường Vành đai 4, đoạn từ Bình Xuyên đi Vĩnh Tường, giai đoạn 2", "Tuyến đường Vành đai 5 - Thủ đô"]


def test_power_sports_and_transport_facilities():
    assert names("Khởi công Trạm biến áp 220kV Tam Kỳ, Sân vận động Hòa Xuân và Bến xe phía Nam Đà Nẵng.\n") == [
        "Trạm biến áp 220kV Tam Kỳ", "Sân vận động Hòa Xuân", "Bến xe phía Nam Đà Nẵng"]


def test_same_project_twice_is_one_entry():
    assert names("Hoàn thành KCN Tam Thăng mở rộng. Thu hút đầu tư vào Khu công nghiệp Tam Thăng mở rộng.\n") == [
        "Khu công nghiệp Tam Thăng mở rộng"]


def test_lowercase_syllables_inside_proper_names():
    assert names("Đầu tư Bệnh viện Phổi Trung ương cơ sở 3 và đường Vành đai 5 - Vùng Thủ đô Hà Nội; mở rộng "
                 "tuyến đường Vành đai phía Bắc 3 (đoạn Phước Lý - Tân An); Bệnh viện Mắt Thành phố (giai đoạn 2).\n") == [
        "Bệnh viện Phổi Trung ương cơ sở 3", "Đường Vành đai 5 - Vùng Thủ đô Hà Nội",
        "Tuyến đường Vành đai phía Bắc 3 (đoạn Phước Lý - Tân An)", "Bệnh viện Mắt Thành phố (giai đoạn 2)"]
    # a verb joining two names, a place or a plain verb after the name ends it
    assert names("Thúc đẩy hành lang kinh tế Đông Tây kết nối Quảng Nam với Nam Lào; Khu công nghiệp Phú Hội tỉnh "
                 "Lâm Đồng; Khu công nghiệp Đông Bình hoạt động hiệu quả.\n") == [
        "Hành lang kinh tế Đông Tây", "Khu công nghiệp Phú Hội", "Khu công nghiệp Đông Bình"]


def test_a_project_named_by_its_work_is_the_work():
    found = projects("Hoàn thành dự án nâng cấp Quốc lộ 57 đoạn từ Km12 đến Km40 và dự án mở rộng Cảng hàng không "
                     "Tân Phước; dự án đầu tư nạo vét thoát lũ sông Trường Giang.\n")
    assert [(p.name, p.quote) for p in found] == [
        ("Quốc lộ 57 đoạn từ Km12 đến Km40", "dự án nâng cấp Quốc lộ 57 đoạn từ Km12 đến Km40"),
        ("Cảng hàng không Tân Phước", "dự án mở rộng Cảng hàng không Tân Phước"),
        ("Dự án đầu tư nạo vét thoát lũ sông Trường Giang", "dự án đầu tư nạo vét thoát lũ sông Trường Giang")]


def test_road_segments_aliases_and_connections_are_one_name():
    text = ("Thi công đường Vành đai 2 đoạn qua thành phố Tân Lộc; Quốc lộ 24 đoạn từ cảng Hòa Bình đến giao "
            "Quốc lộ 1A; đường ven biển (ĐT.712) đoạn Phú Hải - Long Điền; Quốc lộ 9 đoạn Tam Phước - Xuân Sơn. "
            "Khởi công dự án đường giao thông nối Quốc lộ 3C đi Quốc lộ 26B; nút giao kết nối cao tốc Hòa Lạc - "
            "Tân Sơn với Quốc lộ 32.\n")
    assert names(text) == [
        "Đường Vành đai 2 đoạn qua thành phố Tân Lộc", "Quốc lộ 24 đoạn từ cảng Hòa Bình đến giao Quốc lộ 1A",
        "Đường ven biển (ĐT.712) đoạn Phú Hải - Long Điền", "Quốc lộ 9 đoạn Tam Phước - Xuân Sơn",
        "Đường giao thông nối Quốc lộ 3C đi Quốc lộ 26B", "Nút giao kết nối cao tốc Hòa Lạc - Tân Sơn với Quốc lộ 32"]


def test_urban_railways_with_number_and_route():
    assert names("Đẩy nhanh tuyến đường sắt đô thị số 4 (Phú Lâm - Tân Kiên) và tuyến đường sắt đô thị Văn Điển - "
                 "ga Ngọc Hồi.\n") == ["Tuyến đường sắt đô thị số 4 (Phú Lâm - Tân Kiên)",
                                       "Tuyến đường sắt đô thị Văn Điển - ga Ngọc Hồi"]


def test_enumerations_after_gom_and_items_opening_with_a_verb():
    assert names("Đẩy nhanh các dự án trọng điểm như: đầu tư xây dựng Khu công nghiệp An Phước; nâng cấp Quốc lộ "
                 "14E; xây dựng cầu Cửa Đại; Nhà máy xử lý rác Tân Lập.\n") == [
        "Khu công nghiệp An Phước", "Quốc lộ 14E", "Cầu Cửa Đại", "Nhà máy xử lý rác Tân Lập"]
    assert names("Triển khai các công trình giao thông gồm: đường ven biển Cát Tiến - Đề Gi, cầu Thị Nại 2 và "
                 "Cảng hàng không Phù Cát.\n") == [
        "Đường ven biển Cát Tiến - Đề Gi", "Cầu Thị Nại 2", "Cảng hàng không Phù Cát"]


def test_short_mentions_of_a_named_project_are_one_entry():
    assert names("Hoàn thành đường Vành đai 5 - Vùng Thủ đô Hà Nội. Giải phóng mặt bằng đường Vành đai 5 và tuyến "
                 "đường Vành đai 5 - Vùng Thủ đô trong năm 2026. Nâng cấp Bến cảng Mỹ Thủy (hạng mục hạ tầng dùng "
                 "chung); khai thác Bến cảng Mỹ Thủy.\n") == [
        "Đường Vành đai 5 - Vùng Thủ đô Hà Nội", "Bến cảng Mỹ Thủy (hạng mục hạ tầng dùng chung)"]
    # another number or phase is another project
    assert names("Khu công nghiệp Đồng Văn và Khu công nghiệp Đồng Văn II; Khu công nghiệp Tân Định, Khu công nghiệp "
                 "Tân Định giai đoạn 2.\n") == [
        "Khu công nghiệp Đồng Văn", "Khu công nghiệp Đồng Văn II", "Khu công nghiệp Tân Định",
        "Khu công nghiệp Tân Định giai đoạn 2"]


HEAD_PHRASES = [
    "Khu công nghiệp Tam Anh", "KCN Tam Anh", "Cụm công nghiệp Thuận An", "CCN Thuận An", "Khu kinh tế Dung Quất",
    "KKT Dung Quất", "Khu phi thuế quan Tam Quang", "Khu chế xuất Tân Thuận", "Khu công nghệ cao Hòa Lạc",
    "Khu công nghệ thông tin tập trung Quy Nhơn", "Khu đô thị mới Phú Mỹ", "Khu dân cư Bắc Sơn",
    "Khu tái định cư Tam Hiệp", "Cảng hàng không Chu Lai", "sân bay Long Thành", "Cảng biển Quy Nhơn",
    "cảng cạn Tân Cảng", "cảng cá Tam Quang", "bến cảng Tiên Sa", "cảng Dung Quất",
    "Khu liên hợp xử lý chất thải rắn Hòa Phú", "Khu xử lý chất thải Tam Nghĩa", "Nhà máy nhiệt điện Vĩnh Tân",
    "Trạm biến áp 220kV Tam Kỳ", "Sân vận động Hòa Xuân", "Nhà thi đấu Tiên Sơn", "Bến xe Trung tâm Đà Nẵng",
    "Quốc lộ 14E", "QL1A", "tỉnh lộ 8", "ĐT.639", "đường tỉnh 603", "đường cao tốc Bắc - Nam",
    "cao tốc Cam Lộ - La Sơn", "tuyến tránh Tam Kỳ", "đường trục Đông Tây", "đường Vành đai 4",
    "đường ven biển Việt Nam", "đường sắt Bắc - Nam", "tuyến đường Võ Chí Công", "đường Võ Chí Công", "nút giao IC2",
    "cầu Cửa Đại", "luồng Cửa Lở", "kênh Chợ Gạo", "Bệnh viện Sản nhi", "Trung tâm y tế huyện Sơn Hà",
    "Trạm y tế xã Tam Hiệp", "Phòng khám đa khoa khu vực Bắc Trà My", "Trung tâm điều dưỡng thương binh",
    "Trường THPT Trần Phú", "hành lang kinh tế Đông Tây", "Hồ chứa nước Nước Trong", "trạm bơm Phú Yên",
    "đập Đồng Mít", "kè Cửa Đại", "dự án Trung tâm dữ liệu tỉnh Phú Thọ", "tuyến đường sắt đô thị số 3",
    "cầu vượt sông Hàn", "Trung tâm Điện lực Duyên Hải", "hồ thủy lợi Mã Tẻn", "Hồ chứa nước thủy lợi Bản Bang",
    "công trình thủy lợi Ngọc Linh",
]


@pytest.mark.parametrize("phrase", HEAD_PHRASES)
def test_every_head_is_found(phrase):
    """Every head of the grammar is reached by the fast scan and names one project."""
    found = projects(f"Xây dựng {phrase}.\n")
    assert len(found) == 1 and phrase in found[0].quote, found


# ------------------------------------------------------------------------------- negatives

def test_natural_features_tourism_sites_and_information_systems():
    text = ("Hoàn chỉnh công tác quản lý, khai thác hồ Đầm Vạc, hồ Đại Lải và sông Trường Giang. "
            "Kết nối các điểm du lịch với trung tâm du lịch Hội An, Mỹ Sơn và Khu du lịch Mỹ Khê. "
            "Vận hành hiệu quả Hệ thống thông tin báo cáo tỉnh (LRIS); khai thác Trung tâm điều hành thông minh tỉnh (IOC).\n")
    assert names(text) == []


def test_agencies_places_and_common_words_are_not_projects():
    text = ("Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở thực hiện. Ban Quản lý các Khu công nghiệp tỉnh chủ trì; "
            "Ban Quản lý Khu kinh tế Dung Quất phối hợp; Cảng vụ Hàng hải Quảng Nam phối hợp. Chỉnh trang quận Cầu Giấy. "
            "Nâng cao chất lượng Trung tâm Phục vụ hành chính công và Trung tâm cấp cứu 115. Trường hợp vi phạm thì xử lý. "
            "Bảo vệ môi trường Xanh. Quán triệt đường lối của Đảng; vận hành đường dây nóng 1022; đáp ứng nhu cầu Nhân dân.\n")
    assert names(text) == []


def test_generic_plurals_and_unnamed_works_are_not_projects():
    text = ("Khai thác có hiệu quả các Khu công nghiệp trên địa bàn tỉnh, hỗ trợ doanh nghiệp trong Khu công nghiệp. "
            "Xây dựng các công trình vượt sông Trường Giang; các trạm y tế xã, phường và trung tâm y tế huyện; "
            "các Bệnh viện chuyên khoa trên địa bàn tỉnh. Thu hút 3-4 dự án FDI; rà soát các dự án đầu tư công; "
            "danh mục dự án mời gọi đầu tư giai đoạn 2023 - 2025; Ban Quản lý dự án đầu tư xây dựng tỉnh; "
            "tỷ lệ lấp đầy các KCN Quảng Ngãi; thu hút vào các khu công nghiệp giai đoạn 2021-2030; "
            "đôn đốc chủ đầu tư dự án chậm tiến độ tại huyện Thăng Bình; quản lý các công trình thủy lợi trên địa "
            "bàn; nạo vét hồ thủy lợi.\n")
    assert names(text) == []


def test_capitals_headings_and_paper_lists_are_not_projects():
    text = ("II. PHÁT TRIỂN KHU CÔNG NGHIỆP VÀ CỤM CÔNG NGHIỆP\n"
            "Hồ sơ dự án gồm: Tờ trình, Quyết định phê duyệt của UBND tỉnh, Báo cáo nghiên cứu khả thi.\n"
            "Đẩy nhanh các dự án như: Quyết định số 12/QĐ-UBND của UBND tỉnh; Khu công nghiệp Long Hậu mở rộng giai đoạn 2.\n")
    assert names(text) == ["Khu công nghiệp Long Hậu mở rộng giai đoạn 2"]


def test_connection_end_points_are_not_projects():
    text = ("Đầu tư các tuyến đường kết nối đường cao tốc, Quốc lộ 1A với đường Võ Chí Công; "
            "xây dựng tuyến đường từ Quốc lộ 19 đến Cảng Quy Nhơn.\n")
    assert names(text) == []


def test_hospitals_addressed_as_agencies_are_not_projects():
    text = ("3. Bệnh viện Đa khoa tỉnh\n"
            "- Bệnh viện Đa khoa tỉnh chủ trì, phối hợp với các đơn vị tổ chức khám sàng lọc.\n"
            "6. Phòng Giáo dục và Đào tạo, Trung tâm Y tế huyện\n"
            "Giao Trung tâm Y tế huyện Mỹ Đức rà soát trang thiết bị.\n"
            "Nâng cấp Bệnh viện Đa khoa khu vực Tam Kỳ; đầu tư trang thiết bị cho Bệnh viện Phục hồi chức năng Phú Yên.\n")
    assert names(text) == ["Bệnh viện Đa khoa khu vực Tam Kỳ", "Bệnh viện Phục hồi chức năng Phú Yên"]


def test_the_works_of_a_province_and_programme_names_are_not_projects():
    text = ("Xây dựng Đề án phát triển cụm công nghiệp tỉnh Bình Phước giai đoạn 2026 - 2030. "
            "Xây dựng danh mục dự án đầu tư sử dụng vốn Chương trình phục hồi và phát triển kinh tế.\n")
    assert names(text) == []


def test_enumeration_of_documents_is_not_projects():
    assert names("Triển khai các đề án, chương trình như: Đề án 06, Chương trình chuyển đổi số của tỉnh.\n") == []


@pytest.mark.slow
def test_linear_on_long_enumerations_and_many_heads():
    """Enumerations of thousands of items among thousands of named heads: doubling the input at
    most about doubles the time (items and heads are matched by bisection, not pairwise)."""
    import time

    def cost(n: int) -> float:
        text = ("Đẩy nhanh các dự án như: " + "; ".join(f"Khu công nghiệp Tam Anh {i}" for i in range(n)) + ".\n"
                + "Xây dựng đường Võ Chí Công, cầu Cửa Đại và dự án Khu đô thị Nam Hội An. " * n + "\n")
        source = SourceText("t.txt", text, "utf-8", "txt", "0")
        clean = clean_text(source)
        start = time.perf_counter()
        find_projects(clean, DocumentMeta())
        return time.perf_counter() - start

    cost(10)
    small, large = min(cost(1000) for _ in range(2)), min(cost(4000) for _ in range(2))
    assert large < 8 * small, (small, large)  # 4x input: linear ≈ 4x, quadratic ≈ 16x


def test_never_raises_on_odd_text():
    for text in ("", "KCN", "Khu công nghiệp:", "như:", "dự án “", "Quốc lộ", "các Trung tâm y tế tuyến huyện (",
                 "cầu", "QL", "khu công nghiệp: , , ,", "x" * 1000):
        projects(text)


_PIECES = ["Phấn đấu", "phân đầu", "đạt", " trên ", "khoảng", "từ", "trở lên", "%", "tỷ đồng", " xã", "(1) ", "(2) ", "- ",
           "\n", "\n\n", ", ", "; ", ". ", ":", "năm 2025", "so với năm 2024", "ước đạt", "10-11", "27.026", "1,87",
           "05", "Khu công nghiệp", "KCN", " Đông Bình", " Bình Tân", " và ", "dự án", "Quốc lộ 14E", "QL2A",
           "đường", " Võ Chí Công", "cầu", "Bệnh viện", " đa khoa", "các", "như: ", "(", ")", "“", "”", "Sở Tài chính",
           "kết nối", "Trường THPT", "II", " - ", "…", "0", "9", "đoạn", " từ ", " đến ", "Km0", "nối", " đi ",
           "gồm: ", "đường sắt đô thị", "số 2", "(ĐT.639)", "Vành đai", " phía ", "Trung ương", "chủ trì"]


@given(st.lists(st.sampled_from(_PIECES), max_size=60))
@settings(max_examples=300, deadline=None)
def test_never_raises_and_quotes_are_exact_on_generated_text(pieces):
    projects("".join(pieces))
