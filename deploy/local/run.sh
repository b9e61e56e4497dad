#!/usr/bin/env bash
# One command to try CoachBot locally: private PostgreSQL (installed if missing), migrations, then CoachBot in demo mode
# with the local Slack workspace beside it. Open the printed URL; Ctrl-C stops both.
#   run.sh            demo: CoachBot (demo mode, Slack pointed at the local workspace) + the workspace on :5090
#   run.sh --no-demo  CoachBot alone, configured as usual (environment variables / user-secrets)
#   run.sh stop       stops the database
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

mode=demo
case "${1:-}" in
  stop) exec bash deploy/local/postgres.sh stop ;;
  --no-demo) mode=plain; shift ;;
  --demo) shift ;;
esac

# COACHBOT_DB and COACHBOT_PORT let a second copy run beside the first (another database, another port).
db="${COACHBOT_DB:-coachbot}"
case "$db" in (*[!a-z0-9_]*|'') echo "COACHBOT_DB must be lower-case letters, digits or _" >&2; exit 2 ;; esac
bash deploy/local/postgres.sh start
psql "host=127.0.0.1 port=${COACHBOT_PG_PORT:-55432} user=coachbot dbname=postgres" -tAc \
  "select 1 from pg_database where datname = '$db'" | grep -q 1 \
  || psql "host=127.0.0.1 port=${COACHBOT_PG_PORT:-55432} user=coachbot dbname=postgres" -qc "create database $db"
export ConnectionStrings__CoachBot="$(bash deploy/local/postgres.sh url "$db")"

bot_port="${COACHBOT_PORT:-5080}"
export Urls="http://127.0.0.1:$bot_port"
workspace_port="${COACHBOT_WORKSPACE_PORT:-5090}"
if [ "$mode" = demo ]; then
  # Local dummies shared by CoachBot and the workspace, generated once per cluster; not secrets of any real app.
  mkdir -p .local
  if [ ! -f .local/demo-slack.env ]; then
    printf 'DEMO_SIGNING_SECRET=%s\nDEMO_BOT_TOKEN=xoxb-local-%s\n' "$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
      "$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')" > .local/demo-slack.env
  fi
  # shellcheck disable=SC1091
  . .local/demo-slack.env
  # Teams__LocalNoAuth: the Agents Playground (deploy/teams/playground.sh) may talk to this demo bot without tokens.
  export ASPNETCORE_ENVIRONMENT=Demo Demo__Enabled=true Teams__LocalNoAuth=true
  export Slack__SigningSecret="$DEMO_SIGNING_SECRET" Slack__BotToken="$DEMO_BOT_TOKEN" Slack__ApiBaseUrl="http://127.0.0.1:$workspace_port/api/"
  dotnet build bot/CoachBot.LocalWorkspace -c Release -nologo -v quiet
fi

dotnet build bot/CoachBot.Bot -c Release -nologo -v quiet
(cd bot/CoachBot.Bot/bin/Release/net10.0 && dotnet CoachBot.Bot.dll migrate)

if [ "$mode" = plain ]; then
  echo "CoachBot on http://127.0.0.1:$bot_port  (health: /healthz, /readyz)  Ctrl-C to stop."
  cd bot/CoachBot.Bot/bin/Release/net10.0
  exec dotnet CoachBot.Bot.dll "$@"
fi

pids=()
stop_all() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop_all EXIT
trap 'exit 130' INT TERM

(cd bot/CoachBot.Bot/bin/Release/net10.0 && exec dotnet CoachBot.Bot.dll "$@") &
pids+=($!)
Workspace__SigningSecret="$DEMO_SIGNING_SECRET" Workspace__BotToken="$DEMO_BOT_TOKEN" \
  Workspace__CoachBotUrl="http://127.0.0.1:$bot_port/" Urls="http://127.0.0.1:$workspace_port" ASPNETCORE_ENVIRONMENT=Production \
  dotnet bot/CoachBot.LocalWorkspace/bin/Release/net10.0/CoachBot.LocalWorkspace.dll &
pids+=($!)

for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$bot_port/healthz" >/dev/null 2>&1 && curl -fs "http://127.0.0.1:$workspace_port/" >/dev/null 2>&1 && break
  sleep 1
done
echo
echo "CoachBot demo is running. Open the local Slack workspace:  http://127.0.0.1:$workspace_port"
echo "(CoachBot on http://127.0.0.1:$bot_port in demo mode; docs/demo.md explains the tour.)  Ctrl-C stops both."
wait -n "${pids[@]}"
