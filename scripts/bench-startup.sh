#!/usr/bin/env bash
# Start-up benchmark: wall time of `./spamward version` (launcher included) with and without the JDK
# AOT cache, with hyperfine (Debian package hyperfine). Prints a Markdown table with the medians
# (the target is a median: on a shared machine the mean is dominated by a few stalled runs).
# Usage: scripts/bench-startup.sh [RUNS]   (default 30)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-30}
command -v hyperfine >/dev/null || { echo "bench-startup: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
./spamward version >/dev/null        # builds the jar and the AOT cache if needed
out=$(mktemp)
hyperfine -N --warmup 5 --runs "$runs" --export-json "$out" \
  -n 'spamward version (AOT cache)' './spamward version' \
  -n 'spamward version (no AOT cache)' 'env SPAMWARD_AOT=0 ./spamward version' >&2
python3 - "$out" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))["results"]
print("| Command | Median [ms] | Min [ms] | Mean [ms] | Runs |")
print("|:---|---:|---:|---:|---:|")
for r in rows:
    print(f"| `{r['command']}` | {r['median']*1000:.0f} | {r['min']*1000:.0f} | {r['mean']*1000:.0f} | {len(r['times'])} |")
PY
rm -f "$out"
