#!/usr/bin/env bash
# The audit service's chain anchor on this machine: makes a development signing key under .local/audit-anchor/ once
# (ECDSA P-256, never in the database), and writes .local/audit-anchor.env, which points the audit service and its
# command line at the key, its public half and the checkpoint log. run.sh sources it; for the command line:
#   deploy/local/audit-anchor.sh && . .local/audit-anchor.env
#   dotnet run --project services/Audit/HccPathway.Audit -- verify <pathwayId>
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="$root/.local/audit-anchor"
key="$dir/signing-key.pem"
public="$dir/public-key.pem"

command -v openssl >/dev/null 2>&1 || { echo "[audit-anchor] ERROR: openssl is needed (apt-get install -y openssl)." >&2; exit 1; }
mkdir -p "$dir"
if [ ! -s "$key" ]; then
  (umask 077 && openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -out "$key.tmp" && mv -f "$key.tmp" "$key")
  echo "[audit-anchor] made a development checkpoint signing key: $key"
fi
if [ ! -s "$public" ] || ! cmp -s <(openssl pkey -in "$key" -pubout 2>/dev/null) "$public"; then
  openssl pkey -in "$key" -pubout -out "$public"
fi

(umask 077 && cat >"$root/.local/audit-anchor.env" <<ENV
# Written by deploy/local/audit-anchor.sh: the audit chain anchor's development key and checkpoint log. Do not commit.
export Audit__Anchor__SigningKeyPath='$key'
export Audit__Anchor__TrustedKeysPath='$public'
export Audit__Anchor__LogPath='$dir/checkpoints.jsonl'
ENV
)
