"""Read-only Cypher on both stores, the `legalkg` store commands, and credentials that never show."""
from __future__ import annotations

import logging
import os

import pytest
from click.testing import CliRunner

import store_corpus as C
from graph_builder.cli import main
from graph_builder.write import StoreConfigError, WriteRefused, check_read_only, open_store
from graph_builder.write.config import neo4j_settings
from store_fixtures import build, neo4j_env, store  # noqa: F401 (fixture)

WRITES = [
    "CREATE (n:Document {id: 'x'})",
    "MATCH (n:Task) DETACH DELETE n",
    "MATCH (n:Task) DELETE n",
    "MERGE (n:Agency {id: 'y'})",
    "MATCH (n:Document) SET n.title = 'x'",
    "MATCH (n:Document) REMOVE n.title",
    "DROP TABLE Task",
    "LOAD CSV FROM 'file:///x.csv' AS row RETURN row",
    "COPY Task FROM 'x.csv'",
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DELETE n', {})",
    "match (n:Task) with n detach delete n",
    "MATCH (n) CALL { WITH n DELETE n } RETURN 1",
    "FOREACH (x IN [1] | CREATE (:Task {id: 'z'}))",
]
READS = [
    "MATCH (d:Document) WHERE d.title CONTAINS 'CREATE' RETURN d.id AS id",
    "MATCH (d:Document) RETURN d.id AS id // SET nothing",
    "MATCH (d:Document) WHERE d.`set` IS NULL RETURN count(d) AS n",
    "CALL db.labels() YIELD label RETURN label",
]


@pytest.mark.parametrize("text", WRITES)
def test_guard_refuses_write_clauses(text):
    with pytest.raises(WriteRefused, match="refused"):
        check_read_only(text)


@pytest.mark.parametrize("text", READS)
def test_guard_lets_reads_through(text):
    check_read_only(text)


def test_write_attempts_are_refused_on_both_stores(store):
    build(store, C.all_fragments())
    before = store.stats()
    for text in WRITES:
        with pytest.raises(WriteRefused):
            store.cypher(text)
    assert store.stats() == before
    rows = store.cypher("MATCH (d:Document) WHERE d.ingested = true AND d.province = $p "
                        "RETURN d.symbol AS symbol ORDER BY symbol", {"p": "Thái Nguyên"})
    assert rows == [{"symbol": "09/CT-UBND"}, {"symbol": "22/CTr-UBND"}]


@pytest.mark.neo4j
@pytest.mark.parametrize("store", ["neo4j"], indirect=True)
def test_neo4j_runs_user_cypher_in_a_read_transaction(store):
    from graph_builder.write import StoreError

    with pytest.raises(StoreError, match="(?i)write|read"):  # the guard bypassed: the server refuses
        store._run_user("CREATE (:Task {id: 'sneaky'})", {})
    assert store.stats()["nodes"]["Task"] == 0


def test_embedded_store_runs_user_cypher_read_only(tmp_path):
    from graph_builder.write import StoreError

    with open_store(str(tmp_path / "kg")) as s:
        with pytest.raises(StoreError):
            s._run_user("CREATE (:Task {id: 'sneaky'})", {})
        assert s.stats()["nodes"]["Task"] == 0


def test_cli_query_cypher_stats_remove(tmp_path):
    kg = str(tmp_path / "kg")
    with open_store(kg) as s:
        build(s, C.all_fragments())
    r = CliRunner().invoke(main, ["query", "trace", "-p", "symbol=01/NQ-CP", "-p", "year=2024", "--store", kg,
                                  "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[0].startswith("document,document_symbol") and C.QN in r.output
    r = CliRunner().invoke(main, ["cypher", "MATCH (n:Task) DETACH DELETE n", "--store", kg])
    assert r.exit_code != 0 and "refused" in r.output
    r = CliRunner().invoke(main, ["query", "trace", "--store", kg])
    assert r.exit_code != 0 and "symbol is required" in r.output
    r = CliRunner().invoke(main, ["stats", "--store", kg, "--format", "json"])
    assert r.exit_code == 0 and '"Task": 11' in r.output
    r = CliRunner().invoke(main, ["remove", C.PATHS[C.CT09], "--store", kg])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["queries"])
    assert r.exit_code == 0 and "most-cited" in r.output and "legalkg query trace" in r.output
    for cmd in ("stats", "query", "queries", "cypher", "remove"):
        h = CliRunner().invoke(main, [cmd, "--help"])
        assert h.exit_code == 0 and "Example:" in h.output, cmd


# --------------------------------------------------------------------------- credentials

def test_credentials_in_the_uri_are_refused(monkeypatch):
    monkeypatch.setenv("NEO4J_USER", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", "pw")
    with pytest.raises(StoreConfigError, match="refused") as e:
        neo4j_settings("bolt://neo4j:hunter2@127.0.0.1:7687")
    assert "hunter2" not in str(e.value)


def test_credentials_from_config_file(monkeypatch, tmp_path):
    cfg = tmp_path / "config.toml"
    cfg.write_text('[neo4j]\nuri = "bolt://127.0.0.1:7999"\nuser = "u"\npassword = "from-file"\n', encoding="utf-8")
    for k in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"):
        monkeypatch.delenv(k, raising=False)
    monkeypatch.setenv("LEGALKG_CONFIG", str(cfg))
    s = neo4j_settings("neo4j")
    assert (s.uri, s.user, s.password) == ("bolt://127.0.0.1:7999", "u", "from-file")
    assert "from-file" not in repr(s) and "bolt://" not in s.where


def test_unreachable_neo4j_gives_a_clear_error_without_uri_or_password(monkeypatch, caplog):
    uri, secret = "bolt://127.0.0.1:1", "s3cr3t-pässword"
    monkeypatch.setenv("NEO4J_USER", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", secret)
    monkeypatch.setenv("LEGALKG_NEO4J_ATTEMPTS", "3")
    monkeypatch.setenv("LEGALKG_NEO4J_BACKOFF", "0.05")
    caplog.set_level(logging.DEBUG)
    r = CliRunner().invoke(main, ["stats", "--store", uri])
    assert r.exit_code != 0
    assert "cannot reach the Neo4j server at 127.0.0.1 port 1 after 3 attempts" in r.output
    for text in (r.output, caplog.text):
        assert secret not in text and uri not in text


@pytest.mark.neo4j
def test_neo4j_password_and_uri_never_printed(tmp_path, monkeypatch, caplog):
    env = neo4j_env()
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    caplog.set_level(logging.DEBUG)
    with open_store(env["NEO4J_URI"]) as s:
        s._transaction(lambda tx: tx.run("MATCH (n) DETACH DELETE n"))
        s.ensure_schema()
        build(s, C.all_fragments())
    runner = CliRunner()
    outs = [runner.invoke(main, args) for args in (
        ["stats", "--store", "neo4j"], ["query", "dangling", "--store", "neo4j"],
        ["cypher", "CREATE (n:Task {id: 'x'})", "--store", "neo4j"], ["remove", "nothing.txt", "--store", "neo4j"])]
    assert outs[0].exit_code == 0 and outs[1].exit_code == 0 and outs[2].exit_code != 0
    for text in [o.output for o in outs] + [caplog.text]:
        assert env["NEO4J_PASSWORD"] not in text and env["NEO4J_URI"] not in text
    bad = runner.invoke(main, ["stats", "--store", "neo4j"], env={"NEO4J_PASSWORD": "wrong-" + env["NEO4J_PASSWORD"]})
    assert bad.exit_code != 0 and "authentication failed" in bad.output
    assert env["NEO4J_PASSWORD"] not in bad.output and env["NEO4J_URI"] not in bad.output
    assert os.environ["NEO4J_URI"] == env["NEO4J_URI"]
