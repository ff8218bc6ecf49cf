"""Walk input paths, extract every document (in worker processes), and report what was skipped.

Nothing is lost silently: every path given either yields a record or a ``Skipped`` entry
with the reason, and the run report lists them all.
"""
from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .model import ExtractionRecord

DOCUMENT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"}


@dataclass(slots=True)
class Skipped:
    path: str
    reason: str


@dataclass(slots=True)
class RunReport:
    """What a run did: counts, and every file it skipped with the reason."""

    command: str
    started: float = field(default_factory=time.time)
    documents: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.skipped

    def to_json(self) -> str:
        d = asdict(self)
        d["seconds"] = round(time.time() - self.started, 3)
        return json.dumps(d, ensure_ascii=False, indent=2)


def walk(paths: Iterable[str | Path]) -> Iterator[Path | Skipped]:
    """Files named directly, and document files found recursively under directories."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for sub in sorted(p.rglob("*")):
                if sub.is_file() and sub.suffix.lower() in DOCUMENT_SUFFIXES and not _hidden(sub, p):
                    yield sub
        elif p.exists():
            yield p
        else:
            yield Skipped(str(p), "no such file or directory")


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _extract_one(path: str) -> ExtractionRecord | Skipped:
    from .pipeline import extract_path
    from .read import ReadError

    try:
        return extract_path(path)
    except ReadError as e:
        return Skipped(e.path, e.reason)


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def extract_many(paths: Iterable[str | Path], jobs: int | None = None, chunksize: int = 4) -> Iterator[ExtractionRecord | Skipped]:
    """Records (or Skipped entries) for every input, in input order, extracted by ``jobs`` workers."""
    items = list(walk(paths))
    files = [str(p) for p in items if isinstance(p, Path)]
    jobs = jobs or default_jobs()
    results: Iterator[ExtractionRecord | Skipped]
    if jobs <= 1 or len(files) <= 1:
        results = map(_extract_one, files)
        pool = None
    else:
        pool = ProcessPoolExecutor(max_workers=jobs)
        results = pool.map(_extract_one, files, chunksize=chunksize)
    try:
        it = iter(results)
        for item in items:
            yield item if isinstance(item, Skipped) else next(it)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _fragment_one(path: str):
    from .build.graph import fragment_from_record
    from .clean import clean_text
    from .pipeline import extract_clean
    from .read import ReadError, read_path

    try:
        clean = clean_text(read_path(path))
    except ReadError as e:
        return Skipped(e.path, e.reason)
    return fragment_from_record(extract_clean(clean), clean.source.text)


def build_fragments(paths: Iterable[str | Path], jobs: int | None = None, chunksize: int = 4):
    """Graph fragments (or Skipped entries) for every input, built in worker processes."""
    items = list(walk(paths))
    files = [str(p) for p in items if isinstance(p, Path)]
    jobs = jobs or default_jobs()
    pool = ProcessPoolExecutor(max_workers=jobs) if jobs > 1 and len(files) > 1 else None
    results = pool.map(_fragment_one, files, chunksize=chunksize) if pool else map(_fragment_one, files)
    try:
        it = iter(results)
        for item in items:
            yield item if isinstance(item, Skipped) else next(it)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
