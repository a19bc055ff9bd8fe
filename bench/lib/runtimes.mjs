// Signatures per second in workerd (Miniflare) and Chromium (playwright-core, /usr/bin/chromium), WebCrypto as those
// runtimes load the built core (Miniflare and playwright-core at runtime-tests' versions). A runtime that cannot start
// is reported, not failed.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../scripts/chromium.mjs";
import { BENCH, median, messageOf } from "./common.mjs";

const KINDS = ["acs3", "bce"];
const fromBench = createRequire(join(BENCH, "package.json"));

async function bundle(entry, conditions) {
  const result = await build({
    entryPoints: [join(BENCH, "lib", entry)],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    conditions,
    target: "es2022",
    logLevel: "error",
  });
  return result.outputFiles[0].text;
}

/** workerd: N signatures per request, timed from Node, minus a 1-signature request; the median of `rounds`. */
export async function measureWorkerd({ count, rounds }) {
  let Miniflare;
  let version;
  try {
    ({ Miniflare } = fromBench("miniflare"));
    const workerd = createRequire(fromBench.resolve("miniflare")).resolve("workerd/package.json");
    version = JSON.parse(readFileSync(workerd, "utf8")).version;
  } catch (error) {
    return { error: `miniflare not installed: ${messageOf(error)}` };
  }
  const script = await bundle("runtime-worker.js", ["workerd", "worker", "browser"]);
  const mf = new Miniflare({
    modules: true,
    script,
    compatibilityDate: "2026-08-06",
    compatibilityFlags: ["no_nodejs_compat", "no_nodejs_compat_v2"],
  });
  try {
    const call = async (kind, n) => {
      const started = performance.now();
      const response = await mf.dispatchFetch(`http://bench.invalid/?kind=${kind}&count=${n}`);
      const text = await response.text();
      if (!response.ok) {
        throw new Error(`workerd ${kind}: ${text}`);
      }
      return performance.now() - started;
    };
    const results = { version: `workerd ${version}` };
    for (const kind of KINDS) {
      await call(kind, count);
      const rates = [];
      for (let round = 0; round < rounds; round++) {
        const one = await call(kind, 1);
        const many = await call(kind, count);
        rates.push(((count - 1) * 1000) / Math.max(many - one, 0.001));
      }
      results[kind] = median(rates);
    }
    return results;
  } finally {
    await mf.dispose().catch(() => {});
  }
}

/** Chromium: the page signs for `ms` per round; the median of `rounds`. */
export async function measureChromium({ ms, rounds }) {
  if (!existsSync(CHROMIUM_PATH)) {
    return { error: `${CHROMIUM_PATH} is missing (bash scripts/ensure-chromium.sh)` };
  }
  let chromium;
  try {
    ({ chromium } = fromBench("playwright-core"));
  } catch (error) {
    return { error: `playwright-core not installed: ${messageOf(error)}` };
  }
  const script = await bundle("runtime-page.js", ["browser"]);
  const server = createServer((request, response) => {
    if (request.url === "/bench.js") {
      response.writeHead(200, { "content-type": "text/javascript" });
      response.end(script);
      return;
    }
    response.writeHead(200, { "content-type": "text/html" });
    response.end('<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>');
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const userDataDir = mkdtempSync(join(tmpdir(), "cloud-models-bench-chromium-"));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
      timeout: 30_000,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`http://127.0.0.1:${server.address().port}/`, { timeout: 30_000 });
    await page.waitForFunction(() => typeof globalThis.__signaturesPerSecond === "function", null, { timeout: 30_000 });
    const results = { version: `Chromium ${context.browser()?.version() ?? "?"}` };
    for (const kind of KINDS) {
      await page.evaluate(([k, t]) => globalThis.__signaturesPerSecond(k, t), [kind, 200]);
      const rates = [];
      for (let round = 0; round < rounds; round++) {
        rates.push(await page.evaluate(([k, t]) => globalThis.__signaturesPerSecond(k, t), [kind, ms]));
      }
      results[kind] = median(rates);
    }
    return results;
  } catch (error) {
    return { error: messageOf(error) };
  } finally {
    await context?.close().catch(() => {});
    server.closeAllConnections();
    server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
