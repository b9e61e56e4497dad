#!/usr/bin/env bash
# Inbound benchmark: signed "/coach help" slash commands against CoachBot (the real Release binary on a throwaway
# bench_inbound_* database on the private PostgreSQL) and against a peer, a minimal Bolt for JavaScript 5.1 app.
# 32 connections, closed loop, a warm-up then a timed window per run, peer and CoachBot alternating, three pairs.
# Prints a markdown table (req/s, p50/p99 latency, non-200 answers, CoachBot/peer ratio per pair). Not part of CI.
#
#   tests/Benchmarks/inbound.sh
#   PAIRS=1 RUN_SECONDS=3 tests/Benchmarks/inbound.sh      # smoke run
#
# Settings (environment): PAIRS (3), RUN_SECONDS (10), WARMUP_SECONDS (3), CONNECTIONS (32), BENCH_USERS (400),
# COACHBOT_PG_PORT (55432); ports INBENCH_BOT_PORT (5380), INBENCH_PEER_PORT (5381), INBENCH_FAKE_PORT (5382).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

pairs="${PAIRS:-3}" seconds="${RUN_SECONDS:-10}" warmup="${WARMUP_SECONDS:-3}" connections="${CONNECTIONS:-32}" users="${BENCH_USERS:-400}"
bot_port="${INBENCH_BOT_PORT:-5380}" peer_port="${INBENCH_PEER_PORT:-5381}" fake_port="${INBENCH_FAKE_PORT:-5382}"
pg_port="${COACHBOT_PG_PORT:-55432}"
logs="$root/tests/Benchmarks/results"
mkdir -p "$logs"
say() { printf '%s\n' "$*" >&2; }

say "Building (Release)…"
dotnet build bot/CoachBot.Bot -c Release -nologo -v quiet >"$logs/inbound-build.log" 2>&1 || { tail -n 20 "$logs/inbound-build.log" >&2; exit 1; }
dotnet build tests/Benchmarks/Inbound/CoachBot.InboundBench -c Release -nologo -v quiet >>"$logs/inbound-build.log" 2>&1 || { tail -n 20 "$logs/inbound-build.log" >&2; exit 1; }
bench="$root/tests/Benchmarks/Inbound/CoachBot.InboundBench/bin/Release/net10.0/CoachBot.InboundBench.dll"
bot_dir="$root/bot/CoachBot.Bot/bin/Release/net10.0"

say "Installing the Bolt peer (npm ci)…"
(cd tests/Benchmarks/Inbound/peer && npm ci --no-audit --no-fund --loglevel=error >"$logs/inbound-npm.log" 2>&1) || { tail -n 20 "$logs/inbound-npm.log" >&2; exit 1; }

# The cluster may already run for another checkout on the same port; start this checkout's only if nothing answers.
pg="host=127.0.0.1 port=$pg_port user=coachbot dbname=postgres"
psql "$pg" -tAc 'select 1' >/dev/null 2>&1 || bash deploy/local/postgres.sh start
db="bench_inbound_$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
secret="$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql "$pg" -qc "drop database if exists $db with (force)" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

psql "$pg" -qc "create database $db"
export ConnectionStrings__CoachBot
ConnectionStrings__CoachBot="$(bash deploy/local/postgres.sh url "$db")"
export ASPNETCORE_ENVIRONMENT=Production Urls="http://127.0.0.1:$bot_port"
export Slack__SigningSecret="$secret" Slack__BotToken="xoxb-bench-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export Slack__ApiBaseUrl="http://127.0.0.1:$fake_port/api/"
say "Migrating $db…"
(cd "$bot_dir" && dotnet CoachBot.Bot.dll migrate) >"$logs/inbound-coachbot.log" 2>&1 || { tail -n 20 "$logs/inbound-coachbot.log" >&2; exit 1; }

say "Starting the Slack fake, the peer and CoachBot…"
dotnet "$bench" fake port="$fake_port" users="$users" >"$logs/inbound-fake.log" 2>&1 &
pids+=($!)
SLACK_SIGNING_SECRET="$secret" PEER_PORT="$peer_port" node tests/Benchmarks/Inbound/peer/app.js >"$logs/inbound-peer.log" 2>&1 &
pids+=($!)
(cd "$bot_dir" && exec dotnet CoachBot.Bot.dll) >>"$logs/inbound-coachbot.log" 2>&1 &
pids+=($!)
for url in "http://127.0.0.1:$fake_port/healthz" "http://127.0.0.1:$peer_port/healthz" "http://127.0.0.1:$bot_port/readyz"; do
  for _ in $(seq 1 90); do curl -fs "$url" >/dev/null 2>&1 && continue 2; sleep 1; done
  say "Not ready after 90 s: $url (logs in $logs/inbound-*.log)"; exit 1
done

run() { # $1 = target port; prints the generator's result line
  dotnet "$bench" load url="http://127.0.0.1:$1/slack/commands" secret="$secret" fake="http://127.0.0.1:$fake_port/" \
    seconds="$seconds" warmup="$warmup" connections="$connections" users="$users"
}
field() { sed -E "s/.*\b$1=([^ ]+).*/\1/" <<<"$2"; }

say "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM, load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
rows=()
for pair in $(seq 1 "$pairs"); do
  say "Pair $pair: peer…"; peer="$(run "$peer_port")"
  say "Pair $pair: CoachBot…"; bot="$(run "$bot_port")"
  ratio="$(awk -v b="$(field rps "$bot")" -v p="$(field rps "$peer")" 'BEGIN { printf "%.3f", b / p }')"
  for side in peer bot; do
    line="${!side}"
    name=$([ "$side" = peer ] && echo "Bolt-JS 5.1.0" || echo "CoachBot")
    rows+=("| $pair | $name | $(field requests "$line") | $(field rps "$line") | $(field p50 "$line") | $(field p99 "$line") | $(field non200 "$line") | $(field errors "$line") | $(field not_ephemeral "$line") | $([ "$side" = bot ] && echo "$ratio" || echo "") |")
  done
done

echo "Inbound \`/coach help\`: $connections connections, ${warmup} s warm-up + ${seconds} s per run, $users users; $(nproc) cores; $(date -u +%Y-%m-%d)"
echo
echo "| Pair | Server | Requests | req/s | p50 ms | p99 ms | Non-200 | Errors | Not ephemeral | CoachBot/peer req/s |"
echo "|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "Slack Web API calls CoachBot made (fake): $(curl -fs "http://127.0.0.1:$fake_port/stats")"
echo "CoachBot log lines marked fail:/crit: $(grep -cE '^(fail|crit):' "$logs/inbound-coachbot.log" || true)"
