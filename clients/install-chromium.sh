#!/usr/bin/env bash
# The browser test's Chromium and ChromeDriver: Debian's packages `chromium` and `chromium-driver`,
# never a browser build that a test tool downloads. Nothing is done when both are there already
# (TSUNAGU_CHROMIUM and TSUNAGU_CHROMEDRIVER name others, e.g. on a machine without apt-get).
set -euo pipefail
chromium="${TSUNAGU_CHROMIUM:-/usr/bin/chromium}"
driver="${TSUNAGU_CHROMEDRIVER:-/usr/bin/chromedriver}"
if [ -x "$chromium" ] && [ -x "$driver" ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "The browser test needs Chromium and ChromeDriver of the same version: install them, and set"
  echo "TSUNAGU_CHROMIUM and TSUNAGU_CHROMEDRIVER to their paths (looked for: $chromium, $driver)."
  exit 1
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  as_root=(sudo)
fi
echo "Installing Debian's chromium and chromium-driver for the browser test..."
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
/usr/bin/chromium --version 2>/dev/null || true
