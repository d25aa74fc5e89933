#!/bin/sh
# Renders the same full question page with civic-components and with govuk-frontend 6.6.0's own
# Nunjucks templates (nunjucks 3.2.4), one core each, one after the other, and prints the ratio.
#
# Usage: components/benches/run.sh [SECONDS]   (default 5 per renderer)
# Needs `npm ci` at the workspace root and the built assets (cargo xtask setup does both).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-5}
cd "$root"
civic=$(CIVIC_BENCH_SECONDS="$seconds" cargo bench -q -p civic-components --bench question_page)
nunjucks=$(node components/benches/question_page.mjs "$seconds")
echo "$civic" | grep -v '^{'
echo "$nunjucks" | grep -v '^{'
field() { echo "$1" | grep '^{' | sed -n "s/.*\"$2\":\([0-9.]*\).*/\1/p"; }
awk -v c="$(field "$civic" pages_per_sec)" -v n="$(field "$nunjucks" pages_per_sec)" \
    -v mb="$(field "$civic" mb_per_sec)" 'BEGIN {
  printf "ratio: civic renders %.0fx as many pages per second as Nunjucks (target >= 100x)\n", c / n
  printf "civic throughput: %.1f MB/s of HTML on one core (target >= 500 MB/s)\n", mb
  if (c / n < 100 || mb < 500) { print "BELOW TARGET"; exit 1 }
}'
