"""The ontology is the single source: its generators agree with it and with each other."""
from __future__ import annotations

import re

import pytest

from graph_builder.ontology import fold, load_ontology
from graph_builder.ontology.generate import ladybug_schema_statements, neo4j_schema_statements, schema_markdown
from graph_builder.resolve.symbols import is_national_issuer, symbol_parts


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def test_every_node_label_gets_a_unique_key_constraint(onto):
    ddl = neo4j_schema_statements(onto)
    for label, node in onto.nodes.items():
        assert any(f"FOR (n:{label}) REQUIRE n.{node.key} IS UNIQUE" in s for s in ddl), label


def test_provenance_is_indexed_for_incremental_replacement(onto):
    ddl = "\n".join(neo4j_schema_statements(onto))
    for name, rel in onto.relationships.items():
        if rel.provenance:
            assert f"[r:{name}]-() ON (r.source_id)" in ddl
    assert "FOR (n:Task) ON (n.source_id)" in ddl


def test_ladybug_tables_declare_every_property_and_endpoint(onto):
    ddl = ladybug_schema_statements(onto)
    tables = {re.search(r"TABLE IF NOT EXISTS (\w+)", s).group(1): s for s in ddl}
    assert set(tables) == set(onto.nodes) | set(onto.relationships)
    assert "FROM Task TO Document" in tables["IMPLEMENTS"] and "FROM Document TO Document" in tables["IMPLEMENTS"]
    for prop in onto.node_properties("Task"):
        assert re.search(rf"\b{prop} ", tables["Task"]), prop
    assert "role STRING" in tables["ASSIGNED_TO"]


def test_schema_table_lists_all_labels_and_relationships(onto):
    md = schema_markdown(onto)
    for name in [*onto.nodes, *onto.relationships]:
        assert f"`{name}`" in md
    assert "Resolution (Nghị quyết, NQ)" in md


def test_document_type_vocabulary_lookups(onto):
    assert onto.doc_type_by_code["NQ"].label == "Resolution"
    assert onto.doc_type_for("Chương trình hành động").label == "Program"
    assert onto.doc_type_for("CHỈ THỊ").label == "Directive"
    assert onto.doc_type_for("Chi thị").label == "Directive"  # the typo seen in real documents
    assert onto.doc_type_for("Công điện").label == "Dispatch"
    assert onto.doc_type_for("Bảng kê") is None


def test_fold_is_case_and_tone_insensitive_but_keeps_d_bar():
    assert fold("Sở Công Thương") == fold("sở công thương") == fold("SỞ CÔNG THƯƠNG")
    assert fold("Hoà Bình") == fold("Hòa Bình")
    assert fold("Đầu tư") != fold("Dau tu")


@pytest.mark.parametrize("symbol, parts", [
    ("01/NQ-CP", ("01", None, "NQ", "CP", "state")),
    ("45/2022/NQ-HĐND", ("45", 2022, "NQ", "HĐND", "normative")),
    ("57-NQ/TW", ("57", None, "NQ", "TW", "party")),
    ("862-CV/BCSD", ("862", None, "CV", "BCSD", "party")),
    ("2970/SKHĐT-TH", ("2970", None, None, "SKHĐT-TH", "state")),
    ("31/2024/QH15", ("31", 2024, None, "QH15", "normative")),
])
def test_symbol_parts(symbol, parts):
    p = symbol_parts(symbol)
    assert (p.number, p.year, p.type_code, p.issuer_code, p.form) == parts


@pytest.mark.parametrize("code, national", [
    ("CP", True), ("TTg", True), ("QH15", True), ("TW", True), ("BNN-TCLN", True),
    ("HĐND", False), ("UBND", False), ("TU", False), ("SKHĐT-TH", False),
])
def test_national_issuer_codes(code, national):
    assert is_national_issuer(code) is national
