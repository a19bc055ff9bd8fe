#!/usr/bin/env bash
# Makes sure the system Chromium the browser smoke suite drives (runtime-tests/browser) is installed at
# /usr/bin/chromium. Idempotent: does nothing when it is already there. Playwright cannot download its own browsers
# on these machines, so Chromium comes from the distribution (Debian's `chromium` package, ~50 s).
set -euo pipefail

CHROMIUM=/usr/bin/chromium

# A CJK font, so the demo's screenshots show the seed models' Chinese names instead of boxes.
FONT_PACKAGE=fonts-wqy-microhei

if [ -x "$CHROMIUM" ] && dpkg -s "$FONT_PACKAGE" >/dev/null 2>&1; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "ensure-chromium: $CHROMIUM is missing and installing it needs root (no sudo found)" >&2
    exit 1
  fi
fi

echo "ensure-chromium: installing chromium and $FONT_PACKAGE from apt…"
export DEBIAN_FRONTEND=noninteractive
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends chromium "$FONT_PACKAGE"; } >"$LOG" 2>&1; then
  cat "$LOG" >&2
  echo "ensure-chromium: apt-get failed" >&2
  exit 1
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi
echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM installed")"
