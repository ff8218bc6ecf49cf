#!/usr/bin/env python3
"""legalkg benchmarks: one command, one table (not unit tests).

    python bench/run.py [--docs 10000] [--big 180000] [--out bench/RESULTS.md]

Measures, on synthetic corpora (``legalkg synth``; generated once per seed and size under
--work, reused afterwards):

  (a) extraction MB/s per core (read + clean + find + resolve, one process) and its ratio to
      a bare compiled-regex scan of the same bytes (the floor), with a per-stage profile;
  (b) Neo4j write rate in graph elements/s: the batched writer alone (``write_fragments`` over
      fragments extracted beforehand), bulk (CSV writing + neo4j-admin import), and the ratios to
      neo4j-admin import alone of the same CSVs;
  (c) end-to-end time of ``legalkg build`` for the --docs and --big corpora into Neo4j;
  (d) traceability query p50/p95 on the largest graph built, Neo4j and embedded: 50 random
      implemented national documents, the 10 largest answers, their ``coverage`` overview and
      their trace restricted to the busiest province;
  (e) peak RSS of the legalkg process tree in each run.

Neo4j: a server of the benchmark's own is started through scripts/neo4j on --neo4j-port
(default 7720; it is stopped, wiped and restarted by the bulk runs, so never point this at a
server holding data you want).  The machine is noisy (other work may run): every figure is the
median of --repeat runs where a run is short, and ratios are taken within one run.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import os
import platform
import pstats
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
LEGALKG = str(Path(sys.executable).with_name("legalkg"))
SCRIPT = os.environ.get("LEGALKG_NEO4J_SCRIPT") or str(REPO / "scripts" / "neo4j")

GOALS = {"extract_mb_s_core": 5.0, "batched_el_s": 50_000, "big_e2e_s": 15 * 60, "trace_p95_ms": 50,
         "rss_mb": 2048}


# ----------------------------------------------------------------------------- helpers

class PeakRSS:
    """Peak resident memory of a process and its children (sampled)."""

    def __init__(self, pid: int, every: float = 0.25):
        self.pid, self.every, self.peak, self._stop = pid, every, 0, threading.Event()
        self.t = threading.Thread(target=self._run, daemon=True)
        self.t.start()

    def _run(self):
        while not self._stop.is_set():
            try:
                p = psutil.Process(self.pid)
                total = p.memory_info().rss + sum(c.memory_info().rss for c in p.children(recursive=True))
                self.peak = max(self.peak, total)
            except psutil.Error:
                pass
            self._stop.wait(self.every)

    def stop(self) -> float:
        self._stop.set()
        self.t.join()
        return self.peak / 2**20


def run_cmd(args: list[str], env: dict | None = None, log: Path | None = None) -> tuple[float, float, int]:
    """(seconds, peak RSS MiB of the tree, exit code)."""
    t = time.perf_counter()
    with open(log or os.devnull, "w") as fh:
        p = subprocess.Popen(args, stdout=fh, stderr=subprocess.STDOUT, env=env)
        rss = PeakRSS(p.pid)
        code = p.wait()
    return time.perf_counter() - t, rss.stop(), code


def corpus(work: Path, n: int, seed: int) -> Path:
    out = work / f"synth-{n}-s{seed}"
    man = out / "manifest.json"
    if man.exists() and json.loads(man.read_text())["docs"] == n:
        return out
    t = time.perf_counter()
    r = subprocess.run([LEGALKG, "synth", "--docs", str(n), "-o", str(out), "--seed", str(seed), "--force"],
                       capture_output=True, text=True)
    if r.returncode:
        raise SystemExit(r.stderr)
    print(f"  generated {n} documents in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    return out


def doc_paths(root: Path, limit: int | None = None) -> list[Path]:
    from graph_builder.ingest import walk

    out = []
    for p in walk([root]):
        if isinstance(p, Path):
            out.append(p)
            if limit and len(out) >= limit:
                break
    return out


# ----------------------------------------------------------------------------- (a) extraction

FLOOR = re.compile(r"(?<![\w/])\d{1,5}(?:/\d{4})?\s?[/-]\s?[A-ZĐ][A-Za-zĐđ]{0,9}(?:[-/][A-ZĐ][A-Za-zĐđ0-9]{0,9})*")


def bench_extraction(root: Path, sample: int, repeat: int) -> dict:
    from graph_builder.pipeline import extract_path

    paths = doc_paths(root, sample)
    data = [p.read_bytes() for p in paths]
    mb = sum(len(d) for d in data) / 1e6
    for p in paths[:5]:
        extract_path(p)  # warm up (imports, compiled patterns)
    runs, floors = [], []
    for _ in range(repeat):
        t = time.perf_counter()
        for p in paths:
            extract_path(p)
        runs.append(time.perf_counter() - t)
        t = time.perf_counter()
        hits = 0
        for d in data:
            hits += sum(1 for _ in FLOOR.finditer(d.decode("utf-8")))
        floors.append(time.perf_counter() - t)
    # profile one pass: where the time goes, by stage function
    prof = cProfile.Profile()
    prof.enable()
    for p in paths[: max(20, len(paths) // 4)]:
        extract_path(p)
    prof.disable()
    st = pstats.Stats(prof)
    stages = {}
    for (file, _line, func), (_cc, _nc, _tt, ct, _callers) in st.stats.items():
        if "graph_builder" in file and func in (
                "read_path", "clean_text", "find_metadata", "parse_outline", "find_citations", "resolve_citations",
                "find_named_references", "find_document_relations", "find_tasks", "assignments_from_tasks",
                "find_targets", "find_projects", "document_id"):
            stages[func] = stages.get(func, 0) + ct
    total = sum(stages.values()) or 1
    med, fmed = statistics.median(runs), statistics.median(floors)
    return {"sample_docs": len(paths), "sample_mb": round(mb, 1), "extract_mb_s_core": round(mb / med, 2),
            "floor_mb_s": round(mb / fmed, 1), "ratio_to_floor": round(fmed / med, 3),
            "stages_pct": {k: round(100 * v / total, 1) for k, v in sorted(stages.items(), key=lambda x: -x[1])}}


# ----------------------------------------------------------------------------- Neo4j

class Neo4j:
    def __init__(self, port: int, home: Path, heap: str, pagecache: str):
        self.env = {**os.environ, "LEGALKG_NEO4J_PORT": str(port), "LEGALKG_NEO4J_DIR": str(home),
                    "LEGALKG_NEO4J_HEAP": heap, "LEGALKG_NEO4J_PAGECACHE": pagecache,
                    "LEGALKG_NEO4J_ADMIN_HEAP": os.environ.get("LEGALKG_NEO4J_ADMIN_HEAP", "2g")}

    def start(self) -> None:
        r = subprocess.run([SCRIPT, "start"], capture_output=True, text=True, env=self.env)
        if r.returncode:
            raise SystemExit("scripts/neo4j start failed:\n" + r.stderr[-2000:])
        for line in r.stdout.splitlines():
            if line.startswith("export "):
                k, _, v = line[7:].partition("=")
                self.env[k] = v.strip().strip("'\"")

    def stop(self) -> None:
        subprocess.run([SCRIPT, "stop"], capture_output=True, text=True, env=self.env)

    def clean(self) -> None:
        subprocess.run([SCRIPT, "clean"], capture_output=True, text=True, env=self.env)

    @property
    def uri(self) -> str:
        return self.env["NEO4J_URI"]

    def driver(self):
        from neo4j import GraphDatabase

        return GraphDatabase.driver(self.uri, auth=(self.env["NEO4J_USER"], self.env["NEO4J_PASSWORD"]))

    def counts(self) -> tuple[int, int]:
        with self.driver() as d, d.session() as s:
            n = s.run("MATCH (n) RETURN count(n) AS c").single()["c"]
            r = s.run("MATCH ()-[r]->() RETURN count(r) AS c").single()["c"]
        return n, r

    def ensure_schema(self) -> None:
        """The ontology's constraints and indexes, online (as `legalkg build --bulk` leaves them)."""
        from graph_builder.ontology.generate import neo4j_schema_statements

        with self.driver() as d, d.session() as s:
            for stmt in neo4j_schema_statements():
                s.run(stmt).consume()
            s.run("CALL db.awaitIndexes(600)").consume()

    def wipe(self) -> None:
        self.clean()
        self.start()


def store_available() -> bool:
    try:
        from graph_builder.write import open_store  # noqa: F401
    except ImportError:
        return False
    return True


# Documents to trace, asked of each store itself (the two graphs may differ): national documents
# that something implements, with a year.  `random`: 50 of them drawn with a fixed seed (a typical
# question); `top`: the 10 with the most implementing documents (the largest answers).
_TRACE_CANDIDATES = ("MATCH (r:Document)<-[:IMPLEMENTS]-(d:Document) WHERE r.jurisdiction = 'national' "
                     "AND r.year IS NOT NULL RETURN r.symbol AS symbol, r.year AS year, count(d) AS n")


def trace_params(store, k: int = 50, top: int = 10, seed: int = 3) -> dict[str, list[dict]]:
    rows = sorted(store.cypher(_TRACE_CANDIDATES), key=lambda r: (-r["n"], r["symbol"], r["year"]))
    strip = [{"symbol": r["symbol"], "year": r["year"]} for r in rows]
    return {"random": random.Random(seed).sample(strip, min(k, len(strip))), "top": strip[:top]}


# the province with the most implementing documents of X: the drill-down a researcher makes of a
# resolution that thousands of documents carry out (trace with `province`)
_BUSIEST_PROVINCE = ("MATCH (x:Document)<-[:IMPLEMENTS]-(d:Document) WHERE x.symbol = $symbol AND x.year = $year "
                     "RETURN coalesce(d.province, d.jurisdiction) AS province, count(d) AS n")


def bench_traces(store, repeat: int = 3, repeat_top: int = 1) -> dict:
    """``repeat`` rounds of the 50 random traces; ``repeat_top`` of the 10 largest answers (each
    takes seconds on the 180k graph, and the warm-up already ran 3 of them)."""
    params = trace_params(store)
    out = {"random": time_trace(store, params["random"], repeat, warm=3)} if params["random"] else {}
    top = params.get("top") or []
    if top:
        out["top"] = time_trace(store, top, repeat_top, warm=3)
        # the overview of the largest answers (coverage: documents, tasks, agencies per province) and
        # the rows of their busiest province
        out["top_coverage"] = time_trace(store, top, repeat_top, warm=3, query="coverage")
        by_province = []
        for p in top:
            counts = sorted(store.cypher(_BUSIEST_PROVINCE, p), key=lambda r: (-r["n"], str(r["province"])))
            if counts:
                by_province.append({**p, "province": counts[0]["province"]})
        out["top_province"] = time_trace(store, by_province, repeat_top, warm=3)
    return out


class neo4j_credentials:
    """NEO4J_USER / NEO4J_PASSWORD of the benchmark's server in this process's environment (what
    ``open_store`` reads), restored on exit."""

    def __init__(self, neo: Neo4j):
        self.neo = neo

    def __enter__(self):
        self.saved = {k: os.environ.get(k) for k in ("NEO4J_USER", "NEO4J_PASSWORD")}
        os.environ.update({k: self.neo.env[k] for k in self.saved if k in self.neo.env})

    def __exit__(self, *exc):
        for k, v in self.saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def bench_trace(neo: Neo4j, repeat: int = 3) -> dict:
    """The named ``trace`` query on Neo4j, through the store's own query runner (what `legalkg
    query trace` runs: its steps, parameter checks and merge), timed per call."""
    from graph_builder.write import open_store

    with neo4j_credentials(neo), open_store(neo.uri, read_only=True) as store:
        return bench_traces(store, repeat)


def bench_trace_embedded(store_dir: Path, repeat: int = 3) -> dict:
    from graph_builder.write import open_store

    with open_store(str(store_dir), read_only=True) as store:
        return bench_traces(store, repeat)


def time_trace(store, params: list[dict], repeat: int, warm: int, query: str = "trace") -> dict:
    """p50/p95 of ``query`` (trace) over ``params`` (``repeat`` rounds, after ``warm`` calls that fill
    the caches), with the rows per call: a trace answering nothing is not a fast trace."""
    for p in params[:warm]:
        store.query(query, p)
    times, rows = [], 0
    for _ in range(repeat):
        for p in params:
            t = time.perf_counter()
            rows += len(store.query(query, p))
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {"queries": len(times), "rows_per_query": round(rows / max(1, len(times)), 1),
            "p50_ms": round(statistics.median(times), 1), "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1)}


def bench_build(root: Path, neo: Neo4j, work: Path, bulk: bool, label: str) -> dict:
    neo.wipe()
    log = work / f"build-{label}-{'bulk' if bulk else 'batched'}.log"
    args = [LEGALKG, "build", str(root), "--store", neo.uri, "--report", str(log.with_suffix(".json"))]
    if bulk:
        args += ["--bulk", "--bulk-dir", str(work / f"bulk-{label}")]
        shutil.rmtree(work / f"bulk-{label}", ignore_errors=True)
    secs, rss, code = run_cmd(args, env=neo.env, log=log)
    if bulk and code == 0:
        neo.start()  # the build restarted it; make sure this process knows the password/port
    nodes, rels = neo.counts() if code == 0 else (0, 0)
    out = {"seconds": round(secs, 1), "rss_mb": round(rss), "exit": code, "nodes": nodes, "relationships": rels,
           "elements_s": round((nodes + rels) / secs) if secs and code == 0 else 0, "log": str(log)}
    if bulk and code == 0:
        out.update(bench_admin_only(work / f"bulk-{label}", neo))
    return out


def bench_writer(root: Path, neo: Neo4j, docs: int, per_call: int = 100) -> dict:
    """(b) the batched writer alone: fragments of ``docs`` documents extracted first (not timed),
    then written into an empty database with ``write_fragments``, ``per_call`` documents a call."""
    from graph_builder.ingest import Skipped, batched, build_fragments
    from graph_builder.write import open_store

    frags = [f for f in build_fragments(doc_paths(root, docs)) if not isinstance(f, Skipped)]
    neo.wipe()
    with neo4j_credentials(neo), open_store(neo.uri) as store:
        store.ensure_schema()
        t = time.perf_counter()
        for batch in batched(frags, per_call):
            store.write_fragments(batch)
        secs = time.perf_counter() - t
    nodes, rels = neo.counts()
    return {"docs": len(frags), "seconds": round(secs, 1), "nodes": nodes, "relationships": rels,
            "elements_s": round((nodes + rels) / secs) if secs else 0, "loadavg": round(os.getloadavg()[0], 1)}


def bench_admin_only(bulk_dir: Path, neo: Neo4j) -> dict:
    """neo4j-admin import alone over the CSVs the bulk path wrote (the reference rate)."""
    from graph_builder.write.neo4j_bulk import BulkFiles, admin_command

    files = BulkFiles(bulk_dir)
    rel_types = ("ASSIGNED_TO", "CONCERNS", "HAS_TASK", "SETS_TARGET", "CITES", "IMPLEMENTS", "BASED_ON", "ISSUED_BY")
    for p in sorted(bulk_dir.glob("nodes_*.csv")):
        files.nodes[p.stem[len("nodes_"):]] = p
    for p in sorted(bulk_dir.glob("rels_*.csv")):
        files.relationships.append((next(t for t in rel_types if p.stem[5:].startswith(t)), p))
    neo.stop()
    env = neo.env
    cmd = [SCRIPT, "admin", *files.import_args()]
    secs, rss, code = run_cmd(cmd, env=env, log=bulk_dir / "admin-only.log")
    neo.start()
    neo.ensure_schema()  # the import alone makes no index: queries after it must find them as after a build
    nodes, rels = neo.counts()
    return {"admin_only_seconds": round(secs, 1), "admin_only_elements_s": round((nodes + rels) / secs) if secs else 0}


# ----------------------------------------------------------------------------- main

def fmt_table(rows: list[tuple[str, str, str, str]]) -> str:
    w = [max(len(r[i]) for r in rows) for i in range(4)]
    line = "| " + " | ".join(h.ljust(w[i]) for i, h in enumerate(rows[0])) + " |"
    sep = "|" + "|".join("-" * (x + 2) for x in w) + "|"
    body = ["| " + " | ".join(c.ljust(w[i]) for i, c in enumerate(r)) + " |" for r in rows[1:]]
    return "\n".join([line, sep, *body])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000, help="documents of the main corpus (default 10000)")
    ap.add_argument("--big", type=int, default=0, help="documents of the big corpus (e.g. 180000; 0 = skip)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sample", type=int, default=300, help="documents for the single-core extraction figure")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "legalkg-bench")
    ap.add_argument("--neo4j-port", type=int, default=7720)
    ap.add_argument("--neo4j-heap", default="4g")
    ap.add_argument("--neo4j-pagecache", default="4g")
    ap.add_argument("--no-neo4j", action="store_true", help="extraction figures only")
    ap.add_argument("--writer-docs", type=int, default=3000,
                    help="documents whose fragments time the batched writer alone (b), extracted beforehand")
    ap.add_argument("--big-batched", action="store_true",
                    help="also load the big corpus with the batched writer (default: bulk only, the path "
                         "meant for a first national-size load; batched at ~20-25k el/s takes ~30 min for 180k)")
    ap.add_argument("--embedded-big", action="store_true",
                    help="build the embedded store from the big corpus (default: the --docs corpus; the "
                         "embedded writer loads ~8k el/s, i.e. well over an hour for 180k documents)")
    ap.add_argument("--out", type=Path, help="append the table to this Markdown file (e.g. bench/RESULTS.md)")
    ap.add_argument("--json", type=Path, help="write all figures as JSON")
    ap.add_argument("--reuse", action="store_true",
                    help="take the extraction figures (a) from the --json file of an earlier run")
    ap.add_argument("--trace-only", choices=("small", "big"),
                    help="only (d): trace on the graphs an earlier run left in --work (its Neo4j database, "
                         "built from the named corpus, and work/embedded-store), without rebuilding them")
    a = ap.parse_args(argv)
    a.work.mkdir(parents=True, exist_ok=True)
    if a.trace_only:
        return trace_only(a)
    res: dict = {"date": dt.datetime.now().isoformat(timespec="minutes"),
                 "machine": f"{platform.node()} {platform.machine()}, {psutil.cpu_count()} cores, "
                            f"{psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}",
                 "loadavg_at_start": [round(x, 1) for x in os.getloadavg()],
                 "git": subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                                       text=True).stdout.strip()}
    print("bench: corpora", file=sys.stderr)
    small = corpus(a.work, a.docs, a.seed)
    big = corpus(a.work, a.big, a.seed) if a.big else None
    old = json.loads(a.json.read_text()) if a.reuse and a.json and a.json.exists() else {}
    t = time.perf_counter()
    gen = None if old else subprocess.run([LEGALKG, "synth", "--docs", "5000", "-o", str(a.work / "gen-speed"), "--seed", "9",
                          "--force"], capture_output=True, text=True)
    if old:
        for k in ("synth_docs_s", "extraction", "extract_cmd"):
            res[k] = old[k]
    else:
        res["synth_docs_s"] = round(5000 / (time.perf_counter() - t)) if gen.returncode == 0 else None
        print("bench: (a) extraction", file=sys.stderr)
        res["extraction"] = bench_extraction(small, a.sample, a.repeat)
        print("bench: extract command (all cores)", file=sys.stderr)
        secs, rss, code = run_cmd([LEGALKG, "extract", str(small), "-o", str(a.work / "extract.jsonl")],
                                  log=a.work / "extract.log")
        mb = json.loads((small / "manifest.json").read_text())["bytes"] / 1e6
        res["extract_cmd"] = {"seconds": round(secs, 1), "mb_s": round(mb / secs, 2), "docs_s": round(a.docs / secs),
                              "rss_mb": round(rss), "exit": code}
        if a.json:
            a.json.write_text(json.dumps(res, ensure_ascii=False, indent=2))
    if not a.no_neo4j:
        neo = Neo4j(a.neo4j_port, a.work / f"neo4j-{a.neo4j_port}", a.neo4j_heap, a.neo4j_pagecache)
        neo.start()
        try:
            has_store = store_available()
            for label, root in (("small", small), ("big", big)):
                if root is None:
                    continue
                print(f"bench: (b/c) build {label}", file=sys.stderr)
                if has_store and label == "small":
                    print("bench: (b) batched writer alone", file=sys.stderr)
                    res["writer_batched"] = bench_writer(root, neo, min(a.docs, a.writer_docs))
                if has_store and (label == "small" or a.big_batched):
                    res[f"build_{label}_batched"] = bench_build(root, neo, a.work, bulk=False, label=label)
                res[f"build_{label}_bulk"] = bench_build(root, neo, a.work, bulk=True, label=label)
            print("bench: (d) trace", file=sys.stderr)
            res["trace_neo4j"] = bench_trace(neo) if has_store else None
            res["trace_graph"] = "big" if big else "small"
            if has_store:
                emb = a.work / "embedded-store"
                shutil.rmtree(emb, ignore_errors=True)
                emb_root = big if (big and a.embedded_big) else small
                secs, rss, code = run_cmd([LEGALKG, "build", str(emb_root), "--store", str(emb)],
                                          log=a.work / "build-embedded.log")
                res["build_embedded"] = {"seconds": round(secs, 1), "rss_mb": round(rss), "exit": code,
                                         "graph": "big" if emb_root is big else "small"}
                res["trace_embedded"] = bench_trace_embedded(emb) if code == 0 else None
        finally:
            neo.stop()
    table = make_table(res, a)
    print(table)
    if a.json:
        a.json.write_text(json.dumps(res, ensure_ascii=False, indent=2))
    if a.out:
        with a.out.open("a", encoding="utf-8") as fh:
            fh.write(f"\n## {res['date']} — {res['machine']} — commit {res['git']} — load average at start "
                     f"{res['loadavg_at_start']}\n\n{table}\n\n"
                     f"Extraction profile (share of extraction time by stage, single core): "
                     f"{res['extraction']['stages_pct']}\n")
    return 0


def trace_only(a) -> int:
    res: dict = {"date": dt.datetime.now().isoformat(timespec="minutes"), "trace_graph": a.trace_only,
                 "loadavg_at_start": [round(x, 1) for x in os.getloadavg()]}
    neo = Neo4j(a.neo4j_port, a.work / f"neo4j-{a.neo4j_port}", a.neo4j_heap, a.neo4j_pagecache)
    neo.start()
    try:
        res["trace_neo4j"] = bench_trace(neo)
    finally:
        neo.stop()
    emb = a.work / "embedded-store"
    if emb.exists():
        old = json.loads(a.json.read_text()) if a.json and a.json.exists() else {}
        res["build_embedded"] = {**old.get("build_embedded", {}), "graph": old.get("build_embedded", {}).get("graph", "?")}
        res["trace_embedded"] = bench_trace_embedded(emb)
    print(make_table(res, a))
    print(json.dumps(res, ensure_ascii=False, indent=2), file=sys.stderr)
    return 0


def make_table(res: dict, a) -> str:
    rows = [("measure", "result", "goal", "met")]

    def add(name, value, goal=None, ok=None):
        rows.append((name, value, goal or "", "" if ok is None else ("yes" if ok else "NO")))

    ex = res.get("extraction")
    if ex:
        add("synth generation", f"{res.get('synth_docs_s')} docs/s (2 cores)")
        add("(a) extraction, 1 core", f"{ex['extract_mb_s_core']} MB/s ({ex['sample_docs']} docs, {ex['sample_mb']} MB)",
            ">= 5 MB/s", ex["extract_mb_s_core"] >= GOALS["extract_mb_s_core"])
        add("(a) regex floor, 1 core", f"{ex['floor_mb_s']} MB/s; extraction/floor = {ex['ratio_to_floor']}")
    ec = res.get("extract_cmd")
    if ec:
        add(f"legalkg extract {a.docs} docs, all cores", f"{ec['seconds']} s, {ec['mb_s']} MB/s, {ec['docs_s']} docs/s, "
            f"peak RSS {ec['rss_mb']} MiB", "RSS <= 2 GB", ec["rss_mb"] <= GOALS["rss_mb"])
    w = res.get("writer_batched")
    if w:
        admin = (res.get("build_small_bulk") or {}).get("admin_only_elements_s")
        add(f"(b) batched writer alone ({w['docs']} docs' fragments, write_fragments)",
            f"{w['seconds']} s, {w['elements_s']} el/s ({w['nodes']} nodes, {w['relationships']} rels; load {w['loadavg']})"
            + (f"; writer/admin = {round(w['elements_s'] / admin, 3)}" if admin else ""),
            ">= 50k el/s", w["elements_s"] >= GOALS["batched_el_s"])
    for label, n in (("small", a.docs), ("big", a.big)):
        b = res.get(f"build_{label}_batched")
        if b:
            add(f"(c) `legalkg build` {n} docs, batched (extraction + writes)",
                f"{b['seconds']} s, {b['elements_s']} el/s end to end, RSS {b['rss_mb']} MiB"
                + ("" if b["exit"] == 0 else f" (exit {b['exit']})"))
        k = res.get(f"build_{label}_bulk")
        if k:
            ratio = (round(k["elements_s"] / k["admin_only_elements_s"], 3)
                     if k.get("admin_only_elements_s") else "n/a")
            add(f"(b/c) build {n} docs, --bulk", f"{k['seconds']} s, {k['elements_s']} el/s "
                f"({k['nodes']} nodes, {k['relationships']} rels), RSS {k['rss_mb']} MiB"
                + ("" if k["exit"] == 0 else f" (exit {k['exit']})"),
                "<= 15 min" if label == "big" else "",
                (k["exit"] == 0 and k["seconds"] <= GOALS["big_e2e_s"]) if label == "big" else None)
            if k.get("admin_only_seconds"):
                add(f"(b) neo4j-admin import alone, {n} docs", f"{k['admin_only_seconds']} s, "
                    f"{k['admin_only_elements_s']} el/s; bulk/admin = {ratio}")
    be = res.get("build_embedded") or {}
    for store_name, key, graph in (("Neo4j", "trace_neo4j", res.get("trace_graph")),
                                   ("embedded", "trace_embedded", be.get("graph"))):
        for kind, what in (("random", "50 random implemented national docs"), ("top", "10 most-implemented"),
                           ("top_coverage", "coverage (overview) of the 10 most-implemented"),
                           ("top_province", "10 most-implemented, their busiest province")):
            t = (res.get(key) or {}).get(kind)
            if t:
                add(f"(d) trace, {store_name}, {graph} graph, {what}",
                    f"p50 {t['p50_ms']} ms, p95 {t['p95_ms']} ms ({t['queries']} queries, {t['rows_per_query']} rows/query)",
                    "p95 <= 50 ms" if kind == "random" else "", t["p95_ms"] <= GOALS["trace_p95_ms"] if kind == "random" else None)
    if be.get("seconds") is not None:
        add(f"`legalkg build` embedded store, {be.get('graph')} corpus", f"{be.get('seconds')} s, RSS {be.get('rss_mb')} MiB"
            + ("" if be.get("exit") == 0 else f" (exit {be.get('exit')})"))
    return fmt_table(rows)


if __name__ == "__main__":
    sys.exit(main())
