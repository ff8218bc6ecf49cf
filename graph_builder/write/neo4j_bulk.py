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
"""
from __future__ import annotations

import csv
import json
import os
import shlex
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..model import GraphFragment, Node
from ..ontology import load_ontology

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

    def import_args(self, database: str = "neo4j") -> list[str]:
        """The arguments of ``neo4j-admin`` that load these files into ``database``."""
        # the database name first: --nodes/--relationships take a variable number of values
        args = ["database", "import", "full", database, f"--report-file={self.folder / 'import.report'}",
                "--overwrite-destination=true", "--multiline-fields=true",
                f"--array-delimiter={ARRAY_DELIMITER}", "--id-type=string", "--skip-bad-relationships=false"]
        for label, path in sorted(self.nodes.items()):
            args.append(f"--nodes={label}={path}")
        for rtype, path in self.relationships:
            args.append(f"--relationships={rtype}={path}")
        return args


class BulkCsvWriter:
    """Collects fragments and writes the import CSV files.

        with BulkCsvWriter(folder) as w:
            for fragment in fragments:
                w.add(fragment)
        files = w.files
    """

    # labels whose nodes belong to exactly one document: streamed, no merge needed
    OWNED = ("Task", "Target")

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.onto = load_ontology()
        self.node_props: dict[str, list[tuple[str, str]]] = {}
        for label, nt in self.onto.nodes.items():
            props = [(n, NEO4J_TYPES.get(p.type, "string")) for n, p in nt.properties.items() if n != "id"]
            if nt.provenance:
                props += [(n, NEO4J_TYPES.get(p.type, "string")) for n, p in self.onto.provenance_properties.items()
                          if n not in nt.properties]
            self.node_props[label] = props
        self.rel_props: dict[str, list[tuple[str, str]]] = {}
        for rtype, rt in self.onto.relationships.items():
            props = [(n, NEO4J_TYPES.get(p.type, "string")) for n, p in rt.properties.items()]
            if rt.provenance or True:  # every edge carries its source document (see build.graph)
                props += [(n, NEO4J_TYPES.get(p.type, "string")) for n, p in self.onto.provenance_properties.items()
                          if n not in rt.properties]
            self.rel_props[rtype] = props
        self.doc_labels = {t.label for t in self.onto.doc_types}
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
        self.files.documents += 1
        for node in fragment.nodes:
            if node.label in self.OWNED:
                self._write_node(node.label, node.id, node.props)
            else:
                self._merge(node)
        for e in fragment.edges:
            self._write_rel(e.type, e.source_label, e.target_label, e.source, e.target, e.props)
        if len(self._pending) >= 5000:
            self._flush()

    def add_all(self, fragments: Iterable[GraphFragment]) -> None:
        for f in fragments:
            self.add(f)

    def _merge(self, node: Node) -> None:
        self._seq += 1
        self._pending.append((node.label, node.id, self._seq,
                              json.dumps({k: v for k, v in node.props.items() if v is not None}, ensure_ascii=False),
                              1 if node.mode == "set" else 0))

    def _flush(self) -> None:
        if not self._pending:
            return
        # insert new nodes; for existing ones merge in Python (few: the shared ones), by batch
        cur = self.db.cursor()
        keys = {(lb, i) for lb, i, *_ in self._pending}
        existing: dict[tuple[str, str], tuple[int, dict, int]] = {}
        klist = list(keys)
        for j in range(0, len(klist), 400):
            part = klist[j:j + 400]
            q = ",".join(["(?,?)"] * len(part))
            args = [x for k in part for x in k]
            for lb, i, seq, props, own in cur.execute(
                    f"SELECT label, id, seq, props, own FROM n WHERE (label, id) IN (VALUES {q})", args):
                existing[(lb, i)] = (seq, json.loads(props), own)
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
        return h[1]

    def _labels(self, label: str, props: dict) -> str:
        if label == "Document":
            t = props.get("doc_type")
            if t and t in self.doc_labels and t != "Document":
                return f"Document;{t}"
        return label

    def _write_node(self, label: str, node_id: str, props: dict) -> None:
        cols = self.node_props.get(label, [])
        path = self.folder / f"nodes_{label}.csv"
        w = self._handle(("n", label), path, [f"id:ID({label})", ":LABEL"] + [f"{n}:{t}" for n, t in cols])
        self.files.nodes[label] = path
        w.writerow([node_id, self._labels(label, props)] + [_cell(props.get(n), t) for n, t in cols])
        self.files.node_count += 1

    def _write_rel(self, rtype: str, src_label: str, dst_label: str, src: str, dst: str, props: dict) -> None:
        cols = self.rel_props.get(rtype, [])
        key = ("r", rtype, src_label, dst_label)
        path = self.folder / f"rels_{rtype}_{src_label}_{dst_label}.csv"
        if key not in self._handles:
            self.files.relationships.append((rtype, path))
        w = self._handle(key, path, [f":START_ID({src_label})", f":END_ID({dst_label})", ":TYPE"] +
                         [f"{n}:{t}" for n, t in cols])
        w.writerow([src, dst, rtype] + [_cell(props.get(n), t) for n, t in cols])
        self.files.relationship_count += 1

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
