#!/usr/bin/env bash
# Runs CoachBot locally against the private PostgreSQL cluster (postgres.sh), prints the URL; Ctrl-C stops both.
#   run.sh            demo: CoachBot (demo mode, Slack pointed at the local workspace) + the workspace on :5090
#   run.sh --no-demo  CoachBot alone, configured as usual (environment variables / user-secrets)
#   run.sh stop       stops the database
# Settings (environment): COACHBOT_PORT (5080), COACHBOT_WORKSPACE_PORT (5090), COACHBOT_DB (coachbot),
# COACHBOT_PG_PORT (55432), COACHBOT_LOCAL_DIR (the cluster's folder, .local), COACHBOT_SLACK_MODE (http, or socket: the
# workspace reaches CoachBot over Slack Socket Mode instead of signed HTTP posts). The console shows short progress lines,
# the URL, and after that only errors; build output and both programs' logs go to .local/logs/.
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
bot_port="${COACHBOT_PORT:-5080}"
workspace_port="${COACHBOT_WORKSPACE_PORT:-5090}"
pg_port="${COACHBOT_PG_PORT:-55432}"

# This checkout's own files: logs, the demo's shared dummies and the workspace history (the cluster may live elsewhere).
state="$root/.local"
logs="$state/logs"
mkdir -p "$logs"
say() { printf '%s\n' "$*"; }

# A step's output goes to its log; on failure the console gets the last lines and where the rest is.
quietly() {
  local log="$1"; shift
  if ! "$@" >>"$log" 2>&1; then
    echo "Failed: $*" >&2
    grep -E ' error |: error|cannot start' "$log" | sort -u | tail -n 20 >&2 || tail -n 20 "$log" >&2
    echo "Full output: $log" >&2
    exit 1
  fi
}

say "Starting PostgreSQL…"
: > "$logs/postgres.log"
quietly "$logs/postgres.log" bash deploy/local/postgres.sh start
pg="host=127.0.0.1 port=$pg_port user=coachbot dbname=postgres"
psql "$pg" -tAc "select 1 from pg_database where datname = '$db'" | grep -q 1 || psql "$pg" -qc "create database $db" >>"$logs/postgres.log"
export ConnectionStrings__CoachBot="$(bash deploy/local/postgres.sh url "$db")"
export Urls="http://127.0.0.1:$bot_port"

if [ "$mode" = demo ]; then
  # Local dummies shared by CoachBot and the workspace, generated once per checkout; not secrets of any real app.
  if [ ! -f "$state/demo-slack.env" ]; then
    printf 'DEMO_SIGNING_SECRET=%s\nDEMO_BOT_TOKEN=xoxb-local-%s\n' "$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
      "$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')" > "$state/demo-slack.env"
  fi
  # shellcheck disable=SC1091
  . "$state/demo-slack.env"
  # Teams__LocalNoAuth: the Agents Playground (deploy/teams/playground.sh) may talk to this demo bot without tokens.
  export ASPNETCORE_ENVIRONMENT=Demo Demo__Enabled=true Teams__LocalNoAuth=true
  export Slack__SigningSecret="$DEMO_SIGNING_SECRET" Slack__BotToken="$DEMO_BOT_TOKEN" Slack__ApiBaseUrl="http://127.0.0.1:$workspace_port/api/"
  # The console at /console signs people in through the workspace's local "Sign in with Slack"; Lars is its first admin.
  grep -q '^DEMO_CONSOLE_CLIENT_ID=' "$state/demo-slack.env" \
    || printf 'DEMO_CONSOLE_CLIENT_ID=local-console\nDEMO_CONSOLE_CLIENT_SECRET=%s\n' "$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')" >> "$state/demo-slack.env"
  # shellcheck disable=SC1091
  . "$state/demo-slack.env"
  export Console__Enabled=true Console__RequireHttpsMetadata=false Console__Slack__Authority="http://127.0.0.1:$workspace_port" \
    Console__Slack__ClientId="$DEMO_CONSOLE_CLIENT_ID" Console__Slack__ClientSecret="$DEMO_CONSOLE_CLIENT_SECRET" Coaching__Admins__0=U0MGRLARS
  # Other opt-ins for the demo go here, beside Teams__LocalNoAuth above.
  slack_mode="${COACHBOT_SLACK_MODE:-http}"
  case "$slack_mode" in (http|socket) ;; (*) echo "COACHBOT_SLACK_MODE must be http or socket" >&2; exit 2 ;; esac
  workspace_app_token=
  if [ "$slack_mode" = socket ]; then
    grep -q '^DEMO_APP_TOKEN=' "$state/demo-slack.env" \
      || printf 'DEMO_APP_TOKEN=xapp-local-%s\n' "$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')" >> "$state/demo-slack.env"
    # shellcheck disable=SC1091
    . "$state/demo-slack.env"
    export Slack__AppToken="$DEMO_APP_TOKEN"
    workspace_app_token="$DEMO_APP_TOKEN"
  fi
fi

say "Building… (output: .local/logs/build.log)"
: > "$logs/build.log"
# One build of everything run.sh starts: one restore, one summary, each warning once.
if [ "$mode" = demo ]; then target=deploy/local/demo.slnf; else target=bot/CoachBot.Bot; fi
quietly "$logs/build.log" dotnet build "$target" -c Release -nologo -v quiet
bot_dir="$root/bot/CoachBot.Bot/bin/Release/net10.0"
: > "$logs/coachbot.log"
quietly "$logs/coachbot.log" bash -c "cd '$bot_dir' && dotnet CoachBot.Bot.dll migrate"

if [ "$mode" = plain ]; then
  say "Starting CoachBot on http://127.0.0.1:$bot_port  (health: /healthz, /readyz)  Ctrl-C to stop."
  cd "$bot_dir"
  exec dotnet CoachBot.Bot.dll "$@"
fi

pids=()
stop_all() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop_all EXIT
trap 'exit 130' INT TERM

# Logs go to their files; the console only gets errors (lines the loggers mark "fail:" or "crit:", and crashes).
errors_only() { grep --line-buffered -E '^(fail|crit):|Unhandled exception|cannot start' >&2 || true; }

say "Starting CoachBot… (log: .local/logs/coachbot.log)"
(cd "$bot_dir" && exec dotnet CoachBot.Bot.dll "$@") > >(tee -a "$logs/coachbot.log" | errors_only) 2>&1 &
pids+=($!)
say "Starting the local Slack workspace… (log: .local/logs/workspace.log, history: .local/workspace-state.json)"
: > "$logs/workspace.log"
Workspace__SigningSecret="$DEMO_SIGNING_SECRET" Workspace__BotToken="$DEMO_BOT_TOKEN" Workspace__AppToken="$workspace_app_token" \
  Workspace__SignInClientId="$DEMO_CONSOLE_CLIENT_ID" Workspace__SignInClientSecret="$DEMO_CONSOLE_CLIENT_SECRET" Workspace__StateFile="$state/workspace-state.json" \
  Workspace__CoachBotUrl="http://127.0.0.1:$bot_port/" Urls="http://127.0.0.1:$workspace_port" ASPNETCORE_ENVIRONMENT=Production \
  dotnet bot/CoachBot.LocalWorkspace/bin/Release/net10.0/CoachBot.LocalWorkspace.dll > >(tee -a "$logs/workspace.log" | errors_only) 2>&1 &
pids+=($!)

ready=
for _ in $(seq 1 90); do
  if curl -fs "http://127.0.0.1:$bot_port/healthz" >/dev/null 2>&1 && curl -fs "http://127.0.0.1:$workspace_port/" >/dev/null 2>&1; then ready=1; break; fi
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "A program stopped while starting; see .local/logs/coachbot.log and workspace.log" >&2; exit 1; }; done
  sleep 1
done
[ -n "$ready" ] || { echo "Not ready after 90 s; see .local/logs/coachbot.log and workspace.log" >&2; exit 1; }
say ""
say "CoachBot demo is running (Slack over ${slack_mode/socket/Socket Mode}). Open the local Slack workspace:"
say ""
say "    http://127.0.0.1:$workspace_port"
say ""
say "and the web console (sign in with Slack as any demo person; Lars Eriksen is the admin):"
say ""
say "    http://localhost:$bot_port/console"
say ""
say "The first screen has a five-step tour (docs/demo.md has it too). Ctrl-C stops both; only errors show here from now on."
wait -n "${pids[@]}"
