#!/usr/bin/env bash
# The throughput benchmark against Postfix's smtp-sink, a real SMTP server that accepts and
# discards mail: 10,000 emails direct and through the SQLite outbox, one and several at a time.
#
#   notify/benches/smtp-sink.sh                       # from the workspace root
#   CIVIC_BENCH_EMAILS=2000 SMTP_SINK_PORT=2626 notify/benches/smtp-sink.sh
#
# Installs postfix (Debian, needs root) if /usr/sbin/smtp-sink is missing. The sink listens on
# 127.0.0.1:${SMTP_SINK_PORT:-2525} and is stopped when the script exits.
set -euo pipefail

port="${SMTP_SINK_PORT:-2525}"
export CIVIC_BENCH_EMAILS="${CIVIC_BENCH_EMAILS:-10000}"

if [ ! -x /usr/sbin/smtp-sink ]; then
    # postfix asks how mail is delivered unless told not to ask.
    DEBIAN_FRONTEND=noninteractive apt-get install -y postfix
fi

# -u: the user to run as when started by root; backlog 100 (the client opens a few connections).
sink_user="$(id -un)"
if [ "$(id -u)" = 0 ]; then
    sink_user=nobody
fi
/usr/sbin/smtp-sink -u "$sink_user" "127.0.0.1:$port" 100 &
sink=$!
trap 'kill "$sink" 2>/dev/null || true' EXIT
# Wait until it accepts connections.
for _ in $(seq 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        break
    fi
    sleep 0.1
done

echo "CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores"
echo "SMTP server: Postfix smtp-sink $(dpkg-query -W -f='${Version}' postfix 2>/dev/null || echo '(version unknown)')"
CIVIC_BENCH_SMTP="127.0.0.1:$port" cargo bench -p civic-notify --bench throughput
