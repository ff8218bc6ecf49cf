"""The real Neo4j server of scripts/neo4j: version, security settings, the ontology's schema,
and the script's life cycle (idempotent start, stop, status, the admin tool's bulk import)."""
from __future__ import annotations

import re
import socket
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest

from graph_builder.ontology import load_ontology
from graph_builder.ontology.generate import neo4j_schema_statements
from store_fixtures import private_neo4j_env

pytestmark = pytest.mark.neo4j

REPO = Path(__file__).resolve().parents[1]
SCRIPT = str(REPO / "scripts" / "neo4j")
DDL_NAME = re.compile(r"^CREATE (CONSTRAINT|INDEX) (\w+) IF NOT EXISTS FOR (.+)$")


def _exports(stdout: str) -> dict[str, str]:
    out = {}
    for line in stdout.splitlines():
        m = re.fullmatch(r"export (NEO4J_\w+)=(\S+)", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


# ----------------------------------------------------------------------------- the running server

def test_server_is_neo4j_5_26_community(neo4j_driver):
    records, _, _ = neo4j_driver.execute_query(
        "CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS v, edition")
    assert len(records) == 1
    assert records[0]["name"] == "Neo4j Kernel"
    assert re.fullmatch(r"5\.26\.\d+", records[0]["v"]), records[0]["v"]
    assert records[0]["edition"] == "community"


def test_bolt_on_loopback_only_and_auth_enforced(neo4j_driver, neo4j_settings):
    import neo4j

    assert urlparse(neo4j_settings.uri).hostname in ("127.0.0.1", "localhost")
    records, _, _ = neo4j_driver.execute_query(
        "SHOW SETTINGS YIELD name, value WHERE name IN "
        "['server.bolt.listen_address', 'dbms.security.auth_enabled', 'server.http.enabled', "
        "'server.http.listen_address', 'server.https.enabled'] RETURN name, value")
    settings = {r["name"]: r["value"] for r in records}
    assert settings["dbms.security.auth_enabled"] == "true"
    assert settings["server.bolt.listen_address"].startswith("127.0.0.1:")
    assert settings["server.https.enabled"] == "false"
    assert settings["server.http.enabled"] == "false" or settings["server.http.listen_address"].startswith("127.0.0.1:")
    with neo4j.GraphDatabase.driver(neo4j_settings.uri, auth=(neo4j_settings.user, "wrong-" + neo4j_settings.password)) as d:
        with pytest.raises(neo4j.exceptions.AuthError):
            d.verify_connectivity()


def test_ontology_schema_is_created_and_listed(neo4j_clean_db):
    import neo4j

    driver = neo4j_clean_db
    statements = neo4j_schema_statements()
    parsed = [DDL_NAME.match(s) for s in statements]
    assert all(parsed), [s for s, m in zip(statements, parsed) if not m]
    want_constraints = {m.group(2) for m in parsed if m.group(1) == "CONSTRAINT"}
    want_indexes = {m.group(2) for m in parsed if m.group(1) == "INDEX"}
    onto = load_ontology()
    assert len(want_constraints) == len(onto.nodes)  # one key constraint per node label

    for _ in range(2):  # IF NOT EXISTS: creating the schema twice is harmless
        for stmt in statements:
            driver.execute_query(stmt)
    driver.execute_query("CALL db.awaitIndexes(300)")

    constraints = {r["name"]: r for r in driver.execute_query(
        "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties, ownedIndex RETURN *").records}
    indexes = {r["name"]: r for r in driver.execute_query(
        "SHOW INDEXES YIELD name, type, state, entityType, labelsOrTypes, properties, owningConstraint "
        "RETURN *").records}
    assert want_constraints <= set(constraints), want_constraints - set(constraints)
    assert want_indexes <= set(indexes), want_indexes - set(indexes)
    for label, node in onto.nodes.items():
        c = [r for r in constraints.values() if r["labelsOrTypes"] == [label]]
        assert len(c) == 1 and c[0]["type"] == "UNIQUENESS" and c[0]["properties"] == [node.key], (label, c)
        assert indexes[c[0]["ownedIndex"]]["owningConstraint"] == c[0]["name"]
    for name in want_indexes:
        assert indexes[name]["state"] == "ONLINE", indexes[name]
    rel_indexes = [n for n in want_indexes if indexes[n]["entityType"] == "RELATIONSHIP"]
    assert len(rel_indexes) == sum(1 for r in onto.relationships.values() if r.provenance)

    # The key constraint holds: a second node with the same key is refused.
    label, node = next(iter(onto.nodes.items()))
    driver.execute_query(f"CREATE (:{label} {{{node.key}: 'dup'}})")
    with pytest.raises(neo4j.exceptions.ConstraintError):
        driver.execute_query(f"CREATE (:{label} {{{node.key}: 'dup'}})")


def test_clean_db_fixture_empties_everything(neo4j_driver):
    from conftest import clean_database

    neo4j_driver.execute_query("CREATE (:Scratch {k: 1})-[:R]->(:Scratch {k: 2})")
    neo4j_driver.execute_query("CREATE CONSTRAINT scratch_k IF NOT EXISTS FOR (n:Scratch) REQUIRE n.k IS UNIQUE")
    neo4j_driver.execute_query("CREATE INDEX scratch_r IF NOT EXISTS FOR ()-[r:R]-() ON (r.x)")
    clean_database(neo4j_driver)
    assert neo4j_driver.execute_query("MATCH (n) RETURN count(n) AS c").records[0]["c"] == 0
    assert neo4j_driver.execute_query("SHOW CONSTRAINTS").records == []
    left = neo4j_driver.execute_query("SHOW INDEXES YIELD type RETURN collect(type) AS t").records[0]["t"]
    assert set(left) <= {"LOOKUP"}


def test_second_start_while_running_is_harmless(neo4j_settings, neo4j_script_env, neo4j_driver):
    env = dict(neo4j_script_env)
    port = urlparse(neo4j_settings.uri).port
    before = subprocess.run([SCRIPT, "status"], env=env, capture_output=True, text=True, timeout=120)
    if before.returncode != 0 or f"port={port} " not in before.stdout:
        pytest.skip(f"the server at {neo4j_settings.uri} is not one that scripts/neo4j manages here")
    pid = re.search(r"pid=(\d+)", before.stdout).group(1)

    again = subprocess.run([SCRIPT, "start"], env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "already running" in again.stderr
    assert _exports(again.stdout) == neo4j_settings.env()
    after = subprocess.run([SCRIPT, "status"], env=env, capture_output=True, text=True, timeout=120)
    assert after.returncode == 0 and f"pid={pid} " in after.stdout, after.stdout
    assert neo4j_driver.execute_query("RETURN 1 AS one").records[0]["one"] == 1


# ------------------------------------------------------------------ the script's whole life cycle

@pytest.mark.slow
def test_life_cycle_cached_jars_stop_status_and_bulk_import(neo4j_settings, tmp_path):
    """A private server: start from the cached jars (no download), stop, status, neo4j-admin
    `database import full` into the stopped server, start again and read the imported graph."""
    import neo4j

    env = private_neo4j_env(tmp_path / "home", heap="512m", pagecache="64m")
    port = int(env["LEGALKG_NEO4J_PORT"])

    def run(*args, timeout=600):
        return subprocess.run([SCRIPT, *args], env=env, capture_output=True, text=True, timeout=timeout)

    try:
        assert run("status").returncode == 3
        first = run("start")
        assert first.returncode == 0, first.stderr
        assert "fetching" not in first.stderr  # the session's server already cached the jars
        creds = _exports(first.stdout)
        assert creds["NEO4J_URI"] == f"bolt://127.0.0.1:{port}" and creds["NEO4J_USER"] == "neo4j"
        assert len(creds["NEO4J_PASSWORD"]) >= 8
        status = run("status")
        assert status.returncode == 0 and status.stdout.startswith("running ") and f"port={port} " in status.stdout
        assert run("env").stdout == first.stdout

        stop = run("stop")
        assert stop.returncode == 0, stop.stderr
        assert run("status").returncode == 3
        assert not _port_open(port)

        nodes, rels = tmp_path / "docs.csv", tmp_path / "cites.csv"
        nodes.write_text("id:ID,symbol\nd1,01/NQ-CP\nd2,12/KH-UBND\nd3,05/CT-UBND\n", encoding="utf-8")
        rels.write_text(":START_ID,:END_ID\nd2,d1\nd3,d1\nd3,d2\n", encoding="utf-8")
        # the database name first: --nodes/--relationships take several files each
        imp = run("admin", "database", "import", "full", "neo4j", "--overwrite-destination",
                  f"--nodes=Document={nodes}", f"--relationships=CITES={rels}",
                  f"--report-file={tmp_path / 'import.report'}")
        assert imp.returncode == 0, imp.stdout[-2000:] + imp.stderr[-2000:]

        second = run("start")
        assert second.returncode == 0, second.stderr
        assert _exports(second.stdout) == creds  # same password for the same data
        with neo4j.GraphDatabase.driver(creds["NEO4J_URI"], auth=(creds["NEO4J_USER"], creds["NEO4J_PASSWORD"])) as d:
            rec = d.execute_query("MATCH (a:Document)-[:CITES]->(b:Document {symbol: '01/NQ-CP'}) "
                                  "RETURN count(a) AS c").records[0]
            assert rec["c"] == 2
    finally:
        run("stop", timeout=300)
    assert not _port_open(port)
