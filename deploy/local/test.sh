#!/usr/bin/env bash
# Runs every test against real parts: starts the private PostgreSQL (installing it if missing),
# installs Debian's chromium for the browser tests if missing, then `dotnet test` on the solution.
# Extra arguments go to dotnet test, e.g. deploy/local/test.sh --filter "FullyQualifiedName~Slack".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

bash deploy/local/postgres.sh start
export COACHBOT_TEST_PG="$(bash deploy/local/postgres.sh url postgres)"

if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" -eq 0 ]; then
  echo "Installing Debian's chromium for the browser tests…" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
fi

# The Teams tests drive Microsoft's Agents Playground when it is installed (pinned in deploy/teams/tools).
if command -v npm >/dev/null && [ ! -d deploy/teams/tools/node_modules/@microsoft/m365agentsplayground ]; then
  (cd deploy/teams/tools && npm ci --no-audit --no-fund --loglevel=error >&2) || echo "Agents Playground not installed; its test will be skipped" >&2
fi

dotnet build CoachBot.sln -c Release -nologo -v quiet
status=0
dotnet test CoachBot.sln -c Release --no-build -nologo --settings tests/coachbot.runsettings --logger "console;verbosity=minimal" "$@" | tee "$root/.local/test-output.txt" || status=$?

# One closing line in the shape CI reads, summed over every test project.
passed=$(grep -Eo 'Passed: +[0-9]+' "$root/.local/test-output.txt" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$root/.local/test-output.txt" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$root/.local/test-output.txt" | awk '{s+=$2} END {print s+0}')
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$passed" -gt 0 ] || { echo "no tests ran" >&2; exit 1; }
exit $status
