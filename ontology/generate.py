"""Artifacts generated from the ontology: store schemas and the README's schema table.

    python -m graph_builder.ontology.generate neo4j      # Cypher DDL for Neo4j 5
    python -m graph_builder.ontology.generate ladybug    # DDL for the embedded store
    python -m graph_builder.ontology.generate markdown   # schema table
"""
from __future__ import annotations

import sys

from . import Ontology, load_ontology

# LadybugDB has no DATE-as-string ambiguity if we keep ISO strings everywhere.
_LADYBUG_TYPES = {"STRING": "STRING", "INT64": "INT64", "DOUBLE": "DOUBLE", "BOOLEAN": "BOOLEAN",
                  "DATE": "STRING", "STRING[]": "STRING[]"}


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() and i else c.lower() for i, c in enumerate(name))


def neo4j_schema_statements(onto: Ontology | None = None) -> list[str]:
    """Uniqueness constraints on node keys, indexes on indexed and provenance properties."""
    onto = onto or load_ontology()
    out = []
    for label, node in onto.nodes.items():
        out.append(f"CREATE CONSTRAINT {_snake(label)}_{node.key}_unique IF NOT EXISTS "
                   f"FOR (n:{label}) REQUIRE n.{node.key} IS UNIQUE")
        for prop in onto.node_properties(label).values():
            if prop.index and prop.name != node.key:
                out.append(f"CREATE INDEX {_snake(label)}_{prop.name} IF NOT EXISTS FOR (n:{label}) ON (n.{prop.name})")
        if node.provenance:
            out.append(f"CREATE INDEX {_snake(label)}_source_id IF NOT EXISTS FOR (n:{label}) ON (n.source_id)")
    for name, rel in onto.relationships.items():
        if rel.provenance:
            out.append(f"CREATE INDEX {name.lower()}_source_id IF NOT EXISTS FOR ()-[r:{name}]-() ON (r.source_id)")
    return out


def ladybug_schema_statements(onto: Ontology | None = None) -> list[str]:
    """Node and relationship tables for the embedded store (it needs a declared schema)."""
    onto = onto or load_ontology()
    out = []
    for label, node in onto.nodes.items():
        cols = [f"{p.name} {_LADYBUG_TYPES[p.type]}" for p in onto.node_properties(label).values()]
        out.append(f"CREATE NODE TABLE IF NOT EXISTS {label}({', '.join(cols)}, PRIMARY KEY({node.key}))")
    for name, rel in onto.relationships.items():
        pairs = [f"FROM {s} TO {t}" for s in rel.sources for t in rel.targets]
        cols = [f"{p.name} {_LADYBUG_TYPES[p.type]}" for p in onto.relationship_properties(name).values()]
        out.append(f"CREATE REL TABLE IF NOT EXISTS {name}({', '.join(pairs + cols)})")
    return out


def schema_markdown(onto: Ontology | None = None) -> str:
    """The schema table used in the README (between the schema markers)."""
    onto = onto or load_ontology()
    lines = ["| Node | Key | Properties | RDF class |", "|---|---|---|---|"]
    for label, node in onto.nodes.items():
        props = ", ".join(p for p in node.properties if p != node.key)
        prov = " + provenance" if node.provenance else ""
        lines.append(f"| `{label}` | `{node.key}` | {props}{prov} | `{node.rdf_class}` |")
    lines += ["", "| Relationship | From → To | Properties | RDF |", "|---|---|---|---|"]
    for name, rel in onto.relationships.items():
        props = ", ".join(rel.properties) or "—"
        prov = " + provenance" if rel.provenance else ""
        ends = f"{' / '.join(rel.sources)} → {' / '.join(rel.targets)}"
        lines.append(f"| `{name}` | {ends} | {props}{prov} | `{rel.rdf}` |")
    lines += ["", "Document type labels (second label on `Document`, `doc_type` property):", ""]
    lines.append(", ".join(f"{t.label} ({t.vi}, {t.code})" for t in onto.doc_types))
    lines += ["", "Provenance properties: " + ", ".join(f"`{p}`" for p in onto.provenance_properties)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    what = (argv or sys.argv[1:] or ["markdown"])[0]
    if what == "neo4j":
        print(";\n".join(neo4j_schema_statements()) + ";")
    elif what == "ladybug":
        print(";\n".join(ladybug_schema_statements()) + ";")
    elif what == "markdown":
        print(schema_markdown())
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
