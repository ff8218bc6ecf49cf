"""The graph as RDF: ELI for documents, W3C ORG for agencies, PROV-O for tasks and provenance,
schema.org for targets and projects.  The mapping is ``ontology.rdf.rdf_mapping()``, derived from
``schema.yaml``; nothing here names a node property or a relationship type.

Streaming: triples are written as they are produced (N-Triples line by line, Turtle and JSON-LD
subject by subject), so the memory used is that of one node at a time plus a map of node ids to
IRIs, whatever the size of the graph.

    >>> from graph_builder.export.rdf import export_rdf
    >>> with open("graph.ttl", "w") as fh:
    ...     stats = export_rdf(store, fh, format="turtle", base="https://data.example.org/")

URIs (relative to the base, default ``https://w3id.org/legalkg/``) follow the schema's ``uri``
templates: ``eli/national/nq/2025/01-nq-cp`` for Nghị quyết 01/NQ-CP of 2025,
``agency/vinh-phuc/so-tai-chinh``, ``task/<document>-task-3``.  They depend only on the node's
identity, so two exports of the same graph agree.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
import math
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any, NamedTuple

from ..model import Edge, Node
from ..ontology import load_ontology
from ..ontology.rdf import RDF_NS, RDF_TYPE, XSD_NS, RdfMapping, rdf_mapping, shipped_path, slug
from .graphdata import as_edge, as_node

log = logging.getLogger(__name__)

DEFAULT_BASE = "https://w3id.org/legalkg/"
FORMATS = {"turtle": "ttl", "nt": "nt", "json-ld": "jsonld"}
XSD_STRING = XSD_NS + "string"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_TEMPLATE_VAR = re.compile(r"\{(\w+)\}")
_BARE = {XSD_NS + "integer", XSD_NS + "boolean"}  # written bare in Turtle


class Iri(str):
    """An IRI (a plain ``str`` is never taken for one)."""

    __slots__ = ()


class Lit(NamedTuple):
    value: str
    datatype: str | None = None  # None: xsd:string
    lang: str | None = None


Triple = tuple[Iri, Iri, "Iri | Lit"]


@dataclass
class ExportStats:
    triples: int = 0
    nodes: int = 0
    edges: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    def warn(self, msg: str) -> None:
        if len(self.warnings) < 1000:
            self.warnings.append(msg)
        log.warning(msg)


def check_base(base: str) -> str:
    if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", base) or _BAD_IRI.search(base):
        raise ValueError(f"base URI {base!r} is not an absolute IRI")
    return base if base.endswith(("/", "#")) else base + "/"


def _hash(*parts: object, n: int = 12) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:n]


# --------------------------------------------------------------------------- graph -> triples

class RdfMapper:
    """Turns nodes and edges into triples; remembers the IRI given to every node id."""

    def __init__(self, base: str = DEFAULT_BASE, mapping: RdfMapping | None = None, stats: ExportStats | None = None):
        self.base = check_base(base)
        self.m = mapping or rdf_mapping()
        self.stats = stats or ExportStats()
        self.uris: dict[str, Iri] = {}
        self._taken: dict[str, str] = {}
        self._jurisdictions: dict[str, Iri] = {}
        self._agencies_by_name: dict[tuple[str, str], Iri] = {}
        self._pending_parents: list[tuple[Iri, str, str]] = []
        self.type = Iri(RDF_TYPE)

    # -- IRIs --------------------------------------------------------------------------------
    def _template_value(self, var: str, node: Node) -> str:
        p = node.props
        if var == "doc_type_code":
            t = load_ontology().doc_type_by_label.get(p.get("doc_type") or "") or load_ontology().doc_type_for(p.get("doc_type"))
            return slug(t.code) if t else "document"
        if var == "number_slug":
            if p.get("symbol"):
                return slug(p["symbol"])
            if p.get("name"):
                return slug(p["name"])
            return slug(node.id.rsplit("#", 1)[-1] if "#" in node.id else node.id)
        if var == "year":
            if p.get("year") is None:
                return "unknown"
            return f"{int(p['year'])}-inferred" if p.get("year_inferred") else str(int(p["year"]))
        name = var[:-5] if var.endswith("_slug") else var
        value = node.id if name == "id" else p.get(name)
        return slug(value) if value not in (None, "") else "unknown"

    def node_iri(self, node: Node) -> Iri:
        iri = self.uris.get(node.id)
        if iri is not None:
            return iri
        cm = self.m.classes.get(node.label)
        if cm is None:
            path = "resource/" + slug(node.id)
        else:
            path = _TEMPLATE_VAR.sub(lambda mt: self._template_value(mt.group(1), node), cm.uri)
        iri = self.base + path
        other = self._taken.get(iri)
        if other is not None and other != node.id:
            self.stats.warn(f"IRI {iri} of {node.id!r} already names {other!r}; a hash is appended")
            iri = f"{iri}-{_hash(node.id, n=8)}"
        self._taken[iri] = node.id
        self.uris[node.id] = Iri(iri)
        return self.uris[node.id]

    def iri_of(self, node_id: str, label: str | None = None) -> Iri:
        """The IRI of a node id; a node never seen gets one from its id alone."""
        iri = self.uris.get(node_id)
        if iri is None:
            iri = self.uris[node_id] = Iri(f"{self.base}{slug(label or 'resource').lower()}/{slug(node_id)}-{_hash(node_id, n=8)}")
            self.stats.warn(f"edge or provenance refers to {node_id!r}, which is not a node of the graph")
        return iri

    def jurisdiction_iri(self, name: str, extra: list[Triple]) -> Iri:
        iri = self._jurisdictions.get(name)
        if iri is None:
            iri = self._jurisdictions[name] = Iri(f"{self.base}jurisdiction/{slug(name)}")
            skos = self.m.namespaces["skos"]
            extra += [(iri, self.type, Iri(skos + "Concept")),
                      (iri, Iri(skos + "inScheme"), Iri(self.base + "jurisdiction")),
                      (iri, Iri(skos + "prefLabel"), Lit(name, None, "vi" if name != "national" else "en"))]
        return iri

    # -- values ------------------------------------------------------------------------------
    def _literal(self, pm, value: Any, where: str) -> Lit | None:
        dt = pm.datatype
        try:
            if dt == XSD_STRING:
                return Lit(str(value))
            if dt.endswith("#integer"):
                if isinstance(value, bool) or int(value) != float(value):
                    raise ValueError(value)
                return Lit(str(int(value)), dt)
            if dt.endswith("#double"):
                f = float(value)
                if math.isnan(f):
                    return Lit("NaN", dt)
                if math.isinf(f):
                    return Lit("INF" if f > 0 else "-INF", dt)
                return Lit(repr(f), dt)
            if dt.endswith("#boolean"):
                if not isinstance(value, bool):
                    raise ValueError(value)
                return Lit("true" if value else "false", dt)
            if dt.endswith("#date"):
                s = str(value)
                if not _DATE.match(s):
                    raise ValueError(value)
                _dt.date.fromisoformat(s)
                return Lit(s, dt)
        except (TypeError, ValueError):
            self.stats.warn(f"{where}: {pm.name}={value!r} is not a valid {dt.rsplit('#', 1)[-1]}; left out")
            return None
        return Lit(str(value), dt)

    def _values(self, subject: Iri, props: dict, pmaps: dict, where: str, context: dict, out: list[Triple],
                extra: list[Triple]) -> None:
        for name, pm in pmaps.items():
            value = props.get(name)
            if value is None or value == "" or (name == "id" and value is None):
                continue
            values = value if isinstance(value, (list, tuple)) else [value]
            for v in values:
                obj = self._object(pm, v, where, context, extra)
                if obj is not None:
                    out.append((subject, Iri(pm.predicate), obj))

    def _object(self, pm, v: Any, where: str, context: dict, extra: list[Triple]):
        rng = pm.range
        if rng is None:
            return self._literal(pm, v, where)
        if rng == "doc_type":
            c = self.m.concept_for(str(v))
            if c is None:
                self.stats.warn(f"{where}: unknown document type {v!r}; left out")
            return Iri(c) if c else None
        if rng == "jurisdiction":
            return self.jurisdiction_iri(str(v), extra)
        if rng == "role":
            r = self.m.roles.get(str(v))
            if r is None:
                self.stats.warn(f"{where}: unknown role {v!r}; left out")
            return Iri(r) if r else None
        if rng == "Agency":  # by name, within the jurisdiction of the node that names it
            return self.agency_by_name(str(v), context.get("jurisdiction") or "unknown", extra)
        return self.iri_of(str(v), rng)

    def agency_by_name(self, name: str, jurisdiction: str, extra: list[Triple]) -> Iri:
        key = (jurisdiction, name)
        iri = self._agencies_by_name.get(key)
        if iri is None:
            node = Node("Agency", f"{jurisdiction}:{name}", {"name": name, "jurisdiction": jurisdiction})
            known = self.uris.get(node.id)
            iri = self._agencies_by_name[key] = known or self.node_iri(node)
            if known is None:
                cm = self.m.classes["Agency"]
                extra += [(iri, self.type, Iri(c)) for c in cm.classes]
                extra.append((iri, Iri(cm.properties["name"].predicate), Lit(name)))
                extra.append((iri, Iri(cm.properties["id"].predicate), Lit(node.id)))
        return iri

    # -- nodes and edges ---------------------------------------------------------------------
    def node_triples(self, node: Node) -> list[Triple]:
        cm = self.m.classes.get(node.label)
        s = self.node_iri(node)
        if cm is None:
            self.stats.warn(f"node {node.id!r} has a label outside the ontology: {node.label}")
            return []
        if node.label == "Agency":
            self._agencies_by_name.setdefault((node.props.get("jurisdiction") or "unknown", node.props.get("name")), s)
        out: list[Triple] = [(s, self.type, Iri(c)) for c in cm.classes]
        extra: list[Triple] = []
        props = dict(node.props)
        props[cm.key] = node.id
        self._values(s, props, cm.properties, f"{node.label} {node.id}", node.props, out, extra)
        return out + extra

    def edge_triples(self, edge: Edge) -> list[Triple]:
        rel = self.m.relations.get(edge.type)
        if rel is None:
            self.stats.warn(f"edge type outside the ontology: {edge.type}")
            return []
        s = self.iri_of(edge.source, edge.source_label)
        o = self.iri_of(edge.target, edge.target_label)
        where = f"{edge.type} {edge.source} -> {edge.target}"
        out: list[Triple] = []
        extra: list[Triple] = []
        if rel.qualified:
            cls, influencer = rel.qualified
            q = Iri(f"{s}/{cls.rsplit('#', 1)[-1].lower()}/"
                    f"{_hash(edge.target, edge.props.get('role'), edge.props.get('source_id'), edge.props.get('span_start'), n=12)}")
            out.append((s, Iri(rel.predicate), q))
            out += [(q, self.type, Iri(cls)), (q, Iri(influencer), o)]
            self._values(q, edge.props, rel.properties, where, {}, out, extra)
            return out + extra
        p = Iri(rel.predicate)
        out.append((s, p, o))
        if rel.reified and any(edge.props.get(n) not in (None, "") for n in rel.properties):
            st = Iri(f"{self.base}statement/{_hash(edge.type, edge.source, edge.target, edge.props.get('source_id'), edge.props.get('span_start'), n=16)}")
            out += [(st, self.type, Iri(RDF_NS + "Statement")), (st, Iri(RDF_NS + "subject"), s),
                    (st, Iri(RDF_NS + "predicate"), p), (st, Iri(RDF_NS + "object"), o)]
            self._values(st, edge.props, rel.properties, where, {}, out, extra)
        return out + extra

    def vocabulary_triples(self) -> Iterator[Triple]:
        """The document-type concept scheme (as shipped) and the roles."""
        import rdflib

        g = rdflib.Graph().parse(shipped_path("document_types.ttl"), format="turtle")
        for s, p, o in sorted(g):
            yield _from_rdflib(s), _from_rdflib(p), _from_rdflib(o)
        prov = self.m.namespaces["prov"]
        rdfs = self.m.namespaces["rdfs"]
        for value, iri in self.m.roles.items():
            yield Iri(iri), self.type, Iri(prov + "Role")
            yield Iri(iri), Iri(rdfs + "label"), Lit(value, None, "en")


def _from_rdflib(t) -> Iri | Lit:
    import rdflib

    if isinstance(t, rdflib.Literal):
        dt = str(t.datatype) if t.datatype and str(t.datatype) != XSD_STRING else None
        return Lit(str(t), dt, t.language)
    if isinstance(t, rdflib.BNode):
        raise ValueError("blank nodes are not expected in the shipped vocabulary")
    return Iri(str(t))


def graph_triples(graph, base: str = DEFAULT_BASE, vocabulary: bool = True,
                  stats: ExportStats | None = None) -> Iterator[Triple]:
    """Every triple of the export, in order: vocabulary, nodes (documents first), edges.

    ``graph`` is a store or a :class:`~graph_builder.export.graphdata.MemoryGraph` (anything with
    ``nodes(label)`` and ``edges()``), or a pair ``(nodes, edges)`` of iterables."""
    stats = stats if stats is not None else ExportStats()
    mapper = RdfMapper(base, stats=stats)
    if vocabulary:
        yield from mapper.vocabulary_triples()
    if isinstance(graph, tuple):
        nodes_in, edges_in = graph
        nodes = [as_node(n) for n in nodes_in]
        nodes.sort(key=lambda n: n.label != "Document")  # documents first: provenance points at them
        node_iter: Iterable[Node] = nodes
        edge_iter: Iterable = edges_in
    else:
        labels = list(mapper.m.classes)
        node_iter = (as_node(n, label) for label in labels for n in graph.nodes(label))
        edge_iter = graph.edges()
    for node in node_iter:
        stats.nodes += 1
        yield from mapper.node_triples(node)
    for e in edge_iter:
        stats.edges += 1
        yield from mapper.edge_triples(as_edge(e))


# --------------------------------------------------------------------------- writers

def _escape(s: str) -> str:
    s = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if any(ord(c) < 0x20 for c in s):
        s = "".join(f"\\u{ord(c):04X}" if ord(c) < 0x20 else c for c in s)
    return s


def nt_term(t: Iri | Lit) -> str:
    if isinstance(t, Lit):
        out = f'"{_escape(t.value)}"'
        if t.lang:
            return out + "@" + t.lang
        if t.datatype and t.datatype != XSD_STRING:
            return out + f"^^<{t.datatype}>"
        return out
    return f"<{t}>"


class _NTriples:
    def __init__(self, out: IO[str], m: RdfMapping):
        self.out = out

    def write(self, s, p, o) -> None:
        self.out.write(f"<{s}> <{p}> {nt_term(o)} .\n")

    def close(self) -> None:
        pass


class _Turtle:
    def __init__(self, out: IO[str], m: RdfMapping):
        self.out, self.m = out, m
        self.s = self.p = None
        self.ns = sorted({**m.namespaces, "rdf": RDF_NS}.items(), key=lambda kv: -len(kv[1]))
        out.write("".join(f"@prefix {p}: <{iri}> .\n" for p, iri in sorted(self.ns)) + "\n")
        self._cache: dict[str, str] = {}

    def term(self, t) -> str:
        if isinstance(t, Lit):
            if t.datatype in _BARE:
                return t.value
            if t.datatype and not t.lang and t.datatype != XSD_STRING:
                return f'"{_escape(t.value)}"^^{self.term(Iri(t.datatype))}'
            return nt_term(t)
        c = self._cache.get(t)
        if c is None:
            c = f"<{t}>"
            for prefix, ns in self.ns:
                if t.startswith(ns) and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", t[len(ns):]):
                    c = f"{prefix}:{t[len(ns):]}"
                    break
            if len(self._cache) < 10000:
                self._cache[t] = c
        return c

    def write(self, s, p, o) -> None:
        ps = "a" if p == RDF_TYPE else self.term(p)
        if s == self.s:
            if p == self.p:
                self.out.write(f" ,\n        {self.term(o)}")
            else:
                self.out.write(f" ;\n    {ps} {self.term(o)}")
        else:
            if self.s is not None:
                self.out.write(" .\n")
            self.out.write(f"\n{self.term(s)} {ps} {self.term(o)}")
        self.s, self.p = s, p

    def close(self) -> None:
        if self.s is not None:
            self.out.write(" .\n")


class _JsonLd:
    """JSON-LD 1.1 with one object per subject run in ``@graph`` (a subject may recur: JSON-LD merges)."""

    def __init__(self, out: IO[str], m: RdfMapping):
        self.out, self.m = out, m
        self.ns = sorted({**m.namespaces, "rdf": RDF_NS}.items(), key=lambda kv: -len(kv[1]))
        ctx = json.dumps({p: iri for p, iri in sorted(self.ns)}, ensure_ascii=False)
        out.write('{\n"@context": ' + ctx + ',\n"@graph": [\n')
        self.s = None
        self.obj: dict = {}
        self.first = True

    def key(self, p: str) -> str:
        for prefix, ns in self.ns:
            if p.startswith(ns) and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", p[len(ns):]):
                return f"{prefix}:{p[len(ns):]}"
        return p

    def write(self, s, p, o) -> None:
        if s != self.s:
            self.flush()
            self.s, self.obj = s, {"@id": str(s)}
        if p == RDF_TYPE and not isinstance(o, Lit):
            self.obj.setdefault("@type", []).append(str(o))
            return
        if isinstance(o, Lit):
            v: dict = {"@value": o.value}
            if o.lang:
                v["@language"] = o.lang
            elif o.datatype and o.datatype != XSD_STRING:
                v["@type"] = o.datatype
        else:
            v = {"@id": str(o)}
        self.obj.setdefault(self.key(p), []).append(v)

    def flush(self) -> None:
        if self.s is None:
            return
        self.out.write(("" if self.first else ",\n") + json.dumps(self.obj, ensure_ascii=False))
        self.first = False
        self.s = None

    def close(self) -> None:
        self.flush()
        self.out.write("\n]\n}\n")


_WRITERS = {"nt": _NTriples, "turtle": _Turtle, "json-ld": _JsonLd}


def export_rdf(graph, out: IO[str], format: str = "turtle", base: str = DEFAULT_BASE,
               vocabulary: bool = True) -> ExportStats:
    """Write the graph as RDF to a text stream; returns counts, time and warnings."""
    if format not in _WRITERS:
        raise ValueError(f"unknown RDF format {format!r}; choose one of {', '.join(_WRITERS)}")
    stats = ExportStats()
    t0 = time.perf_counter()
    w = _WRITERS[format](out, rdf_mapping())
    n = 0
    for s, p, o in graph_triples(graph, base, vocabulary, stats):
        w.write(s, p, o)
        n += 1
    w.close()
    stats.triples = n
    stats.seconds = time.perf_counter() - t0
    return stats


def rdflib_graph(graph, base: str = DEFAULT_BASE, vocabulary: bool = True):
    """The export as an in-memory ``rdflib.Graph`` (for small graphs: notebooks, tests)."""
    import rdflib

    g = rdflib.Graph()
    for prefix, ns in rdf_mapping().namespaces.items():
        g.bind(prefix, ns)
    for s, p, o in graph_triples(graph, base, vocabulary):
        g.add((rdflib.URIRef(s), rdflib.URIRef(p), _to_rdflib(o)))
    return g


def _to_rdflib(t):
    import rdflib

    if isinstance(t, Lit):
        if t.lang:
            return rdflib.Literal(t.value, lang=t.lang)
        return rdflib.Literal(t.value, datatype=rdflib.URIRef(t.datatype) if t.datatype else None)
    return rdflib.URIRef(t)
