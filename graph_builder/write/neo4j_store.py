"""Neo4j 5 (Bolt, the official driver): the production store.

* schema: constraints and indexes generated from the ontology (``neo4j_schema_statements``);
* writes: one transaction per document (``execute_write``: the driver retries transient errors
  within a bounded time); nodes with batched ``UNWIND … MERGE`` (mode "set"/"own": ``SET n += p``;
  "fill": ``coalesce`` per property), relationships with batched ``UNWIND … MATCH … CREATE`` (a
  document's earlier relationships were removed first, so they are always new);
* Document nodes also carry their type label (``:Document:Resolution``), kept in step with
  ``doc_type``; shared queries use the ``doc_type`` property only;
* user Cypher runs in a READ transaction (the server refuses writes) after the common guard;
* the server unreachable -> bounded retries with exponential backoff, then ``StoreUnavailable``
  naming host and port only (never the URI as given, never the credentials).
"""
from __future__ import annotations

import logging
import os
import time

from ..ontology.generate import neo4j_schema_statements
from .common import Store, StoreError, StoreUnavailable, Tx, plain
from .config import Neo4jSettings

log = logging.getLogger("legalkg.store")

# Rows per UNWIND statement (bench/store_bench.py measures write rate against this).
BATCH_SIZE = 1000
CONNECT_ATTEMPTS = 5  # $LEGALKG_NEO4J_ATTEMPTS
BACKOFF_SECONDS = 0.5  # $LEGALKG_NEO4J_BACKOFF; doubled after every failed attempt: 0.5, 1, 2, 4 s


def _neo4j():
    import neo4j

    return neo4j


class _NeoTx(Tx):
    def __init__(self, tx):
        self.tx = tx

    def run(self, text: str, params: dict | None = None) -> list[dict]:
        result = self.tx.run(text, params or {})
        return [{k: plain(v) for k, v in rec.items()} for rec in result]

    def counters(self, text: str, params: dict | None = None):
        return self.tx.run(text, params or {}).consume().counters


def _chunks(rows: list, n: int):
    for i in range(0, len(rows), n):
        yield rows[i:i + n]


class Neo4jStore(Store):
    kind = "neo4j"

    def __init__(self, settings: Neo4jSettings, read_only: bool = False, attempts: int = CONNECT_ATTEMPTS,
                 backoff: float = BACKOFF_SECONDS, batch_size: int = BATCH_SIZE):
        super().__init__()
        neo4j = _neo4j()
        self.settings = settings
        self.where = settings.where
        self.read_only = read_only
        self.batch_size = batch_size
        self.database = settings.database
        self.driver = neo4j.GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password),
                                                 connection_timeout=5.0, max_transaction_retry_time=15.0,
                                                 notifications_min_severity="OFF")
        attempts = int(os.environ.get("LEGALKG_NEO4J_ATTEMPTS", attempts))
        backoff = float(os.environ.get("LEGALKG_NEO4J_BACKOFF", backoff))
        self._connect(attempts, backoff)
        self._type_labels = sorted({t.label for t in self.onto.doc_types} - set(self.onto.nodes))

    def _connect(self, attempts: int, backoff: float) -> None:
        exc = _neo4j().exceptions
        delay, last = backoff, None
        start = time.monotonic()
        for attempt in range(1, attempts + 1):
            try:
                self.driver.verify_connectivity()
                return
            except exc.AuthError:
                self.driver.close()
                raise StoreError(f"{self.where} refused the credentials of NEO4J_USER/NEO4J_PASSWORD "
                                 "(or the config file): authentication failed") from None
            except (exc.ServiceUnavailable, exc.SessionExpired, OSError) as e:
                last = e
                if attempt < attempts:
                    log.warning("%s not reachable (attempt %d/%d): retrying in %.1f s", self.where, attempt, attempts, delay)
                    time.sleep(delay)
                    delay *= 2
        self.driver.close()
        raise StoreUnavailable(f"cannot reach {self.where} after {attempts} attempts over "
                               f"{time.monotonic() - start:.0f} s ({type(last).__name__}); is it running? "
                               "(scripts/neo4j status)") from None

    def close(self) -> None:
        d, self.driver = getattr(self, "driver", None), None
        if d is not None:
            d.close()

    def _session(self, mode):
        kw = {"default_access_mode": mode}
        if self.database:
            kw["database"] = self.database
        return self.driver.session(**kw)

    def _guard(self, fn):
        exc = _neo4j().exceptions
        try:
            return fn()
        except (exc.ServiceUnavailable, exc.SessionExpired) as e:
            raise StoreUnavailable(f"lost the connection to {self.where} ({type(e).__name__}) after the driver's "
                                   "retries; documents already written are kept -- rerun to resume") from None
        except exc.Neo4jError as e:
            raise StoreError(f"Neo4j: {e.code}: {e.message}") from None

    # -- primitives ---------------------------------------------------------------------------
    def _read(self, text: str, params: dict | None = None) -> list[dict]:
        neo4j = _neo4j()

        def go():
            with self._session(neo4j.READ_ACCESS) as s:
                return s.execute_read(lambda tx: _NeoTx(tx).run(text, params))
        return self._guard(go)

    def _run_user(self, text: str, params: dict) -> list[dict]:
        return self._read(text, params)

    def _transaction(self, work):
        if self.read_only:
            raise StoreError(f"{self.where} was opened read-only")
        neo4j = _neo4j()

        def go():
            with self._session(neo4j.WRITE_ACCESS) as s:
                return s.execute_write(lambda tx: work(_NeoTx(tx)))
        return self._guard(go)

    def ensure_schema(self) -> None:
        neo4j = _neo4j()

        def go():
            with self._session(neo4j.WRITE_ACCESS) as s:
                for stmt in neo4j_schema_statements(self.onto):
                    s.run(stmt).consume()
                s.run("CALL db.awaitIndexes(300)").consume()
        self._guard(go)

    def _write_nodes(self, tx: _NeoTx, label: str, mode: str, rows: list[dict]) -> int:
        created = 0
        for chunk in _chunks(rows, self.batch_size):
            batch = [{"id": r["id"], "p": {k: v for k, v in r.items() if k != "id"}} for r in chunk]
            if mode == "fill":
                # the full column list keeps the statement text constant (planned once, cached)
                cols = [c for c in self.onto.node_properties(label) if c != "id"]
                on_match = " ON MATCH SET " + ", ".join(f"n.`{c}` = coalesce(n.`{c}`, row.p.`{c}`)" for c in cols)
                text = f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) ON CREATE SET n += row.p{on_match}"
            else:
                text = f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n += row.p"
            created += tx.counters(text, {"rows": batch}).nodes_created
        return created

    def _after_nodes(self, tx: _NeoTx, prep) -> None:
        """Keep the type label of every Document of the fragment in step with its doc_type."""
        ids = sorted({r["id"] for rows in prep.nodes.get("Document", {}).values() for r in rows})
        if not ids:
            return
        self.sync_type_labels(tx, ids)

    def sync_type_labels(self, tx: _NeoTx, ids: list[str]) -> None:
        groups: dict[str, list[str]] = {}
        for r in tx.run("UNWIND $ids AS i MATCH (n:Document {id: i}) RETURN n.id AS id, n.doc_type AS t", {"ids": ids}):
            groups.setdefault(r["t"] or "", []).append(r["id"])
        for t, members in groups.items():
            others = [lab for lab in self._type_labels if lab != t]
            remove = "REMOVE n" + "".join(f":`{lab}`" for lab in others) if others else ""
            add = f" SET n:`{t}`" if t in self._type_labels else ""
            for chunk in _chunks(members, self.batch_size):
                tx.run(f"UNWIND $ids AS i MATCH (n:Document {{id: i}}) {remove}{add}", {"ids": chunk})

    def _create_edges(self, tx: _NeoTx, rel_type: str, src_label: str, dst_label: str, rows: list[dict]) -> int:
        created = 0
        for chunk in _chunks(rows, self.batch_size):
            batch = [{"s": r["_s"], "t": r["_t"], "p": {k: v for k, v in r.items() if k not in ("_s", "_t")}}
                     for r in chunk]
            created += tx.counters(
                f"UNWIND $rows AS row MATCH (a:{src_label} {{id: row.s}}) MATCH (b:{dst_label} {{id: row.t}}) "
                f"CREATE (a)-[r:{rel_type}]->(b) SET r += row.p", {"rows": batch}).relationships_created
        return created
