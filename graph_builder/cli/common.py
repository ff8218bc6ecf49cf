"""Helpers shared by the commands: progress bars and the skipped-files summary."""
from __future__ import annotations

import sys

import click
from tqdm import tqdm

from ..ingest import RunReport, Skipped

EXIT_SKIPPED = 3  # some input was skipped (the rest was processed)


def progress(iterable, total: int | None = None, desc: str = "documents", unit: str = "doc"):
    """A tqdm bar on a terminal (stderr), nothing when stderr is not a TTY."""
    return tqdm(iterable, total=total, desc=desc, unit=unit, disable=None, file=sys.stderr, dynamic_ncols=True)


def report_skip(report: RunReport, skipped: Skipped) -> None:
    report.skipped.append(skipped)
    click.echo(f"legalkg: skipped {skipped.path}: {skipped.reason}", err=True)


def finish(report: RunReport, report_path: str | None) -> None:
    """Print the summary of skipped files, write the JSON run report, exit non-zero if anything was skipped."""
    if report_path:
        with open(report_path, "w", encoding="utf-8") as fh:
            fh.write(report.to_json())
    if report.skipped:
        click.echo(f"legalkg: {len(report.skipped)} file(s) skipped, {report.documents} processed:", err=True)
        for s in report.skipped:
            click.echo(f"  {s.path}: {s.reason}", err=True)
        sys.exit(EXIT_SKIPPED)
