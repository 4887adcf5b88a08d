#!/usr/bin/env bash
# Makes sure 'kubectl kustomize' is available for the offline manifest checks (tests/HccPathway.Deploy.Tests).
# Idempotent: does nothing when kubectl with a built-in Kustomize v5 is already installed. Needs no cluster.
set -euo pipefail

kustomize_ok() {
  command -v kubectl >/dev/null 2>&1 && kubectl version --client 2>/dev/null | grep -q 'Kustomize Version: v5'
}

if kustomize_ok; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "k8s-tools: kubectl with Kustomize v5 is missing; install the 'kubectl' package (as root)." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get -qq update >/dev/null
# The machine images carry kubectl as a Debian package; Debian's own kubernetes-client is too old (Kustomize v2).
apt-get -qq install -y --no-install-recommends kubectl >/dev/null 2>&1 || true

if ! kustomize_ok; then
  echo "k8s-tools: could not install kubectl with Kustomize v5 ('apt-cache policy kubectl')." >&2
  exit 1
fi
