"""Store benchmark (a measurement, not a test): Neo4j write rate against the UNWIND batch size, and
`trace` latency (median, p95 over 50 random documents) on a synthetic graph of >= 100,000 nodes,
on the embedded store and on Neo4j.

    eval "$(scripts/neo4j start)"
    .venv/bin/python bench/store_bench.py [--docs 6000] [--skip-neo4j]

The synthetic graph is generated as GraphFragments directly (no extraction): national resolutions,
provincial programmes implementing them, district plans implementing the programmes, each with
tasks assigned to agencies, targets and citations.  Fragments are grouped into load batches of 200
documents (one transaction each) so that the load itself is quick; per-document writes are
measured separately on 200 documents.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph_builder.model import Edge, GraphFragment, Node  # noqa: E402
from graph_builder.write import open_store  # noqa: E402

PROVINCES = ["Vĩnh Phúc", "Thái Nguyên", "Quảng Nam", "Vĩnh Long", "Bình Định", "Nghệ An", "Lào Cai", "Cà Mau"]
AGENCIES = ["Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Công Thương", "Sở Nội vụ", "Sở Y tế",
            "Sở Giáo dục và Đào tạo", "Sở Xây dựng", "Sở Tư pháp"]


def synth(n_docs: int, seed: int = 7) -> tuple[list[GraphFragment], list[tuple[str, int]]]:
    rnd = random.Random(seed)
    frags, national = [], []
    n_nat = max(10, n_docs // 20)
    for i in range(n_docs):
        year = 2015 + i % 11
        if i < n_nat:
            sym, juris, kind = f"{i + 1}/NQ-CP", "national", "Resolution"
            parent = None
            national.append((sym, year))
        elif i < n_docs // 2:
            juris = PROVINCES[i % len(PROVINCES)]
            sym, kind = f"{i}/CTr-UBND", "Program"
            parent = national[rnd.randrange(len(national))]
            parent = (f"{parent[0]}@{parent[1]}@national", parent)
        else:
            juris = PROVINCES[i % len(PROVINCES)]
            sym, kind = f"{i}/KH-UBND", "Plan"
            j = rnd.randrange(n_nat, n_docs // 2)
            parent = (f"{j}/CTr-UBND@{2015 + j % 11}@{PROVINCES[j % len(PROVINCES)]}", None)
        doc_id = f"{sym}@{year}@{juris}"
        f = GraphFragment(doc_id, f"synth/{i}.txt", f"h{i}")
        f.nodes.append(Node("Document", doc_id, {"symbol": sym, "doc_type": kind, "year": year, "jurisdiction": juris,
                                                 "province": None if juris == "national" else juris,
                                                 "ingested": True, "source_path": f"synth/{i}.txt",
                                                 "content_hash": f"h{i}", "title": f"Văn bản {sym}"}, "set"))
        prov = {"source_id": doc_id, "source_path": f"synth/{i}.txt", "span_start": 0, "span_end": 10,
                "sentence": "Câu nguồn."}
        if parent:
            pid = parent[0]
            psym, pyear, pj = pid.split("@")
            f.nodes.append(Node("Document", pid, {"symbol": psym, "year": int(pyear), "jurisdiction": pj,
                                                  "ingested": False}, "fill"))
            f.edges.append(Edge("IMPLEMENTS", doc_id, pid, "Document", "Document", dict(prov)))
            f.edges.append(Edge("CITES", doc_id, pid, "Document", "Document", {**prov, "mentions": 2}))
        for c in range(3):
            k = rnd.randrange(len(national))
            cid = f"{national[k][0]}@{national[k][1]}@national"
            if parent and cid == parent[0]:
                continue
            f.nodes.append(Node("Document", cid, {"symbol": national[k][0], "year": national[k][1],
                                                  "jurisdiction": "national", "ingested": False}, "fill"))
            f.edges.append(Edge("CITES", doc_id, cid, "Document", "Document", {**prov, "mentions": 1}))
        f.edges = list({(e.type, e.target): e for e in f.edges}.values())
        ag_j = "national" if juris == "national" else juris
        for t in range(10):
            tid = f"{doc_id}#task-{t + 1}"
            f.nodes.append(Node("Task", tid, {"text": f"Nhiệm vụ {t}", "deadline": f"{year}-{1 + t % 12:02d}-28",
                                              "province": None if juris == "national" else juris, **prov}, "own"))
            f.edges.append(Edge("HAS_TASK", doc_id, tid, "Document", "Task", {}))
            for r, role in ((t % 8, "lead"), ((t + 3) % 8, "support")):
                aid = f"{ag_j}:{AGENCIES[r]}"
                f.nodes.append(Node("Agency", aid, {"name": AGENCIES[r], "jurisdiction": ag_j}, "fill"))
                f.edges.append(Edge("ASSIGNED_TO", tid, aid, "Task", "Agency", {**prov, "role": role}))
        for g in range(3):
            gid = f"{doc_id}#target-{g + 1}"
            f.nodes.append(Node("Target", gid, {"indicator": "tăng trưởng GRDP", "value": "8", "value_num": 8.0,
                                                "unit": "%", "year": year, **prov}, "own"))
            f.edges.append(Edge("SETS_TARGET", doc_id, gid, "Document", "Target", {}))
        frags.append(f)
    return frags, national


def merged(frags: list[GraphFragment], i: int) -> GraphFragment:
    big = GraphFragment(f"batch-{i}", f"batch-{i}", f"batch-{i}")
    seen = set()
    for f in frags:
        for n in f.nodes:
            if (n.label, n.id) not in seen:
                seen.add((n.label, n.id))
                big.nodes.append(n)
        big.edges += f.edges
    return big


def load(store, frags, batch=200) -> float:
    t = time.perf_counter()
    for i in range(0, len(frags), batch):
        store.write_fragment(merged(frags[i:i + batch], i))
    return time.perf_counter() - t


def per_document(store, frags) -> float:
    t = time.perf_counter()
    for f in frags:
        store.write_fragment(f)
    return (time.perf_counter() - t) / len(frags)


def trace_latency(store, national, n=50, seed=3) -> tuple[float, float, int]:
    rnd = random.Random(seed)
    picks = [national[rnd.randrange(len(national))] for _ in range(n)]
    store.query("trace", symbol=picks[0][0], year=picks[0][1])  # warm-up
    times, rows = [], 0
    for sym, year in picks:
        t = time.perf_counter()
        rows += len(store.query("trace", symbol=sym, year=year))
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], rows


def batch_sizes(store, sizes=(100, 500, 1000, 2000, 5000, 10000), n=20000) -> list[tuple[int, float]]:
    """Elements/s writing n Task nodes + n ASSIGNED_TO edges with UNWIND batches of each size."""
    out = []
    for b in sizes:
        store._transaction(lambda tx: tx.run("MATCH (t:Task) WHERE t.source_id = 'bench' DETACH DELETE t"))
        store.batch_size = b
        rows = [{"id": f"bench-{b}-{i}", "text": "x", "source_id": "bench"} for i in range(n)]
        edges = [{"_s": f"bench-{b}-{i}", "_t": f"national:{AGENCIES[i % 8]}", "role": "lead", "source_id": "bench"}
                 for i in range(n)]
        t = time.perf_counter()
        store._transaction(lambda tx: (store._write_nodes(tx, "Task", "own", rows),
                                       store._create_edges(tx, "ASSIGNED_TO", "Task", "Agency", edges)))
        out.append((b, 2 * n / (time.perf_counter() - t)))
    store._transaction(lambda tx: tx.run("MATCH (t:Task) WHERE t.source_id = 'bench' DETACH DELETE t"))
    store.batch_size = 1000
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=6600)
    ap.add_argument("--skip-neo4j", action="store_true")
    args = ap.parse_args()
    frags, national = synth(args.docs)
    extra, _ = synth(200, seed=99)
    for f in extra:  # distinct ids for the per-document measurement
        f.document_id = "x" + f.document_id
    n_nodes = len({(n.label, n.id) for f in frags for n in f.nodes})
    n_edges = sum(len(f.edges) for f in frags)
    print(f"synthetic graph: {len(frags)} documents, {n_nodes} nodes, ~{n_edges} edges")
    kinds = ["embedded"] + ([] if args.skip_neo4j else ["neo4j"])
    for kind in kinds:
        tmp = tempfile.mkdtemp(prefix="kg-bench-")
        store = open_store(str(Path(tmp) / "kg") if kind == "embedded" else os.environ["NEO4J_URI"])
        if kind == "neo4j":
            store._transaction(lambda tx: tx.run("MATCH (n) DETACH DELETE n"))
        store.ensure_schema()
        secs = load(store, frags)
        s = store.stats()
        total = sum(s["nodes"].values())
        print(f"[{kind}] loaded {total} nodes, {sum(s['relationships'].values())} edges in {secs:.1f} s "
              f"(batches of 200 documents)")
        med, p95, rows = trace_latency(store, national)
        print(f"[{kind}] trace over 50 random documents: median {med:.1f} ms, p95 {p95:.1f} ms ({rows} rows)")
        pd = per_document(store, [f for f in extra][:200])
        print(f"[{kind}] one transaction per document (~45 nodes, ~60 edges): {pd * 1000:.1f} ms/document")
        if kind == "neo4j":
            for b, rate in batch_sizes(store):
                print(f"[neo4j] UNWIND batch {b:>6}: {rate:,.0f} elements/s")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
