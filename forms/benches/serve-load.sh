#!/bin/sh
# Load test of `civic forms serve` itself (issue #7, item 11): builds `civic` in release, serves
# pothole.yaml on 127.0.0.1 with its SQLite session store, and drives it with post_answer.rs's
# 100 concurrent keep-alive clients (each with its own session and CSRF token) POSTing one
# answer that validates, is saved and is answered with a 303; a bare axum handler is measured
# in the same run. Prints POSTs/s, p50, p99, the ratio to bare, the server's CPU use, the
# SQLite modes the server runs with, the CPU and the load average.
#
# Run from anywhere: sh forms/benches/serve-load.sh
# CIVIC_BENCH_SECONDS sets how long each server is driven (default 5).
set -eu

cd "$(dirname "$0")/../.."
cargo build --release -p civic-cli --bin civic
target=$(cargo metadata --format-version 1 --no-deps | sed 's/.*"target_directory":"\([^"]*\)".*/\1/')
# Built before the server starts, so the compiler does not share the CPUs with the run.
cargo bench -p civic-forms --features axum --bench post_answer --no-run

dir=$(mktemp -d)
# --port 0: a free port, printed in the first line. The clients share one address, so the
# per-client rate limit is off.
"$target/release/civic" forms serve --port 0 --no-rate-limit \
    --database "sqlite://$dir/forms.db?mode=rwc" forms/benches/pothole.yaml >"$dir/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; rm -rf "$dir"' EXIT INT TERM

tries=0
until grep -q '^Sessions and submissions' "$dir/serve.log"; do
    tries=$((tries + 1))
    if [ "$tries" -gt 100 ] || ! kill -0 "$server" 2>/dev/null; then
        cat "$dir/serve.log" >&2
        echo "civic forms serve did not start" >&2
        exit 1
    fi
    sleep 0.1
done
url=$(sed -n 's/^Serving .* at \(http:[^ ]*\)$/\1/p' "$dir/serve.log")

# The server's CPU time (user + system, in clock ticks) from /proc, before and after.
ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
before=$(ticks)
started=$(date +%s.%N)
CIVIC_BENCH_TARGET="$url/location" cargo bench -p civic-forms --features axum --bench post_answer
ended=$(date +%s.%N)
after=$(ticks)

echo
grep '^Sessions and submissions' "$dir/serve.log" | sed 's/^/server: /'
awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" -v s="$started" -v e="$ended" 'BEGIN {
    printf "server CPU: %.1f s over the %.1f s run (both servers driven in turn; the bare one is in the load process)\n", t / hz, e - s
}'
echo "CPU: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs"
echo "load average: $(uptime | sed 's/.*load average: //')"
