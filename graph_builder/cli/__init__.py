"""The ``legalkg`` command line.

Each command lives in its own module of this package and registers itself on ``main``.
"""
from __future__ import annotations

import importlib

import click

from .. import __version__

COMMAND_MODULES = ["extract", "build", "schema", "outputs", "synth", "store"]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="legalkg")
def main() -> None:
    """legalkg: turn Vietnamese government documents into a knowledge graph of directives,
    tasks, agencies, targets and legal references.

    \b
    Example:
      legalkg build samples/          # into the embedded store ./legalkg-data
      legalkg stats
      legalkg query trace --param symbol=01/NQ-CP --param year=2025
    """


for _name in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_name}")
