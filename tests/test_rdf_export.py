"""RDF export: ELI/ORG/PROV/schema.org mapping derived from the ontology, streaming writers,
SHACL shapes (shipped = regenerated; the export conforms; broken graphs do not)."""
from __future__ import annotations

import io
import shutil
import time
from pathlib import Path

import pyshacl
import pytest
import rdflib
from rdflib import Literal, Namespace, URIRef

from graph_builder.export.graphdata import MemoryGraph
from graph_builder.export.rdf import export_rdf, graph_triples, rdflib_graph
from graph_builder.model import Node
from graph_builder.ontology import load_ontology
from graph_builder.ontology.rdf import document_types_turtle, main as rdf_main, rdf_mapping, shapes_turtle, shipped_path
from outputs_fixtures import SEEDS, chain_graph, synthetic_graph

ELI = Namespace("http://data.europa.eu/eli/ontology#")
PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
LKG = Namespace("https://w3id.org/legalkg/ontology#")
BASE = "https://w3id.org/legalkg/"
PROGRAMME = URIRef(BASE + "eli/vinh-phuc/ctr/2025/01-ctr-ubnd")
RESOLUTION = URIRef(BASE + "eli/national/nq/2025/01-nq-cp")
RDFLIB_FORMAT = {"turtle": "turtle", "nt": "nt", "json-ld": "json-ld"}


def export_text(graph, fmt="turtle", **kw) -> str:
    buf = io.StringIO()
    export_rdf(graph, buf, fmt, **kw)
    return buf.getvalue()


def parse(text: str, fmt="turtle") -> rdflib.Graph:
    return rdflib.Graph().parse(data=text, format=RDFLIB_FORMAT[fmt])


@pytest.fixture(scope="module")
def shapes():
    return rdflib.Graph().parse(shipped_path("shapes.ttl"), format="turtle")


@pytest.fixture(scope="module")
def chain():
    return parse(export_text(chain_graph()))


def conforms(g, shapes):
    ok, _, text = pyshacl.validate(g, shacl_graph=shapes)
    return ok, text


# --------------------------------------------------------------------------- shipped files

def test_shipped_turtle_files_equal_the_regenerated_ones():
    fix = "the ontology changed: run `python -m graph_builder.ontology.rdf write` and commit ontology/*.ttl"
    assert shipped_path("shapes.ttl").read_text(encoding="utf-8") == shapes_turtle(), fix
    assert shipped_path("document_types.ttl").read_text(encoding="utf-8") == document_types_turtle(), fix
    assert rdf_main(["check"]) == 0


def test_document_type_scheme_covers_every_type_in_the_yaml():
    g = rdflib.Graph().parse(shipped_path("document_types.ttl"))
    onto = load_ontology()
    scheme = URIRef(onto.doc_type_scheme)
    concepts = set(g.objects(scheme, SKOS.hasTopConcept))
    assert len(concepts) == len(onto.doc_types)
    resolution = URIRef(onto.doc_type_scheme + "/Resolution")
    assert (resolution, SKOS.prefLabel, Literal("Nghị quyết", lang="vi")) in g
    assert (resolution, SKOS.notation, Literal("NQ")) in g


def test_mapping_comes_from_the_schema(tmp_path):
    """Change the schema's rdf entries in a copy of the ontology: the mapping and the shapes follow."""
    src = shipped_path("schema.yaml").parent
    for name in ("schema.yaml", "document_types.yaml"):
        shutil.copy(src / name, tmp_path / name)
    schema = (tmp_path / "schema.yaml").read_text(encoding="utf-8")
    schema = schema.replace("rdf: eli:cites", "rdf: eli:cited_by_test").replace("rdf_class: org:Organization", "rdf_class: org:FormalOrganization")
    (tmp_path / "schema.yaml").write_text(schema, encoding="utf-8")
    onto = load_ontology(str(tmp_path))
    m = rdf_mapping(onto)
    assert m.relations["CITES"].predicate == str(ELI.cited_by_test)
    assert m.classes["Agency"].classes[0] == str(ORG.FormalOrganization)
    shapes = shapes_turtle(onto)
    assert "eli:cited_by_test" in shapes and "sh:targetClass org:FormalOrganization" in shapes
    assert rdf_mapping().relations["CITES"].predicate == str(ELI.cites)


# --------------------------------------------------------------------------- vocabulary

def test_documents_are_eli_legal_resources(chain):
    g = chain
    assert (PROGRAMME, rdflib.RDF.type, ELI.LegalResource) in g
    assert (PROGRAMME, ELI.id_local, Literal("01/CTr-UBND")) in g
    assert (PROGRAMME, ELI.number, Literal("01")) in g
    assert (PROGRAMME, ELI.type_document, URIRef("https://w3id.org/legalkg/doc-type/Program")) in g
    assert (PROGRAMME, ELI.date_document, Literal("2025-01-17", datatype=rdflib.XSD.date)) in g
    assert (PROGRAMME, ELI.title, Literal("Chương trình hành động thực hiện Nghị quyết 01/NQ-CP")) in g
    juris = g.value(PROGRAMME, ELI.jurisdiction)
    assert g.value(juris, SKOS.prefLabel) == Literal("Vĩnh Phúc", lang="vi")
    issuer = g.value(PROGRAMME, ELI.passed_by)
    assert (issuer, rdflib.RDF.type, ORG.Organization) in g
    assert g.value(issuer, SKOS.prefLabel) == Literal("UBND tỉnh Vĩnh Phúc")
    # the type concept is in the export's own copy of the scheme
    assert g.value(URIRef("https://w3id.org/legalkg/doc-type/Program"), SKOS.prefLabel, any=True) is not None


def test_document_relations_map_to_eli(chain):
    g = chain
    assert (PROGRAMME, ELI.applies, RESOLUTION) in g
    assert (PROGRAMME, ELI.cites, RESOLUTION) in g
    assert (PROGRAMME, ELI.based_on, URIRef(BASE + "eli/vinh-phuc/nq/2024/45-nq-hdnd")) in g
    assert not list(g.triples((None, ELI.implements, None)))  # deprecated in ELI


def test_edge_provenance_is_stated_with_the_source_sentence(chain):
    g = chain
    st = next(s for s in g.subjects(rdflib.RDF.predicate, ELI.applies) if g.value(s, rdflib.RDF.subject) == PROGRAMME)
    assert g.value(st, rdflib.RDF.object) == RESOLUTION
    assert g.value(st, PROV.wasDerivedFrom) == PROGRAMME
    assert "01/NQ-CP" in str(g.value(st, LKG.sentence))


def test_tasks_are_plans_with_qualified_associations(chain):
    g = chain
    tasks = set(g.subjects(rdflib.RDF.type, PROV.Plan))
    assert len(tasks) == 4
    rows = set()
    for t in tasks:
        assert g.value(t, PROV.wasDerivedFrom) in (PROGRAMME, URIRef(BASE + "eli/vinh-phuc/ct/2025/05-ct-ubnd"))
        assert g.value(t, LKG.sentence) is not None
        for a in g.objects(t, PROV.qualifiedAssociation):
            assert (a, rdflib.RDF.type, PROV.Association) in g
            agent = g.value(a, PROV.agent)
            assert (agent, rdflib.RDF.type, ORG.Organization) in g
            rows.add((str(g.value(agent, SKOS.prefLabel)), str(g.value(a, PROV.hadRole)).rsplit("#")[-1]))
            assert str(g.value(a, LKG.sentence)) == str(g.value(t, LKG.sentence))
    assert ("Sở Kế hoạch và Đầu tư", "lead") in rows and ("Sở Tài chính", "support") in rows
    assert (LKG.lead, rdflib.RDF.type, PROV.Role) in g


def test_targets_are_quantitative_values(chain):
    g = chain
    (t,) = g.subjects(rdflib.RDF.type, SCHEMA.QuantitativeValue)
    assert g.value(t, SCHEMA.name) == Literal("tăng trưởng GRDP")
    assert g.value(t, SCHEMA.minValue).toPython() == 10.0 and g.value(t, SCHEMA.maxValue).toPython() == 10.5
    assert g.value(t, SCHEMA.unitText) == Literal("%")
    assert g.value(t, PROV.wasDerivedFrom) == PROGRAMME
    assert "GRDP" in str(g.value(t, LKG.sentence))
    task = g.value(predicate=LKG.setsTarget, object=t)
    assert (task, rdflib.RDF.type, PROV.Plan) in g


# --------------------------------------------------------------------------- URIs and formats

def test_uris_are_stable_and_the_base_is_configurable():
    a = parse(export_text(chain_graph()))
    b = parse(export_text(chain_graph()))
    assert set(a) == set(b)
    other = parse(export_text(chain_graph(), base="https://data.example.org/kg"))
    docs = set(other.subjects(rdflib.RDF.type, ELI.LegalResource))
    assert docs and all(str(d).startswith("https://data.example.org/kg/eli/") for d in docs)
    assert not [s for s in other.subjects() if str(s).startswith(BASE) and not str(s).startswith((BASE + "doc-type", BASE + "ontology#"))]


def test_documents_differing_only_by_year_or_issuer_get_different_uris():
    g = MemoryGraph()
    from graph_builder.model import GraphFragment
    f = GraphFragment("x", "x", "")
    f.nodes += [Node("Document", "01/NQ-CP@2024@national", {"symbol": "01/NQ-CP", "doc_type": "Resolution", "year": 2024, "jurisdiction": "national"}),
                Node("Document", "01/NQ-CP@2025@national", {"symbol": "01/NQ-CP", "doc_type": "Resolution", "year": 2025, "jurisdiction": "national"}),
                Node("Document", "01/QĐ-TTg@2025@national", {"symbol": "01/QĐ-TTg", "doc_type": "Decision", "year": 2025, "jurisdiction": "national"}),
                Node("Document", "01/QĐ-BTC@2025@national", {"symbol": "01/QĐ-BTC", "doc_type": "Decision", "year": 2025, "jurisdiction": "national"}),
                Node("Document", "138/NQ-HĐND@2024@Vĩnh Long", {"symbol": "138/NQ-HĐND", "doc_type": "Resolution", "year": 2024, "jurisdiction": "Vĩnh Long"}),
                Node("Document", "138/NQ-HĐND@2024@Bình Định", {"symbol": "138/NQ-HĐND", "doc_type": "Resolution", "year": 2024, "jurisdiction": "Bình Định"}),
                Node("Document", "5/KH-UBND@year?@Bình Định", {"symbol": "5/KH-UBND", "doc_type": "Plan", "jurisdiction": "Bình Định"})]
    g.add(f)
    out = parse(export_text(g))
    docs = {str(out.value(d, LKG.id)): str(d) for d in out.subjects(rdflib.RDF.type, ELI.LegalResource)}
    assert len(set(docs.values())) == 7
    assert docs["01/NQ-CP@2024@national"] == BASE + "eli/national/nq/2024/01-nq-cp"
    assert docs["5/KH-UBND@year?@Bình Định"] == BASE + "eli/binh-dinh/kh/unknown/5-kh-ubnd"


@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld"])
def test_every_format_parses_back_to_the_same_triples(fmt, chain):
    g = parse(export_text(chain_graph(), fmt), fmt)
    assert set(g) == set(chain)


def test_bad_values_are_left_out_with_a_warning_not_written_invalid(shapes):
    g = chain_graph()
    node = next(n for n in g.nodes("Document") if n.props.get("ingested"))
    node.props["date"] = "17/01/2025"
    buf = io.StringIO()
    stats = export_rdf(g, buf)
    assert any("17/01/2025" in w for w in stats.warnings)
    assert conforms(parse(buf.getvalue()), shapes)[0]


# --------------------------------------------------------------------------- shapes

def test_export_conforms_to_the_shapes(chain, shapes):
    ok, text = conforms(chain, shapes)
    assert ok, text


def _first(g, p):
    return next(iter(g.triples((None, p, None))))


BREAKS = {
    "document without type": lambda g: g.remove((PROGRAMME, ELI.type_document, None)),
    "date not an xsd:date": lambda g: g.set((PROGRAMME, ELI.date_document, Literal("17/01/2025"))),
    "two numbers": lambda g: g.add((PROGRAMME, ELI.number, Literal("02"))),
    "role outside lead/support": lambda g: (g.remove(_first(g, PROV.hadRole)),
                                            g.add((_first(g, PROV.agent)[0], PROV.hadRole, LKG.boss))),
    "association without agent": lambda g: g.remove(_first(g, PROV.agent)),
    "task without source document": lambda g: g.remove((next(g.subjects(rdflib.RDF.type, PROV.Plan)), PROV.wasDerivedFrom, None)),
    "citation of a non-document": lambda g: g.add((PROGRAMME, ELI.cites, URIRef("http://example.org/nothing"))),
    "type outside the scheme": lambda g: g.set((PROGRAMME, ELI.type_document, URIRef("http://example.org/Memo"))),
}


@pytest.mark.parametrize("name", BREAKS)
def test_a_broken_graph_does_not_conform(name, chain, shapes):
    g = rdflib.Graph()
    for t in chain:
        g.add(t)
    BREAKS[name](g)
    ok, text = conforms(g, shapes)
    assert not ok, name


# --------------------------------------------------------------------------- streaming and scale

def test_export_streams_while_reading_the_graph():
    """The first triples are written before the graph has been read to the end."""
    base = synthetic_graph(600)
    consumed = {"nodes": 0, "at_first_write": None}

    class Counting:
        def nodes(self, label=None):
            for n in base.nodes(label):
                consumed["nodes"] += 1
                yield n

        def edges(self, type=None):
            return base.edges(type)

    class Out(io.StringIO):
        def write(self, s):
            if consumed["at_first_write"] is None and consumed["nodes"]:
                consumed["at_first_write"] = consumed["nodes"]
            return super().write(s)

    export_rdf(Counting(), Out(), "nt", vocabulary=False)
    assert consumed["at_first_write"] is not None and consumed["at_first_write"] < len(base) / 10


@pytest.mark.slow
def test_large_export_time_and_triples(tmp_path):
    g = synthetic_graph(20000)
    out = tmp_path / "big.nt"
    t0 = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        stats = export_rdf(g, fh, "nt")
    seconds = time.perf_counter() - t0
    print(f"\nRDF export: {stats.nodes} nodes, {stats.edges} edges -> {stats.triples} triples in {seconds:.2f} s "
          f"({stats.triples / seconds:,.0f} triples/s)")
    assert not stats.warnings
    assert sum(1 for _ in out.open(encoding="utf-8")) == stats.triples
    assert stats.triples / seconds > 20000


# --------------------------------------------------------------------------- the seeds

@pytest.fixture(scope="module")
def seed_graph():
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    return MemoryGraph.from_paths([str(SEEDS)])


def test_seed_export_parses_back_and_conforms(seed_graph, shapes):
    text = export_text(seed_graph)
    g = parse(text)
    docs = set(g.subjects(rdflib.RDF.type, ELI.LegalResource))
    assert len(docs) >= 5
    assert all("/eli/" in str(d) for d in docs)
    ok, report = conforms(g, shapes)
    assert ok, report
    assert len(g) == sum(1 for _ in graph_triples(seed_graph))


def test_agency_parent_becomes_sub_organization_of(shapes):
    from graph_builder.model import GraphFragment
    g = MemoryGraph()
    f = GraphFragment("x", "x", "")
    f.nodes += [Node("Agency", "Vĩnh Phúc:Sở Tài chính", {"name": "Sở Tài chính", "jurisdiction": "Vĩnh Phúc",
                                                          "parent": "UBND tỉnh Vĩnh Phúc"}),
                Node("Agency", "Vĩnh Phúc:Chi cục Thuế", {"name": "Chi cục Thuế", "jurisdiction": "Vĩnh Phúc",
                                                           "parent": "Sở Tài chính"})]
    g.add(f)
    out = parse(export_text(g))
    so = URIRef(BASE + "agency/vinh-phuc/so-tai-chinh")
    ubnd = out.value(so, ORG.subOrganizationOf)
    assert ubnd == URIRef(BASE + "agency/vinh-phuc/ubnd-tinh-vinh-phuc")
    assert (ubnd, rdflib.RDF.type, ORG.Organization) in out
    assert out.value(URIRef(BASE + "agency/vinh-phuc/chi-cuc-thue"), ORG.subOrganizationOf) == so
    assert conforms(out, shapes)[0]


def test_seed_store_export_acceptance(tmp_path, shapes):
    """`legalkg build` the seeds into the embedded store, `legalkg export rdf`; the file parses back
    with rdflib, conforms to the shapes, loads into pyoxigraph, and its SPARQL trace equals the
    store's Cypher trace."""
    import json
    import subprocess
    import sys

    from graph_builder.export.sparql import load_oxigraph, run_sparql
    from graph_builder.write import open_store
    from outputs_fixtures import ROOT

    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    legalkg = str(Path(sys.executable).with_name("legalkg"))
    store_dir, out = tmp_path / "kg", tmp_path / "seeds.ttl"
    built = subprocess.run([legalkg, "build", str(SEEDS), "--store", str(store_dir)], capture_output=True, text=True)
    assert built.returncode in (0, 3), built.stderr[-2000:]
    t0 = time.perf_counter()
    run = subprocess.run([legalkg, "export", "rdf", "-o", str(out), "--store", str(store_dir)], capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    assert run.returncode == 0, run.stderr[-2000:]
    g = rdflib.Graph().parse(out, format="turtle")
    ok, report = conforms(g, shapes)
    assert ok, report[:3000]
    ox = load_oxigraph(out)
    assert len(ox) == len(g)
    params = {"symbol": "01/NQ-CP", "year": 2025, "jurisdiction": None}
    sparql = run_sparql(ox, "trace", params)
    with open_store(str(store_dir), read_only=True) as store:
        cypher = store.query("trace", params)
    key = lambda rows: sorted(tuple(sorted((k, repr(v)) for k, v in r.items())) for r in rows)  # noqa: E731
    assert key(sparql) == key(cypher)
    assert sparql, "the seeds carry 01/NQ-CP (2025) out: an empty trace means something broke"
    (ROOT / "test-artifacts").mkdir(exist_ok=True)
    (ROOT / "test-artifacts" / "rdf-export-seeds.json").write_text(json.dumps({
        "triples": len(g), "bytes": out.stat().st_size, "export_command_seconds": round(seconds, 2),
        "trace_rows": len(sparql), "message": run.stderr.strip().splitlines()[-1]}, indent=2))
