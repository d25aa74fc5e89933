#!/bin/sh
# The demo's load test, full run: builds the demo and the load generator in release mode,
# then 10,000 simulated residents (200 at once, at most 120 s) complete the missed-bin journey
# against one instance on SQLite, then against two instances sharing PostgreSQL (when
# CIVIC_TEST_DATABASE_URL names a server; a fresh database is created and dropped there).
# Everything runs on 127.0.0.1. Exits non-zero on any error, lost or crossed submission or
# missing email. Prints what examples/README.md's table needs: the CPU, the load average, how
# long this disk takes to sync a write, and each run's figures.
#
#   examples/load/run.sh [--journeys N] [--concurrency C] [--seconds S]
set -eu
cd "$(dirname "$0")/../.."
cargo build --release -p civic-demo --bin civic-demo --example load
target="${CARGO_TARGET_DIR:-target}/release"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "lscpu: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs"
echo "uptime:$(uptime)"
# One synced 4 KiB write at a time, 200 times, where SQLite's database goes (the temp folder).
sync_file="${TMPDIR:-/tmp}/civic-load-sync-$$"
synced=$(dd if=/dev/zero of="$sync_file" bs=4k count=200 oflag=dsync 2>&1 | sed -n 's/.*copied, \([0-9.]*\) s.*/\1/p')
rm -f "$sync_file"
echo "disk: ${synced:-?} s for 200 synced writes (dd oflag=dsync) in ${TMPDIR:-/tmp}"
status=0
set -x
"$target/examples/load" --demo "$target/civic-demo" --journeys 10000 --concurrency 200 --seconds 120 "$@" || status=$?
set +x
if [ -n "${CIVIC_TEST_DATABASE_URL:-}" ]; then
    set -x
    "$target/examples/load" --demo "$target/civic-demo" --journeys 10000 --concurrency 200 --seconds 120 \
        --postgres "$CIVIC_TEST_DATABASE_URL" "$@" || status=$?
    set +x
else
    echo "SKIPPED two instances on PostgreSQL: CIVIC_TEST_DATABASE_URL is not set"
fi
echo "uptime:$(uptime)"
exit "$status"
