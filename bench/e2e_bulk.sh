#!/usr/bin/env bash
# One corpus end to end into a wiped Neo4j with `legalkg build --bulk`, each phase time-stamped and
# the peak RSS of the legalkg process tree sampled (the 180k row of bench/RESULTS.md).
#
#   bash bench/e2e_bulk.sh CORPUS [WORK]      e.g. bash bench/e2e_bulk.sh /tmp/legalkg-bench/synth-180000-s1
#
# The server of $LEGALKG_NEO4J_PORT (default 7720, home WORK/neo4j-<port>) is WIPED first.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CORPUS=${1:?corpus folder (legalkg synth -o …)}
WORK=${2:-${TMPDIR:-/tmp}/legalkg-bench}
export LEGALKG_NEO4J_PORT=${LEGALKG_NEO4J_PORT:-7720}
export LEGALKG_NEO4J_DIR=${LEGALKG_NEO4J_DIR:-$WORK/neo4j-$LEGALKG_NEO4J_PORT}
export LEGALKG_NEO4J_HEAP=${LEGALKG_NEO4J_HEAP:-4g} LEGALKG_NEO4J_PAGECACHE=${LEGALKG_NEO4J_PAGECACHE:-4g}
export LEGALKG_NEO4J_ADMIN_HEAP=${LEGALKG_NEO4J_ADMIN_HEAP:-768m}
# neo4j-admin's memory: with these two its JVM peaked at 2,109 MiB on the 180k files, in the time the
# third session's run took with a 2g heap and the tool's default off-heap (bench/RESULTS.md)
export LEGALKG_NEO4J_IMPORT_OFFHEAP=${LEGALKG_NEO4J_IMPORT_OFFHEAP:-256m}
PY="$REPO/.venv/bin/python"; LEGALKG="$REPO/.venv/bin/legalkg"
mkdir -p "$WORK"
bash "$REPO/scripts/neo4j" clean
rm -rf "$WORK/bulk-e2e"
eval "$(bash "$REPO/scripts/neo4j" start | grep ^export)"
stamp() { while IFS= read -r line; do echo "$(date +%T) $line"; done; }
echo "commit $(git -C "$REPO" rev-parse --short HEAD), loadavg $(cut -d' ' -f1-3 /proc/loadavg)" | stamp
t0=$(date +%s)
"$LEGALKG" build "$CORPUS" --bulk --bulk-dir "$WORK/bulk-e2e" --store "$NEO4J_URI" \
    --report "$WORK/e2e-bulk-report.json" 2>&1 | stamp &
sleep 2
"$PY" - "$(pgrep -f "legalkg build $CORPUS --bulk" | head -1)" <<'PYEOF' &
import sys, time, psutil
peak = 0
try:
    root = psutil.Process(int(sys.argv[1]))
    while root.is_running() and root.status() != psutil.STATUS_ZOMBIE:
        try:
            peak = max(peak, sum(p.memory_info().rss for p in [root, *root.children(recursive=True)]))
        except psutil.Error:
            pass
        time.sleep(1)
except (psutil.Error, ValueError):
    pass
print(f"peak RSS of the legalkg process tree: {peak / 2**20:.0f} MiB", flush=True)
PYEOF
wait
echo "end to end: $(( $(date +%s) - t0 )) s, loadavg $(cut -d' ' -f1-3 /proc/loadavg)" | stamp
"$LEGALKG" stats --store "$NEO4J_URI"
