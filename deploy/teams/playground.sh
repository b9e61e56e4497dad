#!/usr/bin/env bash
# Try CoachBot in Teams without a tenant: Microsoft 365 Agents Playground (a Teams emulator with its own mock
# Connector) against a CoachBot running locally in the loopback-only no-auth mode (Teams:LocalNoAuth=true, no AppId,
# Development or Demo environment only).
#   deploy/local/run.sh            # CoachBot on http://127.0.0.1:5080, demo mode sets the opt-in (another terminal)
#   deploy/teams/playground.sh [bot-url] [port]
# Then open http://localhost:56150 (or the port printed), pick "Install app" / type a message.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bot="${1:-http://127.0.0.1:5080/api/messages}"
port="${2:-56150}"
if [ ! -d "$here/tools/node_modules/@microsoft/m365agentsplayground" ]; then
  (cd "$here/tools" && npm ci --no-audit --no-fund)
fi
# -c msteams: behave like Teams (sends installationUpdate); --dt: no telemetry. Set TEAMSAPPTESTER_BROWSER=none headless.
exec node "$here/tools/node_modules/@microsoft/m365agentsplayground/cli.js" -e "$bot" -c msteams --dt -p "$port"
