"""``legalkg stats | query | queries | cypher | remove``: read and maintain the graph store."""
from __future__ import annotations

import csv
import json
import sys

import click

from . import main

STORE_HELP = ("Store: a folder for the embedded store (default ./legalkg-data, or $LEGALKG_STORE), "
              "bolt://host:port or neo4j://host:port, or the word 'neo4j' for the server in NEO4J_URI / the "
              "config file.  Neo4j credentials come from NEO4J_USER / NEO4J_PASSWORD or "
              "~/.config/legalkg/config.toml, never from the command line.")


def _store_option(f):
    return click.option("--store", "store_uri", envvar="LEGALKG_STORE", default=None, help=STORE_HELP)(f)


def _format_option(f):
    return click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                        show_default=True, help="Output format.")(f)


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for p in pairs:
        if "=" not in p:
            raise click.BadParameter(f"{p!r} is not k=v", param_hint="--param")
        k, v = p.split("=", 1)
        out[k.strip()] = v
    return out


def _open(store_uri, read_only=True):
    from ..write import StoreError, open_store
    from ..write.config import StoreConfigError

    try:
        return open_store(store_uri, read_only=read_only)
    except (StoreError, StoreConfigError) as e:
        raise click.ClickException(str(e)) from None


def _fail(e: Exception):
    raise click.ClickException(str(e)) from None


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def emit(rows: list[dict], fmt: str, out=None) -> None:
    """Print rows as an aligned table, JSON (a list of objects) or CSV."""
    out = out or sys.stdout
    if fmt == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    cols: list[str] = []
    for r in rows:
        for k in r:
            if k not in cols:
                cols.append(k)
    if fmt == "csv":
        w = csv.writer(out)
        w.writerow(cols)
        for r in rows:
            w.writerow([_cell(r.get(c)) for c in cols])
        return
    if not rows:
        out.write("(no rows)\n")
        return
    cells = [[_cell(r.get(c)).replace("\n", " ") for c in cols] for r in rows]
    width = [min(60, max(len(c), *(len(row[i]) for row in cells))) for i, c in enumerate(cols)]

    def clip(s, w):
        return s if len(s) <= w else s[: w - 1] + "…"
    out.write("  ".join(c.ljust(width[i]) for i, c in enumerate(cols)).rstrip() + "\n")
    out.write("  ".join("-" * width[i] for i in range(len(cols))) + "\n")
    for row in cells:
        out.write("  ".join(clip(v, width[i]).ljust(width[i]) for i, v in enumerate(row)).rstrip() + "\n")
    out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")


@main.command()
@_store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(store_uri: str | None, fmt: str) -> None:
    """Node counts by label (documents also by type) and relationship counts by type.

    \b
    Example:
      legalkg stats
      legalkg stats --store neo4j --format json
    """
    from ..write import StoreError

    with _open(store_uri) as store:
        try:
            s = store.stats()
        except StoreError as e:
            _fail(e)
    if fmt == "json":
        click.echo(json.dumps(s, ensure_ascii=False, indent=2))
        return
    rows = [{"kind": "node", "name": k, "count": v} for k, v in s["nodes"].items()]
    rows += [{"kind": "document type", "name": k, "count": v} for k, v in s["documents"].items()]
    rows += [{"kind": "document", "name": "ingested", "count": s["documents_ingested"]},
             {"kind": "document", "name": "referenced only", "count": s["documents_referenced"]}]
    rows += [{"kind": "relationship", "name": k, "count": v} for k, v in s["relationships"].items()]
    emit(rows, "table")


@main.command()
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="K=V", help="A query parameter (repeatable).")
@_store_option
@_format_option
def query(name: str, params: tuple[str, ...], store_uri: str | None, fmt: str) -> None:
    """Run a named query of the library (`legalkg queries` lists them with their parameters).

    \b
    Example:
      legalkg query trace --param symbol=01/NQ-CP --param year=2025
      legalkg query agency -p name="Sở Tài chính" -p jurisdiction="Vĩnh Phúc" --format csv
      legalkg query deadlines -p from=2025-01-01 -p to=2025-12-31 --format json
    """
    from ..queries import QueryError, load_query
    from ..write import StoreError

    try:
        q = load_query(name)
        q.bind(_params(params))  # fail on bad parameters before opening the store
    except QueryError as e:
        _fail(e)
    with _open(store_uri) as store:
        try:
            rows = store.query(name, _params(params))
        except (QueryError, StoreError) as e:
            _fail(e)
    emit(rows, fmt)


@main.command("queries")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def list_queries_cmd(fmt: str) -> None:
    """List the named queries with what they answer, their parameters and an example.

    \b
    Example:
      legalkg queries
      legalkg query trace --param symbol=01/NQ-CP --param year=2025
    """
    from ..queries import list_queries

    qs = list_queries()
    if fmt == "json":
        click.echo(json.dumps([{"name": q.name, "description": q.description,
                                "params": [{"name": p.name, "type": p.type, "required": p.required,
                                            "default": p.default, "doc": p.doc} for p in q.params],
                                "examples": list(q.examples)} for q in qs], ensure_ascii=False, indent=2))
        return
    for q in qs:
        click.echo(click.style(q.name, bold=True) + "  " + " ".join(q.description.split()))
        for p in q.params:
            req = "required" if p.required else (f"default {p.default}" if p.default is not None else "optional")
            click.echo(f"    --param {p.name}=<{p.type}>  ({req}) {p.doc}")
        for ex in q.examples:
            click.echo(f"    e.g. {ex}")
        click.echo("")


@main.command()
@click.argument("text")
@click.option("--param", "-p", "params", multiple=True, metavar="K=V", help="A parameter ($k in the text), as a string.")
@_store_option
@_format_option
def cypher(text: str, params: tuple[str, ...], store_uri: str | None, fmt: str) -> None:
    """Run ad-hoc read-only Cypher.  Write clauses (CREATE, MERGE, SET, DELETE, REMOVE, DROP, LOAD CSV,
    COPY, writing procedures …) are refused; on Neo4j the query also runs in a READ transaction.
    Return properties, not whole nodes, for the same output on both stores.

    \b
    Example:
      legalkg cypher "MATCH (d:Document) WHERE d.ingested = true RETURN d.symbol AS symbol, d.year AS year"
      legalkg cypher "MATCH (a:Agency) WHERE a.name CONTAINS \\$n RETURN a.name AS name" -p n="Sở"
    """
    from ..write import StoreError, WriteRefused, check_read_only

    try:
        check_read_only(text)
    except WriteRefused as e:
        _fail(e)
    with _open(store_uri) as store:
        try:
            rows = store.cypher(text, _params(params))
        except StoreError as e:
            _fail(e)
    emit(rows, fmt)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_store_option
def remove(paths: tuple[str, ...], store_uri: str | None) -> None:
    """Remove documents (by the path they were built from, or by document id) and their facts: tasks,
    targets, citations, assignments.  A removed document still cited by others stays as a
    referenced-only node.  Undated-citation links are recomputed afterwards.

    \b
    Example:
      legalkg remove samples/chi-thi-05.txt
      legalkg remove corpus/old/ --store neo4j         # a folder: every document built from under it
    """
    from ..write import StoreError

    missing = 0
    with _open(store_uri, read_only=False) as store:
        try:
            total = {"documents_removed": 0, "kept_as_referenced": 0}
            for p in paths:
                counts = store.remove_document(p)
                if not counts["documents_removed"]:
                    counts = store.remove_under(p)
                if not counts["documents_removed"]:
                    click.echo(f"legalkg: {p}: no document built from this path in the store", err=True)
                    missing += 1
                for k, v in counts.items():
                    total[k] += v
            linked = store.link_undated()
        except StoreError as e:
            _fail(e)
    click.echo(f"legalkg: {total['documents_removed']} document(s) removed, {total['kept_as_referenced']} kept as "
               f"referenced-only; undated_links_inferred={linked}", err=True)
    if missing:
        sys.exit(3)
