"""The pipeline for one document: read → clean → find → resolve, returning an ExtractionRecord.

Each stage is a plain function of plain dataclasses (see ``model``); no extraction code
knows a store.  ``build`` and ``write`` take the records from here.
"""
from __future__ import annotations

from pathlib import Path

from .clean import clean_text
from .find.citations import find_citations
from .find.metadata import find_metadata
from .find.named_refs import find_named_references
from .find.projects import find_projects
from .find.relations import find_document_relations
from .find.structure import parse_outline
from .find.targets import find_targets
from .find.tasks import find_tasks
from .model import CleanText, ExtractionRecord, SourceText
from .read import read_path
from .resolve.assignments import assignments_from_tasks
from .resolve.identity import document_id, resolve_citations


def extract_clean(clean: CleanText) -> ExtractionRecord:
    """Find and resolve everything in one cleaned document."""
    meta = find_metadata(clean)
    outline = parse_outline(clean)
    citations = resolve_citations(find_citations(clean), meta, clean)
    named = find_named_references(clean, meta)
    relations = find_document_relations(clean, meta, citations, named)
    tasks = find_tasks(clean, meta, outline, citations)
    return ExtractionRecord(
        source=clean.path,
        id=document_id(meta, clean),
        content_hash=clean.source.content_hash,
        document=meta,
        citations=citations,
        named_references=named,
        implements=relations.implements,
        implements_named=relations.implements_named,
        basis=relations.basis,
        basis_named=relations.basis_named,
        tasks=tasks,
        assignments=assignments_from_tasks(tasks, clean),
        targets=find_targets(clean, meta, outline),
        projects=find_projects(clean, meta),
        notes=list(relations.notes),
    )


def extract_source(source: SourceText) -> ExtractionRecord:
    return extract_clean(clean_text(source))


def extract_path(path: str | Path) -> ExtractionRecord:
    """Read, clean and extract one file.  Raises ``read.ReadError`` for unreadable input."""
    return extract_source(read_path(path))


def extract_text(text: str, path: str = "<text>") -> ExtractionRecord:
    """Extract from a string (for notebooks and tests)."""
    import hashlib

    data = text.encode("utf-8")
    source = SourceText(path=path, text=text, encoding="utf-8", format="txt", content_hash=hashlib.sha256(data).hexdigest())
    return extract_source(source)
