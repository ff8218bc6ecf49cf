"""Fixtures for the store tests: the embedded store in a temporary folder, and the real Neo4j
server of ``scripts/neo4j`` (marker ``neo4j``; when CI=true a server that cannot start fails the
test instead of skipping it).  Test modules import what they use from here."""
from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STORES = [pytest.param("embedded", id="embedded"), pytest.param("neo4j", id="neo4j", marks=pytest.mark.neo4j)]

SCRIPT = ROOT / "scripts" / "neo4j"

_neo4j_env: dict[str, str] | None = None


def _parse_exports(text: str) -> dict[str, str]:
    env = {}
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("export "):
            k, _, v = line[len("export "):].partition("=")
            env[k] = v.strip().strip("'\"")
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def private_neo4j_env(home: Path, **settings: str) -> dict[str, str]:
    """The environment of a Neo4j server of a test's own: a free port, its home under ``home``, no
    credentials inherited from the session's server; ``settings`` are LEGALKG_NEO4J_* values
    (e.g. HEAP="512m")."""
    env = {**os.environ, "LEGALKG_NEO4J_PORT": str(free_port()), "LEGALKG_NEO4J_DIR": str(home)}
    env.update({f"LEGALKG_NEO4J_{k.upper()}": v for k, v in settings.items()})
    for k in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "LEGALKG_NEO4J_PASSWORD"):
        env.pop(k, None)
    return env


def start_private_neo4j(env: dict[str, str]) -> None:
    """``scripts/neo4j start`` (or find it running) for ``env``; its NEO4J_URI/USER/PASSWORD go into
    ``env`` (a wiped data folder gets a new password)."""
    r = subprocess.run([str(SCRIPT), "start"], capture_output=True, text=True, env=env, timeout=900)
    assert r.returncode == 0, r.stderr[-2000:]
    env.update(_parse_exports(r.stdout))


def stop_private_neo4j(env: dict[str, str]) -> None:
    subprocess.run([str(SCRIPT), "stop"], capture_output=True, text=True, env=env, timeout=300)


def neo4j_env() -> dict[str, str]:
    """NEO4J_URI/USER/PASSWORD of a running server: from the environment, else scripts/neo4j."""
    global _neo4j_env
    if _neo4j_env is not None:
        return _neo4j_env
    if os.environ.get("NEO4J_URI") and os.environ.get("NEO4J_PASSWORD"):
        _neo4j_env = {k: os.environ[k] for k in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD") if k in os.environ}
        return _neo4j_env
    script = SCRIPT
    why = "scripts/neo4j missing"
    if script.exists():
        try:
            status = subprocess.run([str(script), "status"], capture_output=True, text=True, timeout=60)
            cmd = "env" if status.returncode == 0 else "start"
            out = subprocess.run([str(script), cmd], capture_output=True, text=True, timeout=600)
            env = _parse_exports(out.stdout)
            if out.returncode == 0 and env.get("NEO4J_URI"):
                _neo4j_env = env
                return env
            why = f"scripts/neo4j {cmd} exited {out.returncode}: {out.stderr.strip()[-300:]}"
        except subprocess.TimeoutExpired:
            why = "scripts/neo4j timed out"
    if os.environ.get("CI") == "true":
        pytest.fail(f"Neo4j could not be started in CI: {why}")
    pytest.skip(f"no Neo4j server: {why}")


def open_test_store(kind: str, tmp_path: Path, wipe: bool = True):
    """A fresh, empty store of ``kind`` (the Neo4j database is wiped)."""
    from graph_builder.write import open_store

    if kind == "embedded":
        store = open_store(str(tmp_path / f"kg-{kind}"))
    else:
        env = neo4j_env()
        old = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        try:
            store = open_store(env["NEO4J_URI"])
        finally:
            for k, v in old.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        if wipe:
            wipe_neo4j(store)
    store.ensure_schema()
    return store


def wipe_neo4j(store, chunk: int = 50000) -> None:
    """Empty the Neo4j database in bounded transactions (a benchmark graph in one DETACH DELETE
    exceeds the server's transaction memory): relationships first, then nodes."""
    for text in ("MATCH ()-[r]->() WITH r LIMIT $n DELETE r RETURN count(*) AS c",
                 "MATCH (n) WITH n LIMIT $n DETACH DELETE n RETURN count(*) AS c"):
        while store._transaction(lambda tx: tx.run(text, {"n": chunk}))[0]["c"]:
            pass


@pytest.fixture(params=STORES)
def store(request, tmp_path):
    s = open_test_store(request.param, tmp_path)
    yield s
    s.close()


def build(store, fragments) -> dict[str, int]:
    total: dict[str, int] = {}
    for f in fragments:
        for k, v in store.write_fragment(f).items():
            total[k] = total.get(k, 0) + v
    total["linked"] = store.link_undated()
    return total


def graph_snapshot(store) -> tuple[list, list]:
    """Every node and edge as sorted plain tuples (for comparisons between stores and states)."""
    import json

    nodes = sorted((n["label"], n["id"], json.dumps(n["props"], sort_keys=True, ensure_ascii=False))
                   for n in store.nodes())
    edges = sorted((e["type"], e["source"], e["target"], json.dumps(e["props"], sort_keys=True, ensure_ascii=False))
                   for e in store.edges())
    return nodes, edges


def assert_same_graph(bulk_graph: tuple[list, list], batched_graph: tuple[list, list]) -> None:
    """Two (nodes, relationships) snapshots are the same multisets, and not trivially small; a
    difference is shown by its first few elements on each side."""
    assert len(bulk_graph[0]) > 50 and len(bulk_graph[1]) > 100
    for part, name in ((0, "nodes"), (1, "relationships")):
        only_bulk = sorted(set(bulk_graph[part]) - set(batched_graph[part]))
        only_batched = sorted(set(batched_graph[part]) - set(bulk_graph[part]))
        assert not only_bulk and not only_batched, (
            f"{name} only in the bulk graph: {only_bulk[:3]}\n{name} only in the batched graph: {only_batched[:3]}")
        assert bulk_graph[part] == batched_graph[part]  # the same multiset
