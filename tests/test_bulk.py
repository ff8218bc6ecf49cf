"""`legalkg build --bulk` (CSV files + neo4j-admin import into an empty database) gives the same
graph as the batched writer, on the seeds and the samples, on a real Neo4j server of the test's
own (the bulk path stops and restarts it).  Marker ``neo4j``."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graph_builder.ingest import Skipped, bulk_rows
from graph_builder.write.neo4j_bulk import BulkCsvWriter

from store_fixtures import assert_same_graph, private_neo4j_env, start_private_neo4j, stop_private_neo4j

REPO = Path(__file__).resolve().parents[1]
SCRIPT = str(REPO / "scripts" / "neo4j")
LEGALKG = str(Path(sys.executable).with_name("legalkg"))


@pytest.fixture(scope="module")
def private_neo4j(tmp_path_factory):
    env = private_neo4j_env(tmp_path_factory.mktemp("neo4j-bulk") / "server", heap="512m", pagecache="128m")
    start_private_neo4j(env)
    yield env
    stop_private_neo4j(env)


def _fresh(env: dict) -> None:
    subprocess.run([SCRIPT, "clean"], capture_output=True, text=True, env=env, timeout=300)
    start_private_neo4j(env)


def _snapshot(env) -> tuple[list, list]:
    """Every node (id, labels, properties) and relationship (type, ends, properties), sorted."""
    from neo4j import GraphDatabase

    def plain(props: dict) -> tuple:
        return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in props.items()))

    with GraphDatabase.driver(env["NEO4J_URI"], auth=(env["NEO4J_USER"], env["NEO4J_PASSWORD"])) as d, \
            d.session() as s:
        nodes = sorted((r["id"], tuple(sorted(r["l"])), plain(r["p"]))
                       for r in s.run("MATCH (n) RETURN n.id AS id, labels(n) AS l, properties(n) AS p"))
        rels = sorted((r["t"], r["a"], r["b"], plain(r["p"])) for r in s.run(
            "MATCH (a)-[r]->(b) RETURN type(r) AS t, a.id AS a, b.id AS b, properties(r) AS p"))
    return nodes, rels


def _build(env, folder: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([LEGALKG, "build", str(folder), "--store", env["NEO4J_URI"], *extra],
                          capture_output=True, text=True, env=env, timeout=900)


@pytest.mark.neo4j
@pytest.mark.parametrize("corpus", ["seeds", "samples"])
def test_bulk_load_is_the_batched_graph(private_neo4j, corpus, seeds_dir, tmp_path):
    env = private_neo4j
    folder = seeds_dir if corpus == "seeds" else REPO / "samples"
    _fresh(env)  # the bulk path needs an empty database
    bulk = _build(env, folder, "--bulk", "--bulk-dir", str(tmp_path / "csv"))
    assert bulk.returncode == 0, bulk.stderr[-3000:]
    bulk_graph = _snapshot(env)

    _fresh(env)
    batched = _build(env, folder)
    assert batched.returncode == 0, batched.stderr[-3000:]
    batched_graph = _snapshot(env)

    assert_same_graph(bulk_graph, batched_graph)


def test_import_rows_are_made_in_the_workers_and_appended_as_text(tmp_path):
    """The rows a worker makes for a document are the rows the writer would make from its fragment."""
    samples = REPO / "samples"
    rows = [r for r in bulk_rows([samples], jobs=2) if not isinstance(r, Skipped)]
    assert len(rows) == 5
    with BulkCsvWriter(tmp_path / "a") as w:
        for r in rows:
            w.add_rows(r)
        files_a = w.close()
    from graph_builder.ingest import build_fragments

    with BulkCsvWriter(tmp_path / "b") as w:
        for f in build_fragments([samples], jobs=1):
            if not isinstance(f, Skipped):
                w.add(f)
        files_b = w.close()
    assert (files_a.node_count, files_a.relationship_count) == (files_b.node_count, files_b.relationship_count)
    assert files_a.relationship_count > 50
    for label, path in files_a.nodes.items():
        assert path.read_text(encoding="utf-8") == files_b.nodes[label].read_text(encoding="utf-8")
    for (_, pa), (_, pb) in zip(files_a.relationships, files_b.relationships):
        assert pa.read_text(encoding="utf-8") == pb.read_text(encoding="utf-8")
