"""A small hand-written corpus for the store and query tests: Vietnamese documents (texts below)
and the GraphFragments the pipeline builds from them, constructed here directly so that the
store tests do not depend on the state of extraction.  Every fact carries its span and sentence
in the document's text.

    01/NQ-CP (2025)   Nghị quyết của Chính phủ, ingested
    01/NQ-CP (2024)   only cited (dated) by the Vĩnh Phúc 2024 programme
    15/CTr-UBND 2024  Vĩnh Phúc programme implementing 01/NQ-CP of 2024
    01/CTr-UBND 2025  Vĩnh Phúc programme implementing 01/NQ-CP of 2025
    22/CTr-UBND 2025  Thái Nguyên programme implementing 01/NQ-CP of 2025
    48/KH-UBND 2025   Tam Dương district plan implementing the Vĩnh Phúc programme 01/CTr-UBND
    05/CT-UBND 2025   Vĩnh Phúc directive citing both; one task carries out 01/NQ-CP itself
    2646/QĐ-UBND      Quảng Nam decision of 2024 citing 01/NQ-CP WITHOUT a date ("… năm 2024")
    09/CT-UBND 2025   Thái Nguyên directive citing 01/NQ-CP without a date and without a subject
"""
from __future__ import annotations

import json

from graph_builder.model import Edge, GraphFragment, Node

NQ25 = "01/NQ-CP@2025@national"
NQ24 = "01/NQ-CP@2024@national"
NQ_UNDATED = "01/NQ-CP@year?@national"
VP24 = "15/CTr-UBND@2024@Vĩnh Phúc"
VP25 = "01/CTr-UBND@2025@Vĩnh Phúc"
TN25 = "22/CTr-UBND@2025@Thái Nguyên"
TD25 = "48/KH-UBND@2025@Vĩnh Phúc"
CT05 = "05/CT-UBND@2025@Vĩnh Phúc"
QN = "2646/QĐ-UBND@2024@Quảng Nam"
CT09 = "09/CT-UBND@2025@Thái Nguyên"
HDND47 = "47/NQ-HĐND@2023@Quảng Nam"

SUBJECT_2025 = ("về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội và Dự toán "
                "ngân sách nhà nước năm 2025")
SUBJECT_2024 = ("về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội và Dự toán "
                "ngân sách nhà nước năm 2024")
SUBJECT_QN = ("về giải pháp chủ yếu thực hiện kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà "
              "nước năm 2024")

TEXTS = {
    NQ25: (
        "NGHỊ QUYẾT\n"
        "Về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội và Dự toán ngân sách "
        "nhà nước năm 2025\n"
        "1. Bộ Kế hoạch và Đầu tư chủ trì theo dõi, đôn đốc việc thực hiện Nghị quyết, báo cáo Chính phủ "
        "trước ngày 15/7/2025.\n"
        "Phấn đấu tốc độ tăng trưởng GDP năm 2025 đạt khoảng 6,5 - 7%.\n"),
    VP24: (
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\n"
        "Thực hiện Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ " + SUBJECT_2024 + ".\n"
        "1. Sở Tài chính chủ trì tham mưu điều hành dự toán ngân sách, hoàn thành trước ngày 30/9/2024.\n"),
    VP25: (
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\n"
        "Thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2025 của Chính phủ " + SUBJECT_2025 + ".\n"
        "1. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính tham mưu phân bổ vốn đầu tư công.\n"
        "2. Sở Công Thương chủ trì thu hút đầu tư vào Khu công nghiệp Bá Thiện, hoàn thành trước ngày 30/6/2025.\n"
        "Phấn đấu tốc độ tăng trưởng GRDP năm 2025 đạt 10-10,5%.\n"),
    TN25: (
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\n"
        "Thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2025 của Chính phủ " + SUBJECT_2025 + ".\n"
        "1. Sở Tài chính chủ trì rà soát, giao dự toán ngân sách, hoàn thành trước ngày 31/3/2025.\n"
        "2. Sở Nội vụ chủ trì đẩy mạnh cải cách hành chính, nâng cao chỉ số PAR INDEX.\n"
        "Phấn đấu tăng trưởng GRDP năm 2025 đạt trên 8%.\n"),
    TD25: (
        "KẾ HOẠCH\n"
        "Triển khai Chương trình hành động số 01/CTr-UBND ngày 17/01/2025 của UBND tỉnh Vĩnh Phúc.\n"
        "1. Phòng Tài chính - Kế hoạch chủ trì tham mưu giao kế hoạch vốn, hoàn thành trước ngày 15/4/2025.\n"),
    CT05: (
        "CHỈ THỊ\n"
        "Căn cứ Nghị quyết số 01/NQ-CP ngày 08/01/2025 của Chính phủ và Chương trình hành động số "
        "01/CTr-UBND ngày 17/01/2025 của UBND tỉnh.\n"
        "Sở Tài chính chủ trì triển khai các giải pháp điều hành ngân sách của Nghị quyết số 01/NQ-CP.\n"),
    QN: (
        "QUYẾT ĐỊNH\n"
        "Căn cứ Nghị quyết số 01/NQ-CP của Chính phủ " + SUBJECT_QN + ";\n"
        "Căn cứ Nghị quyết số 47/NQ-HĐND ngày 08/12/2023 của HĐND tỉnh;\n"
        "1. Các sở, ban, ngành tỉnh triển khai thực hiện hiệu quả Nghị quyết số 01/NQ-CP của Chính phủ.\n"
        "2. Sở Nội vụ chủ trì hoàn thành sắp xếp đơn vị hành chính trong Quý III/2024.\n"),
    CT09: (
        "CHỈ THỊ\n"
        "Thực hiện Nghị quyết số 01/NQ-CP của Chính phủ, Chủ tịch UBND tỉnh yêu cầu:\n"
        "Sở Tài chính chủ trì kiểm soát chi thường xuyên.\n"),
}

PATHS = {
    NQ25: "corpus/national/01-NQ-CP-2025.txt", VP24: "corpus/vinh-phuc/15-CTr-UBND-2024.txt",
    VP25: "corpus/vinh-phuc/01-CTr-UBND-2025.txt", TN25: "corpus/thai-nguyen/22-CTr-UBND-2025.txt",
    TD25: "corpus/vinh-phuc/tam-duong/48-KH-UBND-2025.txt", CT05: "corpus/vinh-phuc/05-CT-UBND-2025.txt",
    QN: "corpus/quang-nam/2646-QD-UBND-2024.txt", CT09: "corpus/thai-nguyen/09-CT-UBND-2025.txt",
}


class _Doc:
    """Builds one document's fragment the way build.graph does (ids, modes, provenance props)."""

    def __init__(self, doc_id: str, props: dict, content_hash: str | None = None):
        self.id = doc_id
        self.text = TEXTS[doc_id]
        self.path = PATHS[doc_id]
        self.frag = GraphFragment(doc_id, self.path, content_hash or f"hash-{doc_id}")
        self.province = props.get("province")
        base = {"ingested": True, "source_path": self.path, "content_hash": self.frag.content_hash,
                "year_inferred": False}
        self.frag.nodes.append(Node("Document", doc_id, {**base, **props}, "set"))
        self.tasks = 0
        self.targets = 0
        self._seen: set = {("Document", doc_id)}

    def span(self, phrase: str) -> tuple[int, int, str]:
        start = self.text.index(phrase)
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", start)
        return start, start + len(phrase), self.text[line_start:line_end]

    def _node(self, label, node_id, props, mode="fill"):
        if (label, node_id) not in self._seen:
            self._seen.add((label, node_id))
            self.frag.nodes.append(Node(label, node_id, {k: v for k, v in props.items() if v is not None}, mode))

    def _edge(self, rel, src, dst, sl, tl, props, phrase=None):
        p = {k: v for k, v in props.items() if v is not None}
        p["source_id"] = self.id
        p["source_path"] = self.path
        if phrase:
            s, e, sentence = self.span(phrase)
            p.update(span_start=s, span_end=e, sentence=sentence)
        self.frag.edges.append(Edge(rel, src, dst, sl, tl, p))

    def agency(self, name: str, jurisdiction: str | None = None) -> str:
        j = jurisdiction or self.province
        aid = f"{j}:{name}"
        self._node("Agency", aid, {"name": name, "jurisdiction": j, "collective": name.startswith("Các"),
                                   "level": "national" if j == "national" else "province"})
        return aid

    def issued_by(self, name: str, jurisdiction: str | None = None):
        aid = self.agency(name, jurisdiction)
        self._edge("ISSUED_BY", self.id, aid, "Document", "Agency", {})

    def cites(self, target: str, props: dict, phrase: str, rels=(), subject=None, mentions=1):
        self._node("Document", target, {"ingested": False, "year_inferred": False, **props})
        self._edge("CITES", self.id, target, "Document", "Document",
                   {"mentions": mentions, "quote": phrase, "subject": subject,
                    "spans": json.dumps([list(self.span(phrase)[:2])])}, phrase)
        for rel in rels:
            self._edge(rel, self.id, target, "Document", "Document", {}, phrase)

    def task(self, phrase: str, agencies: list[tuple[str, str]], deadline=None, deadline_text=None,
             implements: str | None = None, national=False) -> str:
        self.tasks += 1
        tid = f"{self.id}#task-{self.tasks}"
        s, e, sentence = self.span(phrase)
        self._node("Task", tid, {"text": phrase, "section": phrase[:2].strip(), "deadline": deadline,
                                 "deadline_text": deadline_text, "province": self.province, "source_id": self.id,
                                 "source_path": self.path, "span_start": s, "span_end": e, "sentence": sentence},
                   "own")
        self._edge("HAS_TASK", self.id, tid, "Document", "Task", {})
        for name, role in agencies:
            aid = self.agency(name, "national" if national else None)
            self._edge("ASSIGNED_TO", tid, aid, "Task", "Agency", {"role": role, "via": "sentence"}, name)
        if implements:
            self._edge("IMPLEMENTS", tid, implements, "Task", "Document", {}, phrase)
        return tid

    def target(self, phrase: str, indicator: str, value: str, value_num, unit: str, comparator: str, year: int,
               lo=None, hi=None) -> str:
        self.targets += 1
        gid = f"{self.id}#target-{self.targets}"
        s, e, sentence = self.span(phrase)
        self._node("Target", gid, {"indicator": indicator, "value": value, "value_num": value_num, "min_value": lo,
                                   "max_value": hi, "unit": unit, "comparator": comparator, "year": year,
                                   "province": self.province, "source_id": self.id, "source_path": self.path,
                                   "span_start": s, "span_end": e, "sentence": sentence}, "own")
        self._edge("SETS_TARGET", self.id, gid, "Document", "Target", {})
        return gid

    def project(self, name: str, kind: str):
        pid = f"{self.province}:{name.lower()}"
        self._node("Project", pid, {"name": name, "kind": kind, "jurisdiction": self.province})
        self._edge("CONCERNS", self.id, pid, "Document", "Project", {}, name)


def _doc_props(symbol, doc_type, vi, year, jurisdiction, date, title, issuer):
    return {"symbol": symbol, "number": symbol.split("/")[0], "doc_type": doc_type, "doc_type_vi": vi,
            "form": "state", "year": year, "jurisdiction": jurisdiction,
            "province": None if jurisdiction == "national" else jurisdiction, "date": date, "title": title,
            "issuer": issuer}


NQ_PROPS_2025 = {"symbol": "01/NQ-CP", "number": "01", "doc_type": "Resolution", "doc_type_vi": "Nghị quyết",
                 "form": "state", "year": 2025, "jurisdiction": "national", "date": "2025-01-08",
                 "issuer": "Chính phủ"}
NQ_PROPS_2024 = {**NQ_PROPS_2025, "year": 2024, "date": "2024-01-05"}
NQ_PROPS_UNDATED = {**NQ_PROPS_2025, "year": None, "date": None}


def fragments(changed: dict[str, str] | None = None) -> dict[str, GraphFragment]:
    """The corpus, document id -> fragment (``changed``: doc id -> content hash override)."""
    changed = changed or {}
    out = {}

    d = _Doc(NQ25, _doc_props("01/NQ-CP", "Resolution", "Nghị quyết", 2025, "national", "2025-01-08",
                              "Nghị quyết " + SUBJECT_2025, "Chính phủ"), changed.get(NQ25))
    d.issued_by("Chính phủ", "national")
    d.task("1. Bộ Kế hoạch và Đầu tư chủ trì theo dõi, đôn đốc việc thực hiện Nghị quyết, báo cáo Chính phủ "
           "trước ngày 15/7/2025.", [("Bộ Kế hoạch và Đầu tư", "lead")], "2025-07-15", "trước ngày 15/7/2025",
           national=True)
    d.target("tăng trưởng GDP năm 2025 đạt khoảng 6,5 - 7%", "tốc độ tăng trưởng GDP", "6,5 - 7", None, "%", "range",
             2025, 6.5, 7.0)
    out[NQ25] = d.frag

    d = _Doc(VP24, _doc_props("15/CTr-UBND", "Program", "Chương trình hành động", 2024, "Vĩnh Phúc", "2024-01-20",
                              "Chương trình hành động thực hiện Nghị quyết số 01/NQ-CP năm 2024", "UBND tỉnh Vĩnh Phúc"),
             changed.get(VP24))
    d.issued_by("UBND tỉnh Vĩnh Phúc")
    d.cites(NQ24, NQ_PROPS_2024, "Nghị quyết số 01/NQ-CP ngày 05/01/2024", ("IMPLEMENTS",), SUBJECT_2024)
    d.task("1. Sở Tài chính chủ trì tham mưu điều hành dự toán ngân sách, hoàn thành trước ngày 30/9/2024.",
           [("Sở Tài chính", "lead")], "2024-09-30", "trước ngày 30/9/2024")
    out[VP24] = d.frag

    d = _Doc(VP25, _doc_props("01/CTr-UBND", "Program", "Chương trình hành động", 2025, "Vĩnh Phúc", "2025-01-17",
                              "Chương trình hành động thực hiện Nghị quyết 01/NQ-CP năm 2025", "UBND tỉnh Vĩnh Phúc"),
             changed.get(VP25))
    d.issued_by("UBND tỉnh Vĩnh Phúc")
    d.cites(NQ25, NQ_PROPS_2025, "Nghị quyết số 01/NQ-CP ngày 08/01/2025", ("IMPLEMENTS",), SUBJECT_2025)
    d.task("1. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính tham mưu phân bổ vốn đầu tư công.",
           [("Sở Kế hoạch và Đầu tư", "lead"), ("Sở Tài chính", "support")])
    d.task("2. Sở Công Thương chủ trì thu hút đầu tư vào Khu công nghiệp Bá Thiện, hoàn thành trước ngày 30/6/2025.",
           [("Sở Công Thương", "lead")], "2025-06-30", "trước ngày 30/6/2025")
    d.target("tăng trưởng GRDP năm 2025 đạt 10-10,5%", "tốc độ tăng trưởng GRDP", "10-10,5", None, "%", "range", 2025,
             10.0, 10.5)
    d.project("Khu công nghiệp Bá Thiện", "industrial_park")
    out[VP25] = d.frag

    d = _Doc(TN25, _doc_props("22/CTr-UBND", "Program", "Chương trình hành động", 2025, "Thái Nguyên", "2025-01-22",
                              "Chương trình hành động thực hiện Nghị quyết số 01/NQ-CP", "UBND tỉnh Thái Nguyên"),
             changed.get(TN25))
    d.issued_by("UBND tỉnh Thái Nguyên")
    d.cites(NQ25, NQ_PROPS_2025, "Nghị quyết số 01/NQ-CP ngày 08/01/2025", ("IMPLEMENTS",), SUBJECT_2025)
    d.task("1. Sở Tài chính chủ trì rà soát, giao dự toán ngân sách, hoàn thành trước ngày 31/3/2025.",
           [("Sở Tài chính", "lead")], "2025-03-31", "trước ngày 31/3/2025")
    d.task("2. Sở Nội vụ chủ trì đẩy mạnh cải cách hành chính, nâng cao chỉ số PAR INDEX.", [("Sở Nội vụ", "lead")])
    d.target("tăng trưởng GRDP năm 2025 đạt trên 8%", "tăng trưởng GRDP", "8", 8.0, "%", ">", 2025)
    out[TN25] = d.frag

    d = _Doc(TD25, _doc_props("48/KH-UBND", "Plan", "Kế hoạch", 2025, "Vĩnh Phúc", "2025-02-10",
                              "Kế hoạch triển khai Chương trình hành động số 01/CTr-UBND", "UBND huyện Tam Dương"),
             changed.get(TD25))
    d.issued_by("UBND huyện Tam Dương")
    d.cites(VP25, {"symbol": "01/CTr-UBND", "doc_type": "Program", "year": 2025, "jurisdiction": "Vĩnh Phúc",
                   "date": "2025-01-17"}, "Chương trình hành động số 01/CTr-UBND ngày 17/01/2025", ("IMPLEMENTS",))
    d.task("1. Phòng Tài chính - Kế hoạch chủ trì tham mưu giao kế hoạch vốn, hoàn thành trước ngày 15/4/2025.",
           [("Phòng Tài chính - Kế hoạch", "lead")], "2025-04-15", "trước ngày 15/4/2025")
    out[TD25] = d.frag

    d = _Doc(CT05, _doc_props("05/CT-UBND", "Directive", "Chỉ thị", 2025, "Vĩnh Phúc", "2025-02-03",
                              "Chỉ thị về tăng cường kỷ luật tài chính, ngân sách", "UBND tỉnh Vĩnh Phúc"),
             changed.get(CT05))
    d.issued_by("UBND tỉnh Vĩnh Phúc")
    d.cites(NQ25, NQ_PROPS_2025, "Nghị quyết số 01/NQ-CP ngày 08/01/2025", ("BASED_ON",), mentions=2)
    d.cites(VP25, {"symbol": "01/CTr-UBND", "doc_type": "Program", "year": 2025, "jurisdiction": "Vĩnh Phúc"},
            "Chương trình hành động số 01/CTr-UBND ngày 17/01/2025", ("BASED_ON",))
    d.task("Sở Tài chính chủ trì triển khai các giải pháp điều hành ngân sách của Nghị quyết số 01/NQ-CP.",
           [("Sở Tài chính", "lead")], implements=NQ25)
    out[CT05] = d.frag

    d = _Doc(QN, _doc_props("2646/QĐ-UBND", "Decision", "Quyết định", 2024, "Quảng Nam", None,
                            "Ban hành Chương trình công tác trọng tâm năm 2024", "UBND tỉnh Quảng Nam"), changed.get(QN))
    d.issued_by("UBND tỉnh Quảng Nam")
    d.cites(NQ_UNDATED, NQ_PROPS_UNDATED, "Nghị quyết số 01/NQ-CP của Chính phủ", ("BASED_ON",), SUBJECT_QN, mentions=2)
    d.cites(HDND47, {"symbol": "47/NQ-HĐND", "doc_type": "Resolution", "year": 2023, "jurisdiction": "Quảng Nam",
                     "date": "2023-12-08", "issuer": "HĐND tỉnh Quảng Nam"},
            "Nghị quyết số 47/NQ-HĐND ngày 08/12/2023", ("BASED_ON",))
    d.task("1. Các sở, ban, ngành tỉnh triển khai thực hiện hiệu quả Nghị quyết số 01/NQ-CP của Chính phủ.",
           [("Các sở, ban, ngành tỉnh", "lead")], implements=NQ_UNDATED)
    d.task("2. Sở Nội vụ chủ trì hoàn thành sắp xếp đơn vị hành chính trong Quý III/2024.", [("Sở Nội vụ", "lead")],
           deadline_text="trong Quý III/2024")
    out[QN] = d.frag

    d = _Doc(CT09, _doc_props("09/CT-UBND", "Directive", "Chỉ thị", 2025, "Thái Nguyên", None,
                              "Chỉ thị về siết chặt kỷ luật chi ngân sách", "UBND tỉnh Thái Nguyên"), changed.get(CT09))
    d.issued_by("UBND tỉnh Thái Nguyên")
    d.cites(NQ_UNDATED, NQ_PROPS_UNDATED, "Nghị quyết số 01/NQ-CP của Chính phủ", ("IMPLEMENTS",))
    d.task("Sở Tài chính chủ trì kiểm soát chi thường xuyên.", [("Sở Tài chính", "lead")])
    out[CT09] = d.frag
    return out


def all_fragments() -> list[GraphFragment]:
    return list(fragments().values())
