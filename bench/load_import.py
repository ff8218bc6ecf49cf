"""Load the import CSV files of an earlier ``legalkg build --bulk`` into an EMPTY embedded store,
timing each file and sampling the process's peak RSS; then, with ``--link``, link the undated
citations as the build does.  The load phase of the embedded 180k row of bench/RESULTS.md:

    python bench/load_import.py /tmp/legalkg-bench/bulk-big /tmp/legalkg-bench/embedded-180k --link

(the buffer pool is LEGALKG_EMBEDDED_MEMORY's; the 180k files needed 14g).
"""
from __future__ import annotations

import argparse
import os
import threading
import time

import psutil

from graph_builder.write import open_store
from graph_builder.write.ladybug_bulk import load_import_files
from graph_builder.write.neo4j_bulk import BulkFiles


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("csv_folder")
    ap.add_argument("store_folder")
    ap.add_argument("--link", action="store_true", help="then link undated citations (link_undated)")
    a = ap.parse_args()
    peak = [0]

    def sample() -> None:
        me = psutil.Process()
        while True:
            peak[0] = max(peak[0], me.memory_info().rss)
            time.sleep(0.5)

    threading.Thread(target=sample, daemon=True).start()

    def log(msg: str) -> None:
        print(f"{time.strftime('%T')} {msg} (RSS {psutil.Process().memory_info().rss >> 20} MiB)", flush=True)

    files = BulkFiles.from_folder(a.csv_folder)
    log(f"loadavg {os.getloadavg()[0]:.1f}; {len(files.nodes)} node files, {len(files.relationships)} relationship files")
    t0 = time.time()
    counts = load_import_files(files, a.store_folder, log=log)
    log(f"load: {time.time() - t0:.1f} s, {counts}, peak RSS {peak[0] >> 20} MiB, loadavg {os.getloadavg()[0]:.1f}")
    if a.link:
        t1 = time.time()
        with open_store(a.store_folder) as store:
            linked = store.link_undated()
            decisions = len(store.last_links)
        log(f"link_undated: {linked} links, {decisions} decisions, {time.time() - t1:.1f} s, "
            f"peak RSS {peak[0] >> 20} MiB, loadavg {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
