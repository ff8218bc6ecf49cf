"""Helpers shared by the commands: progress bars, the skipped-files summary and exit status."""
from __future__ import annotations

import sys

import click
from tqdm import tqdm

from ..ingest import RunReport, Skipped, count_documents

EXIT_SKIPPED = 3  # some input was skipped (the rest was processed)
EXIT_FAILED = 4  # the run stopped on an error (e.g. the store became unreachable); rerun to resume


def progress(iterable, total: int | None = None, desc: str = "documents", unit: str = "doc"):
    """A tqdm bar on a terminal (stderr, with documents/s), nothing when stderr is not a TTY."""
    return tqdm(iterable, total=total, desc=desc, unit=unit, disable=None, file=sys.stderr, dynamic_ncols=True,
                smoothing=0.05)


def progress_total(paths) -> int | None:
    """The number of inputs, for the bar's total and ETA; only worth a walk on a terminal."""
    try:
        return count_documents(paths) if sys.stderr.isatty() else None
    except Exception:  # pragma: no cover - a total is a nicety
        return None


def report_skip(report: RunReport, skipped: Skipped) -> None:
    report.skipped.append(skipped)
    tqdm.write(f"legalkg: skipped {skipped.path}: {skipped.reason}", file=sys.stderr)


def finish(report: RunReport, report_path: str | None) -> None:
    """Print the summary of skipped files, write the JSON run report, exit non-zero if anything
    was skipped (3) or the run stopped on an error (4)."""
    report.exit_status = EXIT_FAILED if report.error else EXIT_SKIPPED if report.skipped else 0
    if report_path:
        with open(report_path, "w", encoding="utf-8") as fh:
            fh.write(report.to_json())
    if report.ignored:
        click.echo(f"legalkg: {report.ignored} non-document or hidden file(s) inside the folders were ignored", err=True)
    if report.skipped:
        click.echo(f"legalkg: {len(report.skipped)} file(s) skipped, {report.documents} processed:", err=True)
        for s in report.skipped:
            click.echo(f"  {s.path}: {s.reason}", err=True)
    if report.error:
        click.echo(f"legalkg: error: {report.error}", err=True)
    if report.exit_status:
        sys.exit(report.exit_status)
