#!/usr/bin/env bash
# The whole test suite against real PostgreSQL and RabbitMQ. Starts them first (from Debian packages when no
# container runtime answers), then runs every test project and prints one line: "N passed, N failed".
# Extra arguments go to 'dotnet test', e.g. deploy/local/test.sh --filter "FullyQualifiedName~Clinical".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

# Tests throw their data away: a cluster started here may skip durability for speed.
HCC_PG_FAST="${HCC_PG_FAST:-1}" deploy/local/infra-up.sh
deploy/local/browser-up.sh
if [ -f .local/infra.env ]; then
  # shellcheck disable=SC1091
  . .local/infra.env
fi

# kubectl (Kustomize) renders the Kubernetes overlays for the offline manifest checks.
deploy/local/k8s-tools.sh

results="$root/.local/test-results"
rm -rf "$results"
mkdir -p "$results"

status=0
# The coordinator's browser tests save their screenshots here.
export HCC_TEST_RESULTS="$results"
dotnet test HccPathway.sln --logger "trx" --results-directory "$results" "$@" || status=$?

# Virtual hosts the test processes could not remove before they ended (see hcc_remove_idle_test_vhosts).
[ -z "${HCC_RABBITMQ_MANAGEMENT:-}" ] || (
  HCC_SCRIPT_NAME=test
  # shellcheck source=common.sh
  . deploy/local/common.sh
  hcc_remove_idle_test_vhosts "$(sed -E 's#^https?://([^@]*)@.*#\1#' <<<"$HCC_RABBITMQ_MANAGEMENT")" >/dev/null
) || true

deploy/local/test-summary.sh "$results" || status=$?
exit "$status"
