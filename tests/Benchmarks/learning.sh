#!/usr/bin/env bash
# Simulation benchmark for the learning coach (issue 15, part 4): synthetic reps with hidden style preferences over
# 12 weeks, through the product's StyleLearner and StyleAdvice. Pure CPU, no database. Arguments pass through:
#   tests/Benchmarks/learning.sh reps=2000 quizAccuracy=60 seed=15
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Benchmarks/CoachBot.LearningSim -- "$@"
