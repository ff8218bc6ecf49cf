"""The researcher's query library: named, documented, parameterised Cypher (ships as
``graph_builder.queries``).

Each query is ``<name>.cypher`` in this folder, written in the Cypher subset that Neo4j 5 and the
embedded LadybugDB answer alike.  Where one engine needs its own text, the variant lives beside it
as ``<name>.neo4j.cypher`` or ``<name>.ladybug.cypher`` (both tested).  The header comment says
what the query answers, its parameters and an example::

    // Tasks that carry out document X …            (description: the first comment paragraph)
    // @param symbol string required  the canonical số ký hiệu, e.g. 01/NQ-CP
    // @param year int optional        its year (omit: every year)
    // @param limit int default=20     how many rows
    // @example legalkg query trace --param symbol=01/NQ-CP --param year=2025
    // @order document, task, role, agency_name      (sort applied after the query: UNION results)

A query may be a few simple statements instead of one (``// @step NAME  what it returns`` opens
each; the first line of the file's body must be such a marker): the library's merge function of
that query (``STEPS``, e.g. ``trace_steps``) runs them and merges their rows.  An engine plans
simple statements anchored on an id list well where one large UNION query made it scan whole
tables; the steps are plain Cypher of the common subset, run in one read transaction.

Parameters are validated and converted before a query runs: an unknown or missing required
parameter is an error, and every declared optional parameter is passed (as null when not given)
-- LadybugDB reads a parameter that is not passed as NULL, which must never happen silently.

    >>> from graph_builder.queries import list_queries, load_query
    >>> [q.name for q in list_queries()][:3]
    ['agency', 'cites', 'coverage']
"""
from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

TYPES = ("string", "int", "float", "date", "bool")
_PARAM = re.compile(r"@param\s+(\w+)\s+(\w+)\s+(required|optional|default=\S+)\s*(.*)")


class QueryError(ValueError):
    """Unknown query, bad header, or parameters that do not fit the query."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool = False
    default: Any = None
    doc: str = ""

    def convert(self, value: Any, query: str) -> Any:
        if value is None:
            return None
        where = f"query {query}: parameter {self.name} ({self.type})"
        try:
            if self.type == "string":
                return str(value)
            if self.type == "int":
                if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                    raise ValueError
                return int(value)
            if self.type == "float":
                return float(value)
            if self.type == "bool":
                if isinstance(value, bool):
                    return value
                s = str(value).strip().lower()
                if s in ("true", "1", "yes"):
                    return True
                if s in ("false", "0", "no"):
                    return False
                raise ValueError
            if self.type == "date":
                if isinstance(value, (_dt.date, _dt.datetime)):
                    return value.isoformat()[:10]
                s = str(value).strip()
                if s == "today":
                    return _dt.date.today().isoformat()
                _dt.date.fromisoformat(s)
                return s
        except (TypeError, ValueError):
            raise QueryError(f"{where}: cannot read {value!r}"
                             + (" (dates are YYYY-MM-DD or 'today')" if self.type == "date" else "")) from None
        raise QueryError(f"{where}: unknown type")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    examples: tuple[str, ...]
    text: str
    variants: dict[str, str] = field(default_factory=dict)
    order: tuple[str, ...] = ()
    path: str = ""
    steps: dict[str, str] = field(default_factory=dict)  # name -> text (a multi-step query; text is the first)

    @property
    def summary(self) -> str:
        return self.description.split("\n")[0]

    def text_for(self, store_kind: str) -> str:
        return self.variants.get(store_kind, self.text)

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        """Validated parameters: converted to their types, defaults filled, every declared one present."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise QueryError(f"query {self.name}: unknown parameter(s) {', '.join(unknown)}; "
                             f"it takes {', '.join(known) or 'none'}")
        out = {}
        for p in self.params:
            v = p.convert(given.get(p.name), self.name)
            if v is None and p.default is not None:
                v = p.convert(p.default, self.name)
            if v is None and p.required:
                raise QueryError(f"query {self.name}: parameter {p.name} is required ({p.doc})")
            out[p.name] = v
        return out

    def run(self, read, store_kind: str, params: dict[str, Any]) -> list[dict]:
        """Rows of the query with bound ``params``: ``read(text, params)`` runs one statement."""
        if not self.steps:
            return self.finish(read(self.text_for(store_kind), params))

        def step(name: str, **extra: Any) -> list[dict]:
            return read(self.variants.get(f"{name}.{store_kind}", self.steps[name]), {**params, **extra})
        return self.finish(STEPS[self.name].merge(step))

    def finish(self, rows: list[dict]) -> list[dict]:
        if not self.order:
            return rows
        return sorted(rows, key=lambda r: tuple(_sort_key(r.get(k)) for k in self.order))


def _sort_key(v: Any) -> tuple:
    if v is None:
        return (0, 0, "")
    if isinstance(v, bool):
        return (1, int(v), "")
    if isinstance(v, (int, float)):
        return (1, v, "")
    return (2, 0, str(v))


def _folder() -> Path:
    try:
        return Path(str(resources.files("graph_builder.queries")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent


def parse(name: str, text: str, path: str = "") -> NamedQuery:
    header: list[str] = []
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("//") and not _STEP.match(s):
            header.append(s[2:].strip())
        elif s:
            break
    desc, params, examples, order = [], [], [], ()
    for h in header:
        if h.startswith("@param"):
            m = _PARAM.match(h)
            if not m or m.group(2) not in TYPES:
                raise QueryError(f"{path or name}: bad @param line: {h!r} (types: {', '.join(TYPES)})")
            pname, ptype, req, doc = m.groups()
            default = req.split("=", 1)[1] if req.startswith("default=") else None
            params.append(Param(pname, ptype, req == "required", default, doc.strip()))
        elif h.startswith("@example"):
            examples.append(h[len("@example"):].strip())
        elif h.startswith("@order"):
            order = tuple(x.strip() for x in h[len("@order"):].split(",") if x.strip())
        elif h.startswith("@"):
            raise QueryError(f"{path or name}: unknown header tag {h.split()[0]}")
        else:
            desc.append(h)
    description = "\n".join(desc).strip()
    if not description or not examples:
        raise QueryError(f"{path or name}: the header needs a description and an @example")
    steps = _steps(text)
    if steps and name not in STEPS:
        raise QueryError(f"{path or name}: @step statements but no merge function in STEPS")
    if steps and tuple(steps) != STEPS[name].names:
        raise QueryError(f"{path or name}: steps {', '.join(steps)}; its merge function runs {', '.join(STEPS[name].names)}")
    declared = {p.name for p in params} | (set(STEPS[name].internal) if steps else set())
    used = set(re.findall(r"\$(\w+)", _strip_comments(text)))
    if used - declared:
        raise QueryError(f"{path or name}: parameter(s) used but not declared: {', '.join(sorted(used - declared))}")
    first = next(iter(steps.values())) if steps else _strip_comments(text)
    return NamedQuery(name, description, tuple(params), tuple(examples), first, {}, order, path, steps)


_STEP = re.compile(r"//\s*@step\s+([\w-]+)")


def _steps(text: str) -> dict[str, str]:
    """name -> statement of a multi-step query (empty for a single statement)."""
    out: dict[str, list[str]] = {}
    cur: list[str] | None = None
    for line in text.splitlines():
        m = _STEP.match(line.strip())
        if m:
            cur = out.setdefault(m.group(1), [])
        elif cur is not None and not line.strip().startswith("//"):
            cur.append(line)
    return {k: "\n".join(v).strip() for k, v in out.items()}


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.strip().startswith("//")).strip()


@functools.cache
def _load_all() -> dict[str, NamedQuery]:
    folder = _folder()
    out: dict[str, NamedQuery] = {}
    variants: dict[str, dict[str, str]] = {}
    for p in sorted(folder.glob("*.cypher")):
        parts = p.name[: -len(".cypher")].split(".")
        text = p.read_text(encoding="utf-8")
        if len(parts) >= 2:  # <name>.<store kind>.cypher, or <name>.<step>.<store kind>.cypher
            variants.setdefault(parts[0], {})[".".join(parts[1:])] = _strip_comments(text)
        else:
            out[parts[0]] = parse(parts[0], text, str(p))
    for name, v in variants.items():
        if name not in out:
            raise QueryError(f"variant(s) {', '.join(v)} of {name} without {name}.cypher")
        q = out[name]
        out[name] = NamedQuery(q.name, q.description, q.params, q.examples, q.text, v, q.order, q.path, q.steps)
    return out


def list_queries() -> list[NamedQuery]:
    """Every named query, by name."""
    return [q for _, q in sorted(_load_all().items())]


def query_names() -> list[str]:
    return sorted(_load_all())


def load_query(name: str) -> NamedQuery:
    qs = _load_all()
    if name not in qs:
        raise QueryError(f"no query named {name!r}; the library has: {', '.join(sorted(qs))}")
    return qs[name]


# --------------------------------------------------------------------------- multi-step queries

@dataclass(frozen=True)
class Steps:
    names: tuple[str, ...]  # the @step statements, in file order
    internal: tuple[str, ...]  # parameters the merge function passes (not the user's)
    merge: Any  # merge(step) -> rows; step(name, **extra_params) -> rows of that statement


TRACE_COLUMNS = ("document", "document_symbol", "document_type", "province", "task", "task_text", "agency",
                 "agency_name", "role", "deadline", "deadline_text", "via", "inferred", "sentence", "source_path",
                 "span_start", "span_end")


def trace_steps(step) -> list[dict]:
    """The rows of ``trace`` from its four steps -- the same rows as the one UNION query it replaces:

    * via 'document': every task (with an agency) of a document d that reaches a focus document x
      through 1..4 IMPLEMENTS links; inferred when each of d's direct links to its x's is inferred;
    * via 'task': every task t of document d whose own IMPLEMENTS link goes to a focus x that d does
      not reach through documents; inferred when all such links of t are inferred;
    * distinct rows (as UNION)."""
    pairs = step("documents")
    reach = {(r["document"], r["focus"]) for r in pairs}
    inferred: dict[str, int] = {}
    for r in pairs:
        inferred[r["document"]] = min(inferred.get(r["document"], 1), r["inferred"] or 0)
    out: dict[tuple, dict] = {}

    def add(r: dict, via: str, flag: bool) -> None:
        row = {c: r.get(c) for c in TRACE_COLUMNS}
        row["via"], row["inferred"] = via, flag
        out.setdefault(tuple(row.values()), row)

    if inferred:
        for r in step("document_rows", documents=sorted(inferred)):
            add(r, "document", inferred[r["document"]] == 1)
    links: dict[str, list[tuple[str, int]]] = {}
    task_documents: set[str] = set()
    for r in step("task_links"):
        links.setdefault(r["task"], []).append((r["focus"], r["inferred"] or 0))
        task_documents.add(r["document"])
    if links:
        for r in step("task_rows", tasks=sorted(links), task_documents=sorted(task_documents)):
            flags = [f for x, f in links[r["task"]] if (r["document"], x) not in reach]
            if flags:
                add(r, "task", min(flags) == 1)
    return list(out.values())


STEPS: dict[str, Steps] = {
    "trace": Steps(("documents", "task_links", "document_rows", "task_rows"), ("documents", "tasks", "task_documents"),
                   trace_steps),
}
