"""Bulk path into an EMPTY Neo4j database: graph fragments -> the CSV files of
``neo4j-admin database import full``, and running that import.

Files (in one folder):

    nodes_<Label>.csv            id:ID(<Label>),:LABEL,<prop>:<type>,…   one row per node
    rels_<TYPE>_<From>_<To>.csv  :START_ID(<From>),:END_ID(<To>),:TYPE,<prop>:<type>,…

Typed headers come from the ontology (STRING -> string, INT64 -> long, DOUBLE -> double,
BOOLEAN -> boolean, DATE -> string: dates are ISO strings in every store).  Every label has
its own ID space, so equal ids of different labels never clash.

Shared nodes (cited documents, agencies, projects) are contributed by many documents.  They
are merged as the batched writer merges them: a document's own node ("set") overwrites, a
shared node ("fill") only fills properties still missing.  The merge runs in a temporary
SQLite table on disk, so memory stays bounded however large the corpus; owned nodes (tasks,
targets) and all relationships are streamed straight to their CSV files.

The CSV text of a document's owned nodes and relationships is made where the document is
extracted (``fragment_rows``, in the worker processes of ``legalkg build --bulk``): the parent
process only appends text to files and merges the shared nodes, so it does not become the
bottleneck of a first national-size load.
"""
from __future__ import annotations

import csv
import io
import json
import os
import shlex
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..model import GraphFragment
from ..ontology import load_ontology
from .common import prepare_fragment

NEO4J_TYPES = {"STRING": "string", "INT64": "long", "DOUBLE": "double", "BOOLEAN": "boolean", "DATE": "string",
               "STRING[]": "string[]"}
ARRAY_DELIMITER = "\x1f"  # never inside a value; given to neo4j-admin as --array-delimiter


def _cell(value, typ: str):
    if value is None:
        return None
    if typ == "boolean":
        return "true" if value else "false"
    if typ == "long":
        return str(int(value))
    if typ == "double":
        return repr(float(value))
    if typ == "string[]":
        return ARRAY_DELIMITER.join(str(v) for v in value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


@dataclass
class BulkFiles:
    folder: Path
    nodes: dict[str, Path] = field(default_factory=dict)  # label -> file
    relationships: list[tuple[str, Path]] = field(default_factory=list)  # (type, file)
    node_count: int = 0
    relationship_count: int = 0
    documents: int = 0

    @classmethod
    def from_folder(cls, folder: str | Path) -> "BulkFiles":
        """The import files an earlier ``BulkCsvWriter`` left in ``folder`` (to load them again)."""
        folder = Path(folder)
        files = cls(folder)
        types = sorted(load_ontology().relationships, key=len, reverse=True)  # ASSIGNED_TO before a shorter prefix
        for path in sorted(folder.glob("nodes_*.csv")):
            files.nodes[path.stem[len("nodes_"):]] = path
        for path in sorted(folder.glob("rels_*.csv")):
            rest = path.stem[len("rels_"):]
            rtype = next((t for t in types if rest.startswith(t + "_")), None)
            if rtype is None:
                raise ValueError(f"{path}: not a relationship file of the ontology")
            files.relationships.append((rtype, path))
        if not files.nodes:
            raise ValueError(f"{folder}: no nodes_*.csv import files")
        return files

    def import_args(self, database: str = "neo4j") -> list[str]:
        """The arguments of ``neo4j-admin`` that load these files into ``database``."""
        # the database name first: --nodes/--relationships take a variable number of values
        args = ["database", "import", "full", database, f"--report-file={self.folder / 'import.report'}",
                "--overwrite-destination=true", "--multiline-fields=true",
                f"--array-delimiter={ARRAY_DELIMITER}", "--id-type=string", "--skip-bad-relationships=false"]
        # the tool's own default takes 90 % of the free memory off the heap (id maps, caches)
        offheap = os.environ.get("LEGALKG_NEO4J_IMPORT_OFFHEAP")
        if offheap:
            args.append(f"--max-off-heap-memory={offheap}")
        for label, path in sorted(self.nodes.items()):
            args.append(f"--nodes={label}={path}")
        for rtype, path in self.relationships:
            args.append(f"--relationships={rtype}={path}")
        return args


class BulkLayout:
    """Columns of every CSV file, from the ontology (the same in workers and in the writer)."""

    def __init__(self):
        self.onto = onto = load_ontology()
        self.node_props: dict[str, list[tuple[str, str]]] = {}
        for label, nt in onto.nodes.items():
            props = [(n, NEO4J_TYPES.get(p.type, "string")) for n, p in nt.properties.items() if n != "id"]
            if nt.provenance:
                props += [(n, NEO4J_TYPES.get(p.type, "string")) for n, p in onto.provenance_properties.items()
                          if n not in nt.properties]
            self.node_props[label] = props
        self.rel_props: dict[str, list[tuple[str, str]]] = {}
        for rtype, rt in onto.relationships.items():
            props = [(n, NEO4J_TYPES.get(p.type, "string")) for n, p in rt.properties.items()]
            if rt.provenance:  # HAS_TASK, SETS_TARGET carry none: they go with the node they point to
                props += [(n, NEO4J_TYPES.get(p.type, "string")) for n, p in onto.provenance_properties.items()
                          if n not in rt.properties]
            self.rel_props[rtype] = props
        self.doc_labels = {t.label for t in onto.doc_types}

    def node_header(self, label: str) -> list[str]:
        return [f"id:ID({label})", ":LABEL"] + [f"{n}:{t}" for n, t in self.node_props.get(label, [])]

    def rel_header(self, rtype: str, src_label: str, dst_label: str) -> list[str]:
        return ([f":START_ID({src_label})", f":END_ID({dst_label})", ":TYPE"] +
                [f"{n}:{t}" for n, t in self.rel_props.get(rtype, [])])

    def node_row(self, label: str, node_id: str, props: dict) -> list:
        return [node_id, self._labels(label, props)] + [_cell(props.get(n), t) for n, t in self.node_props.get(label, [])]

    def rel_row(self, rtype: str, src: str, dst: str, props: dict) -> list:
        return [src, dst, rtype] + [_cell(props.get(n), t) for n, t in self.rel_props.get(rtype, [])]

    def _labels(self, label: str, props: dict) -> str:
        if label == "Document":
            t = props.get("doc_type")
            if t and t in self.doc_labels and t != "Document":
                return f"Document{ARRAY_DELIMITER}{t}"  # the :LABEL column splits on --array-delimiter
        return label


# labels whose nodes belong to exactly one document: streamed, no merge needed
OWNED_LABELS = ("Task", "Target")


@dataclass(slots=True)
class BulkRows:
    """One document's share of the import files: CSV text (no header) of its owned nodes by label
    and of its relationships by (type, source label, target label), and its shared nodes to merge
    as (label, id, properties as JSON, 1 when the document owns the node's facts)."""

    path: str
    nodes: dict[str, tuple[str, int]] = field(default_factory=dict)  # label -> (text, rows)
    rels: dict[tuple[str, str, str], tuple[str, int]] = field(default_factory=dict)
    shared: list[tuple[str, str, str, int]] = field(default_factory=list)


_LAYOUT: BulkLayout | None = None


def fragment_rows(fragment: GraphFragment, layout: BulkLayout | None = None) -> BulkRows:
    """The import rows of one document's fragment (run in the extraction worker).  The fragment is
    validated and coerced exactly as the batched writer does it (``prepare_fragment``: the same
    properties, the same duplicate edges dropped), so both paths load the same graph."""
    global _LAYOUT
    if layout is None:
        layout = _LAYOUT = _LAYOUT or BulkLayout()
    prep = prepare_fragment(fragment, layout.onto)
    out = BulkRows(fragment.source_path)
    for label, by_mode in prep.nodes.items():
        for mode, rows in by_mode.items():
            if label in OWNED_LABELS:
                text, n = out.nodes.get(label, ("", 0))
                out.nodes[label] = (text + _csv_text([layout.node_row(label, r["id"], r) for r in rows]), n + len(rows))
            else:  # set/own overwrite, fill only fills (as in the batched writer)
                out.shared += [(label, r["id"], json.dumps({k: v for k, v in r.items() if k != "id"}, ensure_ascii=False),
                                0 if mode == "fill" else 1) for r in rows]
    for (rtype, sl, tl), rows in prep.edges.items():
        out.rels[(rtype, sl, tl)] = (_csv_text([layout.rel_row(rtype, r["_s"], r["_t"], r) for r in rows]), len(rows))
    return out


def _csv_text(rows: list[list]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


class BulkCsvWriter:
    """Collects fragments and writes the import CSV files.

        with BulkCsvWriter(folder) as w:
            for fragment in fragments:
                w.add(fragment)
        files = w.files
    """

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.layout = BulkLayout()
        self.files = BulkFiles(self.folder)
        self._handles: dict[tuple, tuple] = {}  # key -> (file object, csv writer)
        tmp = tempfile.mkdtemp(prefix="legalkg-bulk-", dir=self.folder)
        self._db_path = Path(tmp) / "merge.sqlite"
        self.db = sqlite3.connect(self._db_path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("PRAGMA temp_store=FILE")
        self.db.execute("PRAGMA cache_size=-65536")  # 64 MiB
        self.db.execute("CREATE TABLE n (label TEXT, id TEXT, seq INTEGER, props TEXT, own INTEGER, "
                        "PRIMARY KEY (label, id)) WITHOUT ROWID")
        self._seq = 0
        self._pending: list[tuple] = []
        self.db.execute("BEGIN")

    # ------------------------------------------------------------------ input
    def add(self, fragment: GraphFragment) -> None:
        self.add_rows(fragment_rows(fragment, self.layout))

    def add_rows(self, rows: BulkRows) -> None:
        """Append one document's rows (``fragment_rows``, made in a worker) to the files."""
        self.files.documents += 1
        for label, (text, n) in rows.nodes.items():
            self._node_file(label).write(text)
            self.files.node_count += n
        for (rtype, sl, tl), (text, n) in rows.rels.items():
            self._rel_file(rtype, sl, tl).write(text)
            self.files.relationship_count += n
        for label, node_id, props_json, own in rows.shared:
            self._seq += 1
            self._pending.append((label, node_id, self._seq, props_json, own))
        if len(self._pending) >= 5000:
            self._flush()

    def add_all(self, fragments: Iterable[GraphFragment]) -> None:
        for f in fragments:
            self.add(f)

    def _flush(self) -> None:
        if not self._pending:
            return
        # insert new nodes; for existing ones merge in Python (few: the shared ones), by batch
        cur = self.db.cursor()
        existing: dict[tuple[str, str], tuple[int, dict, int]] = {}
        # one primary-key lookup per key: SQLite scans the whole table for "(label, id) IN (VALUES …)",
        # which made a national-size load quadratic
        for key in {(lb, i) for lb, i, *_ in self._pending}:
            row = cur.execute("SELECT seq, props, own FROM n WHERE label = ? AND id = ?", key).fetchone()
            if row is not None:
                existing[key] = (row[0], json.loads(row[1]), row[2])
        for lb, i, seq, props_json, own in self._pending:
            props = json.loads(props_json)
            old = existing.get((lb, i))
            if old is None:
                existing[(lb, i)] = (seq, props, own)
                continue
            oseq, oprops, oown = old
            if own:  # the document itself: its facts win, then the others fill
                merged = dict(oprops)
                merged.update(props)
                existing[(lb, i)] = (oseq, merged, 1)
            else:
                for k, v in props.items():
                    if oprops.get(k) is None:
                        oprops[k] = v
                existing[(lb, i)] = (oseq, oprops, oown)
        cur.executemany("INSERT OR REPLACE INTO n (label, id, seq, props, own) VALUES (?, ?, ?, ?, ?)",
                        [(lb, i, seq, json.dumps(p, ensure_ascii=False), own)
                         for (lb, i), (seq, p, own) in existing.items()])
        self._pending.clear()

    # ------------------------------------------------------------------ output
    def _handle(self, key: tuple, path: Path, header: list[str]):
        h = self._handles.get(key)
        if h is None:
            fh = open(path, "w", encoding="utf-8", newline="")
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(header)
            h = (fh, w)
            self._handles[key] = h
        return h

    def _node_file(self, label: str):
        path = self.folder / f"nodes_{label}.csv"
        self.files.nodes[label] = path
        return self._handle(("n", label), path, self.layout.node_header(label))[0]

    def _rel_file(self, rtype: str, src_label: str, dst_label: str):
        key = ("r", rtype, src_label, dst_label)
        path = self.folder / f"rels_{rtype}_{src_label}_{dst_label}.csv"
        if key not in self._handles:
            self.files.relationships.append((rtype, path))
        return self._handle(key, path, self.layout.rel_header(rtype, src_label, dst_label))[0]

    def _write_node(self, label: str, node_id: str, props: dict) -> None:
        self._node_file(label)
        self._handles[("n", label)][1].writerow(self.layout.node_row(label, node_id, props))
        self.files.node_count += 1

    def close(self) -> BulkFiles:
        self._flush()
        self.db.execute("COMMIT")
        for (label, node_id, props, _own) in self.db.execute("SELECT label, id, props, own FROM n ORDER BY label, seq"):
            self._write_node(label, node_id, json.loads(props))
        self.db.close()
        for fh, _ in self._handles.values():
            fh.close()
        self._handles.clear()
        try:
            os.remove(self._db_path)
            os.rmdir(self._db_path.parent)
        except OSError:
            pass
        return self.files

    def __enter__(self) -> "BulkCsvWriter":
        return self

    def __exit__(self, *exc) -> None:
        if self._handles or self.db:
            try:
                self.close()
            except sqlite3.ProgrammingError:
                pass


# ----------------------------------------------------------------------------- running the import

def admin_command() -> list[str] | None:
    """How to run neo4j-admin: $LEGALKG_NEO4J_ADMIN (a command line), else the repository's
    ``scripts/neo4j admin`` (the same jars and config as the development server), else
    ``neo4j-admin`` on the PATH; None when none is available."""
    env = os.environ.get("LEGALKG_NEO4J_ADMIN")
    if env:
        return shlex.split(env)
    script = neo4j_script()
    if script is not None:
        return [str(script), "admin"]
    from shutil import which

    exe = which("neo4j-admin")
    return [exe] if exe else None


def neo4j_script() -> Path | None:
    """The project's ``scripts/neo4j`` (server control), when running from a checkout."""
    env = os.environ.get("LEGALKG_NEO4J_SCRIPT")
    if env:
        return Path(env)
    p = Path(__file__).resolve().parents[2] / "scripts" / "neo4j"
    return p if p.exists() else None


class BulkImportError(RuntimeError):
    pass


def run_import(files: BulkFiles, database: str = "neo4j", log=print, expect_uri: str | None = None) -> None:
    """Stop the server (through the project script), run ``neo4j-admin database import full``
    over ``files``, start the server again.  Raises ``BulkImportError`` with the tool's output.

    ``expect_uri``: the server the caller means; the import refuses to stop a server that the
    script does not control (another port), rather than stopping the wrong one."""
    if not files.nodes:
        log("legalkg: nothing to import (no document was extracted)")
        return
    admin = admin_command()
    if admin is None:
        raise BulkImportError("neo4j-admin not found: set LEGALKG_NEO4J_ADMIN, or run the import yourself:\n  "
                              "neo4j-admin " + " ".join(shlex.quote(a) for a in files.import_args(database)))
    script = neo4j_script()
    if script is not None and expect_uri:
        env = _run([str(script), "env"], "asking scripts/neo4j which server it controls")
        uri = next((ln.split("=", 1)[1].strip().strip("'\"") for ln in env.splitlines()
                    if ln.startswith("export NEO4J_URI=")), None)
        if uri and _hostport(uri) != _hostport(expect_uri):
            raise BulkImportError(f"scripts/neo4j controls {uri}, not {expect_uri}: set LEGALKG_NEO4J_PORT "
                                  f"(and LEGALKG_NEO4J_DIR) to the server to load, or use its own neo4j-admin "
                                  f"through LEGALKG_NEO4J_ADMIN with the server stopped")
    if script is not None:
        log("legalkg: stopping Neo4j for the import (scripts/neo4j stop)")
        _run([str(script), "stop"], "stopping Neo4j")
    cmd = admin + files.import_args(database)
    log(f"legalkg: neo4j-admin database import full ({files.node_count} node rows, "
        f"{files.relationship_count} relationships)")
    try:
        _run(cmd, "neo4j-admin database import")
    finally:
        if script is not None:
            log("legalkg: starting Neo4j again (scripts/neo4j start)")
            out = _run([str(script), "start"], "starting Neo4j")
            for line in out.splitlines():  # export lines: keep the environment of this process in step
                if line.startswith("export ") and "=" in line:
                    k, _, v = line[len("export "):].partition("=")
                    os.environ[k.strip()] = shlex.split(v)[0] if v.strip() else ""


def _hostport(uri: str) -> str:
    rest = uri.split("://", 1)[-1].split("/", 1)[0]
    host, _, port = rest.rpartition(":")
    host = {"localhost": "127.0.0.1"}.get(host, host)
    return f"{host}:{port or '7687'}"


def _run(cmd: list[str], what: str) -> str:
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        lines = [ln for ln in (p.stderr + "\n" + p.stdout).splitlines() if ln.strip()]
        key = [ln for ln in lines if any(w in ln for w in ("rror", "xception", "ailed", "nvalid", "not found",
                                                            "doesn't exist", "Unknown", "Missing"))]
        msg = "\n".join((key or lines)[:12])
        raise BulkImportError(f"{what} failed (exit {p.returncode}):\n{msg}")
    return p.stdout
