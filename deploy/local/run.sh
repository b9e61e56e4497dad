#!/usr/bin/env bash
# One command to run CoachBot locally: private PostgreSQL (installed if missing), migrations,
# then the bot with its Hangfire server in one process. Ctrl-C stops the bot; `run.sh stop` stops the database.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

if [ "${1:-}" = "stop" ]; then exec bash deploy/local/postgres.sh stop; fi

bash deploy/local/postgres.sh start
psql "$(bash deploy/local/postgres.sh url postgres | sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Database=/dbname=/')" -tAc \
  "select 1 from pg_database where datname = 'coachbot'" | grep -q 1 \
  || psql "host=127.0.0.1 port=${COACHBOT_PG_PORT:-55432} user=coachbot dbname=postgres" -qc "create database coachbot"

export ConnectionStrings__CoachBot="$(bash deploy/local/postgres.sh url coachbot)"
dotnet build bot/CoachBot.Bot -c Release -nologo -v quiet
cd bot/CoachBot.Bot/bin/Release/net10.0
dotnet CoachBot.Bot.dll migrate
echo "CoachBot on http://127.0.0.1:5080  (health: /healthz, /readyz)  Ctrl-C to stop."
exec dotnet CoachBot.Bot.dll "$@"
