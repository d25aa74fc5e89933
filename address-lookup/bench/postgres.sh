#!/usr/bin/env bash
# What a council would otherwise run, measured on the same data as examples/bench.rs:
# PostgreSQL with a B-tree on postcode and a pg_trgm GIN index on the address text.
#
#   CIVIC_BENCH_EXPORT=/tmp/civic-bench cargo run --release -p civic-address-lookup --example bench -- 100000
#   address-lookup/bench/postgres.sh /tmp/civic-bench [postgres://postgres@127.0.0.1:5432/test]
#
# Prints the load rate, postcode lookups per second on one connection (one core), and
# free-text top-10 latency p50/p99. Uses its own schema and drops it at the end.
set -euo pipefail
dir="${1:?usage: postgres.sh EXPORT_DIR [DATABASE_URL]}"
url="${2:-${CIVIC_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}}"
schema="civic_bench_$$"
seconds="${CIVIC_BENCH_SECONDS:-5}"
psql=(psql "$url" -q -v ON_ERROR_STOP=1)

trap '"${psql[@]}" -c "drop schema if exists $schema cascade" >/dev/null 2>&1 || true' EXIT
"${psql[@]}" <<SQL
create extension if not exists pg_trgm;
create schema $schema;
create table $schema.addresses (uprn bigint primary key, postcode text, line text not null);
create table $schema.postcodes (id serial primary key, postcode text not null);
create table $schema.queries (id serial primary key, q text not null);
SQL

start=$(date +%s.%N)
"${psql[@]}" -c "\\copy $schema.addresses from '$dir/addresses.csv' with (format csv)"
"${psql[@]}" <<SQL
create index on $schema.addresses (postcode);
create index on $schema.addresses using gin (line gin_trgm_ops);
analyze $schema.addresses;
SQL
end=$(date +%s.%N)
rows=$("${psql[@]}" -At -c "select count(*) from $schema.addresses")
"${psql[@]}" -c "\\copy $schema.postcodes (postcode) from '$dir/postcodes.txt'"
"${psql[@]}" -c "\\copy $schema.queries (q) from '$dir/queries.txt'"
npost=$("${psql[@]}" -At -c "select count(*) from $schema.postcodes")
nq=$("${psql[@]}" -At -c "select count(*) from $schema.queries")
echo "postgres load + index  $rows rows in $(echo "$end - $start" | bc) s = $(echo "$rows / ($end - $start)" | bc) addresses/s"
echo "postgres on disk       $("${psql[@]}" -At -c "select pg_total_relation_size('$schema.addresses')") bytes"

work=$(mktemp -d)
cat > "$work/postcode.sql" <<SQL
\\set i random(1, $npost)
select a.uprn, a.line from $schema.postcodes p join $schema.addresses a on a.postcode = p.postcode where p.id = :i order by a.line;
SQL
cat > "$work/search.sql" <<SQL
\\set i random(1, $nq)
select a.uprn, a.line from $schema.addresses a, (select q from $schema.queries where id = :i) s where a.line % s.q order by similarity(a.line, s.q) desc limit 10;
SQL
tps=$(pgbench "$url" -n -c 1 -T "$seconds" -f "$work/postcode.sql" 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
echo "postgres postcode      $tps lookups/s on one connection"
(cd "$work" && pgbench "$url" -n -c 1 -T "$seconds" -f search.sql -l >/dev/null 2>&1)
# pgbench's log: the third field is each transaction's latency in microseconds.
sort -n -k3 "$work"/pgbench_log.* | awk '{l[NR]=$3} END {printf "postgres free text     p50 %.2f ms, p99 %.2f ms over %d queries\n", l[int(NR*0.5)]/1000, l[int(NR*0.99)]/1000, NR}'
rm -rf "$work"
