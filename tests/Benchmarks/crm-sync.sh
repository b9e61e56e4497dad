#!/usr/bin/env bash
# CRM sync benchmark (issue 16): one process syncs 100,000 deals across 1,000 reps from the loopback HubSpot, which
# enforces 190 requests / 10 s, through the real HubSpot connector, CrmSyncJob and CrmStore on the private PostgreSQL
# (127.0.0.1:55432; a throwaway database is created and dropped). Not part of CI.
#
#   tests/Benchmarks/crm-sync.sh                          # deals=100000 reps=1000 limit=190 activities=10000
#   tests/Benchmarks/crm-sync.sh deals=5000 reps=100      # smoke run
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tests/Benchmarks/CrmSync -c Release -v quiet -nologo >/dev/null
export COACHBOT_TEST_PG="${COACHBOT_TEST_PG:-$(bash deploy/local/postgres.sh url postgres)}"
dotnet tests/Benchmarks/CrmSync/bin/Release/net10.0/CrmSync.dll "$@"
