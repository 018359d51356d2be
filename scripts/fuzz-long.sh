#!/usr/bin/env bash
# Fuzzes the mail parser for a long time: repeats the 30-second Jazzer run of MailParserFuzzTest until
# HOURS have passed or a finding stops it. The fuzzing corpus persists between runs in
# spamward-mime/target/.cifuzz-corpus/, so consecutive runs continue where the last one stopped.
# Usage: scripts/fuzz-long.sh [HOURS]   (default 4)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
hours=${1:-4}
end=$(( $(date +%s) + hours * 3600 ))
./mvnw -q -B -pl spamward-mime -am install -DskipTests -Dfuzz.skip=true
runs=0
while [ "$(date +%s)" -lt "$end" ]; do
  runs=$((runs + 1))
  # The normal test execution only replays the seeds of the same class; the fuzz-parser execution fuzzes.
  if ! ./mvnw -q -B -o -pl spamward-mime integration-test -Dtest=MailParserFuzzTest; then
    echo "fuzz-long: finding after $runs runs; see spamward-mime/target/crash-* and target/fuzz-reports/" >&2
    exit 1
  fi
done
echo "fuzz-long: $runs runs of 30 s without a finding" >&2
