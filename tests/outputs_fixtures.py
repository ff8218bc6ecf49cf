"""Small graphs for the output tests (RDF, SHACL, SPARQL, viz), built the way the pipeline builds them:
ExtractionRecords -> ``build.graph.fragment_from_record`` -> a MemoryGraph.  Also a synthetic
graph of any size for the scale checks."""
from __future__ import annotations

import random
from pathlib import Path

from graph_builder.build.graph import fragment_from_record
from graph_builder.export.graphdata import MemoryGraph
from graph_builder.model import (AgencyRef, CitationMention, CitedDocument, DocumentIdentity, DocumentMeta, Edge,
                                 ExtractionRecord, GraphFragment, Node, Project, Target, Task)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
SAMPLES = ROOT / "samples"

RESOLUTION = DocumentIdentity("01/NQ-CP", 2025, "national")
PROVINCE_RESOLUTION = DocumentIdentity("45/NQ-HĐND", 2024, "Vĩnh Phúc")


def _cited(ident: DocumentIdentity, doc_type: str, issuer: str, date: str | None, text: str, at: int) -> CitedDocument:
    m = CitationMention(at, at + len(ident.symbol), ident.symbol, ident.symbol, doc_type, date, issuer, at - 11,
                        at + len(ident.symbol))
    return CitedDocument(ident, doc_type, date, issuer, "national" if ident.jurisdiction == "national" else ident.jurisdiction,
                         [m], first_quote=text[at - 11:at + len(ident.symbol)], sentences=[text[max(0, at - 11):at + 60]])


def programme_record() -> tuple[ExtractionRecord, str]:
    """A provincial action programme carrying out a national resolution, with tasks for agencies."""
    text = ("Chương trình hành động thực hiện Nghị quyết 01/NQ-CP ngày 08/01/2025 của Chính phủ và "
            "Nghị quyết 45/NQ-HĐND của HĐND tỉnh.\n"
            "1. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính tham mưu phân bổ vốn đầu tư công.\n"
            "2. Sở Công Thương chủ trì thu hút đầu tư vào Khu công nghiệp Bá Thiện, hoàn thành trước ngày 30/6/2025.\n"
            "3. Các sở, ban, ngành tỉnh triển khai Nghị quyết 01/NQ-CP; phấn đấu tăng trưởng GRDP đạt 10-10,5%.\n")
    meta = DocumentMeta(doc_type="Chương trình hành động", symbol="01/CTr-UBND", issuer="UBND tỉnh Vĩnh Phúc",
                        province="Vĩnh Phúc", date="2025-01-17", signer="Trần Duy Đông",
                        title="Chương trình hành động thực hiện Nghị quyết 01/NQ-CP", year=2025)
    res = _cited(RESOLUTION, "Nghị quyết", "Chính phủ", "2025-01-08", text, text.index("01/NQ-CP"))
    loc = _cited(PROVINCE_RESOLUTION, "Nghị quyết", "HĐND tỉnh Vĩnh Phúc", None, text, text.index("45/NQ-HĐND"))
    lines = text.splitlines(keepends=True)
    starts = [sum(len(x) for x in lines[:i]) for i in range(len(lines))]

    def task(i: int, agencies: list[tuple[str, str]], **kw) -> Task:
        line = lines[i].rstrip("\n")
        refs = [AgencyRef(name, role, "sentence", collective=name.startswith("Các"),
                          start=starts[i] + line.index(name), end=starts[i] + line.index(name) + len(name))
                for name, role in agencies]
        return Task(line, starts[i], starts[i] + len(line), line, f"{i}.", refs, **kw)

    tasks = [
        task(1, [("Sở Kế hoạch và Đầu tư", "lead"), ("Sở Tài chính", "support")]),
        task(2, [("Sở Công Thương", "lead")], deadline="2025-06-30", deadline_text="trước ngày 30/6/2025"),
        task(3, [("Các sở, ban, ngành tỉnh", "lead")], implements=[RESOLUTION.key]),
    ]
    t_at = text.index("10-10,5%")
    target = Target("tăng trưởng GRDP", "10-10,5", 10.0, "%", "range", 2025, text[t_at - 30:t_at + 8], t_at, t_at + 8,
                    range=(10.0, 10.5), sentence=lines[3].rstrip("\n"))
    p_at = text.index("Khu công nghiệp Bá Thiện")
    project = Project("Khu công nghiệp Bá Thiện", "Khu công nghiệp Bá Thiện", p_at, p_at + 25, "industrial_park",
                      lines[2].rstrip("\n"))
    rec = ExtractionRecord(source="/corpus/vinh-phuc/01-CTr-UBND.txt", id="01/CTr-UBND@2025@Vĩnh Phúc",
                           content_hash="0" * 64, document=meta, citations=[res, loc], implements=["01/NQ-CP"],
                           basis=["45/NQ-HĐND"], tasks=tasks, targets=[target], projects=[project])
    return rec, text


def directive_record() -> tuple[ExtractionRecord, str]:
    """A directive of the same province citing the resolution and the programme."""
    text = ("Thực hiện Nghị quyết 01/NQ-CP của Chính phủ và Chương trình hành động 01/CTr-UBND của UBND tỉnh, "
            "Chủ tịch UBND tỉnh yêu cầu:\n"
            "Sở Tài chính chủ trì rà soát dự toán ngân sách năm 2025.\n")
    meta = DocumentMeta(doc_type="Chỉ thị", symbol="05/CT-UBND", issuer="UBND tỉnh Vĩnh Phúc", province="Vĩnh Phúc",
                        date="2025-02-03", title="Chỉ thị về tăng cường kỷ luật tài chính", year=2025)
    res = _cited(RESOLUTION, "Nghị quyết", "Chính phủ", None, text, text.index("01/NQ-CP"))
    prog = _cited(DocumentIdentity("01/CTr-UBND", 2025, "Vĩnh Phúc"), "Chương trình hành động", "UBND tỉnh", None, text,
                  text.index("01/CTr-UBND"))
    line = text.splitlines()[1]
    at = text.index(line)
    tasks = [Task(line, at, at + len(line), line, "", [AgencyRef("Sở Tài chính", "lead", "sentence", start=at, end=at + 12)])]
    rec = ExtractionRecord(source="/corpus/vinh-phuc/05-CT-UBND.txt", id="05/CT-UBND@2025@Vĩnh Phúc",
                           content_hash="1" * 64, document=meta, citations=[res, prog], implements=["01/NQ-CP"],
                           tasks=tasks)
    return rec, text


def chain_fragments() -> list[GraphFragment]:
    return [fragment_from_record(r, text) for r, text in (programme_record(), directive_record())]


def chain_graph() -> MemoryGraph:
    return MemoryGraph(chain_fragments())


def synthetic_graph(n_nodes: int = 5000, seed: int = 7) -> MemoryGraph:
    """A graph of exactly ``n_nodes`` nodes (at least 210) shaped like a national corpus: resolutions, provincial
    documents implementing them, tasks with lead/support agencies, targets, citations."""
    rnd = random.Random(seed)
    g = MemoryGraph()
    frag = GraphFragment("synthetic", "synthetic", "")
    nodes, edges = frag.nodes, frag.edges
    provinces = [f"Tỉnh {i:02d}" for i in range(40)]
    resolutions = []
    for i in range(10):
        rid = f"{i + 1:02d}/NQ-CP@2025@national"
        nodes.append(Node("Document", rid, {"symbol": f"{i + 1:02d}/NQ-CP", "doc_type": "Resolution", "year": 2025,
                                             "jurisdiction": "national", "title": f"Nghị quyết {i + 1:02d}/NQ-CP"}))
        resolutions.append(rid)
    agencies = {}
    for p in provinces:
        for a in ("Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Công Thương", "Sở Xây dựng", "Sở Y tế"):
            aid = f"{p}:{a}"
            agencies.setdefault(p, []).append(aid)
            nodes.append(Node("Agency", aid, {"name": a, "jurisdiction": p}))
    count = len(nodes)
    k = 0
    while count < n_nodes:
        p = provinces[k % len(provinces)]
        did = f"{k + 1}/KH-UBND@2025@{p}"
        k += 1
        nodes.append(Node("Document", did, {"symbol": f"{k}/KH-UBND", "doc_type": "Plan", "year": 2025,
                                             "jurisdiction": p, "province": p, "ingested": True}))
        count += 1
        res = rnd.choice(resolutions)
        src = {"source_id": did, "source_path": f"{did}.txt", "sentence": f"Thực hiện {res.split('@')[0]}"}
        edges.append(Edge("IMPLEMENTS", did, res, "Document", "Resolution", dict(src)))
        edges.append(Edge("CITES", did, rnd.choice(resolutions), "Document", "Document", dict(src)))
        for t in range(rnd.randint(3, 8)):
            if count >= n_nodes:
                break
            tid = f"{did}#task-{t + 1}"
            nodes.append(Node("Task", tid, {"text": f"Nhiệm vụ {t + 1} của {did}", "source_id": did,
                                             "sentence": f"Nhiệm vụ {t + 1}", "province": p}, "own"))
            count += 1
            edges.append(Edge("HAS_TASK", did, tid, "Document", "Task", {"source_id": did}))
            lead, sup = rnd.sample(agencies[p], 2)
            edges.append(Edge("ASSIGNED_TO", tid, lead, "Task", "Agency", {"role": "lead", **src}))
            edges.append(Edge("ASSIGNED_TO", tid, sup, "Task", "Agency", {"role": "support", **src}))
            if rnd.random() < 0.2 and count < n_nodes:
                gid = f"{did}#target-{t + 1}"
                nodes.append(Node("Target", gid, {"indicator": "tăng trưởng GRDP", "value": "8", "value_num": 8.0,
                                                   "unit": "%", "source_id": did, "sentence": "GRDP tăng 8%"}, "own"))
                count += 1
                edges.append(Edge("SETS_TARGET", tid, gid, "Task", "Target", {"source_id": did}))
    g.add(frag)
    return g
