#!/usr/bin/env bash
# Debian's Chromium for the coordinator's browser tests (Playwright drives it; its own browser download is not used).
# Idempotent: does nothing when /usr/bin/chromium exists; otherwise refreshes the package lists and installs it.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium is missing and installing it needs root: sudo apt-get install -y chromium" >&2
  exit 1
fi
echo "Installing chromium (apt-get, about a minute the first time)…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
