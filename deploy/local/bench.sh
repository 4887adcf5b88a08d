#!/usr/bin/env bash
# The benchmarks against real PostgreSQL and RabbitMQ: baselines of this machine and the pathway's figures in the same
# run, as ratios, min/median/max over several runs. Not part of test.sh. See tests/HccPathway.Benchmarks/README.md.
#   deploy/local/bench.sh [--runs N] [--quick] [--worklist] [--out DIR]
# Writes results.json and results.md to tests/HccPathway.Benchmarks/results/ (and a dated copy) and prints the table.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

deploy/local/infra-up.sh
if [ -f .local/infra.env ]; then
  # shellcheck disable=SC1091
  . .local/infra.env
fi

# The benchmark in Release, and the five services it starts as real processes published as their images are
# (Release, ReadyToRun for this machine).
dotnet build tests/HccPathway.Benchmarks/HccPathway.Benchmarks.csproj -c Release -nologo -v quiet
for service in Intake Scheduling Assessment SurgeryPlanning Audit; do
  dotnet publish "services/$service/HccPathway.$service" -c Release -nologo -v quiet -o ".local/bench/services/$service"
done
dotnet tests/HccPathway.Benchmarks/bin/Release/net10.0/HccPathway.Benchmarks.dll --root "$root" "$@"
