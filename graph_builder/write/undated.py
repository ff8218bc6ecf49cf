"""Tie citations without a year to the one dated document they can mean, in a store.

The decision itself is pure (``resolve.corpus.choose_dated``); this module gathers its inputs from
the store and applies the result, for both stores (the Cypher here is the subset they share).

It scales with the corpus: a national-size crawl has on the order of 10^5 undated nodes and 10^7
edges, so the work is cut into transactions of a few thousand undated nodes, grouped by symbol (a
dated target has the undated node's symbol, so every decision about one target falls in one
transaction), and every statement starts from a unique-index seek on ``id`` or the ``symbol``
index -- never from a scan of all documents or all edges of a type.

Links are derived data, recomputed whole on every call: the earlier inferred edges and link
statuses are removed first.  Should a transaction fail half-way, the links of the groups before
it stay and the rest are missing; the next call (the next build) recomputes them all.
"""
from __future__ import annotations

import logging
import time
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from ..resolve.corpus import Candidate, Citing, Decision, choose_dated, summarise

if TYPE_CHECKING:
    from .common import Store, Tx

log = logging.getLogger("legalkg.store")

LINK_TYPES = ("CITES", "IMPLEMENTS", "BASED_ON")
UNDATED_PER_TX = 5000

_UNDATED = ("MATCH (u:Document) WHERE u.symbol IS NOT NULL AND (u.ingested IS NULL OR u.ingested = false) "
            "AND (u.year IS NULL OR u.year_inferred = true) "
            "RETURN u.id AS id, u.symbol AS symbol, u.jurisdiction AS jurisdiction, u.year AS year, "
            "u.year_inferred AS year_inferred")


def link_undated(store: Store, per_tx: int = UNDATED_PER_TX) -> tuple[int, list[Decision]]:
    """Recompute every inferred link; returns the number of (undated node, citing document) pairs
    linked and every decision taken."""
    store._transaction(_reset)
    undated = sorted(store._read(_UNDATED), key=lambda u: (u["symbol"], u["id"]))
    linked, decisions, done, start = 0, [], 0, time.monotonic()
    for group in _groups(undated, per_tx):
        n, ds = store._transaction(lambda tx, g=group: _link_group(store, tx, g))
        linked += n
        decisions += ds
        done += len(group)
        log.info("undated citations: %d of %d nodes decided, %d links (%.0f s)", done, len(undated), linked,
                 time.monotonic() - start)
    return linked, decisions


def _reset(tx: Tx) -> None:
    for t in LINK_TYPES:
        tx.run(f"MATCH ()-[r:{t}]->() WHERE r.linked_from IS NOT NULL DELETE r")
    tx.run("MATCH (d:Document) WHERE d.link_status IS NOT NULL SET d.link_status = NULL, d.link_note = NULL")


def _groups(undated: list[dict], size: int):
    """Consecutive runs of ``undated`` (sorted by symbol) of about ``size`` nodes, never splitting
    one symbol."""
    group: list[dict] = []
    for u in undated:
        if len(group) >= size and u["symbol"] != group[-1]["symbol"]:
            yield group
            group = []
        group.append(u)
    if group:
        yield group


def _link_group(store: Store, tx: Tx, undated: list[dict]) -> tuple[int, list[Decision]]:
    onto = store.onto
    symbols = sorted({u["symbol"] for u in undated})
    ids = [u["id"] for u in undated]
    cands = tx.run(
        "MATCH (c:Document) WHERE c.symbol IN $symbols AND c.year IS NOT NULL "
        "AND (c.year_inferred IS NULL OR c.year_inferred = false) "
        "RETURN c.id AS id, c.symbol AS symbol, c.jurisdiction AS jurisdiction, c.year AS year, c.date AS date, "
        "c.title AS title, c.subject AS subject", {"symbols": symbols})
    # the subjects other citing texts give each candidate ("về … năm 2024"): what an ambiguous
    # mention is matched against -- only where a symbol has several dated candidates (one
    # candidate is chosen or excluded without them), and each subject once
    pool_size = Counter((c["symbol"], c["jurisdiction"]) for c in cands)
    cand_subjects: dict[str, list[str]] = {r["id"]: r["subjects"] for r in tx.run(
        "UNWIND $ids AS i MATCH (x:Document)-[r:CITES]->(c:Document {id: i}) "
        "WHERE r.subject IS NOT NULL AND r.linked_from IS NULL RETURN c.id AS id, collect(DISTINCT r.subject) AS subjects",
        {"ids": [c["id"] for c in cands if pool_size[(c["symbol"], c["jurisdiction"])] > 1]})}
    pools: dict[tuple, list[Candidate]] = defaultdict(list)
    for c in cands:
        texts = tuple(sorted({t for t in (c["title"], c["subject"], *cand_subjects.get(c["id"], ())) if t}))
        pools[(c["symbol"], c["jurisdiction"])].append(Candidate(c["id"], c["year"], c["date"], texts))

    # every edge into an undated node, by (undated node, citing document), with its properties
    edges_in: dict[tuple[str, str], list[tuple[str, str, str, dict]]] = defaultdict(list)
    for t in LINK_TYPES:
        cols = ", ".join(f"r.{p} AS {p}" for p in onto.relationship_properties(t) if p != "linked_from")
        for sl in onto.relationships[t].sources:
            for r in tx.run(f"UNWIND $ids AS i MATCH (a:{sl})-[r:{t}]->(u:Document {{id: i}}) "
                            f"RETURN a.id AS _s, u.id AS _u, {cols}", {"ids": ids}):
                edges_in[(r["_u"], r.get("source_id") or r["_s"])].append((t, sl, r["_s"], r))
    citing_ids = sorted({sid for (_, sid) in edges_in})
    citing_info = {r["id"]: r for r in tx.run(
        "UNWIND $ids AS i MATCH (d:Document {id: i}) RETURN d.id AS id, d.date AS date, d.year AS year",
        {"ids": citing_ids})}

    by_undated: dict[str, list] = defaultdict(list)
    for key in sorted(edges_in):
        by_undated[key[0]].append(key)
    decisions: list[Decision] = []
    decisions_by_node: dict[str, list[Decision]] = defaultdict(list)
    wanted: dict[tuple[str, str], dict[tuple[str, str], dict]] = defaultdict(dict)  # (type, src label) -> rows
    linked = 0
    for u in undated:
        pool = pools.get((u["symbol"], u["jurisdiction"]), [])
        inferred_year = u["year"] if u["year_inferred"] else None
        for uid, sid in by_undated.get(u["id"], ()):
            items = edges_in[(uid, sid)]
            info = citing_info.get(sid, {})
            subject = next((r.get("subject") for (t, _, _, r) in items if t == "CITES" and r.get("subject")), None)
            d = choose_dated(uid, Citing(sid, info.get("date"), info.get("year"), subject),
                             [c for c in pool if c.id != uid], inferred_year)
            decisions_by_node[uid].append(d)
            decisions.append(d)
            if d.target is None:
                continue
            linked += 1
            for (t, sl, src, r) in items:
                if (src, d.target) in wanted[(t, sl)]:
                    continue  # two undated nodes of one citing text tied to the same document
                row = {k: v for k, v in r.items() if not k.startswith("_") and v is not None}
                row.update({"_s": src, "_t": d.target, "inferred": True, "inference": d.reason, "linked_from": uid})
                row.setdefault("source_id", sid)
                wanted[(t, sl)][(src, d.target)] = row
    for (t, sl), rows in wanted.items():
        # an edge the citing text already states (it also names the dated document) is not doubled
        have = {(r["s"], r["t"]) for r in tx.run(
            f"UNWIND $rows AS row MATCH (a:{sl} {{id: row.s}})-[r:{t}]->(b:Document {{id: row.t}}) "
            "RETURN a.id AS s, b.id AS t", {"rows": [{"s": s, "t": tt} for (s, tt) in rows]})}
        new = [row for key, row in rows.items() if key not in have]
        if new:
            store._create_edges(tx, t, sl, "Document", new)
    status_rows = [{"id": uid, "status": s, "note": n}
                   for uid, ds in decisions_by_node.items() for s, n in [summarise(ds)]]
    if status_rows:
        tx.run("UNWIND $rows AS row MATCH (d:Document {id: row.id}) SET d.link_status = row.status, "
               "d.link_note = row.note", {"rows": status_rows})
    return linked, decisions
