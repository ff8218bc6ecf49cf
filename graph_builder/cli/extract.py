"""``legalkg extract``: one extraction record per document, as JSON Lines."""
from __future__ import annotations

import sys

import click

from ..ingest import RunReport, Skipped, WalkStats, extract_json_many
from . import main
from .common import finish, progress, progress_total, report_skip


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write JSON Lines here instead of stdout.")
@click.option("-j", "--jobs", type=int, default=None, help="Worker processes (default: all cores).")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), help="Write a JSON run report (counts, skipped files).")
def extract(paths: tuple[str, ...], output: str | None, jobs: int | None, report_path: str | None) -> None:
    """Extract document metadata, citations, tasks, agencies, targets and projects.

    Writes one JSON object per document (the schema of the gold annotation: document,
    citations, named_references, implements, basis, assignments, targets, projects, plus
    ids, spans and tasks).  Directories are walked recursively.

    \b
    Example:
      legalkg extract ../shared/seeds/*.txt -o out.jsonl
      python3 ../shared/tools/score_extraction.py --gold ../shared/gold --pred out.jsonl
    """
    report = RunReport(command="extract")
    stats = WalkStats()
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        for item in progress(extract_json_many(paths, jobs=jobs, stats=stats), total=progress_total(paths)):
            if isinstance(item, Skipped):
                report_skip(report, item)
                continue
            out.write(item.json + "\n")
            report.documents += 1
    finally:
        if output:
            out.close()
    report.ignored = stats.ignored
    finish(report, report_path)
