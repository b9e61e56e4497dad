#!/usr/bin/env bash
# Inbound benchmark: signed "/coach help" slash commands and message.im events against CoachBot (the real Release
# binary on a throwaway bench_inbound_* database on the private PostgreSQL) and against a peer, a minimal Bolt for
# JavaScript 5.1 app. 32 connections, a warm-up then a timed window per run, peer and CoachBot alternating, three pairs
# of each of:
#   (a) /coach help, closed loop: max req/s, CoachBot/peer ratio;
#   (b) /coach help at a fixed rate of half CoachBot's mean max from (a), both servers: p50/p99 from when each request was due;
#   (c) message.im events, closed loop: ack req/s and ratio; then, on CoachBot, the job side: every recorded event worked
#       (claim, core, reply posted to the fake, completion), events per second from the first receipt to the last completion.
# Prints markdown tables. Not part of CI.
#
#   tests/Benchmarks/inbound.sh
#   PAIRS=1 RUN_SECONDS=3 tests/Benchmarks/inbound.sh      # smoke run
#
# Settings (environment): PAIRS (3), RUN_SECONDS (10), WARMUP_SECONDS (3), CONNECTIONS (32), BENCH_USERS (400), EVENT_TEXT (help),
# COACHBOT_PG_PORT (55432); ports INBENCH_BOT_PORT (5380), INBENCH_PEER_PORT (5381), INBENCH_FAKE_PORT (5382).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

pairs="${PAIRS:-3}" seconds="${RUN_SECONDS:-10}" warmup="${WARMUP_SECONDS:-3}" connections="${CONNECTIONS:-32}" users="${BENCH_USERS:-400}"
event_text="${EVENT_TEXT:-help}"
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
# The job side of (c) answers every message.im with chat.postMessage to the fake, which has no limit: Slack's own pacing
# (1 post per channel per second, 600 per workspace per minute) would make (c) measure the pacing, which the nudge
# benchmark covers, instead of the job.
export Slack__PostPerChannelPerSecond=100 Slack__PostPerWorkspacePerMinute=100000
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

run() { # $1 = target port, $2 = path, then extra generator arguments; prints the generator's result line
  local port="$1" path="$2"; shift 2
  dotnet "$bench" load url="http://127.0.0.1:$port$path" secret="$secret" fake="http://127.0.0.1:$fake_port/" \
    seconds="$seconds" warmup="$warmup" connections="$connections" users="$users" "$@"
}
field() { sed -E "s/.*\b$1=([^ ]+).*/\1/" <<<"$2"; }
ratio() { awk -v b="$1" -v p="$2" 'BEGIN { printf "%.3f", b / p }'; }
sql() { psql "host=127.0.0.1 port=$pg_port user=coachbot dbname=$db" -tAc "$1"; }
row() { # $1 pair, $2 side, $3 result line, $4 ratio
  local name; name=$([ "$2" = peer ] && echo "Bolt-JS 5.1.0" || echo "CoachBot")
  echo "| $1 | $name | $(field requests "$3") | $(field rps "$3") | $(field p50 "$3") | $(field p99 "$3") | $(field non200 "$3") | $(field errors "$3") | $(field not_ephemeral "$3") | $4 |"
}

say "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM, load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
header="| Pair | Server | Requests | req/s | p50 ms | p99 ms | Non-200 | Errors | Not ephemeral | CoachBot/peer |"
rule="|---|---|---|---|---|---|---|---|---|---|"

rows_a=(); bot_rates=()
for pair in $(seq 1 "$pairs"); do
  say "(a) pair $pair: peer…"; peer="$(run "$peer_port" /slack/commands)"
  say "(a) pair $pair: CoachBot…"; bot="$(run "$bot_port" /slack/commands)"
  bot_rates+=("$(field rps "$bot")")
  r="$(ratio "$(field rps "$bot")" "$(field rps "$peer")")"
  rows_a+=("$(row "$pair" peer "$peer" "")" "$(row "$pair" bot "$bot" "$r× req/s")")
done
half="$(printf '%s\n' "${bot_rates[@]}" | awk '{ s += $1 } END { printf "%.0f", s / NR / 2 }')"

rows_b=()
for pair in $(seq 1 "$pairs"); do
  say "(b) pair $pair at $half req/s: peer…"; peer="$(run "$peer_port" /slack/commands rate="$half")"
  say "(b) pair $pair at $half req/s: CoachBot…"; bot="$(run "$bot_port" /slack/commands rate="$half")"
  r="$(ratio "$(field p99 "$bot")" "$(field p99 "$peer")")"
  rows_b+=("$(row "$pair" peer "$peer" "")" "$(row "$pair" bot "$bot" "$r× p99")")
done

rows_c=(); rows_job=()
for pair in $(seq 1 "$pairs"); do
  say "(c) pair $pair: peer…"; peer="$(run "$peer_port" /slack/events mode=events text="$event_text")"
  first_id="$(sql "select coalesce(max(id), 0) from slack_inbound")"
  say "(c) pair $pair: CoachBot…"; bot="$(run "$bot_port" /slack/events mode=events text="$event_text")"
  r="$(ratio "$(field rps "$bot")" "$(field rps "$peer")")"
  rows_c+=("$(row "$pair" peer "$peer" "")" "$(row "$pair" bot "$bot" "$r× req/s")")
  for _ in $(seq 1 300); do
    [ "$(sql "select count(*) from slack_inbound where id > $first_id and processed_at is null")" = 0 ] && break; sleep 1
  done
  rows_job+=("| $pair | $(sql "select count(*) || ' | ' || count(*) filter (where processed_at is null) || ' | ' || round(extract(epoch from max(processed_at) - min(received_at))::numeric, 1) || ' | ' || round(count(*) filter (where processed_at is not null) / nullif(extract(epoch from max(processed_at) - min(received_at)), 0)::numeric, 1) || ' | ' || string_agg(distinct coalesce(outcome, 'pending'), ', ') from slack_inbound where id > $first_id") |")
done

echo "Inbound: $connections connections, ${warmup} s warm-up + ${seconds} s per run, $users users; $(nproc) cores; $(date -u +%Y-%m-%d)"
echo
echo "(a) \`/coach help\`, closed loop"
echo; echo "$header"; echo "$rule"; printf '%s\n' "${rows_a[@]}"
echo
echo "(b) \`/coach help\` at a fixed $half req/s (half CoachBot's mean from (a)); latency from when each request was due"
echo; echo "$header"; echo "$rule"; printf '%s\n' "${rows_b[@]}"
echo
echo "(c) message.im events (text \"$event_text\"), closed loop: the ack"
echo; echo "$header"; echo "$rule"; printf '%s\n' "${rows_c[@]}"
echo
echo "(c) the job side on CoachBot: every event recorded during the run (warm-up included), first receipt to last completion"
echo
echo "| Pair | Events recorded | Left unprocessed | Seconds | Events processed/s | Outcomes |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows_job[@]}"
echo
echo "Slack Web API calls CoachBot made (fake): $(curl -fs "http://127.0.0.1:$fake_port/stats")"
echo "CoachBot log lines marked fail:/crit: $(grep -cE '^(fail|crit):' "$logs/inbound-coachbot.log" || true)"
