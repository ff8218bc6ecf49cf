"""Store benchmark (a measurement, not a test): the batched writer's rate against documents per
transaction and rows per UNWIND statement (Neo4j), the load of a synthetic graph of >= 100,000
nodes with ``write_fragments`` on both stores, and `trace` latency (median, p95 over 50 random
documents) on that graph, on the embedded store and on Neo4j, in one run.

    eval "$(scripts/neo4j start)"
    .venv/bin/python bench/store_bench.py [--docs 7200] [--skip-neo4j] [--skip-curve]

The synthetic graph is generated as GraphFragments directly (no extraction): national resolutions,
provincial programmes implementing them, district plans implementing the programmes, each with
tasks assigned to agencies, targets and citations.  Graph elements = nodes + relationships created.
The machine's load average is printed with every figure: on a shared 2-core machine it matters.
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


def load(store, frags) -> tuple[float, int]:
    """Seconds and graph elements created writing ``frags`` with write_fragments."""
    t = time.perf_counter()
    res = store.write_fragments(frags)
    secs = time.perf_counter() - t
    failed = sum(r["failed"] for r in res)
    if failed:
        raise SystemExit(f"{failed} document(s) failed: {store.last_failures[:3]}")
    return secs, sum(r["nodes_created"] + r["edges_created"] for r in res)


def wipe(store) -> None:
    if store.kind == "neo4j":  # bounded transactions: one DETACH DELETE of the graph exceeds the tx memory
        for text in ("MATCH ()-[r]->() WITH r LIMIT 50000 DELETE r RETURN count(*) AS c",
                     "MATCH (n) WITH n LIMIT 50000 DETACH DELETE n RETURN count(*) AS c"):
            while store._transaction(lambda tx: tx.run(text))[0]["c"]:
                pass


def load_average() -> str:
    return "load %.1f" % os.getloadavg()[0]


def write_curve(store, frags, per_tx=(1, 10, 50, 100, 200, 500), rows=(250, 1000, 5000), base=(100, 1000),
                repeat=3):
    """Elements/s loading ``frags`` into an empty database: documents per transaction (rows per
    UNWIND = base[1]), then rows per UNWIND (documents per transaction = base[0]).  Each point is
    loaded ``repeat`` times: the best run is the least disturbed by other load on the machine, the
    spread says how disturbed the others were."""
    out = []
    for d, r in [(d, base[1]) for d in per_tx] + [(base[0], r) for r in rows if r != base[1]]:
        rates, loads = [], []
        for _ in range(repeat):
            wipe(store)
            store.docs_per_tx, store.batch_size = d, r
            secs, elements = load(store, frags)
            rates.append(elements / secs)
            loads.append(os.getloadavg()[0])
        out.append((d, r, max(rates), statistics.median(rates)))
        print(f"[neo4j] write_fragments, {d:>4} documents/transaction, {r:>5} rows/UNWIND: best {max(rates):>7,.0f}, "
              f"median {statistics.median(rates):>7,.0f}, worst {min(rates):>7,.0f} elements/s "
              f"(load {min(loads):.1f}-{max(loads):.1f})", flush=True)
    store.docs_per_tx, store.batch_size = base
    wipe(store)
    return out


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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=7200)
    ap.add_argument("--curve-docs", type=int, default=2000, help="documents per load of the write-rate curve")
    ap.add_argument("--skip-neo4j", action="store_true")
    ap.add_argument("--skip-curve", action="store_true")
    ap.add_argument("--repeat", type=int, default=3, help="loads per point of the write-rate curve")
    args = ap.parse_args()
    frags, national = synth(args.docs)
    extra, _ = synth(200, seed=99)
    for f in extra:  # distinct ids for the per-document measurement
        f.document_id = "x" + f.document_id
    n_nodes = len({(n.label, n.id) for f in frags for n in f.nodes})
    n_edges = sum(len(f.edges) for f in frags)
    print(f"synthetic graph: {len(frags)} documents, {n_nodes} nodes, ~{n_edges} edges; {os.cpu_count()} cores")
    kinds = ["embedded"] + ([] if args.skip_neo4j else ["neo4j"])
    for kind in kinds:
        tmp = tempfile.mkdtemp(prefix="kg-bench-")
        store = open_store(str(Path(tmp) / "kg") if kind == "embedded" else os.environ["NEO4J_URI"])
        wipe(store)
        store.ensure_schema()
        if kind == "neo4j" and not args.skip_curve:
            write_curve(store, frags[:args.curve_docs], repeat=args.repeat)
        secs, elements = load(store, frags)
        s = store.stats()
        total = sum(s["nodes"].values())
        print(f"[{kind}] loaded {total} nodes, {sum(s['relationships'].values())} edges in {secs:.1f} s: "
              f"{elements / secs:,.0f} elements/s (write_fragments, {store.docs_per_tx} documents/transaction; "
              f"{load_average()})", flush=True)
        med, p95, rows = trace_latency(store, national)
        print(f"[{kind}] trace over 50 random documents: median {med:.1f} ms, p95 {p95:.1f} ms ({rows} rows; "
              f"{load_average()})", flush=True)
        pd = per_document(store, [f for f in extra][:200])
        print(f"[{kind}] one transaction per document (~45 nodes, ~60 edges): {pd * 1000:.1f} ms/document "
              f"({load_average()})", flush=True)
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
