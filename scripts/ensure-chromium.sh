#!/usr/bin/env bash
# The browser tests drive Debian's Chromium at /usr/bin/chromium. Install it when we can.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing; installing it with apt-get ..."
  apt-get update && apt-get install -y chromium
  exit 0
fi

cat >&2 <<'MESSAGE'
The browser tests need Chromium at /usr/bin/chromium, and it is not installed.
Install it as root, for example on Debian or Ubuntu:

  sudo apt-get update && sudo apt-get install -y chromium

then run `npm run test:e2e` again.
MESSAGE
exit 1
