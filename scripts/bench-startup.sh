#!/usr/bin/env bash
# Start-up benchmark: wall time of `./spamward version` (launcher included) with and without the JDK
# AOT cache, with hyperfine (Debian package hyperfine). Prints a Markdown table.
# Usage: scripts/bench-startup.sh [RUNS]   (default 30)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-30}
command -v hyperfine >/dev/null || { echo "bench-startup: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
./spamward version >/dev/null        # builds the jar and the AOT cache if needed
out=$(mktemp)
hyperfine -N --warmup 5 --runs "$runs" --export-markdown "$out" \
  -n 'spamward version (AOT cache)' './spamward version' \
  -n 'spamward version (no AOT cache)' 'env SPAMWARD_AOT=0 ./spamward version' >&2
cat "$out"
rm -f "$out"
