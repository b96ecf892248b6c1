#!/usr/bin/env bash
# Makes sure a Chromium the browser tests can drive is installed: Debian's
# chromium package, installed with apt-get when it is missing and we may.
set -euo pipefail
for exe in chromium chromium-browser google-chrome google-chrome-stable headless-shell; do
  if command -v "$exe" >/dev/null 2>&1; then
    exit 0
  fi
done
cmd="apt-get update && apt-get install -y chromium"
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "Chromium is missing: running $cmd"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq chromium
    exit 0
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "Chromium is missing: running sudo $cmd"
    export DEBIAN_FRONTEND=noninteractive
    sudo -n apt-get update -qq && sudo -n apt-get install -y -qq chromium
    exit 0
  fi
fi
echo "Chromium is missing. Install it, then run make test again:" >&2
echo "  sudo sh -c '$cmd'" >&2
exit 1
