// How every Chromium this repo drives is launched (runtime-tests/browser, apps/demo's page test, bench): the system
// browser from Debian (scripts/ensure-chromium.sh installs it; Playwright cannot download its own here), headless,
// with the background services off, since this machine's network is closed and they would only fail and retry.

/** The system Chromium, or `CHROMIUM_PATH`. */
export const CHROMIUM_PATH = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

/** Launch flags for a headless, quiet Chromium running as root in a container. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Containers often have a tiny /dev/shm; Chromium then crashes tabs without this.
  "--disable-dev-shm-usage",
];
