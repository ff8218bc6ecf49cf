"""synth: a synthetic corpus of Vietnamese government documents, with gold annotation beside it.

    legalkg synth --docs 10000 -o corpus/ --seed 1

writes ``corpus/docs/NNN/<index>_<kind>_<province>_<year>.txt`` (or ``.md``) and, for each
document, ``corpus/gold/<same name>.json`` in the schema of the shared gold annotation
(``source`` names the document file), so that ``score_extraction.py --gold corpus/gold``
scores an extraction run over ``corpus/``.  Output is a pure function of (seed, index):
the same seed gives the same corpus whatever the number of worker processes.

The documents are composed from the grammar of Vietnamese administrative documents (headers,
citation forms, agency headings, "Giao … chủ trì, phối hợp với …" sentences, target lists),
over a deterministic universe of document identities (``universe``) in which numbers repeat
across years and provinces.  See ``compose`` for what each document contains.
"""
from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from .compose import compose

__all__ = ["compose", "generate", "SynthResult", "SHARD"]

SHARD = 1000  # documents per sub-folder of docs/
GENERATOR_VERSION = 1


@dataclass(slots=True)
class SynthResult:
    docs: int
    bytes: int
    out: Path


def doc_dir(out: Path, index: int) -> Path:
    return out / "docs" / f"{index // SHARD:03d}"


def gold_json(gold: dict) -> str:
    """The gold record as JSON, one list item per line (readable, and written by the C encoder:
    ``indent=`` would take the pure-Python one, a third of the generation time)."""
    dumps = json.dumps
    parts = []
    for k, v in gold.items():
        if isinstance(v, list) and v:
            items = ",\n".join("    " + dumps(x, ensure_ascii=False) for x in v)
            parts.append(f"  {dumps(k)}: [\n{items}\n  ]")
        else:
            parts.append(f"  {dumps(k)}: {dumps(v, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _write_range(out: str, seed: int, start: int, stop: int) -> tuple[int, int]:
    root = Path(out)
    gold_dir = root / "gold"
    total = 0
    for i in range(start, stop):
        name, text, gold = compose(seed, i)
        data = text.encode("utf-8")
        total += len(data)
        (doc_dir(root, i) / name).write_bytes(data)
        stem = name.rsplit(".", 1)[0]
        (gold_dir / f"{stem}.json").write_text(gold_json(gold), encoding="utf-8")
    return stop - start, total


def generate(n: int, out: str | Path, seed: int = 0, jobs: int | None = None, chunk: int = 200,
             force: bool = False, on_progress: Callable[[int], None] | None = None) -> SynthResult:
    """Write ``n`` documents and their gold records under ``out`` with ``jobs`` processes."""
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        if not force:
            raise FileExistsError(f"{out} is not empty (use --force to replace a corpus there)")
        for sub in ("docs", "gold"):
            shutil.rmtree(out / sub, ignore_errors=True)
        (out / "manifest.json").unlink(missing_ok=True)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    for s in range((n + SHARD - 1) // SHARD):
        (out / "docs" / f"{s:03d}").mkdir(parents=True, exist_ok=True)
    jobs = max(1, jobs or os.cpu_count() or 1)
    ranges = [(a, min(n, a + chunk)) for a in range(0, n, chunk)]
    docs = size = 0
    if jobs == 1 or len(ranges) == 1:
        for a, b in ranges:
            k, t = _write_range(str(out), seed, a, b)
            docs, size = docs + k, size + t
            if on_progress:
                on_progress(k)
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            # at most a few ranges in flight per worker: the parent holds no documents
            pending = set()
            it = iter(ranges)
            for a, b in it:
                pending.add(pool.submit(_write_range, str(out), seed, a, b))
                if len(pending) >= jobs * 3:
                    break
            while pending:
                done = next(as_completed(pending))
                pending.discard(done)
                k, t = done.result()
                docs, size = docs + k, size + t
                if on_progress:
                    on_progress(k)
                nxt = next(it, None)
                if nxt is not None:
                    pending.add(pool.submit(_write_range, str(out), seed, *nxt))
    manifest = {"generator": "legalkg synth", "version": GENERATOR_VERSION, "seed": seed, "docs": n,
                "bytes": size, "layout": {"documents": "docs/NNN/", "gold": "gold/ (one JSON per document, "
                                          "schema of shared/gold/README.md)"}}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return SynthResult(docs, size, out)
