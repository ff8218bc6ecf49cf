"""The embedded default store: LadybugDB (PyPI ``ladybug``, pinned), in-process, in a local folder.

Layout of the folder (default ``./legalkg-data``)::

    graph.lbdb     the database file
    .lock          held (flock) by the process using the store: exclusive for a writer, shared for
                   readers, so that a second writer gets a clear error instead of a corrupt load

Writes: row-wise ``MERGE`` is very slow in LadybugDB (measured: ~260 s for 100k nodes), so the
writer looks existing ids up by primary key, ``CREATE``s only the new nodes (``COPY`` from a
DataFrame for large batches), and updates existing ones with explicit ``coalesce`` rules
(mode "set": the new value wins; "fill": only missing values are filled).
"""
from __future__ import annotations

import errno
import fcntl
import os
from pathlib import Path
from typing import Any

from ..ontology.generate import _LADYBUG_TYPES, ladybug_schema_statements
from .config import embedded_memory
from .common import StoreBusy, StoreError, Tx, Store, plain_row

DB_FILE = "graph.lbdb"
# At and above this many rows a batch of new nodes/edges is loaded with COPY from a DataFrame
# instead of UNWIND … CREATE (bench/store_bench.py measures the crossover).
COPY_MIN_ROWS = 2000


def _ladybug():
    import ladybug

    return ladybug


def _rows(result) -> list[dict]:
    cols = result.get_column_names()
    out = []
    while result.has_next():
        out.append(plain_row(cols, result.get_next()))
    return out


class _LbTx(Tx):
    def __init__(self, store: "LadybugStore"):
        self.store = store

    def run(self, text: str, params: dict | None = None) -> list[dict]:
        return self.store._exec(text, params)


class LadybugStore(Store):
    """The embedded store in ``folder`` (created on first write)."""

    kind = "ladybug"
    # LadybugDB answers link_undated's id-list statements with a scan and hash join (about 5 s per
    # statement on the 180k store, whatever the list's length), so fewer, larger groups: 5,000
    # per transaction took about 115 s a group there, about 65 min in all
    undated_per_tx = 50_000

    def __init__(self, folder: str | os.PathLike, read_only: bool = False, database_file: str = DB_FILE):
        super().__init__()
        self.folder = Path(folder).expanduser()
        self.read_only = read_only
        self._lock_fh = None
        self._in_tx = False
        db_path = self.folder / database_file
        if read_only:
            if not db_path.exists():
                raise StoreError(f"no graph store at {self.folder} (run `legalkg build PATH --store {self.folder}` first)")
        else:
            if self.folder.exists() and not self.folder.is_dir():
                raise StoreError(f"{self.folder} is a file, not a store folder")
            self.folder.mkdir(parents=True, exist_ok=True)
        self.buffer_pool = embedded_memory()  # bytes, 0 = LadybugDB's default; a bad setting fails before the lock
        self._lock()
        lb = _ladybug()
        try:
            self.db = lb.Database(str(db_path), read_only=read_only, buffer_pool_size=self.buffer_pool)
        except RuntimeError as e:
            self._unlock()
            if "lock" in str(e).lower():
                raise StoreBusy(f"the store {self.folder} is in use by another process; wait for it to finish") from None
            raise StoreError(f"cannot open the store {self.folder}: {e}") from None
        self.conn = lb.Connection(self.db)
        if not read_only:
            self.ensure_schema()

    # -- locking ------------------------------------------------------------------------------
    def _lock(self) -> None:
        path = self.folder / ".lock"
        mode = "a+" if not self.read_only else ("a+" if os.access(self.folder, os.W_OK) else "r")
        try:
            fh = open(path, mode)
        except OSError:
            return  # a read-only folder: nobody can write it either
        try:
            fcntl.flock(fh, (fcntl.LOCK_SH if self.read_only else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except OSError as e:
            fh.seek(0)
            holder = fh.read().strip()
            fh.close()
            if e.errno in (errno.EAGAIN, errno.EACCES):
                who = f" (pid {holder})" if holder else ""
                what = "writing to" if self.read_only else "using"
                raise StoreBusy(f"the store {self.folder} is locked: another legalkg process{who} is {what} it; "
                                "one writer at a time -- wait for it to finish, or use another --store folder") from None
            raise
        if not self.read_only:
            fh.seek(0)
            fh.truncate()
            fh.write(str(os.getpid()))
            fh.flush()
        self._lock_fh = fh

    def _unlock(self) -> None:
        if self._lock_fh is not None:
            try:
                if not self.read_only:
                    self._lock_fh.truncate(0)
                fcntl.flock(self._lock_fh, fcntl.LOCK_UN)
            finally:
                self._lock_fh.close()
                self._lock_fh = None

    def close(self) -> None:
        conn, db = getattr(self, "conn", None), getattr(self, "db", None)
        self.conn = self.db = None
        try:
            if conn is not None:
                conn.close()
            if db is not None:
                db.close()
        finally:
            self._unlock()

    # -- primitives ---------------------------------------------------------------------------
    def _exec(self, text: str, params: dict | None = None) -> list[dict]:
        if self.conn is None:
            raise StoreError("the store is closed")
        if params:
            params = {k: v for k, v in params.items() if f"${k}" in text}
        try:
            return _rows(self.conn.execute(text, params or {}))
        except RuntimeError as e:
            raise StoreError(f"embedded store: {e}") from None

    def _read(self, text: str, params: dict | None = None) -> list[dict]:
        return self._exec(text, params)

    def _transaction(self, work):
        if self.read_only:
            raise StoreError(f"the store {self.folder} was opened read-only")
        if self._in_tx:
            return work(_LbTx(self))
        self._exec("BEGIN TRANSACTION")
        self._in_tx = True
        try:
            result = work(_LbTx(self))
        except BaseException:
            self._in_tx = False
            try:
                self.conn.execute("ROLLBACK")
            except RuntimeError:
                pass  # the engine already rolled back the failed transaction
            raise
        self._in_tx = False
        self._exec("COMMIT")
        return result

    def _run_user(self, text: str, params: dict) -> list[dict]:
        self._exec("BEGIN TRANSACTION READ ONLY")
        try:
            return self._exec(text, params)
        finally:
            try:
                self.conn.execute("ROLLBACK")
            except RuntimeError:
                pass

    def ensure_schema(self) -> None:
        """Create the node and relationship tables generated from the ontology, and add columns the
        ontology gained since the store was created (ALTER TABLE … ADD)."""
        for stmt in ladybug_schema_statements(self.onto):
            self._exec(stmt)
        for label in self.onto.nodes:
            self._add_missing(label, self.onto.node_properties(label))
        for t in self.onto.relationships:
            self._add_missing(t, self.onto.relationship_properties(t))

    def _add_missing(self, table: str, props) -> None:
        have = {r["name"] for r in self._exec(f"CALL table_info('{table}') RETURN *")}
        for p in props.values():
            if p.name not in have:
                self._exec(f"ALTER TABLE {table} ADD {p.name} {_LADYBUG_TYPES[p.type]}")

    # -- writing ------------------------------------------------------------------------------
    def _columns(self, label: str) -> list[str]:
        return list(self.onto.node_properties(label))

    def _upsert_nodes(self, tx: Tx, label: str, mode: str, rows: list[dict]) -> list[str]:
        ids = [r["id"] for r in rows]
        existing = {r["id"] for r in tx.run(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) RETURN n.id AS id",
                                            {"ids": ids})}
        new = [r for r in rows if r["id"] not in existing]
        old = [r for r in rows if r["id"] in existing]
        if new:
            self._create_nodes(tx, label, new)
        if old:
            cols = [c for c in self._columns(label) if c != "id" and any(r.get(c) is not None for r in old)]
            if cols:
                if mode == "fill":
                    sets = ", ".join(f"n.{c} = coalesce(n.{c}, row.{c})" for c in cols)
                else:
                    sets = ", ".join(f"n.{c} = coalesce(row.{c}, n.{c})" for c in cols)
                full = [{"id": r["id"], **{c: r.get(c) for c in cols}} for r in old]
                tx.run(f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) SET {sets}", {"rows": full})
        return [r["id"] for r in new]

    def _create_nodes(self, tx: Tx, label: str, rows: list[dict]) -> None:
        if len(rows) >= COPY_MIN_ROWS:
            self._copy(label, self._columns(label), rows, None)
            return
        cols = [c for c in self._columns(label) if any(r.get(c) is not None for r in rows)]
        full = [{c: r.get(c) for c in cols} for r in rows]
        assign = ", ".join(f"{c}: row.{c}" for c in cols)
        tx.run(f"UNWIND $rows AS row CREATE (n:{label} {{{assign}}})", {"rows": full})

    def _create_edges(self, tx: Tx, rel_type: str, src_label: str, dst_label: str, rows: list[dict]) -> int:
        props = [p for p in self.onto.relationship_properties(rel_type)]
        if len(rows) >= COPY_MIN_ROWS:
            # COPY fails on a missing endpoint; check first so the caller can name them
            for label, key in ((src_label, "_s"), (dst_label, "_t")):
                ids = sorted({r[key] for r in rows})
                n = tx.run(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) RETURN count(n) AS n", {"ids": ids})[0]["n"]
                if n != len(ids):
                    return 0
            self._copy(rel_type, props, rows, (src_label, dst_label))
            return len(rows)
        cols = [c for c in props if any(r.get(c) is not None for r in rows)]
        full = [{"s_": r["_s"], "t_": r["_t"], **{c: r.get(c) for c in cols}} for r in rows]
        assign = ", ".join(f"{c}: row.{c}" for c in cols)
        res = tx.run(f"UNWIND $rows AS row MATCH (a:{src_label} {{id: row.s_}}) MATCH (b:{dst_label} {{id: row.t_}}) "
                     f"CREATE (a)-[r:{rel_type} {{{assign}}}]->(b) RETURN count(r) AS n", {"rows": full})
        return res[0]["n"] if res else 0

    def _copy(self, table: str, columns: list[str], rows: list[dict], ends: tuple[str, str] | None) -> None:
        """Bulk-load rows with COPY from a pandas DataFrame (object columns, nulls kept)."""
        import pandas as pd

        props = self.onto.node_properties(table) if ends is None else self.onto.relationship_properties(table)
        data: dict[str, Any] = {}
        if ends is not None:
            data["from"] = pd.Series([r["_s"] for r in rows], dtype=object)
            data["to"] = pd.Series([r["_t"] for r in rows], dtype=object)
        for c in columns:  # object columns: None is read as NULL (nullable extension dtypes are not scanned)
            t = props[c].type
            values = [r.get(c) for r in rows]
            if t == "DOUBLE":
                values = [None if v is None else float(v) for v in values]
            data[c] = pd.Series(values, dtype=object)
        df = pd.DataFrame(data)  # noqa: F841 (read by name by COPY)
        opts = f" (from='{ends[0]}', to='{ends[1]}')" if ends is not None else ""
        try:
            self.conn.execute(f"COPY {table} FROM df{opts}")
        except RuntimeError as e:
            raise StoreError(f"embedded store: bulk load of {table} failed: {e}") from None
