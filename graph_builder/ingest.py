"""Walk input paths, extract every document in worker processes, stream the results, and report
what was skipped.

Nothing is lost silently: every file named on the command line either yields a result or a
``Skipped`` entry with the reason, and the run report lists them all.  Inside a folder,
document files (by suffix) are read; other files (``gold/*.json`` beside a corpus, hidden
files) are counted in the report as ignored.

Streaming and bounded memory: the walk is a generator (one folder listed at a time), at most
``in_flight`` chunks of ``chunksize`` files are submitted to the worker processes at once, and
results are yielded in input order as they arrive, so the parent never holds more than the
window, whatever the size of the corpus.  A worker that dies (killed, out of memory) costs
only the files of its chunks, each reported with the reason, and the pool is restarted.
"""
from __future__ import annotations

import json
import os
import stat
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from .model import ExtractionRecord

DOCUMENT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"}


@dataclass(slots=True)
class Skipped:
    path: str
    reason: str


@dataclass(slots=True)
class Extracted:
    """A document's extraction record as JSON text (cheap to pass between processes)."""

    path: str
    json: str


@dataclass(slots=True)
class RunReport:
    """What a run did: counts, every file it skipped with the reason, and the outcome."""

    command: str
    started: float = field(default_factory=time.time)
    documents: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    ignored: int = 0  # files inside walked folders that are not documents (by suffix) or hidden
    error: str | None = None  # a failure that stopped the run (e.g. the store became unreachable)
    exit_status: int = 0

    @property
    def ok(self) -> bool:
        return not self.skipped and self.error is None

    def count(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["seconds"] = round(time.time() - self.started, 3)
        d["skipped_by_reason"] = dict(Counter(_reason_class(s.reason) for s in self.skipped).most_common())
        return d

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


def _reason_class(reason: str) -> str:
    """A short class of a skip reason, for the summary ("binary file", "too large" …)."""
    head = reason.split(":")[0].split("(")[0].strip()
    return " ".join(head.split()[:6]) or reason


# ----------------------------------------------------------------------------- walking

@dataclass(slots=True)
class WalkStats:
    ignored: int = 0


def walk(paths: Iterable[str | Path], stats: WalkStats | None = None) -> Iterator[Path | Skipped]:
    """Files named directly (whatever their suffix), and document files found recursively under
    directories, in a stable order (each folder sorted by name).  Streams: one folder is listed
    at a time.  Paths that do not exist and folders that cannot be listed are ``Skipped``."""
    for raw in paths:
        p = Path(raw)
        try:
            st = p.stat()
        except FileNotFoundError:
            yield Skipped(str(p), "no such file or directory")
            continue
        except PermissionError:
            yield Skipped(str(p), "permission denied")
            continue
        except OSError as e:
            yield Skipped(str(p), e.strerror or str(e))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk_dir(p, stats)
        else:
            yield p


def _walk_dir(root: Path, stats: WalkStats | None) -> Iterator[Path | Skipped]:
    try:
        with os.scandir(root) as it:
            entries = sorted(it, key=lambda e: e.name)
    except PermissionError:
        yield Skipped(str(root), "permission denied (folder cannot be listed)")
        return
    except OSError as e:
        yield Skipped(str(root), f"folder cannot be listed: {e.strerror or e}")
        return
    for e in entries:
        if e.name.startswith("."):
            if stats is not None:
                stats.ignored += 1
            continue
        try:
            is_dir = e.is_dir(follow_symlinks=False)
            is_file = e.is_file()  # follows symlinks: a link to a file counts as that file
        except OSError:
            is_dir, is_file = False, False
        if is_dir:
            yield from _walk_dir(Path(e.path), stats)
        elif os.path.splitext(e.name)[1].lower() in DOCUMENT_SUFFIXES:
            if is_file:
                yield Path(e.path)
            else:
                yield Skipped(e.path, "broken link or not a regular file")
        elif stats is not None:
            stats.ignored += 1


def count_documents(paths: Iterable[str | Path]) -> int:
    """How many results a run over ``paths`` will yield (a cheap walk; for progress totals)."""
    return sum(1 for _ in walk(paths))


# ----------------------------------------------------------------------------- workers

def _guard(path: str, fn: Callable[[str], Any]) -> Any:
    """Run one document's work; any failure becomes a ``Skipped`` with the reason."""
    from .read import ReadError

    try:
        return fn(path)
    except ReadError as e:
        return Skipped(e.path, e.reason)
    except MemoryError:
        return Skipped(path, "out of memory while extracting")
    except RecursionError:
        return Skipped(path, "extraction failed: recursion too deep")
    except Exception as e:  # an extractor bug must cost one document, not the run
        return Skipped(path, f"extraction failed: {type(e).__name__}: {' '.join(str(e).split())[:300]}")


def _record(path: str) -> ExtractionRecord:
    from .pipeline import extract_path

    return extract_path(path)


def _record_json(path: str) -> Extracted:
    from .pipeline import extract_path

    return Extracted(path, extract_path(path).to_json())


def _fragment(path: str):
    from .build.graph import fragment_from_record
    from .clean import clean_text
    from .pipeline import extract_clean
    from .read import read_path

    clean = clean_text(read_path(path))
    return fragment_from_record(extract_clean(clean), clean.source.text)


def _bulk_rows(path: str):
    from .write.neo4j_bulk import fragment_rows

    return fragment_rows(_fragment(path))


WORKERS = {"record": _record, "json": _record_json, "fragment": _fragment, "bulk_rows": _bulk_rows}


def _run_chunk(kind: str, paths: list[str]) -> list:
    fn = WORKERS[kind]
    return [_guard(p, fn) for p in paths]


# ----------------------------------------------------------------------------- the stream

def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def stream(paths: Iterable[str | Path], kind: str, jobs: int | None = None, chunksize: int = 8,
           in_flight: int | None = None, stats: WalkStats | None = None) -> Iterator[Any]:
    """Results (or ``Skipped``) of ``kind`` work for every input, in input order.

    At most ``in_flight`` chunks (default 4 per worker) are outstanding: memory does not grow
    with the number of inputs."""
    jobs = jobs or default_jobs()
    items = walk(paths, stats)
    if jobs <= 1:
        for item in items:
            yield item if isinstance(item, Skipped) else _run_chunk(kind, [str(item)])[0]
        return
    in_flight = in_flight or jobs * 4
    window: deque = deque()  # (list of Skipped-or-path-str in order, future or None)

    def chunks() -> Iterator[tuple[list, list[str]]]:
        """Consecutive input items grouped so that each chunk has ≤ chunksize files."""
        while True:
            group, files = [], []
            for item in items:
                group.append(item)
                if not isinstance(item, Skipped):
                    files.append(str(item))
                    if len(files) >= chunksize:
                        break
            if not group:
                return
            yield group, files

    source = chunks()
    pool = _Pool(jobs)
    finished = False
    try:
        def fill() -> None:
            while len(window) < in_flight:
                nxt = next(source, None)
                if nxt is None:
                    return
                group, files = nxt
                fut = pool.submit(kind, files) if files else None
                window.append((group, files, fut))

        fill()
        while window:
            group, files, fut = window.popleft()
            results: list
            if fut is None:
                results = []
            else:
                try:
                    results = fut.result()
                except BrokenProcessPool:
                    # a worker died: this chunk and every outstanding one are lost; say so, restart
                    lost = [group] + [g for g, _, _ in window]
                    window.clear()
                    pool.restart()
                    for g in lost:
                        yield from _retry_alone(pool, kind, g)
                    fill()
                    continue
            it = iter(results)
            for item in group:
                yield item if isinstance(item, Skipped) else next(it)
            fill()
        finished = True
    finally:
        pool.close(wait=finished)


class _Pool:
    """A process pool that can be replaced after a worker died."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.ex = ProcessPoolExecutor(max_workers=jobs)

    def submit(self, kind: str, files: list[str]):
        return self.ex.submit(_run_chunk, kind, files)

    def restart(self) -> None:
        self.ex.shutdown(wait=False, cancel_futures=True)
        self.ex = ProcessPoolExecutor(max_workers=self.jobs)

    def close(self, wait: bool = False) -> None:
        # A finished run waits for its idle workers: shutdown(wait=False) left the executor's
        # wake-up pipe to the interpreter's exit, which then printed "Bad file descriptor".  A run
        # abandoned midway (an error, a closed generator) still returns at once.
        self.ex.shutdown(wait=wait, cancel_futures=True)


def _retry_alone(pool: _Pool, kind: str, group: list) -> Iterator[Any]:
    """After a worker died: run each file of a lost chunk on its own, so that only the file that
    kills a worker is lost (and reported)."""
    for item in group:
        if isinstance(item, Skipped):
            yield item
            continue
        try:
            yield pool.submit(kind, [str(item)]).result()[0]
        except BrokenProcessPool:
            yield Skipped(str(item), "worker process died while extracting this file (killed or out of memory)")
            pool.restart()


def extract_many(paths: Iterable[str | Path], jobs: int | None = None, chunksize: int = 8,
                 in_flight: int | None = None, stats: WalkStats | None = None
                 ) -> Iterator[ExtractionRecord | Skipped]:
    """Extraction records (or Skipped entries) for every input, in input order, streamed."""
    return stream(paths, "record", jobs, chunksize, in_flight, stats)


def extract_json_many(paths: Iterable[str | Path], jobs: int | None = None, chunksize: int = 8,
                      in_flight: int | None = None, stats: WalkStats | None = None
                      ) -> Iterator[Extracted | Skipped]:
    """Like ``extract_many``, but each record arrives as its JSON line (serialised in the worker)."""
    return stream(paths, "json", jobs, chunksize, in_flight, stats)


def build_fragments(paths: Iterable[str | Path], jobs: int | None = None, chunksize: int = 8,
                    in_flight: int | None = None, stats: WalkStats | None = None):
    """Graph fragments (or Skipped entries) for every input, built in worker processes, streamed."""
    return stream(paths, "fragment", jobs, chunksize, in_flight, stats)


def bulk_rows(paths: Iterable[str | Path], jobs: int | None = None, chunksize: int = 8,
              in_flight: int | None = None, stats: WalkStats | None = None):
    """Import-file rows (``write.neo4j_bulk.BulkRows``, or Skipped entries) for every input, made
    in worker processes, streamed: the bulk path's CSV formatting happens beside the extraction."""
    return stream(paths, "bulk_rows", jobs, chunksize, in_flight, stats)


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of at most ``size`` items (the last may be shorter)."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch
