"""``legalkg build``: read, extract and write documents into a graph store."""
from __future__ import annotations

import os

import click

from ..ingest import RunReport, Skipped, WalkStats, batched, build_fragments, bulk_rows
from . import main
from .common import finish, progress, progress_total, report_skip


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--store", "store_uri", envvar="LEGALKG_STORE", default=None,
              help="Store URI: a folder for the embedded store (default ./legalkg-data, or $LEGALKG_STORE), "
                   "or neo4j://host:port / bolt://host:port (credentials from NEO4J_USER / NEO4J_PASSWORD "
                   "or the config file, never from the command line).")
@click.option("-j", "--jobs", type=int, default=None, help="Worker processes for extraction (default: all cores).")
@click.option("--batch-size", type=click.IntRange(min=1), default=50, show_default=True,
              help="Documents per write batch (each document stays atomic).")
@click.option("--bulk", is_flag=True,
              help="First load into an EMPTY store: write import CSVs, then run `neo4j-admin database import "
                   "full` (Neo4j; the server is stopped and restarted by scripts/neo4j) or COPY them (embedded).")
@click.option("--bulk-dir", type=click.Path(file_okay=False), default="legalkg-import", show_default=True,
              help="Folder for the --bulk CSV files.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), help="Write a JSON run report.")
def build(paths: tuple[str, ...], store_uri: str | None, jobs: int | None, batch_size: int, bulk: bool,
          bulk_dir: str, report_path: str | None) -> None:
    """Read, extract and write documents into the graph.

    Unchanged documents (same content hash) are skipped; a changed document's facts are
    replaced; each document is written in one transaction.  Extraction runs in worker
    processes and streams into the store in batches: memory does not grow with the corpus.

    \b
    Example:
      legalkg build samples/                                # embedded store ./legalkg-data
      legalkg build ../shared/seeds --store bolt://127.0.0.1:7687
      legalkg build corpus/ --bulk --store bolt://127.0.0.1:7687   # first load of a big corpus
    """
    report = RunReport(command="build")
    stats = WalkStats()
    make = bulk_rows if bulk else build_fragments
    items = progress(make(paths, jobs=jobs, stats=stats), total=progress_total(paths))
    try:
        if bulk:
            _bulk(items, report, store_uri, bulk_dir)
        else:
            _batched(items, report, store_uri, batch_size)
    except KeyboardInterrupt:
        report.error = "interrupted; rerun the same command to resume (written documents are skipped)"
    except Exception as e:  # the store went away, the import failed …: say so, exit non-zero, stay resumable
        report.error = f"{type(e).__name__}: {' '.join(str(e).split())[:2000]}"
    report.ignored = stats.ignored
    click.echo(f"legalkg: {report.documents} document(s) written; " +
               ", ".join(f"{k}={v}" for k, v in sorted(report.counts.items())), err=True)
    finish(report, report_path)


def _batched(items, report: RunReport, store_uri: str | None, batch_size: int) -> None:
    from ..write import open_store

    with open_store(store_uri) as store:
        store.ensure_schema()
        write_many = getattr(store, "write_fragments", None)
        for batch in batched(items, batch_size):
            fragments = []
            for item in batch:
                if isinstance(item, Skipped):
                    report_skip(report, item)
                else:
                    fragments.append(item)
            if not fragments:
                continue
            results = write_many(fragments) if write_many else [store.write_fragment(f) for f in fragments]
            if isinstance(results, dict):
                results = [results]
            for result in results:
                if not result.get("failed"):
                    report.documents += 1
                for k, v in result.items():
                    report.count(k, v)
            # A document the store refused (rolled back on its own) is a skipped file, never a silent loss.
            for failure in getattr(store, "last_failures", []):
                report_skip(report, Skipped(failure["source_path"], f"not written: {failure['reason']}"))
        report.counts["undated_links_inferred"] = store.link_undated()


def _bulk(items, report: RunReport, store_uri: str | None, bulk_dir: str) -> None:
    """Write the import CSV files, then load them: neo4j-admin into an empty Neo4j database, or
    COPY into an empty embedded store."""
    from ..write import open_store
    from ..write.config import is_neo4j_uri, resolve_location
    from ..write.neo4j_bulk import BulkCsvWriter

    location = resolve_location(store_uri or os.environ.get("NEO4J_URI"))
    neo4j = is_neo4j_uri(location)
    if neo4j and location == "neo4j":
        raise click.UsageError("--bulk loads a Neo4j database: give --store bolt://host:port (or set NEO4J_URI)")
    if neo4j:
        _require_empty(location)
    with BulkCsvWriter(bulk_dir) as writer:
        for item in items:
            if isinstance(item, Skipped):
                report_skip(report, item)
                continue
            writer.add_rows(item)
            report.documents += 1
        files = writer.close()
    report.count("bulk_node_rows", files.node_count)
    report.count("bulk_relationships", files.relationship_count)
    log = lambda m: click.echo(m, err=True)  # noqa: E731
    if neo4j:
        from ..write.neo4j_bulk import run_import

        run_import(files, log=log, expect_uri=location)
        _ensure_schema(location)
    else:
        from ..write.ladybug_bulk import load_import_files

        load_import_files(files, location, log=log)
    # as after batched writes: citations without a year tied to the one dated document they can mean
    with open_store(location) as store:
        report.counts["undated_links_inferred"] = store.link_undated()


def _driver(uri: str):
    from neo4j import GraphDatabase

    user = os.environ.get("NEO4J_USER", "neo4j")
    password = os.environ.get("NEO4J_PASSWORD")
    return GraphDatabase.driver(uri, auth=(user, password) if password else None)


def _require_empty(uri: str) -> None:
    with _driver(uri) as d, d.session() as s:
        n = s.run("MATCH (n) RETURN count(n) AS n").single()["n"]
    if n:
        raise click.UsageError(f"--bulk needs an empty database, and {uri} holds {n} node(s); "
                               "use `legalkg build` without --bulk to add to it")


def _ensure_schema(uri: str) -> None:
    """The ontology's constraints and indexes, once the server is back after the import."""
    import time

    from ..ontology.generate import neo4j_schema_statements

    deadline = time.time() + 120
    while True:
        try:
            with _driver(uri) as d, d.session() as s:
                for stmt in neo4j_schema_statements():
                    s.run(stmt).consume()
                s.run("CALL db.awaitIndexes(600)").consume()
            return
        except Exception:
            if time.time() > deadline:
                raise
            time.sleep(2)
