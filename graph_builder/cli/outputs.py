"""``legalkg export rdf`` and ``legalkg viz``: the graph as open data and as an interactive page."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import main

STORE_HELP = ("Store URI: a folder for the embedded store (default ./legalkg-data, or $LEGALKG_STORE), "
              "or neo4j://host:port / bolt://host:port.")
EXIT_TOO_LARGE = 2


@main.group()
def export() -> None:
    """Export the graph (RDF open data)."""


@export.command("rdf")
@click.option("-f", "--format", "fmt", type=click.Choice(["turtle", "json-ld", "nt"]), default=None,
              help="RDF syntax (default: from the file suffix .ttl/.jsonld/.nt, else turtle).")
@click.option("--base", default=None, help="Base URI of the exported resources (default https://w3id.org/legalkg/).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="File to write ('-' for stdout).")
@click.option("--no-vocabulary", is_flag=True, help="Leave out the document-type concept scheme and the roles.")
@click.option("--store", "store_uri", envvar="LEGALKG_STORE", default=None, help=STORE_HELP)
def export_rdf_cmd(fmt: str | None, base: str | None, output: str, no_vocabulary: bool, store_uri: str | None) -> None:
    """Write the graph as RDF: ELI for documents (eli:LegalResource, eli:cites, eli:based_on,
    eli:applies …), W3C ORG for agencies, PROV-O qualified associations for lead/support roles,
    schema.org QuantitativeValue for targets, provenance down to the source sentence.

    The output is written as it is read from the store (streaming), in any size.
    Validate it against ontology/shapes.ttl (SHACL).

    \b
    Example:
      legalkg export rdf -o graph.ttl
      legalkg export rdf --format nt --base https://data.example.gov.vn/ -o graph.nt
    """
    from ..export.rdf import DEFAULT_BASE, check_base, export_rdf
    from ..write import open_store

    try:
        base = check_base(base or DEFAULT_BASE)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--base") from e
    if fmt is None:
        suffix = Path(output).suffix.lower()
        fmt = {".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld"}.get(suffix, "turtle")
    try:
        with open_store(store_uri) as store:
            if output == "-":
                stats = export_rdf(store, sys.stdout, fmt, base, vocabulary=not no_vocabulary)
            else:
                tmp = Path(output + ".part")  # a half-written export never takes the file's name
                try:
                    with tmp.open("w", encoding="utf-8") as fh:
                        stats = export_rdf(store, fh, fmt, base, vocabulary=not no_vocabulary)
                    tmp.replace(output)
                finally:
                    tmp.unlink(missing_ok=True)
    except ValueError as e:
        raise click.ClickException(str(e)) from e
    for w in stats.warnings[:20]:
        click.echo(f"legalkg: warning: {w}", err=True)
    if len(stats.warnings) > 20:
        click.echo(f"legalkg: … {len(stats.warnings) - 20} more warnings", err=True)
    click.echo(f"legalkg: {stats.triples:,} triples ({stats.nodes:,} nodes, {stats.edges:,} edges) written to "
               f"{output} as {fmt} in {stats.seconds:.2f} s", err=True)


@main.command()
@click.option("--focus", metavar="SYMBOL", help="A document's số ký hiệu (e.g. 01/NQ-CP): show what carries it out.")
@click.option("--year", type=int, help="Year of the focus document (numbers restart every year); without --focus, "
              "documents of that year.")
@click.option("--province", help="Only documents of this province (and national ones).")
@click.option("--depth", type=click.IntRange(1, 10), default=None, help="Hops from the focus document (default 4).")
@click.option("--types", multiple=True, metavar="TYPES",
              help="Node or edge types to show, comma-separated or repeated (Document,Task,Agency,Target,Project, "
                   "IMPLEMENTS,CITES,…).")
@click.option("--max-nodes", type=int, default=None, help="Refuse above this many nodes (default 5000).")
@click.option("--title", help="Page title.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="HTML file to write.")
@click.option("--store", "store_uri", envvar="LEGALKG_STORE", default=None, help=STORE_HELP)
def viz(focus, year, province, depth, types, max_nodes, title, output, store_uri) -> None:
    """Write an interactive page of the graph (one HTML file that works offline).

    Focused on a document, it shows the documents that implement or cite it, their tasks, the
    agencies with lead/support roles, targets and projects.  Colour and shape by type, a legend
    that filters, edge labels, tooltips with the source sentence, a search box.  Above the size
    cap no page is written: narrow the selection as the message suggests.

    \b
    Example:
      legalkg viz --focus 01/NQ-CP --year 2025 -o trace.html
      legalkg viz --province "Vĩnh Phúc" --year 2025 --types Document,Task,Agency -o vinh-phuc.html
    """
    from ..export.viz import DEFAULT_DEPTH, DEFAULT_MAX_NODES, TooLarge, VizError, write_viz
    from ..write import open_store

    try:
        with open_store(store_uri) as store:
            stats = write_viz(store, output, focus=focus, year=year, province=province, depth=depth or DEFAULT_DEPTH,
                              types=types or None, max_nodes=max_nodes or DEFAULT_MAX_NODES, title=title)
    except TooLarge as e:
        click.echo(f"legalkg viz: {e}", err=True)
        sys.exit(EXIT_TOO_LARGE)
    except VizError as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"legalkg: {stats.nodes:,} nodes, {stats.edges:,} edges written to {output} "
               f"({stats.bytes / 1e6:.1f} MB, {stats.seconds:.2f} s)", err=True)
