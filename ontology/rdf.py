"""The RDF mapping of the graph, derived from the ontology, and the Turtle files generated from it.

Everything here is computed from ``schema.yaml`` and ``document_types.yaml``:

* each node label maps to its ``rdf_class`` (plus ``lkg:<Label>``) and its ``uri`` template;
* each property maps to its ``rdf`` predicate, or to ``lkg:<camelCaseName>`` where the schema
  names none; its XSD datatype follows the property's type;
* each relationship maps to its ``rdf`` predicate; a PROV *qualified* predicate
  (``prov:qualifiedAssociation``) makes the edge a resource of its own (a ``prov:Association``
  whose ``prov:agent`` is the edge's target, carrying the edge's properties: ``prov:hadRole``);
  other edges with provenance are also stated as an ``rdf:Statement`` carrying the source
  document (``prov:wasDerivedFrom``), the sentence and the span;
* the document types become a SKOS concept scheme (``document_types.ttl``), the values of
  ``eli:type_document``;
* the SHACL shapes an export must conform to (``shapes.ttl``).

The only knowledge written here by hand is about the *target* vocabularies, which the schema
cannot express: which of their predicates take a resource rather than a literal
(``OBJECT_RANGES``), which are PROV qualified influences (``QUALIFIED``), and which ELI makes
mandatory (``REQUIRED``).

    python -m graph_builder.ontology.rdf write     # regenerate document_types.ttl and shapes.ttl
    python -m graph_builder.ontology.rdf check     # exit 1 when a shipped file is out of date
"""
from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import Ontology, _data_dir, load_ontology

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SH = "http://www.w3.org/ns/shacl#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"

XSD = {"STRING": "string", "INT64": "integer", "DOUBLE": "double", "BOOLEAN": "boolean", "DATE": "date",
       "STRING[]": "string"}

# Predicates of the target vocabularies whose object is a resource, and which resource a
# property's value names:
#   doc_type      a concept of the document-type scheme (document_types.ttl)
#   jurisdiction  a concept of the export's jurisdiction scheme ("national" or a province)
#   role          a prov:Role of the ontology namespace (lkg:lead, lkg:support)
#   <Label>       a node of that label: by id (prov:wasDerivedFrom -> the source document),
#                 or, for Agency, by name within the same jurisdiction (org:subOrganizationOf)
OBJECT_RANGES = {
    "eli:type_document": "doc_type",
    "eli:jurisdiction": "jurisdiction",
    "prov:hadRole": "role",
    "prov:wasDerivedFrom": "Document",
    "org:subOrganizationOf": "Agency",
}
# PROV qualified-influence predicates: (class of the influence resource, its influencer property).
QUALIFIED = {
    "prov:qualifiedAssociation": ("prov:Association", "prov:agent"),
}
# Predicates that ELI makes mandatory on a legal resource.
REQUIRED = {"eli:type_document"}

_SAFE_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def slug(text: object) -> str:
    """ASCII path segment: tone marks removed, đ -> d, lower case, runs of other characters -> '-'."""
    s = unicodedata.normalize("NFD", str(text).replace("Đ", "D").replace("đ", "d"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"


@dataclass(frozen=True)
class PropertyMap:
    name: str
    predicate: str  # full IRI
    curie: str
    datatype: str  # full XSD IRI (for literals)
    range: str | None = None  # see OBJECT_RANGES, None for a literal
    values: tuple[str, ...] = ()
    many: bool = False


@dataclass(frozen=True)
class ClassMap:
    label: str
    key: str
    classes: tuple[str, ...]  # full IRIs: the schema's rdf_class, then lkg:<Label>
    uri: str  # template relative to the base URI
    properties: dict[str, PropertyMap]
    provenance: bool


@dataclass(frozen=True)
class RelationMap:
    type: str
    predicate: str
    curie: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    properties: dict[str, PropertyMap]
    provenance: bool
    qualified: tuple[str, str] | None = None  # (influence class IRI, influencer predicate IRI)

    @property
    def reified(self) -> bool:
        """Stated again as an rdf:Statement carrying the edge's provenance and properties."""
        return self.qualified is None and bool(self.properties)


@dataclass(frozen=True)
class RdfMapping:
    onto: Ontology
    namespaces: dict[str, str]
    classes: dict[str, ClassMap]
    relations: dict[str, RelationMap]
    doc_type_concepts: dict[str, str]  # English label -> concept IRI
    roles: dict[str, str] = field(default_factory=dict)  # role value -> IRI

    def expand(self, curie: str) -> str:
        return self.onto.expand(curie)

    def lkg(self, local: str) -> str:
        return self.namespaces["lkg"] + local

    def curie(self, iri: str) -> str:
        for prefix, ns in self.namespaces.items():
            if iri.startswith(ns) and _SAFE_LOCAL.match(iri[len(ns):]):
                return f"{prefix}:{iri[len(ns):]}"
        return f"<{iri}>"

    def concept_for(self, doc_type: str | None) -> str | None:
        if not doc_type:
            return None
        t = self.onto.doc_type_by_label.get(doc_type) or self.onto.doc_type_for(doc_type)
        return self.doc_type_concepts[t.label] if t else None


def _property_map(onto: Ontology, prop, lkg: str) -> PropertyMap:
    curie = prop.rdf or f"lkg:{camel(prop.name)}"
    rng = OBJECT_RANGES.get(curie)
    return PropertyMap(prop.name, onto.expand(curie), curie, XSD_NS + XSD[prop.type], rng, prop.values,
                       prop.type.endswith("[]"))


_MAPPINGS: dict[int, RdfMapping] = {}


def rdf_mapping(onto: Ontology | None = None) -> RdfMapping:
    """The mapping of an ontology (cached: the ontology objects are immutable)."""
    onto = onto or load_ontology()
    m = _MAPPINGS.get(id(onto))
    if m is None or m.onto is not onto:
        m = _MAPPINGS[id(onto)] = _build_mapping(onto)
    return m


def _build_mapping(onto: Ontology) -> RdfMapping:
    lkg = onto.namespaces["lkg"]
    classes = {}
    for label, node in onto.nodes.items():
        props = {name: _property_map(onto, p, lkg) for name, p in onto.node_properties(label).items()}
        classes[label] = ClassMap(label, node.key, (onto.expand(node.rdf_class), lkg + label), node.uri, props,
                                  node.provenance)
    relations = {}
    for name, rel in onto.relationships.items():
        props = {n: _property_map(onto, p, lkg) for n, p in onto.relationship_properties(name).items()}
        q = QUALIFIED.get(rel.rdf)
        relations[name] = RelationMap(name, onto.expand(rel.rdf), rel.rdf, rel.sources, rel.targets, props,
                                      rel.provenance, (onto.expand(q[0]), onto.expand(q[1])) if q else None)
    scheme = onto.doc_type_scheme.rstrip("/")
    concepts = {t.label: f"{scheme}/{t.label}" for t in onto.doc_types}
    roles = {}
    for m in [*classes.values(), *relations.values()]:
        for p in m.properties.values():
            if p.range == "role":
                roles.update({v: lkg + v for v in p.values})
    return RdfMapping(onto, dict(onto.namespaces), classes, relations, concepts, roles)


# --------------------------------------------------------------------------- Turtle generation

def _lit(value: str, lang: str | None = None) -> str:
    s = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{s}"' + (f"@{lang}" if lang else "")


def _prefixes(m: RdfMapping, extra: dict[str, str] | None = None) -> str:
    ns = dict(m.namespaces)
    ns.update(extra or {})
    ns.setdefault("rdf", RDF_NS)
    return "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in sorted(ns.items()))


def document_types_turtle(onto: Ontology | None = None) -> str:
    """The SKOS concept scheme of Vietnamese document types (the values of eli:type_document)."""
    m = rdf_mapping(onto or load_ontology())
    onto = m.onto
    scheme = f"<{onto.doc_type_scheme.rstrip('/')}>"
    out = ["# GENERATED from document_types.yaml by `python -m graph_builder.ontology.rdf write`: do not edit.\n",
           _prefixes(m), "\n"]
    out.append(f"{scheme} a skos:ConceptScheme ;\n"
               f"    skos:prefLabel {_lit('Loại văn bản hành chính và quy phạm pháp luật', 'vi')} ,\n"
               f"        {_lit('Vietnamese legal and administrative document types', 'en')} ;\n"
               f"    dcterms:source {_lit('Nghị định 30/2020/NĐ-CP, Phụ lục III; Luật Ban hành văn bản quy phạm pháp luật; Hướng dẫn 36-HD/VPTW', 'vi')} ;\n"
               "    skos:hasTopConcept " + " ,\n        ".join(f"<{m.doc_type_concepts[t.label]}>" for t in onto.doc_types)
               + " .\n")
    for t in onto.doc_types:
        lines = [f"<{m.doc_type_concepts[t.label]}> a skos:Concept",
                 f"skos:inScheme {scheme}", f"skos:topConceptOf {scheme}",
                 f"skos:prefLabel {_lit(t.vi, 'vi')} , {_lit(t.label, 'en')}",
                 f"skos:notation {_lit(t.code)}"]
        alts = [w for w in t.words if w != t.code]
        if alts:
            lines.append("skos:altLabel " + " , ".join(_lit(w, "vi") for w in alts))
        if t.forms:
            lines.append("lkg:numberingForm " + " , ".join(_lit(f) for f in t.forms))
        out.append("\n" + " ;\n    ".join(lines) + " .\n")
    return "".join(out)


def _shape_name(label: str) -> str:
    return f"lkgsh:{label}Shape"


def _property_shape(m: RdfMapping, p: PropertyMap, required: bool = False) -> str:
    parts = [f"sh:path {m.curie(p.predicate)}"]
    if p.range is None:
        parts.append(f"sh:datatype {m.curie(p.datatype)}")
        if p.values:
            parts.append("sh:in ( " + " ".join(_lit(v) for v in p.values) + " )")
    elif p.range == "doc_type":
        parts.append("sh:nodeKind sh:IRI")
        parts.append("sh:in ( " + " ".join(f"<{m.doc_type_concepts[t.label]}>" for t in m.onto.doc_types) + " )")
    elif p.range == "role":
        parts.append("sh:in ( " + " ".join(m.curie(m.roles[v]) for v in p.values) + " )")
    elif p.range == "jurisdiction":
        parts.append("sh:nodeKind sh:IRI")
        parts.append("sh:class skos:Concept")
    else:
        parts.append("sh:nodeKind sh:IRI")
        parts.append(f"sh:class {m.curie(m.classes[p.range].classes[0])}")
    if required:
        parts.append("sh:minCount 1")
    if not p.many:
        parts.append("sh:maxCount 1")
    return "[ " + " ; ".join(parts) + " ]"


def _relation_shape(m: RdfMapping, rel: RelationMap) -> str:
    if rel.qualified:
        cls = rel.qualified[0]
    else:
        targets = [m.classes[t].classes[0] for t in rel.targets]
        if len(targets) > 1:
            return (f"[ sh:path {rel.curie} ; sh:nodeKind sh:IRI ; sh:or ( "
                    + " ".join(f"[ sh:class {m.curie(c)} ]" for c in targets) + " ) ]")
        cls = targets[0]
    return f"[ sh:path {rel.curie} ; sh:nodeKind sh:IRI ; sh:class {m.curie(cls)} ]"


def shapes_turtle(onto: Ontology | None = None) -> str:
    """SHACL shapes of an export: one node shape per node label, one for the qualified
    influences (prov:Association) and one for the statements carrying edge provenance."""
    m = rdf_mapping(onto or load_ontology())
    lkgsh = m.namespaces["lkg"].rstrip("#/") + "/shapes#"
    out = ["# GENERATED from schema.yaml by `python -m graph_builder.ontology.rdf write`: do not edit.\n",
           _prefixes(m, {"sh": SH, "lkgsh": lkgsh}), "\n"]
    for label, cm in m.classes.items():
        props = []
        for name, p in cm.properties.items():
            required = name == cm.key or p.curie in REQUIRED or (cm.provenance and p.range == "Document")
            props.append(_property_shape(m, p, required))
        for rel in m.relations.values():
            if label in rel.sources:
                props.append(_relation_shape(m, rel))
        out.append(f"\n{_shape_name(label)} a sh:NodeShape ;\n"
                   f"    rdfs:comment {_lit(m.onto.nodes[label].doc, 'en')} ;\n"
                   f"    sh:targetClass {m.curie(cm.classes[0])} ;\n"
                   f"    sh:class {m.curie(cm.classes[1])} ;\n"
                   "    sh:property " + " ,\n        ".join(props) + " .\n")
    for rel in m.relations.values():
        if not rel.qualified:
            continue
        cls, influencer = rel.qualified
        props = [f"[ sh:path {m.curie(influencer)} ; sh:nodeKind sh:IRI ; sh:class "
                 f"{m.curie(m.classes[rel.targets[0]].classes[0])} ; sh:minCount 1 ; sh:maxCount 1 ]"]
        for name, p in rel.properties.items():
            props.append(_property_shape(m, p, required=p.range in ("role", "Document")))
        out.append(f"\n{_shape_name(rel.type.title().replace('_', ''))} a sh:NodeShape ;\n"
                   f"    rdfs:comment {_lit(f'{rel.type}: ' + m.onto.relationships[rel.type].doc, 'en')} ;\n"
                   f"    sh:targetClass {m.curie(cls)} ;\n"
                   "    sh:property " + " ,\n        ".join(props) + " .\n")
    # statements: the provenance and properties of the other edges
    stmt_props: dict[str, PropertyMap] = {}
    for rel in m.relations.values():
        if rel.reified:
            for p in rel.properties.values():
                seen = stmt_props.setdefault(p.predicate, p)
                if (seen.datatype, seen.range) != (p.datatype, p.range):
                    raise ValueError(f"schema.yaml: {p.curie} has two types on edges")
    predicates = sorted(m.curie(r.predicate) for r in m.relations.values() if r.reified)
    props = [f"[ sh:path rdf:subject ; sh:nodeKind sh:IRI ; sh:minCount 1 ; sh:maxCount 1 ]",
             f"[ sh:path rdf:predicate ; sh:in ( {' '.join(predicates)} ) ; sh:minCount 1 ; sh:maxCount 1 ]",
             f"[ sh:path rdf:object ; sh:nodeKind sh:IRI ; sh:minCount 1 ; sh:maxCount 1 ]"]
    props += [_property_shape(m, p, required=p.range == "Document") for p in stmt_props.values()]
    out.append(f"\n{_shape_name('Statement')} a sh:NodeShape ;\n"
               f"    rdfs:comment {_lit('An edge stated with its provenance (source document, sentence, span) and properties.', 'en')} ;\n"
               f"    sh:targetClass rdf:Statement ;\n"
               "    sh:property " + " ,\n        ".join(props) + " .\n")
    return "".join(out)


GENERATED = {"document_types.ttl": document_types_turtle, "shapes.ttl": shapes_turtle}


def shipped_path(name: str) -> Path:
    return _data_dir() / name


def main(argv: list[str] | None = None) -> int:
    what = (argv if argv is not None else sys.argv[1:]) or ["check"]
    stale = []
    for name, fn in GENERATED.items():
        path = Path(__file__).resolve().parent / name
        text = fn()
        if what[0] == "write":
            path.write_text(text, encoding="utf-8")
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    if stale:
        print(f"out of date: {', '.join(stale)}; run `python -m graph_builder.ontology.rdf write`", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
