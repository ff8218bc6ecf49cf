"""Entry-point module named in ``pyproject.toml`` (``[project.entry-points.spacy_factories]``).

The components live in ``find.components``; this module only re-exports them so that spaCy's
entry-point loading (which imports every registered factory whenever a pipeline is created)
finds each name.  A factory not written yet resolves to a stub that says so when used, instead
of breaking every ``spacy.blank(...)`` in the environment.
"""
from __future__ import annotations

from . import components
from .components import make_citation_finder  # noqa: F401  (entry point vn_citations)


def __getattr__(name: str):
    if hasattr(components, name):
        return getattr(components, name)
    if name.startswith("make_"):
        def not_yet(*_args, **_kwargs):
            raise NotImplementedError(f"graph_builder.find.components.{name} is not implemented yet")
        return not_yet
    raise AttributeError(name)
