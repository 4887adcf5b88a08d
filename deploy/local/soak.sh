#!/usr/bin/env bash
# The bounded soak, not part of the test suite: pathway commands for N minutes with faults injected at random points
# (RabbitMQ restart, PostgreSQL restart, a service killed with SIGKILL, enrolments published twice), then the counts:
# events committed vs delivered, duplicates absorbed, faults injected. It runs its own PostgreSQL cluster and RabbitMQ
# node on free ports (never the shared ones), so run it as root (or as a user that can run initdb and rabbitmq-server).
#   deploy/local/soak.sh [--minutes 10] [--seed N] [--faults broker,postgres,intake,scheduling,assessment,duplicates] [--no-watchdog]
# --no-watchdog turns the services' relay watchdog off, so a relay that stands still is a loss, not a restart.
# Exit code 0 only when nothing was lost, nothing applied twice and no command got a 500.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

# Installs PostgreSQL and RabbitMQ from Debian packages when missing (and starts the shared ones, which the soak leaves alone).
deploy/local/infra-up.sh >/dev/null
dotnet build tests/HccPathway.Soak -v quiet -nologo
# Every line the services write, kept for tracing a loss back to what they logged.
export HCC_SERVICE_LOG_DIR="${HCC_SERVICE_LOG_DIR:-$root/.local/soak-logs/$(date -u +%Y%m%dT%H%M%S)}"
echo "Service logs: $HCC_SERVICE_LOG_DIR"
exec dotnet run --no-build --project tests/HccPathway.Soak -- "$@"
