"""Tasks and assignments on short documents written for each pattern (and its negatives).

Each document is run on the raw text and on the cleaned text (``clean`` joins wrapped lines and
blanks markdown emphasis): the finders must give the same answer on both.
"""
from __future__ import annotations

import hashlib

import pytest

from graph_builder.build.graph import fragment_from_record
from graph_builder.clean import clean_text
from graph_builder.find.structure import flatten, parse_outline
from graph_builder.find.tasks import find_tasks
from graph_builder.model import CitationMention, CitedDocument, CleanText, DocumentIdentity, DocumentMeta, SourceText
from graph_builder.pipeline import extract_text
from graph_builder.resolve.assignments import assignments_from_tasks


def _clean(text: str, cleaned: bool) -> CleanText:
    src = SourceText("<t>", text, "utf-8", "txt", hashlib.sha256(text.encode()).hexdigest())
    return clean_text(src) if cleaned else CleanText(src, text)


def run(text: str, cleaned: bool = False, citations=None):
    clean = _clean(text, cleaned)
    tasks = find_tasks(clean, DocumentMeta(), parse_outline(clean), citations or [])
    return tasks, assignments_from_tasks(tasks, clean), clean


def pairs(text: str, cleaned: bool = False) -> set[tuple[str, str]]:
    return {(a.agency, a.role) for a in run(text, cleaned)[1]}


both = pytest.mark.parametrize("cleaned", [False, True], ids=["raw", "cleaned"])


# ------------------------------------------------------------------------------ addressees

@both
def test_heading_that_names_the_agency_assigns_the_section(cleaned):
    text = ("**II. NHIỆM VỤ**\n\n**1. Sở Kế hoạch và Đầu tư**\n\nRà soát danh mục dự án. Tham mưu bố trí vốn.\n\n"
            "**2. Sở Tài chính, Cục Thuế**\n\n- Quản lý chặt chẽ nguồn thu.\n- Chống thất thu ngân sách.\n\n"
            "3. Tăng cường kỷ luật\n\na) Sở Nội vụ\n\nĐề xuất khen thưởng.\n\nb) Các cơ quan thanh tra, kiểm tra\n\n"
            "Tăng cường thanh tra.\n")
    tasks, assignments, _ = run(text, cleaned)
    assert {(a.agency, a.role, a.via, a.collective) for a in assignments} == {
        ("Sở Kế hoạch và Đầu tư", "lead", "section", False),
        ("Sở Tài chính", "lead", "section", False),
        ("Cục Thuế tỉnh", "lead", "section", False),
        ("Sở Nội vụ", "lead", "section", False),
        ("Các cơ quan thanh tra, kiểm tra", "lead", "section", True),
    }
    first = next(a for a in assignments if a.agency == "Sở Kế hoạch và Đầu tư")
    assert first.task_quote == "Rà soát danh mục dự án."
    assert sum(1 for t in tasks if any(r.name == "Sở Kế hoạch và Đầu tư" for r in t.agencies)) == 2
    t = next(t for t in tasks if t.text.startswith("Đề xuất khen thưởng"))
    assert t.section == "II. NHIỆM VỤ > 3. Tăng cường kỷ luật > a) Sở Nội vụ"


@both
def test_giao_chu_tri_phoi_hop(cleaned):
    text = ("1. Giao Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư, Kho bạc Nhà nước tỉnh và các đơn vị liên "
            "quan tham mưu phân bổ vốn.\n")
    assert pairs(text, cleaned) == {("Sở Tài chính", "lead"), ("Sở Kế hoạch và Đầu tư", "support"),
                                    ("Kho bạc Nhà nước tỉnh", "support")}


@both
def test_subject_chu_tri_phoi_hop(cleaned):
    text = "Sở Y tế chủ trì, phối hợp với Sở Giáo dục và Đào tạo tổ chức tiêm chủng; hoàn thành trước ngày 30/9/2025.\n"
    tasks, assignments, _ = run(text, cleaned)
    assert {(a.agency, a.role) for a in assignments} == {("Sở Y tế", "lead"), ("Sở Giáo dục và Đào tạo", "support")}
    assert tasks[0].deadline == "2025-09-30"


@both
def test_de_nghi_and_yeu_cau_address_their_objects(cleaned):
    text = ("Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố, "
            "các chủ đầu tư thực hiện nghiêm các nội dung sau. Đề nghị Ủy ban MTTQ Việt Nam tỉnh tăng cường giám sát "
            "việc thực hiện.\n")
    assert pairs(text, cleaned) == {("Các sở, ban, ngành tỉnh", "lead"), ("UBND các huyện, thị xã, thành phố", "lead"),
                                    ("Các chủ đầu tư", "lead"), ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "lead")}


def test_upper_level_unit_named_as_doc_default_for_cap_huyen():
    text = ("1. Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện, thành phố\n\nTriển khai kế hoạch.\n\n"
            "2. Chủ tịch UBND cấp huyện chỉ đạo giải phóng mặt bằng.\n")
    assert pairs(text) == {("Các sở, ban, ngành tỉnh", "lead"), ("UBND các huyện, thành phố", "lead")}


@both
def test_opener_before_the_subject_and_inline_bullets(cleaned):
    text = ("1. Trên cơ sở các nhiệm vụ trong Chương trình này, căn cứ chức năng, nhiệm vụ được giao, Giám đốc, Thủ "
            "trưởng các sở, ban, ngành, Chủ tịch UBND các huyện, thành phố: - Xây dựng và ban hành Kế hoạch của cơ "
            "quan, đơn vị trước ngày 05/02/2025.\n- Báo cáo kết quả hằng quý.\n")
    tasks, assignments, _ = run(text, cleaned)
    got = {(a.agency, a.deadline) for a in assignments}
    assert got == {("Các sở, ban, ngành tỉnh", "2025-02-05"), ("UBND các huyện, thành phố", "2025-02-05")}
    assert len(tasks) == 2


@both
def test_execution_clause_only_for_agencies_named_nowhere_else(cleaned):
    text = ("1. Sở Tài chính\n\nBố trí kinh phí.\n\nChánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính, Chủ tịch UBND các "
            "huyện, thị xã, thành phố chịu trách nhiệm thi hành Quyết định này./.\n")
    tasks, assignments, _ = run(text, cleaned)
    got = {(a.agency, a.role, a.via) for a in assignments}
    assert got == {("Sở Tài chính", "lead", "section"), ("Văn phòng UBND tỉnh", "lead", "execution_clause"),
                   ("UBND các huyện, thị xã, thành phố", "lead", "execution_clause")}
    clause = tasks[-1]
    assert {r.via for r in clause.agencies} == {"execution_clause"} and len(clause.agencies) == 3


@both
def test_an_addressee_with_only_a_coordinating_task_is_support(cleaned):
    text = ("3. Các đơn vị lực lượng vũ trang tỉnh, cơ quan Trung ương đóng trên địa bàn tỉnh căn cứ chương trình "
            "công tác\n\ncó trách nhiệm phối hợp chặt chẽ với các cơ quan chuyên môn để thực hiện nhiệm vụ.\n\n"
            "4. Ban Quản lý các khu công nghiệp\n\nPhối hợp với các địa phương đầu tư hạ tầng. Sớm hoàn thiện hồ sơ.\n")
    assert pairs(text, cleaned) == {("Các đơn vị lực lượng vũ trang tỉnh", "support"),
                                    ("Các cơ quan Trung ương đóng trên địa bàn tỉnh", "support"),
                                    ("Ban Quản lý các khu công nghiệp tỉnh", "lead")}
    # a named agency stays the lead of a heading's task that opens with "Phối hợp với …"; a group
    # asked to "phối hợp" in a task of its own ("phối hợp tuyên truyền") is its lead too
    text = ("4. Sở Y tế\n\nPhối hợp với Sở Tài chính bố trí kinh phí.\n\n"
            "5. Các tổ chức chính trị - xã hội tỉnh\n\nPhối hợp tuyên truyền, vận động Nhân dân.\n")
    assert pairs(text, cleaned) == {("Sở Y tế", "lead"), ("Sở Tài chính", "support"),
                                    ("Các tổ chức chính trị - xã hội tỉnh", "lead")}


def test_clause_subjects_after_a_semicolon():
    text = "Sở Y tế chủ trì tổ chức tập huấn; Sở Tài chính phối hợp bố trí kinh phí; Công an tỉnh bảo đảm an ninh.\n"
    assert pairs(text) == {("Sở Y tế", "lead"), ("Sở Tài chính", "support"), ("Công an tỉnh", "lead")}


def test_agency_before_chu_tri_after_a_clause_boundary():
    text = "a) Xây dựng đề án phát triển đô thị, trong đó Sở Xây dựng chủ trì thẩm định quy hoạch.\n"
    assert pairs(text) == {("Sở Xây dựng", "lead")}


@both
def test_paragraph_subject_carries_to_its_later_sentences(cleaned):
    text = ("II. GIẢI PHÁP\n\nCông an tỉnh chủ động nắm tình hình. Tăng cường tuần tra, kiểm soát.\n\n"
            "Đẩy mạnh cải cách hành chính.\n")
    tasks, _, _ = run(text, cleaned)
    assert [[r.name for r in t.agencies] for t in tasks] == [["Công an tỉnh"], ["Công an tỉnh"]]


@both
def test_colon_after_the_addressee_introduces_its_task(cleaned):
    text = ("III. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính: Căn cứ khả năng cân đối ngân sách, tham mưu bố trí kinh phí.\n"
            "2. Sở Thông tin và Truyền thông, Báo Bình Định: Tăng cường tuyên truyền.\n"
            "3. Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh: Phối hợp vận động Nhân dân.\n"
            "4. UBND các huyện, thị xã, thành phố: Xây dựng kế hoạch; báo cáo về Sở Y tế trước ngày 10/12/2025.\n")
    tasks, assignments, _ = run(text, cleaned)
    assert {(a.agency, a.role) for a in assignments} == {
        ("Sở Tài chính", "lead"), ("Sở Thông tin và Truyền thông", "lead"), ("Báo Bình Định", "lead"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "lead"), ("Các tổ chức chính trị - xã hội tỉnh", "lead"),
        ("UBND các huyện, thị xã, thành phố", "lead")}
    assert tasks[0].text == "Căn cứ khả năng cân đối ngân sách, tham mưu bố trí kinh phí."
    assert tasks[-1].deadline == "2025-12-10"


@both
def test_task_tables(cleaned):
    text = ("PHỤ LỤC\n| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
            "|---|---|---|---|---|\n| I | NHÓM NHIỆM VỤ VỀ THỂ CHẾ |\n"
            "| 1 | Rà soát văn bản quy phạm pháp luật | Sở Tư pháp | Sở Nội vụ; các sở, ngành liên quan | 30/6/2025 |\n"
            "| 2 | Số hóa hồ sơ hộ tịch | Sở Tư pháp | Công an tỉnh, UBND các huyện, thị xã, thành phố | Quý III/2025 |\n"
            "| 3 | Tuyên truyền | Sở Thông tin và Truyền thông, Đài Phát thanh và Truyền hình tỉnh | Các cơ quan báo chí "
            "| Năm 2025 |\n")
    tasks, assignments, clean = run(text, cleaned)
    assert [(t.text, [(r.name, r.role) for r in t.agencies], t.deadline, t.deadline_text) for t in tasks] == [
        ("Rà soát văn bản quy phạm pháp luật", [("Sở Tư pháp", "lead"), ("Sở Nội vụ", "support")], "2025-06-30",
         "30/6/2025"),
        ("Số hóa hồ sơ hộ tịch", [("Sở Tư pháp", "lead"), ("Công an tỉnh", "support")], None, "Quý III/2025"),
        ("Tuyên truyền", [("Sở Thông tin và Truyền thông", "lead"), ("Đài Phát thanh và Truyền hình tỉnh", "lead")],
         None, "Năm 2025"),
    ]
    assert all(a.task_quote in clean.source.text for a in assignments)


# ------------------------------------------------------------------------------ negatives

@both
def test_report_recipients_are_not_assigned(cleaned):
    text = ("1. Các sở, ban, ngành tỉnh\n\nĐịnh kỳ hằng quý báo cáo về Sở Kế hoạch và Đầu tư để tổng hợp. Gửi kết quả "
            "cho Sở Nội vụ. Tham mưu UBND tỉnh báo cáo Bộ Kế hoạch và Đầu tư, Bộ Tài chính.\n")
    assert pairs(text, cleaned) == {("Các sở, ban, ngành tỉnh", "lead")}


@both
def test_directed_bodies_are_not_assigned(cleaned):
    text = ("2.3. Sở Công Thương\n\n(8) Chỉ đạo Công ty Điện lực tỉnh bảo đảm cấp điện. Đôn đốc các chủ đầu tư "
            "hoàn thành hạ tầng.\n\n2.4. Ngân hàng Nhà nước Chi nhánh tỉnh\n\n(1) Chỉ đạo các tổ chức tín dụng "
            "giảm lãi suất.\n")
    assert pairs(text, cleaned) == {("Sở Công Thương", "lead"), ("Ngân hàng Nhà nước Chi nhánh tỉnh", "lead")}


@both
def test_group_partners_are_not_support(cleaned):
    text = ("b) Sở Kế hoạch và Đầu tư\n\nChủ trì, phối hợp với các sở, ngành tỉnh và UBND cấp huyện kiểm tra các dự án. "
            "Phối hợp với các ngành, địa phương, chủ đầu tư tháo gỡ khó khăn.\n")
    assert pairs(text, cleaned) == {("Sở Kế hoạch và Đầu tư", "lead")}


@both
def test_headings_that_are_not_agencies(cleaned):
    text = ("I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nNâng cao hiệu quả.\n\n2. Nhiệm vụ cụ thể\n\na) Về công nghiệp: "
            "Phát triển công nghiệp chế biến.\n\nb) Tăng cường phối hợp với Bộ Giao thông vận tải hoàn thành thủ "
            "tục đầu tư.\n")
    assert run(text, cleaned)[0] == []


def test_a_proposal_to_a_superior_is_not_an_assignment():
    text = ("2.6. Sở Xây dựng\n\nRà soát chỉ tiêu nhà ở xã hội; trường hợp cần thiết tham mưu UBND tỉnh báo cáo, đề "
            "nghị Bộ Xây dựng, Thủ tướng Chính phủ điều chỉnh kế hoạch.\n")
    assert pairs(text) == {("Sở Xây dựng", "lead")}


def test_issuer_and_vague_groups_are_never_addressees():
    text = ("UBND tỉnh yêu cầu các cấp, các ngành, các địa phương quyết tâm thực hiện. Ủy ban nhân dân tỉnh báo để các "
            "đơn vị biết. Các cấp, các ngành tăng cường phối hợp.\n")
    assert run(text)[0] == []


def test_sections_reporting_results_hold_no_tasks():
    text = ("I. KẾT QUẢ THỰC HIỆN NĂM 2024\n\nSở Y tế tổ chức 15 lớp tập huấn. Sở Tài chính bố trí đủ kinh phí.\n\n"
            "II. NHIỆM VỤ NĂM 2025\n\nSở Y tế tiếp tục nâng cao chất lượng khám chữa bệnh.\n")
    tasks, assignments, _ = run(text)
    assert [t.text for t in tasks] == ["Sở Y tế tiếp tục nâng cao chất lượng khám chữa bệnh."]
    assert {(a.agency, a.role) for a in assignments} == {("Sở Y tế", "lead")}


def test_past_reports_and_genitives_are_not_subjects():
    text = "Sở Tài chính đã bố trí vốn. Sở Y tế của tỉnh được đánh giá cao. Các chủ đầu tư chưa quyết liệt.\n"
    assert run(text)[0] == []


# ------------------------------------------------------------------------------ deadlines

@pytest.mark.parametrize("sentence, deadline, words", [
    ("hoàn thành trước ngày 10 tháng 10 năm 2024.", "2024-10-10", "hoàn thành trước ngày 10 tháng 10 năm 2024"),
    ("báo cáo UBND tỉnh trước ngày 05/02/2025.", "2025-02-05", "trước ngày 05/02/2025"),
    ("gửi trước ngày 10/11/2025 và theo yêu cầu.", "2025-11-10", "gửi trước ngày 10/11/2025"),
    ("chậm nhất ngày 30/6/2025.", "2025-06-30", "chậm nhất ngày 30/6/2025"),
    ("triển khai trong năm 2024.", None, "trong năm 2024"),
    ("phổ biến và triển khai trong Quý III/2024 (nếu cần thiết).", None, "trong Quý III/2024"),
    ("tổ chức lựa chọn nhà thầu ngay đầu quý I năm 2024.", None, "ngay đầu quý I năm 2024"),
    ("báo cáo trước ngày 20 hàng tháng.", None, None),
    ("hoàn thành trước ngày 31/02/2025.", None, None),
])
def test_deadlines_are_dates_only_when_a_date_is_stated(sentence, deadline, words):
    tasks, assignments, _ = run("Sở Nội vụ rà soát quy định, " + sentence + "\n")
    (t,) = tasks
    assert t.deadline == deadline
    assert t.deadline_text == words
    (a,) = assignments
    assert a.deadline == deadline
    assert a.deadline_quote == (words if deadline else None)


def test_a_later_task_with_a_date_adds_an_entry():
    text = ("1. Các sở, ban, ngành tỉnh\n\n- Rà soát chương trình công tác năm.\n- Ban hành kế hoạch chi tiết, hoàn "
            "thành trước ngày 20/01/2024.\n- Báo cáo kết quả trước ngày 20/01/2024.\n- Tổng kết trước ngày 15/12/2024.\n")
    _, assignments, clean = run(text)
    assert [(a.agency, a.deadline) for a in assignments] == [
        ("Các sở, ban, ngành tỉnh", None), ("Các sở, ban, ngành tỉnh", "2024-01-20"),
        ("Các sở, ban, ngành tỉnh", "2024-12-15")]
    for a in assignments:  # quotes: exact substrings of the source, on one line
        assert a.task_quote in clean.source.text and "\n" not in a.task_quote and len(a.task_quote) <= 120
        assert clean.source.text[a.start:a.end] == a.task_quote


def test_quote_is_taken_from_the_original_text_on_one_line():
    text = ("2. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các đơn vị, địa phương khẩn \n\ntrương rà soát, tổng hợp "
            "nhu cầu vốn, lập kế hoạch đầu tư công trung hạn giai đoạn \n\n2026 - 2030; hoàn thành trước ngày 10 "
            "tháng 10 năm 2024.\n")
    for cleaned in (False, True):
        _, (a,), clean = run(text, cleaned)
        assert a.deadline == "2024-10-10"
        assert "\n" not in a.task_quote and a.task_quote in text


# ------------------------------------------------------------------------------ implements

def _cited(text: str, symbol: str, doc_type: str, key_year: int) -> CitedDocument:
    pos = text.index(symbol)
    phrase = text.rindex(doc_type, 0, pos)
    mention = CitationMention(start=pos, end=pos + len(symbol), raw=symbol, symbol=symbol, doc_type=doc_type,
                              date=None, issuer=None, quote_start=phrase, quote_end=pos + len(symbol))
    return CitedDocument(identity=DocumentIdentity(symbol, key_year, "national"), doc_type=doc_type, date=None,
                         issuer=None, issuer_scope="national", mentions=[mention])


def test_task_implements_the_documents_it_carries_out():
    text = ("1. Sở Khoa học và Công nghệ\n\n"
            "Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị. "
            "Thực hiện nghiêm Kết luận số 84-KL/TW ngày 21/6/2024 của Bộ Chính trị. "
            "Xây dựng kế hoạch theo Kế hoạch số 18/KH-UBND ngày 20/01/2025. "
            "Triển khai đồng bộ Nghị quyết số 30-NQ/TW ngày 23/11/2022 của Bộ Chính trị, Nghị quyết số 14/NQ-CP của "
            "Chính phủ. Thực hiện tốt nhiệm vụ theo Kết luận số 91-KL/TW về tiếp tục thực hiện Nghị quyết số "
            "29-NQ/TW. Quán triệt các nhiệm vụ, giải pháp tại Chỉ thị số 05/CT-TTg.\n")
    cites = [_cited(text, s, t, y) for s, t, y in [("57-NQ/TW", "Nghị quyết", 2024), ("84-KL/TW", "Kết luận", 2024),
                                                  ("18/KH-UBND", "Kế hoạch", 2025), ("30-NQ/TW", "Nghị quyết", 2022),
                                                  ("14/NQ-CP", "Nghị quyết", 2023), ("91-KL/TW", "Kết luận", 2024),
                                                  ("29-NQ/TW", "Nghị quyết", 2013), ("05/CT-TTg", "Chỉ thị", 2025)]]
    tasks, _, _ = run(text, citations=cites)
    got = [[k.split("@")[0] for k in t.implements] for t in tasks]
    # "theo Kế hoạch số …" is a reference; 29-NQ/TW is only named in the description of 91-KL/TW
    assert got == [["57-NQ/TW"], ["84-KL/TW"], [], ["30-NQ/TW", "14/NQ-CP"], ["91-KL/TW"], ["05/CT-TTg"]]


def test_task_implements_reaches_the_graph():
    text = ("KẾ HOẠCH\n\nII. NHIỆM VỤ\n\n1. Sở Khoa học và Công nghệ\n\nTriển khai thực hiện Nghị quyết số 57-NQ/TW "
            "ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ.\n")
    rec = extract_text(text)
    (task,) = rec.tasks
    assert [k.split("@")[0] for k in task.implements] == ["57-NQ/TW"]
    frag = fragment_from_record(rec, text)
    implements = [e for e in frag.edges if e.type == "IMPLEMENTS" and e.source_label == "Task"]
    assert [e.target for e in implements] == task.implements
    assigned = [e for e in frag.edges if e.type == "ASSIGNED_TO"]
    nodes = {n.id: n for n in frag.nodes}
    assert [(nodes[e.target].props["name"], e.props["role"]) for e in assigned] == [("Sở Khoa học và Công nghệ", "lead")]
    assert assigned[0].props["sentence"] == task.sentence


# ------------------------------------------------------------------------------ robustness

@pytest.mark.parametrize("text", ["", "Giao", "Giao chủ trì, phối hợp với , và ; " * 50, "Sở Y tế phối hợp với " * 200,
                                  "1. Sở Tài chính\n" * 300, "chịu trách nhiệm thi hành", "Các Sở:\n- \n+ \n(1)"])
def test_never_raises(text):
    for cleaned in (False, True):
        run(text, cleaned)


def test_a_provincial_document_gives_no_task_to_a_national_body():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 12/KH-UBND\nNghệ An, ngày 02 tháng 4 năm 2025\nKẾ HOẠCH\nPhát triển giao "
            "thông\n1. Sở Giao thông vận tải chủ trì, phối hợp với Bộ Giao thông vận tải hoàn thành thủ tục đầu tư.\n"
            "2. Bộ Kế hoạch và Đầu tư có văn bản hướng dẫn các địa phương.\n")
    rec = extract_text(text)
    assert rec.document.province == "Nghệ An"
    assert {(a.agency, a.role) for a in rec.assignments} == {("Sở Giao thông vận tải", "lead"),
                                                             ("Bộ Giao thông vận tải", "support")}
    # the same text without its header: the level of the document is unknown, the ministry is kept
    clean = _clean(text.split("KẾ HOẠCH\n", 1)[1], False)
    tasks = find_tasks(clean, DocumentMeta(), parse_outline(clean), [])
    assert ("Bộ Kế hoạch và Đầu tư", "lead") in {(r.name, r.role) for t in tasks for r in t.agencies}


@pytest.mark.parametrize("sentence, expected", [
    ("Trong quá trình thực hiện, nếu có vướng mắc, các sở, ngành, địa phương kịp thời báo cáo UBND tỉnh (qua Sở Y "
     "tế).", {("Các sở, ban, ngành tỉnh", "lead"), ("UBND các huyện, thị xã, thành phố", "lead")}),
    ("Định kỳ hằng quý, Sở Y tế tổng hợp, báo cáo UBND tỉnh.", {("Sở Y tế", "lead")}),
    ("Đồng thời, Công an tỉnh tăng cường tuần tra.", {("Công an tỉnh", "lead")}),
    ("Để thực hiện tốt kế hoạch, các ngành cần tăng cường phối hợp với Sở Y tế.", set()),
])
def test_adverbial_openers_before_the_subject(sentence, expected):
    assert pairs("VI. TỔ CHỨC THỰC HIỆN\n" + sentence + "\n") == expected


@both
def test_abbreviations_with_an_ampersand_in_every_position(cleaned):
    # "&" inside an abbreviation ("KH&ĐT") neither cuts an addressee list nor hides a name
    text = ("II. NHIỆM VỤ\n\n1. Sở KH&ĐT\n\n- Theo dõi tiến độ giải ngân.\n\n"
            "2. Nhiệm vụ khác\n\nGiao Sở NN&PTNT chủ trì, phối hợp với Sở VHTT&DL rà soát danh mục dự án.\n")
    assert pairs(text, cleaned) == {
        ("Sở Kế hoạch và Đầu tư", "lead"),
        ("Sở Nông nghiệp và Phát triển nông thôn", "lead"),
        ("Sở Văn hóa, Thể thao và Du lịch", "support"),
    }


def test_a_council_resolution_addresses_the_peoples_committee_and_its_standing_body():
    text = ("HỘI ĐỒNG NHÂN DÂN\nTỈNH BẠC LIÊU\nSố: 12/NQ-HĐND\n\nNGHỊ QUYẾT\nVề phát triển du lịch\n\n"
            "Điều 2. Tổ chức thực hiện\n\n1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.\n"
            "2. Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại biểu và đại biểu Hội đồng "
            "nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.\n")
    rec = extract_text(text)
    assert {(a.agency, a.role) for a in rec.assignments} == {("UBND tỉnh", "lead"), ("Thường trực HĐND tỉnh", "lead")}
    # the same sentences in a People's Committee document: its own committee is never an addressee
    ubnd = text.replace("HỘI ĐỒNG NHÂN DÂN\n", "ỦY BAN NHÂN DÂN\n").replace("NQ-HĐND", "KH-UBND").replace(
        "NGHỊ QUYẾT", "KẾ HOẠCH")
    assert {a.agency for a in extract_text(ubnd).assignments} == set()


def test_a_party_programme_addresses_party_bodies():
    text = ("TỈNH ỦY NINH BÌNH\nSố: 05-CTr/TU\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nThực hiện Nghị quyết\n\n"
            "III. TỔ CHỨC THỰC HIỆN\n\n1. Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo xây dựng kế hoạch thực hiện.\n"
            "2. Đảng đoàn Hội đồng nhân dân tỉnh lãnh đạo thể chế hóa các chủ trương.\n"
            "3. Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy xây dựng chương trình hành động.\n"
            "4. Văn phòng Tỉnh ủy theo dõi, đôn đốc.\n")
    rec = extract_text(text)
    assert {(a.agency, a.role, a.collective) for a in rec.assignments} == {
        ("Ban cán sự đảng UBND tỉnh", "lead", False), ("Đảng đoàn HĐND tỉnh", "lead", False),
        ("Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", "lead", True),
        ("Văn phòng Tỉnh ủy", "lead", False)}


@both
def test_the_issuer_speaking_mid_sentence_addresses_its_objects(cleaned):
    # an issuer right before "yêu cầu" / "giao" makes its objects addressees, whatever opens the
    # sentence; heads map to bodies, boards keep their qualifiers, investors form a group
    text = ("Để chuẩn bị cho mùa mưa bão năm nay, Chủ tịch UBND tỉnh yêu cầu Trưởng các ban, ngành, đơn vị cấp "
            "tỉnh, Giám đốc các Ban Quản lý dự án chuyên ngành, các chủ đầu tư và Chủ tịch UBND các cấp khẩn "
            "trương rà soát các công trình đang thi công.\n")
    assert {(a.agency, a.role, a.collective) for a in run(text, cleaned)[1]} == {
        ("Các sở, ban, ngành tỉnh", "lead", True), ("Các Ban Quản lý dự án chuyên ngành", "lead", True),
        ("Các chủ đầu tư", "lead", True), ("UBND các cấp", "lead", True)}


@both
def test_an_addressees_own_demand_is_not_an_assignment(cleaned):
    text = ("II. NHIỆM VỤ\n\n1. Sở Xây dựng\n\nSở Xây dựng yêu cầu các chủ đầu tư hoàn thiện hồ sơ thiết kế. "
            "Kiểm tra chất lượng công trình.\n")
    assert pairs(text, cleaned) == {("Sở Xây dựng", "lead")}


@both
def test_an_introduction_by_the_issuer_addresses_the_items_that_follow(cleaned):
    text = ("Nhằm nâng cao chỉ số cải cách hành chính, Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành "
            "và Chủ tịch UBND các huyện, thị xã, thành phố thực hiện các nội dung sau:\n\n"
            "1. Rà soát, công bố các thủ tục hành chính.\n\n2. Sở Nội vụ chủ trì đánh giá chỉ số.\n\n"
            "3. Đẩy mạnh số hóa hồ sơ.\n")
    tasks, assignments, _ = run(text, cleaned)
    first = {a.agency: a.task_quote for a in assignments}
    assert first == {"Các sở, ban, ngành tỉnh": "Rà soát, công bố các thủ tục hành chính.",
                     "UBND các huyện, thị xã, thành phố": "Rà soát, công bố các thủ tục hành chính.",
                     "Sở Nội vụ": "chủ trì đánh giá chỉ số."}
    last = next(t for t in tasks if t.text.startswith("Đẩy mạnh"))
    assert {r.name for r in last.agencies} == {"Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"}
    # without the colon the sentence is a task of its own and introduces nothing
    tasks, _, _ = run(text.replace("các nội dung sau:", "nghiêm túc kế hoạch này."), cleaned)
    assert not any(t.text.startswith("Rà soát") for t in tasks)


@both
def test_commune_units_continue_a_district_collective(cleaned):
    text = ("III. TỔ CHỨC THỰC HIỆN\n\n1. UBND các huyện, thị xã và các xã, phường, thị trấn tổ chức tuyên truyền.\n"
            "2. Ủy ban nhân dân quận-huyện, phường, xã cập nhật dữ liệu dân cư.\n"
            "3. UBND cấp huyện, cấp xã rà soát hộ nghèo.\n")
    assert pairs(text, cleaned) == {("UBND các huyện, thị xã", "lead"), ("UBND các xã, phường, thị trấn", "lead"),
                                    ("UBND các quận, huyện", "lead"), ("UBND các phường, xã", "lead")}
    # a unit followed by a name is a place, not a collective
    assert pairs("Giao UBND các huyện và xã Tam Hợp rà soát.\n", cleaned) == {("UBND các huyện", "lead")}


@both
def test_an_execution_clause_broken_over_lines(cleaned):
    text = ("Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Tài chính, Xây dựng;\n"
            "Thủ trưởng các sở, ban, ngành, đơn vị trực thuộc UBND tỉnh;\n"
            "Chủ tịch UBND các huyện, thành phố và Thủ trưởng các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành "
            "Quyết định này./.\n")
    got = {(a.agency, a.via) for a in run(text, cleaned)[1]}
    assert got == {(n, "execution_clause") for n in ("Văn phòng UBND tỉnh", "Sở Tài chính", "Sở Xây dựng",
                                                     "Các sở, ban, ngành tỉnh", "UBND các huyện, thành phố")}


def test_a_list_line_ending_in_a_semicolon_joins_only_a_subject_that_follows():
    text = ("Căn cứ Luật Tổ chức chính quyền địa phương;\nXét đề nghị của Giám đốc Sở Tài chính;\n"
            "Sở Xây dựng chủ trì thẩm định hồ sơ.\n")
    assert pairs(text) == {("Sở Xây dựng", "lead")}
    text = "II. NHIỆM VỤ\n\n1. Sở Y tế;\nTăng cường giám sát dịch bệnh.\n"
    assert pairs(text) == {("Sở Y tế", "lead")}


def test_a_centrally_run_city_completes_its_bodies_with_thanh_pho():
    text = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\nSố: 15/KH-UBND\n\nKẾ HOẠCH\nPhát triển kinh tế số\n\n"
            "II. NHIỆM VỤ\n\n1. Cục Thuế\n\n- Quản lý thuế thương mại điện tử.\n\n"
            "2. Các sở, ban, ngành\n\n- Số hóa hồ sơ.\n\n3. Công an thành phố\n\n- Bảo đảm an ninh mạng.\n")
    assert {(a.agency, a.role) for a in extract_text(text).assignments} == {
        ("Cục Thuế thành phố", "lead"), ("Các sở, ban, ngành thành phố", "lead"), ("Công an thành phố", "lead")}
    # the same text from a province: the level word is "tỉnh"
    prov = text.replace("THÀNH PHỐ HẢI PHÒNG", "TỈNH HÀ NAM").replace("Công an thành phố", "Công an tỉnh")
    assert {a.agency for a in extract_text(prov).assignments} == {"Cục Thuế tỉnh", "Các sở, ban, ngành tỉnh",
                                                                  "Công an tỉnh"}


def test_a_city_party_committee_names_its_district_committees():
    text = ("THÀNH ỦY CẦN THƠ\nSố: 05-CTr/TU\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nThực hiện Nghị quyết\n\n"
            "III. TỔ CHỨC THỰC HIỆN\n\n1. Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Thành ủy xây dựng kế hoạch.\n"
            "2. Ban Tuyên giáo Thành ủy chủ trì tuyên truyền.\n")
    assert {a.agency for a in extract_text(text).assignments} == {
        "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Thành ủy", "Ban Tuyên giáo Thành ủy"}


@both
def test_a_plan_attached_after_the_closing_block_has_tasks(cleaned):
    text = ("Điều 2. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Công Thương chịu trách nhiệm thi hành Quyết định này./.\n\n"
            "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn A\n\n"
            "KẾ HOẠCH\nPhát triển thương mại điện tử\n(Ban hành kèm theo Quyết định số 12/QĐ-UBND của UBND tỉnh)\n\n"
            "I. TỔ CHỨC THỰC HIỆN\n\n1. Sở Thông tin và Truyền thông chủ trì xây dựng sàn giao dịch.\n")
    got = {(a.agency, a.via) for a in run(text, cleaned)[1]}
    assert ("Sở Thông tin và Truyền thông", "section") in got
    # the recipients and the signature stay outside the outline
    assert not any("Lưu" in s.heading or "Như Điều" in s.heading for s, _ in flatten(parse_outline(_clean(text, cleaned))))
    # without an attached document nothing after "Nơi nhận" is read
    assert {a.agency for a in run(text.split("KẾ HOẠCH")[0], cleaned)[1]} == {"Văn phòng UBND tỉnh", "Sở Công Thương"}


@pytest.mark.parametrize("sentence, expected", [
    ("Sở Tài chính đề xuất phương án bố trí vốn.", {("Sở Tài chính", "lead")}),  # "đề" is not "để"
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh vận động hội viên tham gia.",  # "vận" is not "vẫn"
     {("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "lead")}),
    ("Sở Tài chính nắm chắc nguồn thu.", {("Sở Tài chính", "lead")}),  # "nắm" is not "năm"
    ("Sở Tài chính để xuất hiện tình trạng nợ đọng.", set()),
    ("Sở Tài chính đã bố trí đủ vốn.", set()),
])
def test_function_words_after_a_subject_are_read_with_their_tone_marks(sentence, expected):
    assert pairs("II. NHIỆM VỤ\n" + sentence + "\n") == expected


@both
def test_district_documents_name_divisions_and_district_units(cleaned):
    text = ("II. NHIỆM VỤ\n\n1. Phòng Tài chính - Kế hoạch huyện\n- Chủ trì, phối hợp với Chi cục Thống kê huyện rà soát "
            "số liệu.\n\n2. Trung tâm Y tế huyện chủ động phòng, chống dịch.\n\n"
            "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các hội, đoàn thể huyện phối hợp giám sát.\n")
    assert pairs(text, cleaned) == {
        ("Phòng Tài chính - Kế hoạch huyện", "lead"), ("Chi cục Thống kê huyện", "support"), ("Trung tâm Y tế huyện", "lead"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "lead"), ("Các hội, đoàn thể huyện", "lead")}


@both
def test_names_that_embed_a_place_and_boards_with_qualifiers(cleaned):
    text = ("II. NHIỆM VỤ\n\n1. Ban Quản lý Khu kinh tế Đông Nam chủ trì kêu gọi đầu tư hạ tầng.\n\n"
            "2. Đài Phát thanh - Truyền hình Long An tăng thời lượng phát sóng.\n\n"
            "3. Ban Quản lý dự án đầu tư xây dựng các công trình giao thông thành phố đẩy nhanh tiến độ.\n\n"
            "4. Sở Xây dựng phối hợp với Ban Quản lý dự án 7 bảo đảm tiến độ.\n\n"
            "5. Cục Thuế tỉnh Long An chống thất thu.\n")
    assert pairs(text, cleaned) == {
        ("Ban Quản lý Khu kinh tế Đông Nam", "lead"), ("Đài Phát thanh - Truyền hình Long An", "lead"),
        ("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông thành phố", "lead"),
        ("Sở Xây dựng", "lead"), ("Ban Quản lý dự án 7", "support"), ("Cục Thuế tỉnh", "lead")}


def test_vague_groups_and_groups_kept_as_written():
    assert pairs("Giao các sở, ngành rà soát danh mục.\n") == {("Các sở, ban, ngành tỉnh", "lead")}
    assert pairs("Giao các sở, ban, ngành rà soát danh mục.\n") == {("Các sở, ban, ngành tỉnh", "lead")}
    assert pairs("Yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện.\n") == set()
    assert pairs("1. Các đơn vị, địa phương căn cứ chức năng rà soát.\n") == {("Các đơn vị, địa phương", "lead")}


@both
def test_a_closing_request_is_an_execution_clause(cleaned):
    text = ("II. NHIỆM VỤ\n\n1. Các sở, ban, ngành tỉnh rà soát danh mục dự án.\n\n"
            "UBND tỉnh yêu cầu các sở, ngành nghiêm túc triển khai, thực hiện./.\n")
    assert {(a.agency, a.via) for a in run(text, cleaned)[1]} == {("Các sở, ban, ngành tỉnh", "section")}
    text = ("II. NHIỆM VỤ\n\n1. Sở Y tế tổ chức tiêm chủng.\n\n"
            "Nhận được Công văn này, yêu cầu Trưởng các phòng, ban, ngành thuộc UBND huyện triển khai thực hiện "
            "nghiêm túc./.\n")
    assert {(a.agency, a.via) for a in run(text, cleaned)[1]} == {
        ("Sở Y tế", "section"), ("Các phòng, ban, ngành huyện", "execution_clause")}


@both
def test_a_later_clause_subject_keeps_the_headings_addressees(cleaned):
    text = ("7. Giám đốc các Sở: Y tế, Xây dựng\nTheo chức năng, nhiệm vụ được giao, chủ động ứng phó với bão; "
            "Sở Y tế bố trí đội cấp cứu.\n\n8. Giám đốc Sở Công Thương\nChỉ đạo bảo đảm an toàn lưới điện; yêu cầu "
            "các chủ đầu tư vận hành hồ chứa đúng quy trình.\n")
    assert pairs(text, cleaned) == {("Sở Y tế", "lead"), ("Sở Xây dựng", "lead"), ("Sở Công Thương", "lead")}


def test_attendance_and_accountability_give_no_task():
    text = ("Tham dự cuộc họp có lãnh đạo các Sở: Kế hoạch và Đầu tư, Xây dựng; lãnh đạo UBND các huyện, thị xã.\n"
            "1. UBND thị xã Đông Triều\nTập trung giải phóng mặt bằng. Chủ tịch UBND các địa phương chịu trách nhiệm "
            "trước Chủ tịch UBND tỉnh nếu để chậm bàn giao mặt bằng.\n")
    assert pairs(text) == {("UBND thị xã Đông Triều", "lead")}


def test_a_body_of_another_province_keeps_its_place():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH\nSố: 45/CTr-UBND\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nPhát triển giao thông\n\n"
            "1. Sở Giao thông vận tải\n- Phối hợp với Sở Giao thông vận tải Thành phố Hồ Chí Minh hoàn thiện hồ sơ.\n"
            "2. Cục Thuế tỉnh Tây Ninh chống thất thu.\n")
    assert {(a.agency, a.role) for a in extract_text(text).assignments} == {
        ("Sở Giao thông vận tải", "lead"), ("Sở Giao thông vận tải Thành phố Hồ Chí Minh", "support"),
        ("Cục Thuế tỉnh", "lead")}


@both
def test_the_addressee_block_is_no_assignment(cleaned):
    text = ("Kính gửi:\n- Giám đốc Sở Tài chính;\n- Chủ tịch UBND các huyện, thị xã, thành phố.\n\n"
            "Thực hiện Công văn số 12/BTC-NSNN của Bộ Tài chính, UBND tỉnh có ý kiến như sau:\n\n"
            "1. Sở Kế hoạch và Đầu tư rà soát danh mục dự án.\n")
    assert pairs(text, cleaned) == {("Sở Kế hoạch và Đầu tư", "lead")}
    text = ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:\n- Chủ tịch UBND các huyện, thị xã, thành phố;\n- Giám đốc Công an tỉnh.\n\n"
            "1. Giám đốc Công an tỉnh bố trí lực lượng ứng cứu.\n")
    assert pairs(text, cleaned) == {("Công an tỉnh", "lead")}


def test_long_lists_of_semicolon_lines_stay_linear():
    import time

    text = "".join("- Sở Y tế;\n" for _ in range(5000)) + "Sở Xây dựng chịu trách nhiệm thi hành Quyết định này.\n"
    t = time.process_time()
    run(text)
    assert time.process_time() - t < 10  # was quadratic (minutes) before the list chain was bounded
