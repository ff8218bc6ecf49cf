"""Throughput of the read and clean stages (not part of the unit tests).

    .venv/bin/python bench/read_clean.py [FILES...]     (default: ../shared/seeds/*.txt)

Prints MB/s (UTF-8 bytes of text per second, best of 5) for: read_path on the files, clean on
each document separately, and clean on all documents concatenated and repeated to ~10 MB.
"""
from __future__ import annotations

import glob
import sys
import time
from pathlib import Path

from graph_builder.clean import clean_text
from graph_builder.model import SourceText
from graph_builder.read import read_path


def best(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv: list[str]) -> None:
    default = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    files = argv or sorted(glob.glob(str(default / "*.txt")))
    if not files:
        sys.exit("no input files")
    sources = [read_path(f) for f in files]
    file_bytes = sum(Path(f).stat().st_size for f in files)
    text_bytes = sum(len(s.text.encode("utf-8")) for s in sources)
    reps = max(1, int(10e6 // max(text_bytes, 1)))
    big = SourceText("concatenated", "\n".join(s.text for s in sources) * reps, "utf-8", "txt", "")
    big_bytes = len(big.text.encode("utf-8"))

    t_read = best(lambda: [read_path(f) for f in files])
    t_each = best(lambda: [clean_text(s) for s in sources])
    t_big = best(lambda: clean_text(big), repeat=3)
    print(f"{len(files)} files, {file_bytes / 1e6:.2f} MB")
    print(f"read_path              {file_bytes / t_read / 1e6:8.1f} MB/s")
    print(f"clean (per document)   {text_bytes / t_each / 1e6:8.1f} MB/s")
    print(f"clean ({big_bytes / 1e6:.1f} MB text)    {big_bytes / t_big / 1e6:8.1f} MB/s")


if __name__ == "__main__":
    main(sys.argv[1:])
