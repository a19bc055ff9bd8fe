// The Chromium page's bundle: runs the smoke module against the page's own origin (the loopback server that served
// it; 127.0.0.1 is a secure context, so crypto.subtle is there) and leaves the results on window.__smoke.
import type { CheckResult } from "../shared/smoke.ts";
import { runSmoke } from "../shared/smoke.ts";

declare global {
  interface Window {
    __smoke?: CheckResult[];
  }
}

const nodeGlobals = ["process", "Buffer", "require"].filter((name) => name in globalThis);
const environment: CheckResult = {
  name: "chromium: secure context, no Node globals (process, Buffer, require)",
  ok: window.isSecureContext && nodeGlobals.length === 0,
  detail: `isSecureContext ${window.isSecureContext}; Node globals: ${nodeGlobals.join(", ") || "none"}`,
};

runSmoke({ baseUrl: window.location.origin }).then(
  (checks) => {
    window.__smoke = [environment, ...checks];
    document.body.dataset["done"] = "true";
  },
  (error: unknown) => {
    window.__smoke = [environment, { name: "chromium: runSmoke", ok: false, detail: String(error) }];
  },
);
