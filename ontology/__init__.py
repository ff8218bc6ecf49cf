"""The graph schema, loaded from ``schema.yaml`` and ``document_types.yaml``.

This package ships inside the wheel as ``graph_builder.ontology``.  Everything that must
agree with the schema — Neo4j constraints, LadybugDB tables, the RDF mapping, the SHACL
shapes, the README's schema table — is generated from the objects defined here.

    >>> from graph_builder.ontology import load_ontology
    >>> onto = load_ontology()
    >>> onto.doc_type_by_code["NQ"].label
    'Resolution'
"""
from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

PROPERTY_TYPES = ("STRING", "INT64", "DOUBLE", "BOOLEAN", "DATE", "STRING[]")


@dataclass(frozen=True)
class Property:
    name: str
    type: str
    doc: str = ""
    rdf: str | None = None
    index: bool = False
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class NodeType:
    label: str
    doc: str
    key: str
    rdf_class: str
    uri: str
    properties: dict[str, Property]
    provenance: bool = False


@dataclass(frozen=True)
class RelationshipType:
    type: str
    doc: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    rdf: str
    properties: dict[str, Property]
    provenance: bool = False


@dataclass(frozen=True)
class DocumentType:
    code: str
    vi: str
    label: str
    words: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ontology:
    namespaces: dict[str, str]
    nodes: dict[str, NodeType]
    relationships: dict[str, RelationshipType]
    provenance_properties: dict[str, Property]
    doc_types: tuple[DocumentType, ...]
    doc_type_scheme: str
    named_kinds: dict[str, str]
    national_issuers: frozenset[str]
    local_issuers: frozenset[str]
    doc_type_by_code: dict[str, DocumentType] = field(default_factory=dict)
    doc_type_by_vi: dict[str, DocumentType] = field(default_factory=dict)
    doc_type_by_label: dict[str, DocumentType] = field(default_factory=dict)

    def node_properties(self, label: str) -> dict[str, Property]:
        """All properties of a node label, provenance included where the label carries it."""
        node = self.nodes[label]
        props = dict(node.properties)
        if node.provenance:
            props.update(self.provenance_properties)
        return props

    def relationship_properties(self, rel_type: str) -> dict[str, Property]:
        rel = self.relationships[rel_type]
        props = dict(rel.properties)
        if rel.provenance:
            props.update(self.provenance_properties)
        return props

    def expand(self, curie: str) -> str:
        prefix, _, local = curie.partition(":")
        return self.namespaces[prefix] + local

    def doc_type_for(self, text: str | None) -> DocumentType | None:
        """Look a type up by Vietnamese name, extra spelling, code or English label."""
        if not text:
            return None
        key = fold(text)
        for t in self.doc_types:
            if key in {fold(t.vi), fold(t.code), fold(t.label), *map(fold, t.words)}:
                return t
        return None


def fold(text: str) -> str:
    """Case- and tone-mark-insensitive key (đ kept apart from d)."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "đ").lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn")).strip()


def _data_dir() -> Path:
    try:
        return Path(str(resources.files("graph_builder.ontology")))
    except ModuleNotFoundError:  # running from a source tree that was not installed
        return Path(__file__).resolve().parent


def _props(spec: dict | None) -> dict[str, Property]:
    out = {}
    for name, p in (spec or {}).items():
        if p["type"] not in PROPERTY_TYPES:
            raise ValueError(f"schema.yaml: property {name} has unknown type {p['type']}")
        out[name] = Property(name, p["type"], p.get("doc", ""), p.get("rdf"), bool(p.get("index")), tuple(p.get("values", ())))
    return out


@functools.cache
def load_ontology(directory: str | None = None) -> Ontology:
    d = Path(directory) if directory else _data_dir()
    schema = yaml.safe_load((d / "schema.yaml").read_text(encoding="utf-8"))
    types = yaml.safe_load((d / "document_types.yaml").read_text(encoding="utf-8"))
    nodes = {
        label: NodeType(label, spec.get("doc", ""), spec["key"], spec["rdf_class"], spec["uri"],
                        _props(spec.get("properties")), bool(spec.get("provenance")))
        for label, spec in schema["nodes"].items()
    }
    rels = {
        name: RelationshipType(name, spec.get("doc", ""), tuple(spec["from"]), tuple(spec["to"]), spec["rdf"],
                               _props(spec.get("properties")), bool(spec.get("provenance")))
        for name, spec in schema["relationships"].items()
    }
    for rel in rels.values():
        for label in rel.sources + rel.targets:
            if label not in nodes:
                raise ValueError(f"schema.yaml: {rel.type} refers to unknown node label {label}")
    doc_types = tuple(
        DocumentType(t["code"], t["vi"], t["label"], tuple(t.get("words", ())), tuple(t.get("forms", ())))
        for t in types["types"]
    )
    onto = Ontology(
        namespaces=dict(schema["namespaces"]),
        nodes=nodes,
        relationships=rels,
        provenance_properties=_props(schema["provenance_properties"]),
        doc_types=doc_types,
        doc_type_scheme=types["scheme"],
        named_kinds=dict(types["named_kinds"]),
        national_issuers=frozenset(types["national_issuers"]),
        local_issuers=frozenset(types["local_issuers"]),
        doc_type_by_code={t.code: t for t in doc_types},
        doc_type_by_vi={t.vi: t for t in doc_types},
        doc_type_by_label={t.label: t for t in doc_types},
    )
    return onto
