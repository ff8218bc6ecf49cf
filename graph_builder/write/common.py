"""What both stores share: fragment validation against the ontology, the read-only guard for
user Cypher, result normalisation, and the store logic written once in the common Cypher subset
(replace/remove a document's facts, link undated citations, stats, nodes/edges iteration, named
queries).  Each store supplies a handful of primitives (run a read, open a write transaction,
upsert nodes, create edges)."""
from __future__ import annotations

import datetime as _dt
import decimal
import logging
import os
import re
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..model import GraphFragment
from ..ontology import Ontology, Property, load_ontology

log = logging.getLogger("legalkg.store")


# --------------------------------------------------------------------------- errors

class StoreError(RuntimeError):
    """A store operation failed (the message says what and, where it helps, what to do)."""


class SchemaError(StoreError, ValueError):
    """A fragment does not fit the ontology (unknown label, relationship type or property)."""


class WriteRefused(StoreError, PermissionError):
    """User Cypher tried to change the graph through a read-only entry point."""


class StoreBusy(StoreError):
    """Another process holds the embedded store for writing."""


class StoreUnavailable(StoreError):
    """The Neo4j server could not be reached after bounded retries."""


# --------------------------------------------------------------------------- fragment preparation

@dataclass
class PreparedFragment:
    """A fragment checked against the ontology, its values coerced to the declared types.

    ``nodes[label][mode]``: rows ``{"id": …, <prop>: value}`` (only properties that are set);
    ``edges[(type, source_label, target_label)]``: rows ``{"_s": id, "_t": id, <prop>: value}``.
    """

    fragment: GraphFragment
    nodes: dict[str, dict[str, list[dict[str, Any]]]] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], list[dict[str, Any]]] = field(default_factory=dict)
    node_ids: set[tuple[str, str]] = field(default_factory=set)

    @property
    def document_types(self) -> dict[str, str]:
        """id -> doc_type of the Document nodes that state one."""
        out = {}
        for rows in self.nodes.get("Document", {}).values():
            for r in rows:
                if r.get("doc_type"):
                    out[r["id"]] = r["doc_type"]
        return out


def coerce(value: Any, prop: Property, where: str) -> Any:
    t = prop.type
    try:
        if t == "STRING":
            return value if isinstance(value, str) else str(value)
        if t == "DATE":
            if isinstance(value, (_dt.date, _dt.datetime)):
                return value.isoformat()[:10]
            if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError(f"not an ISO date: {value!r}")
            return value
        if t == "INT64":
            if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                raise ValueError(f"not an integer: {value!r}")
            return int(value)
        if t == "DOUBLE":
            if isinstance(value, bool):
                raise ValueError(f"not a number: {value!r}")
            return float(value)
        if t == "BOOLEAN":
            if not isinstance(value, bool):
                raise ValueError(f"not a boolean: {value!r}")
            return value
        if t == "STRING[]":
            if isinstance(value, str) or not hasattr(value, "__iter__"):
                raise ValueError(f"not a list of strings: {value!r}")
            return [str(v) for v in value]
    except (TypeError, ValueError) as e:
        raise SchemaError(f"{where}: property {prop.name} ({t}): {e}") from None
    raise SchemaError(f"{where}: property {prop.name} has unsupported type {t}")


def prepare_fragment(frag: GraphFragment, onto: Ontology | None = None) -> PreparedFragment:
    """Validate and coerce a fragment.  Unknown labels, types and properties are errors (the ontology
    is the single source: a property it does not declare would exist in Neo4j and not in the
    embedded store).  Provenance properties on a relationship type that declares none (HAS_TASK,
    SETS_TARGET: they go with the owned node they point to) are dropped."""
    onto = onto or load_ontology()
    where_doc = f"document {frag.document_id} ({frag.source_path})"
    prep = PreparedFragment(frag)
    merged: dict[tuple[str, str], tuple[str, dict]] = {}
    order: list[tuple[str, str]] = []
    for n in frag.nodes:
        if n.label not in onto.nodes:
            raise SchemaError(f"{where_doc}: node label {n.label!r} is not in the ontology")
        if n.mode not in ("own", "set", "fill"):
            raise SchemaError(f"{where_doc}: node {n.id!r} has unknown mode {n.mode!r}")
        if not n.id:
            raise SchemaError(f"{where_doc}: a {n.label} node has no id")
        props_decl = onto.node_properties(n.label)
        row = {"id": str(n.id)}
        for k, v in n.props.items():
            if v is None or k == "id":
                continue
            p = props_decl.get(k)
            if p is None:
                raise SchemaError(f"{where_doc}: property {k!r} of {n.label} is not in ontology/schema.yaml")
            row[k] = coerce(v, p, f"{where_doc}: {n.label} {n.id}")
        key = (n.label, row["id"])
        if key in merged:  # the same node twice in one fragment: set/own win, fill only fills
            mode, old = merged[key]
            if n.mode in ("set", "own"):
                old.update(row)
                mode = n.mode if mode == "fill" else mode
            else:
                for k, v in row.items():
                    old.setdefault(k, v)
            merged[key] = (mode, old)
        else:
            merged[key] = (n.mode, row)
            order.append(key)
    for key in order:
        mode, row = merged[key]
        prep.nodes.setdefault(key[0], {}).setdefault(mode, []).append(row)
        prep.node_ids.add(key)
    seen: set = set()
    for e in frag.edges:
        rel = onto.relationships.get(e.type)
        if rel is None:
            raise SchemaError(f"{where_doc}: relationship type {e.type!r} is not in the ontology")
        if e.source_label not in rel.sources or e.target_label not in rel.targets:
            raise SchemaError(f"{where_doc}: {e.type} cannot go from {e.source_label} to {e.target_label} "
                              f"(ontology: {'/'.join(rel.sources)} -> {'/'.join(rel.targets)})")
        decl = onto.relationship_properties(e.type)
        row: dict[str, Any] = {"_s": str(e.source), "_t": str(e.target)}
        for k, v in e.props.items():
            if v is None:
                continue
            p = decl.get(k)
            if p is None:
                if k in onto.provenance_properties and not rel.provenance:
                    continue
                raise SchemaError(f"{where_doc}: property {k!r} of {e.type} is not in ontology/schema.yaml")
            row[k] = coerce(v, p, f"{where_doc}: {e.type} {e.source} -> {e.target}")
        if rel.provenance and "source_id" not in row:
            row["source_id"] = frag.document_id
        sig = (e.type, e.source_label, e.target_label, tuple(sorted((k, repr(v)) for k, v in row.items())))
        if sig in seen:
            continue
        seen.add(sig)
        prep.edges.setdefault((e.type, e.source_label, e.target_label), []).append(row)
    return prep


# --------------------------------------------------------------------------- read-only guard

_WRITE_WORDS = ("CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "ALTER", "LOAD", "COPY", "INSTALL",
                "UNINSTALL", "ATTACH", "IMPORT", "EXPORT", "CHECKPOINT", "BEGIN", "COMMIT", "ROLLBACK", "FOREACH",
                "TRUNCATE", "GRANT", "REVOKE", "DENY", "RENAME", "TERMINATE", "FINISH", "START", "STOP", "ENABLE",
                "DISABLE", "SUSPEND", "DEALLOCATE", "REALLOCATE")
# Procedures a read-only query may call (both stores); anything else is refused.
READ_PROCEDURES = frozenset(p.lower() for p in (
    "db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.visualization", "db.schema.nodeTypeProperties",
    "db.schema.relTypeProperties", "db.indexes", "db.constraints", "dbms.components", "db.info", "show_tables",
    "table_info", "show_connection", "db_version", "current_setting", "show_indexes", "show_functions"))
_STRIP = re.compile(r"""//[^\n]*|/\*.*?\*/|'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`[^`]*`""", re.DOTALL)
_TOKEN = re.compile(r"(\.?)\s*\b([A-Za-z_][A-Za-z_0-9]*(?:\.[A-Za-z_][A-Za-z_0-9]*)*)\b")


def check_read_only(text: str) -> None:
    """Refuse Cypher that could change the graph (both stores; Neo4j also runs it in a READ transaction)."""
    code = _STRIP.sub(lambda m: " " if m.group(0)[0] in "/`" else "''", text)
    tokens = [(dot, word) for dot, word in _TOKEN.findall(code)]
    for i, (dot, word) in enumerate(tokens):
        if dot:  # a property access such as n.set
            continue
        up = word.upper()
        if up in _WRITE_WORDS:
            raise WriteRefused(f"write clause {up} refused: `cypher` and named queries are read-only "
                               "(the graph changes only through `legalkg build` and `legalkg remove`)")
        if up == "CALL":
            nxt = tokens[i + 1][1] if i + 1 < len(tokens) else ""
            if nxt.lower() not in READ_PROCEDURES:
                raise WriteRefused(f"CALL {nxt or '{…}'} refused: only read-only procedures may be called "
                                   f"({', '.join(sorted(READ_PROCEDURES))})")
    if re.search(r"\bCALL\s*\{", code, re.IGNORECASE):
        raise WriteRefused("CALL { … } subqueries are refused in read-only Cypher (not in the common subset)")


# --------------------------------------------------------------------------- results

_SIMPLE = frozenset((str, int, float, bool, type(None)))


def plain_row(keys, values) -> dict:
    """A result row as a dict of plain values (the common scalar types pass through untouched)."""
    return {k: v if type(v) in _SIMPLE else plain(v) for k, v in zip(keys, values)}


def plain(value: Any) -> Any:
    """A result value as plain Python data (Decimal sums of the embedded store become int/float)."""
    if type(value) in _SIMPLE:
        return value
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if hasattr(value, "iso_format"):  # neo4j.time types
        return value.iso_format()
    return value


# --------------------------------------------------------------------------- the store

class Tx(ABC):
    @abstractmethod
    def run(self, text: str, params: dict | None = None) -> list[dict]: ...


def _label_of(rel_type: str, end: str, onto: Ontology) -> str:
    rel = onto.relationships[rel_type]
    labels = rel.targets if end == "target" else rel.sources
    return labels[0]


def _tx_groups(preps: list, size: int) -> Iterator[list]:
    """Consecutive groups of at most ``size`` prepared fragments, cut before a document id or source
    path already in the group (a batch writes documents as if one after the other only when they
    are distinct)."""
    group: list = []
    ids: set[str] = set()
    paths: set[str] = set()
    for item in preps:
        f = item[1].fragment
        if group and (len(group) >= size or f.document_id in ids or f.source_path in paths):
            yield group
            group, ids, paths = [], set(), set()
        group.append(item)
        ids.add(f.document_id)
        paths.add(f.source_path)
    if group:
        yield group


class Store(ABC):
    """A graph store (Neo4j or the embedded LadybugDB): see ``graph_builder.write`` for the API."""

    kind = "?"

    def __init__(self) -> None:
        self.onto = load_ontology()
        self.last_links: list = []  # decisions of the latest link_undated()
        self.last_failures: list[dict] = []  # documents the latest write_fragments() could not write

    # -- primitives each store provides -------------------------------------------------------
    @abstractmethod
    def _read(self, text: str, params: dict | None = None) -> list[dict]:
        """Run read-only Cypher, rows as dicts (values plain)."""

    @abstractmethod
    def _transaction(self, work):
        """Run ``work(tx)`` in one write transaction (committed on return, rolled back on error)."""

    @abstractmethod
    def _create_edges(self, tx: Tx, rel_type: str, src_label: str, dst_label: str, rows: list[dict]) -> int:
        """Create relationships (both endpoints must exist); return how many were created."""

    @abstractmethod
    def ensure_schema(self) -> None: ...

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def _run_user(self, text: str, params: dict) -> list[dict]:
        """Run user Cypher (already checked) so that it cannot write."""

    # -- context manager ----------------------------------------------------------------------
    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------------
    def write_fragment(self, fragment: GraphFragment) -> dict[str, int]:
        """Write one document's nodes and edges in one transaction.

        Returns counts: nodes_created, edges_created, unchanged (1 when the same source path and
        content hash were already written: nothing is touched), replaced (1 when an earlier version
        of the document, by id or by source path, had its facts removed first).  Errors raise
        (``SchemaError``, ``StoreError``) and nothing of the document is written."""
        prep = prepare_fragment(fragment, self.onto)
        counts = self._transaction(lambda tx: self._write_batch(tx, [prep]))[0]
        counts.pop("failed", None)
        return counts

    def write_fragments(self, fragments) -> list[dict[str, int]]:
        """Write several documents, up to ``docs_per_tx`` whole documents per transaction.

        The rows of all documents of a transaction are merged into a few ``UNWIND`` statements per
        label/relationship type; the unchanged check is one query per transaction, the removal of
        changed documents' earlier facts a fixed handful of statements per transaction.  Atomic per
        transaction: when it fails, it is rolled back and its documents are written again one by
        one, so that only a bad document is lost -- reported in its result (``failed``: 1), in
        ``self.last_failures`` (``document_id``, ``source_path``, ``reason``) and in the log.
        A fragment that does not fit the ontology is reported the same way.  Losing the store
        (``StoreUnavailable``) still raises: rerun to resume.

        Returns one counts dict per fragment, in order: nodes_created, edges_created, unchanged,
        replaced, failed.  A node created by a transaction counts for the first of its documents
        that names it."""
        frags = list(fragments)
        results: list[dict[str, int] | None] = [None] * len(frags)
        self.last_failures = []
        preps: list[tuple[int, PreparedFragment]] = []
        for i, f in enumerate(frags):
            try:
                preps.append((i, prepare_fragment(f, self.onto)))
            except SchemaError as e:
                results[i] = self._failed(f, e)
        for group in _tx_groups(preps, self.docs_per_tx):
            try:
                counts = self._transaction(lambda tx, g=group: self._write_batch(tx, [p for _, p in g]))
                for (i, _), c in zip(group, counts):
                    results[i] = c
                continue
            except (StoreUnavailable, StoreBusy):
                raise
            except StoreError as e:
                if len(group) == 1:
                    results[group[0][0]] = self._failed(group[0][1].fragment, e)
                    continue
                log.info("a batch of %d documents failed (%s); writing them one by one", len(group), e)
            for i, p in group:  # isolate the bad document(s): one transaction each
                try:
                    results[i] = self._transaction(lambda tx, p=p: self._write_batch(tx, [p]))[0]
                except (StoreUnavailable, StoreBusy):
                    raise
                except StoreError as e:
                    results[i] = self._failed(p.fragment, e)
        return results  # type: ignore[return-value]

    docs_per_tx = 100  # documents per transaction in write_fragments (bench/store_bench.py)
    undated_per_tx = 5000  # undated nodes per transaction in link_undated (write.undated)

    def _failed(self, frag: GraphFragment, exc: Exception) -> dict[str, int]:
        reason = " ".join(str(exc).split())[:1000]
        self.last_failures.append({"document_id": frag.document_id, "source_path": frag.source_path,
                                   "reason": reason})
        log.warning("document %s (%s) not written: %s", frag.document_id, frag.source_path, reason)
        return {"nodes_created": 0, "edges_created": 0, "unchanged": 0, "replaced": 0, "failed": 1}

    # One query for the whole batch: what the store holds of each document (by id), and the ingested
    # documents read earlier from the same path (a document whose id changed).
    _STATUS = ("UNWIND $docs AS doc OPTIONAL MATCH (d:Document {id: doc.id}) "
               "OPTIONAL MATCH (o:Document) WHERE o.source_path = doc.path AND o.ingested = true "
               "RETURN doc.id AS id, d.ingested AS ingested, d.content_hash AS content_hash, "
               "d.source_path AS source_path, collect(o.id) AS old")

    def _write_batch(self, tx: Tx, preps: list[PreparedFragment]) -> list[dict[str, int]]:
        """Write documents with distinct ids and paths in the open transaction ``tx``."""
        counts = [{"nodes_created": 0, "edges_created": 0, "unchanged": 0, "replaced": 0, "failed": 0}
                  for _ in preps]
        status = {r["id"]: r for r in tx.run(self._STATUS, {"docs": [
            {"id": p.fragment.document_id, "path": p.fragment.source_path} for p in preps]})}
        todo: list[int] = []
        old_ids: dict[str, bool] = {}  # id -> keep its node (the document is written again)
        for k, p in enumerate(preps):
            frag, cur = p.fragment, status.get(p.fragment.document_id) or {}
            if cur.get("ingested") and cur.get("content_hash") == frag.content_hash \
                    and cur.get("source_path") == frag.source_path:
                counts[k]["unchanged"] = 1
                continue
            todo.append(k)
            old = {o for o in (cur.get("old") or []) if o}
            if cur.get("ingested"):
                old.add(frag.document_id)
            for oid in old:
                old_ids[oid] = old_ids.get(oid, False) or oid == frag.document_id
            counts[k]["replaced"] = int(bool(old))
        if not todo:
            return counts
        if old_ids:
            self._delete_facts_many(tx, sorted(old_ids), keep={i for i, k in old_ids.items() if k})
        # nodes: one row per (label, id) for the whole batch; a node named "set"/"own" by one
        # document and "fill" by another gets a set row and a fill row of the remaining properties
        # (the result of writing the documents one after the other: the last set value wins, fill
        # only fills)
        first: dict[tuple[str, str], int] = {}
        sets: dict[str, dict[str, tuple[str, dict]]] = defaultdict(dict)
        fills: dict[str, dict[str, dict]] = defaultdict(dict)
        for k in todo:
            for label, by_mode in preps[k].nodes.items():
                for mode, rows in by_mode.items():
                    for r in rows:
                        first.setdefault((label, r["id"]), k)
                        if mode == "fill":
                            f = fills[label].setdefault(r["id"], {})
                            for c, v in r.items():
                                f.setdefault(c, v)
                        else:
                            old = sets[label].get(r["id"])
                            sets[label][r["id"]] = (mode if old is None else old[0], {**(old[1] if old else {}), **r})
        node_rows: dict[str, dict[str, list[dict]]] = {}
        for label in self.onto.nodes:  # ontology order: Document first
            by_mode: dict[str, list[dict]] = defaultdict(list)
            for nid, (mode, row) in sets.get(label, {}).items():
                by_mode[mode].append(row)
            for nid, row in fills.get(label, {}).items():
                s = sets.get(label, {}).get(nid)
                if s is None:
                    by_mode["fill"].append(row)
                elif len(rest := {c: v for c, v in row.items() if c not in s[1]}) > 0:
                    by_mode["fill"].append({**rest, "id": nid})
            if by_mode:
                node_rows[label] = by_mode
        for label, ids in self._upsert_all(tx, node_rows).items():
            for nid in ids:
                counts[first[(label, nid)]]["nodes_created"] += 1
        self._after_batch_nodes(tx, [preps[k] for k in todo])
        # edges: every document's rows of one (type, source label, target label) in one statement
        edge_rows: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
        for k in todo:
            for key, rows in preps[k].edges.items():
                edge_rows[key] += rows
                counts[k]["edges_created"] += len(rows)
        for (rel_type, sl, tl), rows in edge_rows.items():
            made = self._create_edges(tx, rel_type, sl, tl, rows)
            if made != len(rows):
                known = {key for k in todo for key in preps[k].node_ids}
                missing = self._missing_endpoints(tx, rows, sl, tl, known)
                who = [preps[k].fragment for k in todo
                       if any(f"{lab} {r[end]}" in missing for r in preps[k].edges.get((rel_type, sl, tl), [])
                              for lab, end in ((sl, "_s"), (tl, "_t")))]
                names = "; ".join(f"document {f.document_id} ({f.source_path})" for f in who[:3]) or "a document"
                raise StoreError(f"{names}: {len(rows) - made} {rel_type} edge(s) point at nodes that are neither in "
                                 f"the fragment nor in the store: {', '.join(missing[:5])}; nothing of this "
                                 "document was written")
        return counts

    def _upsert_all(self, tx: Tx, node_rows: dict[str, dict[str, list[dict]]]) -> dict[str, list[str]]:
        """Upsert a batch's node rows (label -> mode -> rows; ids distinct per label and mode, labels in
        ontology order); return label -> ids of the nodes created."""
        created: dict[str, list[str]] = {}
        for label, by_mode in node_rows.items():
            for mode in ("set", "own", "fill"):
                if by_mode.get(mode):
                    created.setdefault(label, []).extend(self._upsert_nodes(tx, label, mode, by_mode[mode]))
        return created

    def _upsert_nodes(self, tx: Tx, label: str, mode: str, rows: list[dict]) -> list[str]:
        """Upsert nodes of one label with one mode (ids distinct); return the ids of those created."""
        raise NotImplementedError

    def _write_nodes(self, tx: Tx, label: str, mode: str, rows: list[dict]) -> int:
        """Upsert nodes of one label with one mode; return how many were created."""
        return len(self._upsert_nodes(tx, label, mode, rows))

    def _after_batch_nodes(self, tx: Tx, preps: list[PreparedFragment]) -> None:
        """Store-specific extras after a batch's nodes are written (Neo4j: type labels)."""

    def _missing_endpoints(self, tx: Tx, rows, sl, tl, known) -> list[str]:
        out = []
        for label, key in ((sl, "_s"), (tl, "_t")):
            ids = sorted({r[key] for r in rows if (label, r[key]) not in known})
            if ids:
                found = {r["id"] for r in tx.run(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) RETURN n.id AS id",
                                                 {"ids": ids})}
                out += [f"{label} {i}" for i in ids if i not in found]
        return out

    def _delete_facts(self, tx: Tx, doc_id: str, keep_node: bool) -> None:
        self._delete_facts_many(tx, [doc_id], keep={doc_id} if keep_node else set())

    def _delete_facts_many(self, tx: Tx, doc_ids: list[str], keep: set[str]) -> None:
        """Remove what the documents ``doc_ids`` contributed: their edges (source_id), their owned
        nodes, and the shared nodes left with no edge at all; a document's own node stays when it is
        in ``keep`` or still cited (then as referenced-only: ingested=false).  A fixed number of
        statements, whatever the number of documents."""
        onto = self.onto
        touched: dict[str, set[str]] = defaultdict(set)
        for rel_type, rel in onto.relationships.items():
            if not rel.provenance:
                continue
            tl = rel.targets[0]
            for r in tx.run(f"UNWIND $sids AS sid MATCH ()-[r:{rel_type}]->(b:{tl}) WHERE r.source_id = sid "
                            "WITH r, b.id AS bid DELETE r RETURN DISTINCT bid", {"sids": doc_ids}):
                touched[tl].add(r["bid"])
        for label, node in onto.nodes.items():
            if node.provenance:
                tx.run(f"UNWIND $sids AS sid MATCH (n:{label}) WHERE n.source_id = sid DETACH DELETE n",
                       {"sids": doc_ids})
        gone = [d for d in doc_ids if d not in keep]
        if gone:
            tx.run("UNWIND $ids AS i MATCH (d:Document {id: i}) WHERE EXISTS { MATCH ()-[]->(d) } "
                   "SET d.ingested = false, d.source_path = NULL, d.content_hash = NULL", {"ids": gone})
            tx.run("UNWIND $ids AS i MATCH (d:Document {id: i}) WHERE NOT EXISTS { MATCH ()-[]->(d) } "
                   "DETACH DELETE d", {"ids": gone})
        touched["Document"] -= set(doc_ids)
        for label, ids in touched.items():
            if not ids or onto.nodes[label].provenance:
                continue
            cond = " AND (n.ingested IS NULL OR n.ingested = false)" if label == "Document" else ""
            tx.run(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) WHERE NOT EXISTS {{ MATCH (n)--() }}{cond} "
                   "DETACH DELETE n", {"ids": sorted(ids)})

    def _documents_at(self, path: str) -> list[str]:
        variants = {path, os.path.normpath(path), os.path.abspath(path)}
        try:
            variants.add(os.path.relpath(path))
        except ValueError:
            pass
        rows = self._read("MATCH (d:Document) WHERE d.ingested = true AND d.source_path IN $ps RETURN d.id AS id",
                          {"ps": sorted(variants)})
        ids = sorted({r["id"] for r in rows})
        if not ids:  # a document id given instead of a path
            ids = [r["id"] for r in self._read("MATCH (d:Document) WHERE d.id = $id AND d.ingested = true "
                                               "RETURN d.id AS id", {"id": path})]
        return ids

    def remove_under(self, folder: str) -> dict[str, int]:
        """Remove every ingested document whose source path lies under ``folder``."""
        prefixes = {os.path.join(os.path.normpath(folder), ""), os.path.join(os.path.abspath(folder), "")}
        try:
            prefixes.add(os.path.join(os.path.relpath(folder), ""))
        except ValueError:
            pass
        ids = set()
        for pre in prefixes:
            for r in self._read("MATCH (d:Document) WHERE d.ingested = true AND d.source_path STARTS WITH $p "
                                "RETURN d.id AS id", {"p": pre}):
                ids.add(r["id"])
        return self._remove_ids(sorted(ids))

    def remove_document(self, path: str) -> dict[str, int]:
        """Remove the document read from ``path`` (or with that id): its facts go; its node stays as a
        referenced-only node (ingested=false) when other documents still cite it.
        Returns counts: documents_removed, kept_as_referenced."""
        return self._remove_ids(self._documents_at(path))

    def _remove_ids(self, ids: list[str]) -> dict[str, int]:
        counts = {"documents_removed": 0, "kept_as_referenced": 0}
        for doc_id in ids:
            def work(tx, doc_id=doc_id):
                self._delete_facts(tx, doc_id, keep_node=False)
                return tx.run("MATCH (d:Document) WHERE d.id = $id RETURN count(d) AS n", {"id": doc_id})[0]["n"]
            kept = self._transaction(work)
            counts["documents_removed"] += 1
            counts["kept_as_referenced"] += int(bool(kept))
        return counts

    # -- undated citations --------------------------------------------------------------------
    def link_undated(self) -> int:
        """Tie citations without a year to the one dated document they can mean (see
        ``resolve.corpus``), recomputing every earlier inferred link, a few thousand undated nodes
        per transaction (``write.undated``).  Each link is a copy of the citing edge(s) to the dated
        node with inferred=true, inference=<reason>, linked_from=<undated id>; the undated node
        records link_status/link_note.  Returns the number of (undated node, citing document) pairs
        linked; the decisions are kept in ``self.last_links``."""
        from .undated import link_undated

        linked, self.last_links = link_undated(self, self.undated_per_tx)
        return linked

    # -- reading ------------------------------------------------------------------------------
    def query(self, name: str, params: dict | None = None, **kwargs) -> list[dict]:
        """Run the named query ``name`` from the library (``graph_builder.queries``) with parameters
        (validated and converted first; see ``legalkg queries``)."""
        from ..queries import load_query

        q = load_query(name)
        bound = q.bind({**(params or {}), **kwargs})
        if not q.steps:
            return q.finish(self._read(q.text_for(self.kind), bound))
        return self._reading(lambda read: q.run(read, self.kind, bound))

    def _reading(self, work):
        """Run ``work(read)`` -- ``read(text, params) -> rows`` -- for several read statements
        (Neo4j: in one read transaction)."""
        return work(self._read)

    def cypher(self, text: str, params: dict | None = None) -> list[dict]:
        """Run ad-hoc read-only Cypher; write clauses are refused with ``WriteRefused``."""
        check_read_only(text)
        return self._run_user(text, dict(params or {}))

    def stats(self) -> dict[str, Any]:
        """Counts: ``nodes`` by label, ``documents`` by doc_type (and ``ingested``/``referenced``),
        ``relationships`` by type."""
        nodes = {label: self._read(f"MATCH (n:{label}) RETURN count(n) AS n")[0]["n"] for label in self.onto.nodes}
        by_type = {r["t"] or "Document": r["n"] for r in self._read(
            "MATCH (d:Document) RETURN d.doc_type AS t, count(d) AS n ORDER BY t")}
        ingested = self._read("MATCH (d:Document) WHERE d.ingested = true RETURN count(d) AS n")[0]["n"]
        rels = {t: self._read(f"MATCH ()-[r:{t}]->() RETURN count(r) AS n")[0]["n"] for t in self.onto.relationships}
        return {"nodes": nodes, "documents": dict(sorted(by_type.items())),
                "documents_ingested": ingested, "documents_referenced": nodes["Document"] - ingested,
                "relationships": rels}

    def nodes(self, label: str | None = None) -> Iterator[dict]:
        """Every node as plain data ``{"label", "id", "props"}`` (props: the ontology's properties that
        are set, id excluded), label by label in ontology order, ids ascending.  Stable API for exports."""
        for lab in ([label] if label else list(self.onto.nodes)):
            props = [p for p in self.onto.node_properties(lab) if p != "id"]
            cols = ", ".join(f"n.{p} AS {p}" for p in props)
            for r in self._read(f"MATCH (n:{lab}) RETURN n.id AS id, {cols} ORDER BY id"):
                yield {"label": lab, "id": r["id"],
                       "props": {p: r[p] for p in props if r.get(p) is not None}}

    def edges(self, type: str | None = None) -> Iterator[dict]:
        """Every relationship as plain data ``{"type", "source", "target", "source_label", "target_label",
        "props"}`` (the field names of ``model.Edge``), type by type in ontology order."""
        for t in ([type] if type else list(self.onto.relationships)):
            rel = self.onto.relationships[t]
            props = list(self.onto.relationship_properties(t))
            cols = "".join(f", r.{p} AS {p}" for p in props)
            for sl in rel.sources:
                for tl in rel.targets:
                    for r in self._read(f"MATCH (a:{sl})-[r:{t}]->(b:{tl}) RETURN a.id AS _s, b.id AS _t{cols} "
                                        "ORDER BY _s, _t"):
                        yield {"type": t, "source": r["_s"], "target": r["_t"], "source_label": sl,
                               "target_label": tl, "props": {p: r[p] for p in props if r.get(p) is not None}}

