"""Bulk path into an EMPTY embedded store: the import files of ``neo4j_bulk`` (the same CSV files,
made the same way) loaded with LadybugDB's ``COPY … FROM (LOAD WITH HEADERS … FROM 'file.csv')``.

One file format for both stores keeps one merge of shared nodes and one place where rows are
made; only the loading differs.  The typed header of each file (``year:long``) is read by
position into the table's own column order; the ``:LABEL``/``:TYPE`` columns are Neo4j's and
are skipped (the embedded store keeps the document type in ``doc_type``).

Atomic: the load goes into a fresh database file beside the store's and is renamed into place
only when every file is in, so a failed or killed load leaves the store folder as it was (empty).

Memory (measured on the 180k synthetic corpus, 40.6M elements, bench/RESULTS.md): LadybugDB
keeps a relationship table's lists in its buffer pool when it checkpoints a COPY, so the pool
must hold about the largest relationship table (ASSIGNED_TO: 12.6M rows with their source
sentences).  With a 1 GiB pool the load failed ("the buffer pool is full") after 0.6 GB of that
file, even in small parts; with 14 GiB it took 605 s and peaked at 20 GiB.  Relationship files
are still loaded in parts, which bounds the COPY's own working memory.
"""
from __future__ import annotations

import csv
import os
import time
from pathlib import Path

from .common import StoreError
from .neo4j_bulk import BulkFiles

# Neo4j header types -> LadybugDB column types of LOAD WITH HEADERS
_TYPES = {"string": "STRING", "long": "INT64", "double": "DOUBLE", "boolean": "BOOLEAN"}
# Neo4j's ID/START_ID/END_ID columns, by their place in the header
_ENDS = {"ID": "id", "START_ID": "_from", "END_ID": "_to"}


class BulkLoadError(StoreError):
    """The embedded bulk load failed; the store folder is left as it was."""


def _header(path: Path) -> tuple[list[tuple[str, str]], tuple[str, str] | None]:
    """(name, LadybugDB type) of every column of an import file, from its typed header, and the
    (from, to) labels of a relationship file (``:START_ID(Task)``, ``:END_ID(Agency)``)."""
    with open(path, encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh), [])
    out, spaces = [], {}
    for cell in header:
        name, _, typ = cell.partition(":")
        kind, _, space = typ.rstrip(")").partition("(")
        if kind in _ENDS:
            out.append((_ENDS[kind], "STRING"))
            spaces[kind] = space
        elif not name:  # :LABEL, :TYPE
            out.append(("_" + kind.lower(), "STRING"))
        else:
            out.append((name, _TYPES.get(typ, "STRING")))
    ends = (spaces["START_ID"], spaces["END_ID"]) if "START_ID" in spaces and "END_ID" in spaces else None
    return out, ends


def _copy_statement(table: str, path: Path, cols: list[tuple[str, str]], table_columns: list[str],
                    ends: tuple[str, str] | None) -> str:
    alias = {name: f"c{i}" for i, (name, _) in enumerate(cols)}
    missing = [c for c in table_columns if c not in alias]
    if missing:
        raise BulkLoadError(f"{path}: no column for {', '.join(missing)} of {table} (files of another version?)")
    spec = ", ".join(f"c{i} {typ}" for i, (_, typ) in enumerate(cols))
    keys = ["_from", "_to"] if ends else []
    ret = ", ".join(alias[c] for c in keys + table_columns)
    # parallel=false: the files may hold quoted newlines (source sentences), which LadybugDB's
    # parallel CSV reader does not accept
    load = f"LOAD WITH HEADERS ({spec}) FROM '{_quote(path)}' (header=true, parallel=false) RETURN {ret}"
    opts = f" (from='{ends[0]}', to='{ends[1]}')" if ends else ""
    return f"COPY {table} FROM ({load}){opts}"


def _quote(path: Path) -> str:
    text = str(path.resolve())
    if "'" in text:
        raise BulkLoadError(f"{text}: a quote in the path of an import file is not supported")
    return text


def load_import_files(files: BulkFiles, folder: str | os.PathLike, log=print,
                      part_bytes: int | None = None) -> dict[str, int]:
    """Load ``files`` into the embedded store at ``folder``, which must be empty or absent.
    Relationship files go in parts of ``part_bytes`` (default: a quarter of the buffer pool when it
    is set, else 1 GiB).
    Returns node and relationship counts as loaded."""
    from .ladybug_store import DB_FILE, LadybugStore

    folder = Path(folder).expanduser()
    target = folder / DB_FILE
    if target.exists():
        with LadybugStore(folder, read_only=True) as store:
            held = sum(store.stats()["nodes"].values())
        if held:
            raise BulkLoadError(f"--bulk needs an empty store, and {folder} holds {held} node(s); "
                                "use `legalkg build` without --bulk to add to it")
    folder.mkdir(parents=True, exist_ok=True)
    loading = folder / (DB_FILE + ".loading")
    _remove_database(loading)
    counts = {"nodes": 0, "relationships": 0}
    try:
        # the store's own class holds the folder lock and creates the tables from the ontology
        with LadybugStore(folder, database_file=loading.name) as store:
            onto = store.onto
            # one thread: with two, COPY of a node table of ~1M rows deadlocked in LadybugDB 0.22's
            # parallel hash-index builder (measured on the 180k corpus; 1 thread: 1.15M documents
            # in 8 s), and the CSV reading is single-threaded anyway (parallel=false above)
            store.conn.set_max_threads_for_exec(1)
            pool = store.buffer_pool  # the setting the store was opened with
            chunk = part_bytes or (max(pool // 4, 16 << 20) if pool else 1 << 30)
            seen: dict[str, int] = {}  # running total per table: a relationship table takes one file per (from, to)
            for label, path in sorted(files.nodes.items(), key=lambda kv: list(onto.nodes).index(kv[0])):
                cols, _ = _header(path)
                total = _run_copy(store, label, path, cols, list(onto.node_properties(label)), None, log, chunk)
                counts["nodes"] += total - seen.get(label, 0)
                seen[label] = total
            for rtype, path in files.relationships:
                cols, ends = _header(path)
                if ends is None:
                    raise BulkLoadError(f"{path}: not a relationship file (no :START_ID/:END_ID in its header)")
                props = list(onto.relationship_properties(rtype))
                total = _run_copy(store, rtype, path, cols, props, ends, log, chunk)
                counts["relationships"] += total - seen.get(rtype, 0)
                seen[rtype] = total
        _remove_database(target)
        os.replace(loading, target)
    except BaseException:
        _remove_database(loading)
        raise
    return counts


def _run_copy(store, table: str, path: Path, cols: list[tuple[str, str]], columns: list[str], ends, log,
              chunk_bytes: int) -> int:
    """COPY one file into its table; returns the table's row count after it.  A relationship file
    goes in parts of at most ``chunk_bytes``: LadybugDB holds a whole relationship COPY in its buffer
    pool (a 6 GB file failed with a 1 GiB pool), while nodes stream."""
    t0 = time.perf_counter()
    parts = _parts(path, chunk_bytes) if ends else iter([path])
    try:
        for part in parts:
            store.conn.execute(_copy_statement(table, part, cols, columns, ends))  # parts share the header
    except RuntimeError as e:
        raise BulkLoadError(f"embedded bulk load of {path.name} into {table} failed: {e}") from None
    pattern = f"()-[x:{table}]->()" if ends else f"(x:{table})"
    total = store.conn.execute(f"MATCH {pattern} RETURN count(x)").get_next()[0]
    where = f"({ends[0]})-[:{table}]->({ends[1]})" if ends else f"({table})"
    log(f"legalkg: COPY {path.name} -> {where} in {time.perf_counter() - t0:.1f} s")
    return total


def _parts(path: Path, chunk_bytes: int):
    """``path`` itself when it is small, else temporary files of whole records of at most about
    ``chunk_bytes``, each with the header, made one at a time beside it and removed when the next
    is asked for.  A line ends a record when the quotes seen so far are balanced (csv doubles a
    quote inside a field), so a source sentence with a newline stays in one part."""
    if path.stat().st_size <= chunk_bytes:
        yield path
        return
    with open(path, "rb") as src:
        header = src.readline()
        n = 0
        while True:
            part = path.with_name(f"{path.stem}.part{n}{path.suffix}")
            size, open_quote, wrote = 0, False, False
            with open(part, "wb") as out:
                out.write(header)
                for line in src:
                    out.write(line)
                    wrote = True
                    size += len(line)
                    if line.count(b'"') & 1:
                        open_quote = not open_quote
                    if size >= chunk_bytes and not open_quote:
                        break
            try:
                if not wrote:
                    return
                yield part  # removed once the caller is done with it (or stops)
            finally:
                part.unlink()
            n += 1


def _remove_database(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal"), path.with_name(path.name + ".shadow")):
        try:
            os.remove(p)
        except FileNotFoundError:
            pass
