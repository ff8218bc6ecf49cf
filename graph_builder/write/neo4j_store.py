"""Neo4j 5 (Bolt, the official driver): the production store.

* schema: constraints and indexes generated from the ontology (``neo4j_schema_statements``);
* writes: one transaction per document (``write_fragment``) or per batch of whole documents
  (``write_fragments``; ``execute_write``: the driver retries transient errors within a bounded
  time); nodes with batched ``UNWIND … CREATE`` (owned nodes known to be absent) or ``MERGE``
  (mode "set"/"own": ``SET n += row``, the given values win; "fill": only missing properties are
  set), one statement text per label and kind whatever properties the rows give;
  relationships with batched ``UNWIND … MATCH … CREATE`` (a document's earlier relationships were
  removed first, so they are always new); every MERGE/MATCH is backed by the ontology's uniqueness
  constraint on ``id``;
* Document nodes also carry their type label (``:Document:Resolution``), kept in step with
  ``doc_type`` by the statements that write them; shared queries use the ``doc_type`` property only;
* user Cypher runs in a READ transaction (the server refuses writes) after the common guard;
* the server unreachable -> bounded retries with exponential backoff, then ``StoreUnavailable``
  naming host and port only (never the URI as given, never the credentials).
"""
from __future__ import annotations

import logging
import os
import time

from ..ontology.generate import neo4j_schema_statements
from .common import Store, StoreError, StoreUnavailable, Tx, plain_row
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
        keys = result.keys()
        return [plain_row(keys, rec) for rec in result]  # a Record is a tuple of its values

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
        self._texts: dict[tuple, str] = {}
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

    def _reading(self, work):
        neo4j = _neo4j()

        def go():
            with self._session(neo4j.READ_ACCESS) as s:
                return s.execute_read(lambda tx: work(_NeoTx(tx).run))
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

    # Dynamic labels (Neo4j 5.26): add the label of ``doc_type``, remove every other type label.
    _SYNC_TYPE_LABEL = ("WITH n, [l IN $types WHERE l = n.doc_type] AS add, "
                        "[l IN $types WHERE l <> coalesce(n.doc_type, '')] AS rm REMOVE n:$(rm) SET n:$(add)")

    # One statement text per (label, kind) or (type, ends), whatever properties a row gives: the
    # server plans each once and keeps the plan, and a batch sends a handful of statements instead
    # of one per row shape (real documents have dozens of shapes: optional dates, subjects, …).
    def _node_statement(self, label: str, kind: str) -> str:
        key = ("node", label, kind)
        text = self._texts.get(key)
        if text is None:
            if kind == "create":  # an id known to be absent: no MERGE (no lock, no second seek)
                text = f"UNWIND $rows AS row CREATE (n:{label}) SET n = row"
            elif kind == "fill":  # only missing values are filled (a new node: all of them)
                text = (f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) ON CREATE SET n = row "
                        "WITH n, row FOREACH (k IN [k IN keys(row) WHERE n[k] IS NULL] | SET n[k] = row[k])")
            else:  # "set"/"own": the given values win, the others stay
                text = f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n += row"
            if label == "Document":  # the type label follows doc_type in the same pass (no second seek)
                text += " " + self._SYNC_TYPE_LABEL
            self._texts[key] = text
        return text

    def _upsert_all(self, tx: _NeoTx, node_rows: dict) -> dict[str, list[str]]:
        """Which of the batch's nodes exist is read first, in one query (unique-index seeks, no
        locks); the counts follow from it.  Owned nodes that do not exist -- all of them, normally:
        their document's earlier facts were removed first -- are CREATEd; the others are MERGEd
        (shared nodes: another writer may create one meanwhile, MERGE stays right)."""
        params, parts = {}, []
        for label, by_mode in node_rows.items():
            params[label] = sorted({r["id"] for rows in by_mode.values() for r in rows})
            parts.append(f"UNWIND ${label} AS i MATCH (n:{label} {{id: i}}) RETURN '{label}' AS l, n.id AS id")
        existing: dict[str, set] = {label: set() for label in node_rows}
        if parts:
            for r in tx.run(" UNION ALL ".join(parts), params):
                existing[r["l"]].add(r["id"])
        created: dict[str, list[str]] = {}
        for label, by_mode in node_rows.items():
            have = existing[label]
            own = by_mode.get("own", [])
            for kind, rows in (("create", [r for r in own if r["id"] not in have]),
                               ("set", by_mode.get("set", []) + [r for r in own if r["id"] in have]),
                               ("fill", by_mode.get("fill", []))):
                text = self._node_statement(label, kind) if rows else None
                for chunk in _chunks(rows, self.batch_size):
                    tx.counters(text, self._node_params(label, chunk))
            created[label] = [i for i in params[label] if i not in have]
        return created

    def _upsert_nodes(self, tx: _NeoTx, label: str, mode: str, rows: list[dict]) -> list[str]:
        created = 0
        text = self._node_statement(label, "set" if mode == "own" else mode)
        for chunk in _chunks(rows, self.batch_size):
            created += tx.counters(text, self._node_params(label, chunk)).nodes_created
        return [None] * created  # only the number is known here (_upsert_all knows the ids)

    def _node_params(self, label: str, rows: list[dict]) -> dict:
        return {"rows": rows, "types": self._type_labels} if label == "Document" else {"rows": rows}

    def _create_edges(self, tx: _NeoTx, rel_type: str, src_label: str, dst_label: str, rows: list[dict]) -> int:
        key = ("edge", rel_type, src_label, dst_label)
        text = self._texts.get(key)
        if text is None:  # every declared property named: a row without one gives null, which CREATE leaves out
            cols = list(self.onto.relationship_properties(rel_type))
            body = " {" + ", ".join(f"`{c}`: row.`{c}`" for c in cols) + "}" if cols else ""
            text = (f"UNWIND $rows AS row MATCH (a:{src_label} {{id: row._s}}) MATCH (b:{dst_label} {{id: row._t}}) "
                    f"CREATE (a)-[r:{rel_type}{body}]->(b) RETURN count(r) AS n")
            self._texts[key] = text
        created = 0
        for chunk in _chunks(rows, self.batch_size):
            created += tx.run(text, {"rows": chunk})[0]["n"]
        return created
