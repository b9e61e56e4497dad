#!/usr/bin/env bash
# Scheduled-nudge benchmark: builds the harness and runs scenarios against the private PostgreSQL on 127.0.0.1:55432.
# Each run creates its own benchmark_* database (dropped afterwards), loopback fakes for Slack and Teams, and one or
# two worker processes running the real CoachBot jobs code. Not part of CI.
#
#   tests/Benchmarks/run.sh            # c and e (the throughput runs)
#   tests/Benchmarks/run.sh a b d-slack d-teams c e
#   BENCH_ARGS="repsPerWorkspace=100" tests/Benchmarks/run.sh c      # smaller smoke run
#
# Scenarios: a = 10,000 reps, one Teams tenant, 50 rps cap; b = 4,000 reps, one Slack workspace, 1,200/min cap;
# c = 100,000 reps over 100 workspaces/tenants, limits not binding; d-teams / d-slack = a / b with three kill -9;
# e = c with two instances. Override the server with server="Host=…;Database=postgres".
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tests/Benchmarks/CoachBot.Benchmarks -c Release -v quiet -nologo >/dev/null
dll=tests/Benchmarks/CoachBot.Benchmarks/bin/Release/net10.0/CoachBot.Benchmarks.dll
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM, load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
dotnet "$dll" slots count=100000
scenarios=("$@")
[ ${#scenarios[@]} -eq 0 ] && scenarios=(c e)
# The fakes stand for Slack's and Teams' servers, which do not share our two cores: as root, give the coordinator (and
# so its fakes) a higher scheduling priority so they stamp arrivals when requests arrive, not when they get a CPU.
# The worker processes are started back at normal priority (WorkerProcess.cs).
raise=()
if [ "$(id -u)" = 0 ]; then raise=(nice -n -10); export BENCH_FAKES_RAISED_BY=10; fi
for scenario in "${scenarios[@]}"; do
  # shellcheck disable=SC2086
  timeout 40m "${raise[@]}" dotnet "$dll" scenario="$scenario" ${BENCH_ARGS:-} 2> >(grep -v -E 'info: |Dispatch tick' >&2)
done
