#!/usr/bin/env bash
# Installs the system libraries, fonts and checkers BriefingBook needs on a fresh Debian
# machine. Idempotent: does nothing when everything is present.
set -euo pipefail
packages=(libxml2-dev pkg-config libsqlite3-dev zlib1g-dev libcairo2-dev libpango1.0-dev fonts-noto-core fonts-noto-cjk
          poppler-utils qpdf)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# `make bench` runs its harnesses with any python3 on the PATH.
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  # Debian mirrors sometimes answer "cannot access archive" once; retry before giving up.
  for attempt in 1 2 3; do
    if DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
      break
    fi
    [ "$attempt" -eq 3 ] && { echo "setup: apt-get install failed" >&2; exit 1; }
    sleep 5
  done
fi
