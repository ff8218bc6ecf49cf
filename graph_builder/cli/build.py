"""``legalkg build``: read, extract and write documents into a graph store."""
from __future__ import annotations

import click

from ..ingest import RunReport, Skipped, build_fragments
from . import main
from .common import finish, progress, report_skip


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--store", "store_uri", envvar="LEGALKG_STORE", default=None,
              help="Store URI: a folder for the embedded store (default ./legalkg-data, or $LEGALKG_STORE), "
                   "or neo4j://host:port / bolt://host:port (credentials from NEO4J_USER / NEO4J_PASSWORD "
                   "or the config file, never from the command line).")
@click.option("-j", "--jobs", type=int, default=None, help="Worker processes for extraction (default: all cores).")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), help="Write a JSON run report.")
def build(paths: tuple[str, ...], store_uri: str | None, jobs: int | None, report_path: str | None) -> None:
    """Read, extract and write documents into the graph.

    Unchanged documents (same content hash) are skipped; a changed document's facts are
    replaced; each document is written in one transaction.

    \b
    Example:
      legalkg build samples/                                # embedded store ./legalkg-data
      legalkg build ../shared/seeds --store bolt://127.0.0.1:7687
    """
    from ..write import open_store

    report = RunReport(command="build")
    with open_store(store_uri) as store:
        store.ensure_schema()
        for item in progress(build_fragments(paths, jobs=jobs)):
            if isinstance(item, Skipped):
                report_skip(report, item)
                continue
            result = store.write_fragment(item)
            report.documents += 1
            for k, v in result.items():
                report.counts[k] = report.counts.get(k, 0) + v
        linked = store.link_undated()
        report.counts["undated_links_inferred"] = linked
    click.echo(f"legalkg: {report.documents} document(s) written; " +
               ", ".join(f"{k}={v}" for k, v in sorted(report.counts.items())), err=True)
    finish(report, report_path)
