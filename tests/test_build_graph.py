"""build: an extraction record becomes nodes and edges with ids, ownership and provenance."""
from __future__ import annotations

from graph_builder.build.graph import fragment_from_record
from graph_builder.pipeline import extract_text

PROVINCIAL = """ỦY BAN NHÂN DÂN
TỈNH BẾN TRE
Số: 21/KH-UBND
Bến Tre, ngày 05 tháng 3 năm 2024

KẾ HOẠCH
Thực hiện Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ

Thực hiện Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
1. Sở Tài chính
Chủ trì, phối hợp với Sở Xây dựng rà soát dự toán; hoàn thành trước ngày 30/6/2024.
2. Công an tỉnh
Bảo đảm an ninh trật tự trên địa bàn tỉnh.
"""

DISTRICT = """ỦY BAN NHÂN DÂN
HUYỆN CHÂU THÀNH
Số: 15/KH-UBND
Châu Thành, ngày 20 tháng 3 năm 2024

KẾ HOẠCH
Triển khai Kế hoạch số 21/KH-UBND ngày 05/3/2024 của UBND tỉnh Bến Tre

Thực hiện Kế hoạch số 21/KH-UBND ngày 05/3/2024 của UBND tỉnh Bến Tre, UBND huyện ban hành Kế hoạch như sau:
1. Phòng Tài chính - Kế hoạch huyện
Chủ trì, phối hợp với Phòng Kinh tế và Hạ tầng huyện rà soát dự toán; hoàn thành trước ngày 15/6/2024.
"""


def _fragment(text: str, name: str):
    rec = extract_text(text, path=name)
    return rec, fragment_from_record(rec, text)


def _nodes(frag, label):
    return {n.id: n for n in frag.nodes if n.label == label}


def test_ingested_document_gets_its_citable_identity_and_owns_its_tasks():
    rec, frag = _fragment(PROVINCIAL, "ke-hoach-21.txt")
    doc = _nodes(frag, "Document")[rec.id]
    assert rec.id == "21/KH-UBND@2024@Bến Tre"
    assert doc.mode == "set" and doc.props["ingested"] is True and doc.props["doc_type"] == "Plan"
    tasks = _nodes(frag, "Task")
    assert tasks and all(n.mode == "own" and n.id.startswith(rec.id + "#task-") for n in tasks.values())
    assert "01/NQ-CP@2024@national" in _nodes(frag, "Document")


def test_every_edge_carries_its_source_and_text_edges_their_sentence():
    rec, frag = _fragment(PROVINCIAL, "ke-hoach-21.txt")
    assert all(e.props["source_id"] == rec.id for e in frag.edges)
    assigned = [e for e in frag.edges if e.type == "ASSIGNED_TO"]
    assert assigned and all(e.props.get("sentence") and e.props["span_end"] > e.props["span_start"] for e in assigned)
    lead = next(e for e in assigned if e.target == "Bến Tre:Sở Tài chính")
    assert lead.props["role"] == "lead"
    assert any(e.target == "Bến Tre:Sở Xây dựng" and e.props["role"] == "support" for e in assigned)


def test_departments_belong_to_the_committee_that_addresses_them():
    _, frag = _fragment(PROVINCIAL, "ke-hoach-21.txt")
    agencies = _nodes(frag, "Agency")
    assert agencies["Bến Tre:Sở Tài chính"].props["parent"] == "UBND tỉnh Bến Tre"
    # Công an tỉnh answers to the ministry, not to the committee
    assert "parent" not in agencies["Bến Tre:Công an tỉnh"].props


def test_district_bodies_are_scoped_to_their_district():
    rec, frag = _fragment(DISTRICT, "ke-hoach-15.txt")
    agencies = _nodes(frag, "Agency")
    key = "Bến Tre/huyện Châu Thành:Phòng Tài chính - Kế hoạch huyện"
    assert key in agencies, sorted(agencies)
    assert agencies[key].props["jurisdiction"] == "Bến Tre"
    assert agencies[key].props["parent"] == "UBND huyện Châu Thành"
    # and the district plan carries out the provincial plan, whose identity it shares with the province's own record
    implements = [e for e in frag.edges if e.type == "IMPLEMENTS" and e.source_label == "Document"]
    assert [e.target for e in implements] == ["21/KH-UBND@2024@Bến Tre"]
