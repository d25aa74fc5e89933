#!/bin/sh
# The demo's load test, full run: builds the demo and the load generator in release mode,
# then 10,000 simulated residents (200 at once, at most 120 s) complete the missed-bin journey
# against one instance on SQLite, then against two instances sharing PostgreSQL (when
# CIVIC_TEST_DATABASE_URL names a server; a fresh database is created and dropped there).
# Everything runs on 127.0.0.1. Exits non-zero on any error, lost or crossed submission.
#
#   examples/load/run.sh [--journeys N] [--concurrency C] [--seconds S]
set -eu
cd "$(dirname "$0")/../.."
cargo build --release -p civic-demo --bin civic-demo --example load
target="${CARGO_TARGET_DIR:-target}/release"
"$target/examples/load" --demo "$target/civic-demo" --journeys 10000 --concurrency 200 --seconds 120 "$@"
if [ -n "${CIVIC_TEST_DATABASE_URL:-}" ]; then
    "$target/examples/load" --demo "$target/civic-demo" --journeys 10000 --concurrency 200 --seconds 120 \
        --postgres "$CIVIC_TEST_DATABASE_URL" "$@"
else
    echo "SKIPPED two instances on PostgreSQL: CIVIC_TEST_DATABASE_URL is not set"
fi
