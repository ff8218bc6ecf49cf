"""Agency vocabulary, PhraseMatcher finder, list grammar and the ``vn_agencies`` spaCy component."""
from __future__ import annotations

import pytest
import yaml

from graph_builder.find.agencies import (
    _data_path,
    _spellings,
    _tokens,
    agency_finder,
    find_agencies,
    load_vocabulary,
    parse_list,
)


def names(text: str) -> list[str]:
    return [m.name for m in find_agencies(text)]


@pytest.mark.parametrize("text, expected", [
    ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
    ("Sở Kế hoạch - Đầu tư", "Sở Kế hoạch và Đầu tư"),
    ("Sở Công thương", "Sở Công Thương"),
    ("SỞ CÔNG THƯƠNG", "Sở Công Thương"),
    ("Sở Thông tin truyền thông", "Sở Thông tin và Truyền thông"),
    ("Sở Thông tin Truyền thông", "Sở Thông tin và Truyền thông"),
    ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
    ("Sở Văn hóa Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở Lao động Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"),
    ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
    ("Sở Giao thông Vận tải", "Sở Giao thông vận tải"),
    ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("Uỷ ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("Cục Thuế", "Cục Thuế tỉnh"),
    ("Bộ chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh"),
    ("Ban Quản lý các Khu công nghiệp", "Ban Quản lý các khu công nghiệp tỉnh"),
    ("BQL các KCN tỉnh", "Ban Quản lý các khu công nghiệp tỉnh"),
    ("Chi Cục Hải quan tỉnh Vĩnh Phúc", "Chi cục Hải quan tỉnh"),
    ("Ngân hàng Nhà nước Chi nhánh tỉnh Vĩnh Phúc", "Ngân hàng Nhà nước Chi nhánh tỉnh"),
    ("Kho bạc Nhà nước tỉnh", "Kho bạc Nhà nước tỉnh"),
    ("VP UBND tỉnh", "Văn phòng UBND tỉnh"),
    ("Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh"),
    ("Bộ Tài chính", "Bộ Tài chính"),
    ("Ủy ban nhân dân huyện Tam Đảo", "UBND huyện Tam Đảo"),
    ("ỦY BAN NHÂN DÂN HUYỆN TAM ĐẢO", "UBND huyện Tam Đảo"),
    ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Sở Kế hoạch và Đầu tư"),
    ("Phòng Tài chính - Kế hoạch huyện", "Phòng Tài chính - Kế hoạch huyện"),
    # a centrally-run city writes "thành phố" (Thành ủy, Thành đoàn) where a province writes "tỉnh"
    ("Công an thành phố", "Công an thành phố"),
    ("Văn phòng Ủy ban nhân dân thành phố", "Văn phòng UBND thành phố"),
    ("Kho bạc Nhà nước thành phố Hà Nội", "Kho bạc Nhà nước thành phố"),
    ("Ban Tuyên giáo Thành ủy", "Ban Tuyên giáo Thành ủy"),
    ("Thành đoàn", "Thành đoàn"),
    ("Sở Tư pháp thành phố", "Sở Tư pháp"),
    ("Cục Thuế tỉnh", "Cục Thuế tỉnh"),
    ("các Ban QLDA chuyên ngành tỉnh", "Các Ban Quản lý dự án chuyên ngành tỉnh"),
    ("BQLDA giao thông", "Ban Quản lý dự án giao thông"),
    ("các sở, ngành tỉnh", "Các sở, ban, ngành tỉnh"),
])
def test_abbreviations_and_variants(text, expected):
    assert names(f"Giao {text} chủ trì.") == [expected]


def test_heads_are_mapped_to_bodies_and_collectives_are_flagged():
    ms = find_agencies("Thủ trưởng các sở, ban ngành tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố, các chủ đầu tư")
    assert [(m.name, m.collective) for m in ms] == [
        ("Các sở, ban, ngành tỉnh", True), ("UBND các huyện, thị xã, thành phố", True), ("Các chủ đầu tư", True)]
    assert [m.name for m in find_agencies("Chánh Văn phòng UBND tỉnh")] == ["Văn phòng UBND tỉnh"]


def test_district_collective_keeps_the_units_as_written():
    assert names("UBND các huyện, thành phố") == ["UBND các huyện, thành phố"]
    assert names("UBND huyện, thành phố") == ["UBND các huyện, thành phố"]
    assert names("Ủy ban nhân dân các huyện, thị xã và thành phố") == ["UBND các huyện, thị xã, thành phố"]
    assert names("UBND các xã, thị trấn") == ["UBND các xã, thị trấn"]


def test_shared_head_lists_are_expanded():
    assert names("d) Các Sở: Xây dựng, Nông nghiệp và Phát triển nông thôn, Giao thông vận tải, Công Thương") == [
        "Sở Xây dựng", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Giao thông vận tải", "Sở Công Thương"]
    assert names("Các Sở, ngành: Kế hoạch và Đầu tư, Tài chính, Y tế, Sở Nội vụ, Công an tỉnh,... chịu trách nhiệm") == [
        "Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Y tế", "Sở Nội vụ", "Công an tỉnh"]
    assert names("Giám đốc các Sở Tài chính, Xây dựng và Y tế") == ["Sở Tài chính", "Sở Xây dựng", "Sở Y tế"]
    assert names("các Bộ: Tài chính, Kế hoạch và Đầu tư") == ["Bộ Tài chính", "Bộ Kế hoạch và Đầu tư"]


def test_bare_department_words_outside_a_shared_head_are_not_agencies():
    assert names("Tăng cường quản lý tài chính, xây dựng và y tế cơ sở.") == []
    assert names("Sở Tài chính, xây dựng kế hoạch vốn.") == ["Sở Tài chính"]


def test_groups_expand_and_vague_groups_are_not_agencies():
    assert names("Các Sở, Ban, ngành, địa phương khẩn trương thực hiện") == [
        "Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"]
    assert names("các cấp, các ngành, các cơ quan, đơn vị liên quan") == []


def test_issuers_are_recognised_but_never_reported():
    assert names("UBND tỉnh, Chủ tịch UBND tỉnh, Thủ tướng Chính phủ, Tỉnh ủy") == []


def test_national_level():
    (m,) = find_agencies("Bộ Kế hoạch và Đầu tư")
    assert m.national and m.level == "national"
    (m,) = find_agencies("Sở Kế hoạch và Đầu tư")
    assert not m.national and m.level == "province"


def test_parse_list_reads_heads_separators_and_its_end():
    text = "Giám đốc, Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện, thành phố và các đơn vị liên quan chịu trách nhiệm"
    finder = agency_finder()
    hits = {h.start: h for h in finder.match_windows(text, [(0, len(text))])}
    items, end = parse_list(text, 0, hits, finder)
    assert [i.name for i in items if i.recordable] == ["Các sở, ban, ngành tỉnh", "UBND các huyện, thành phố"]
    assert text[end:].startswith(" chịu trách nhiệm")


def test_vocabulary_is_data_with_unique_names_and_no_generic_single_words():
    data = yaml.safe_load(_data_path("agencies.yaml").read_text(encoding="utf-8"))
    names_ = [a["name"] for a in data["agencies"]]
    assert len(names_) == len(set(names_))
    voc = load_vocabulary()
    generic = {"ban", "nganh", "so", "bo", "cac", "tinh", "huyen", "va", "cuc", "phong"}
    for key, pats in voc.patterns.items():
        if voc.entries[key].kind in ("dept", "filler"):
            continue
        for p in pats:
            assert not (len(p) == 1 and p[0] in generic), (key, p)
    # variants are written "a | b" because names contain commas
    assert _spellings("các sở, ban, ngành | sở, ngành") == ["các sở, ban, ngành", "sở, ngành"]
    assert _tokens("Sở KH&ĐT") == ("so", "kh", "va", "đt")


def test_spacy_component_vn_agencies():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("xx")
    nlp.add_pipe("vn_agencies")
    doc = nlp("Giao Sở KH&ĐT chủ trì, phối hợp với Sở Công thương; báo cáo UBND tỉnh.")
    assert [(s.text, s.label_) for s in doc.spans["agencies"]] == [
        ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"), ("Sở Công thương", "Sở Công Thương")]
    assert [m.name for m in doc._.agency_mentions] == ["Sở Kế hoạch và Đầu tư", "Sở Công Thương"]


def test_finder_never_raises_on_odd_text():
    for text in ["", "&&&", "Sở", "Các Sở:", "Các Sở: ,,,", "UBND huyện", "\u0300" * 50, "Sở " * 1000]:
        find_agencies(text)


def test_a_district_city_is_not_read_as_a_centrally_run_city():
    # "UBND thành phố Vinh" is a district-level city; the centrally-run city's own committee
    # ("Ủy ban nhân dân thành phố" with no name) is the issuer, never an addressee
    assert names("Giao UBND thành phố Vinh chủ trì.") == ["UBND thành phố Vinh"]
    assert names("Ủy ban nhân dân thành phố ban hành kế hoạch.") == []


def test_a_centrally_run_citys_committee_is_the_issuer_level():
    assert names("Giao UBND thành phố Hà Nội chủ trì.") == []
    assert names("UBND Thành phố Hồ Chí Minh yêu cầu Sở Y tế chủ trì.") == ["Sở Y tế"]


def test_project_boards_keep_their_qualifiers_and_collectives_their_tail():
    ms = find_agencies("Giao Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh chủ trì.")
    assert [(m.name, m.collective) for m in ms] == [
        ("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh", False)]
    ms = find_agencies("Yêu cầu các Ban Quản lý dự án chuyên ngành, khu vực, các chủ đầu tư rà soát.")
    assert [(m.name, m.collective) for m in ms] == [
        ("Các Ban Quản lý dự án chuyên ngành, khu vực", True), ("Các chủ đầu tư", True)]
    # no qualifier: the group of boards
    assert names("Giao các Ban Quản lý dự án rà soát.") == ["Các ban quản lý dự án"]
    ms = find_agencies("Thủ trưởng các sở, ban, ngành, đơn vị trực thuộc UBND tỉnh chịu trách nhiệm")
    assert [(m.name, m.surface) for m in ms] == [
        ("Các sở, ban, ngành tỉnh", "các sở, ban, ngành, đơn vị trực thuộc UBND tỉnh")]
    # "đơn vị, địa phương" after the departments names the localities too
    assert names("Các sở, ban, ngành, đơn vị, địa phương triển khai.") == [
        "Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"]


@pytest.mark.parametrize("text, expected", [
    ("Sở Công Thương phối hợp với UBND các huyện: Diễn Châu, Nghi Lộc, Yên Thành đẩy nhanh tiến độ.",
     ["Sở Công Thương", "UBND huyện Diễn Châu", "UBND huyện Nghi Lộc", "UBND huyện Yên Thành"]),
    ("Sở Tài chính phối hợp với UBND các huyện Gia Lâm và Thanh Trì rà soát.",
     ["Sở Tài chính", "UBND huyện Gia Lâm", "UBND huyện Thanh Trì"]),
    ("Chủ tịch UBND các huyện, thị xã Kiến Tường, thành phố Tân An tổ chức tiêu hủy.",
     ["UBND các huyện, thị xã Kiến Tường, thành phố Tân An"]),
    ("Chủ tịch UBND thành phố Thủ Đức và các quận, huyện rà soát dự án.",
     ["UBND thành phố Thủ Đức và các quận, huyện"]),
    # a capitalised verb after the unit is no name ("Tổ chức", "Tập trung"); place names stay whole
    ("Giao UBND các huyện Tổ chức rà soát.", ["UBND các huyện"]),
    ("Giao UBND thị xã Đông Triều Tập trung giải phóng mặt bằng.", ["UBND thị xã Đông Triều"]),
    ("Giao UBND huyện Hướng Hóa khẩn trương rà soát, Báo Bình Định tuyên truyền.",
     ["UBND huyện Hướng Hóa", "Báo Bình Định"]),
])
def test_named_district_committees(text, expected):
    assert names(text) == expected
