"""SPARQL over the RDF export: load it into pyoxigraph and run the named ``.rq`` queries of
``queries/`` (shipped as ``graph_builder.queries``) with bound parameters.

    >>> from graph_builder.export.sparql import load_oxigraph, run_sparql
    >>> ox = load_oxigraph(store)                 # a store, a MemoryGraph, or an RDF file
    >>> rows = run_sparql(ox, "trace", {"symbol": "01/NQ-CP", "year": 2025})

Requires the ``rdf`` extra (pyoxigraph).
"""
from __future__ import annotations

import io
import re
from importlib import resources
from pathlib import Path
from typing import Any

from .rdf import DEFAULT_BASE, export_rdf

_XSD = "http://www.w3.org/2001/XMLSchema#"
_FORMATS = {".nt": "N_TRIPLES", ".ttl": "TURTLE", ".jsonld": "JSON_LD", ".json": "JSON_LD"}


def query_text(name: str) -> str:
    """The text of ``queries/<name>.rq``."""
    try:
        return resources.files("graph_builder.queries").joinpath(f"{name}.rq").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KeyError(f"no SPARQL query named {name!r} in graph_builder.queries") from None


def query_names() -> list[str]:
    return sorted(p.name[:-3] for p in resources.files("graph_builder.queries").iterdir() if p.name.endswith(".rq"))


def load_oxigraph(source, base: str = DEFAULT_BASE):
    """A pyoxigraph Store holding the export of ``source`` (a graph, or the path of an RDF file)."""
    import pyoxigraph as ox

    store = ox.Store()
    if isinstance(source, (str, Path)):
        path = Path(source)
        store.bulk_load(path=str(path), format=getattr(ox.RdfFormat, _FORMATS.get(path.suffix.lower(), "TURTLE")))
        return store
    buf = io.StringIO()
    export_rdf(source, buf, "nt", base)
    store.bulk_load(buf.getvalue().encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


def sparql_literal(value: Any) -> str:
    """A Python value as a SPARQL term."""
    if value is None:
        return "UNDEF"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f'"{value!r}"^^<{_XSD}double>'
    s = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{s}"'


def bind(text: str, params: dict[str, Any] | None) -> str:
    """The query with its parameters bound by a VALUES block at the top of its WHERE clause
    (portable: any SPARQL 1.1 engine; a parameter given as None stays unbound)."""
    if not params:
        return text
    m = re.search(r"\bWHERE\s*\{", text, re.IGNORECASE)
    if m is None:
        raise ValueError("the query has no WHERE clause to bind parameters in")
    names = " ".join(f"?{k}" for k in params)
    values = " ".join(sparql_literal(v) for v in params.values())
    return f"{text[:m.end()]}\n  VALUES ({names}) {{ ({values}) }}{text[m.end():]}"


def _py(term):
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        if dt == _XSD + "integer":
            return int(term.value)
        if dt in (_XSD + "double", _XSD + "decimal", _XSD + "float"):
            return float(term.value)
        if dt == _XSD + "boolean":
            return term.value == "true"
        return term.value
    return term.value


def run_sparql(store, name_or_text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Rows (dicts of Python values) of a named query (or a query text) with bound parameters;
    a parameter given as None stays unbound."""
    text = name_or_text if re.search(r"\bSELECT\b", name_or_text, re.I) else query_text(name_or_text)
    result = store.query(bind(text, params))
    names = [v.value for v in result.variables]
    return [{n: _py(sol[n]) for n in names} for sol in result]
