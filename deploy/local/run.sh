#!/usr/bin/env bash
# Runs the whole system: PostgreSQL and RabbitMQ (from Debian packages when no container runtime answers), then the
# Aspire AppHost with every service and the dashboard. Ctrl+C (or SIGTERM) stops the AppHost and the services; the
# databases keep running (deploy/local/infra-down.sh stops them).
#   deploy/local/run.sh --seed 40    also creates 40 synthetic patients through the APIs (demo data).
# Other arguments go to the AppHost as configuration, e.g. --Demo:Seed=7.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

deploy/local/infra-up.sh
if [ -f .local/infra.env ]; then
  # shellcheck disable=SC1091
  . .local/infra.env
fi

# The audit service signs checkpoints of its hash chain with a key outside the database (made once under .local/).
deploy/local/audit-anchor.sh
# shellcheck disable=SC1091
. .local/audit-anchor.env

cat <<INFO
Starting HccPathway.
  Dashboard:  http://localhost:18888 (the login link with its token is printed below)
  Web app:    http://localhost:5100 (coordinator app: sign in with a name and a role)
  APIs:       intake :5101, scheduling :5102, assessment :5103, surgery-planning :5104, audit :5105
              (each with its API reference at /scalar)
  Tokens:     curl -s -X POST http://localhost:5101/dev/tokens -H 'Content-Type: application/json' \\
                -d '{"subject":"alice","roles":["coordinator"]}'
INFO

apphost_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) apphost_args+=("--Demo:Patients=${2:?--seed needs a number of patients}"); shift 2 ;;
    --seed=*) apphost_args+=("--Demo:Patients=${1#--seed=}"); shift ;;
    *) apphost_args+=("$1"); shift ;;
  esac
done

exec dotnet run --project aspire/HccPathway.AppHost --launch-profile http -- "${apphost_args[@]}"
