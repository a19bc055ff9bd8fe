// Runs the smoke module in Chromium (/usr/bin/chromium, installed by scripts/ensure-chromium.sh) driven by
// playwright-core: the loopback server serves a page and its esbuild browser bundle, the page runs runSmoke() with
// Chromium's own fetch against the same origin, and this script reads the results. `node runtime-tests/browser/run.mjs`
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../scripts/chromium.mjs";
import { loadShared, println, RUNTIME_TESTS } from "../shared/node-harness.mjs";

if (!existsSync(CHROMIUM_PATH)) {
  process.stderr.write(`${CHROMIUM_PATH} is missing: run scripts/ensure-chromium.sh (or set CHROMIUM_PATH)\n`);
  process.exit(1);
}

const bundle = await build({
  entryPoints: [join(RUNTIME_TESTS, "browser/entry.ts")],
  bundle: true,
  write: false,
  format: "esm",
  platform: "browser",
  target: "es2022",
  logLevel: "error",
});
const files = new Map([
  ["/", { contentType: "text/html;charset=utf-8", body: readFileSync(join(RUNTIME_TESTS, "browser/index.html")) }],
  ["/smoke.js", { contentType: "text/javascript;charset=utf-8", body: bundle.outputFiles[0].contents }],
]);

const { startLoopbackServer, summaryLine } = await loadShared();
const server = await startLoopbackServer({ files });
const userDataDir = mkdtempSync(join(tmpdir(), "cloud-models-chromium-"));
const problems = [];
let context;
let version = "unknown";
let checks;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    timeout: 30_000,
  });
  version = context.browser()?.version() ?? version;
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") {
      problems.push(`console: ${message.text()}`);
    }
  });
  await page.goto(`${server.origin}/`, { timeout: 30_000 });
  await page.waitForFunction(() => window.__smoke !== undefined, null, { timeout: 60_000 });
  checks = await page.evaluate(() => window.__smoke);
} catch (error) {
  checks = [
    {
      name: "chromium: the page ran the smoke suite",
      ok: false,
      detail: [String(error?.message ?? error), ...problems].join("\n"),
    },
  ];
} finally {
  await context?.close().catch(() => {});
  await server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

println(summaryLine("chromium", version, checks));
for (const check of checks) {
  test(check.name, () => {
    assert.ok(check.ok, check.detail);
  });
}
