"""``legalkg synth``: a synthetic corpus with gold annotation, for scoring and benchmarks at scale."""
from __future__ import annotations

import sys
import time

import click

from . import main
from .common import progress


@main.command()
@click.option("--docs", "n", type=click.IntRange(min=1), required=True, help="Number of documents to write.")
@click.option("-o", "--output", "out", type=click.Path(file_okay=False), required=True,
              help="Folder to write (docs/ and gold/ inside it).")
@click.option("--seed", type=int, default=0, show_default=True, help="The same seed gives the same corpus.")
@click.option("-j", "--jobs", type=int, default=None, help="Worker processes (default: all cores).")
@click.option("--force", is_flag=True, help="Replace a corpus already in the output folder.")
def synth(n: int, out: str, seed: int, jobs: int | None, force: bool) -> None:
    """Write N synthetic Vietnamese government documents and their gold annotation.

    Documents in the style of real ones (resolutions, programmes, plans, directives,
    decisions, letters, across provinces and years) go to OUTPUT/docs/, and for each one a
    gold record in the schema of the shared gold annotation to OUTPUT/gold/, so that an
    extraction run over OUTPUT can be scored at scale.

    \b
    Example:
      legalkg synth --docs 1000 -o /tmp/synth --seed 1
      legalkg extract /tmp/synth -o /tmp/synth.jsonl
      python3 ../shared/tools/score_extraction.py --gold /tmp/synth/gold --pred /tmp/synth.jsonl --quiet
    """
    from ..synth import generate

    t0 = time.perf_counter()
    bar = progress(None, total=n, desc="synth", unit="doc")
    try:
        result = generate(n, out, seed=seed, jobs=jobs, force=force, on_progress=bar.update)
    except FileExistsError as e:
        bar.close()
        raise click.ClickException(str(e)) from None
    bar.close()
    dt = time.perf_counter() - t0
    click.echo(f"legalkg: {result.docs} document(s), {result.bytes / 1e6:.1f} MB, written to {result.out} "
               f"in {dt:.1f} s ({result.docs / dt:.0f} docs/s)", err=True)
    sys.stdout.flush()
