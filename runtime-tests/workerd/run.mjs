// Runs the smoke module inside Cloudflare's workerd (through Miniflare) with Node APIs OFF, so an accidental `node:`
// import or Node global would fail. `node runtime-tests/workerd/run.mjs`
//
// 1. Controls: a worker importing node:crypto must fail to load with this configuration, and load with
//    nodejs_compat (so the refusal is the configuration's doing, and the smoke worker below really runs without Node).
// 2. The smoke worker (workerd/worker.ts bundled by esbuild) runs runSmoke() against the loopback server; workerd's
//    own fetch reaches 127.0.0.1 (Miniflare's outbound network allows private addresses; no outboundService is set,
//    so nothing goes through Node).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { test } from "node:test";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { CACHE, loadShared, println, RUNTIME_TESTS } from "../shared/node-harness.mjs";

const COMPATIBILITY_DATE = "2026-08-06";
const NO_NODE = ["no_nodejs_compat", "no_nodejs_compat_v2"];

const require = createRequire(import.meta.url);
const workerdVersion = JSON.parse(
  readFileSync(createRequire(require.resolve("miniflare")).resolve("workerd/package.json"), "utf8"),
).version;

const outdir = join(CACHE, "workerd");
await build({
  entryPoints: { worker: join(RUNTIME_TESTS, "workerd/worker.ts") },
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  format: "esm",
  platform: "browser",
  conditions: ["workerd", "worker", "browser"],
  target: "es2022",
  logLevel: "error",
});

function discard(...streams) {
  for (const stream of streams) {
    stream.resume();
  }
}

/** Loads `contents` as the only module of a worker and fetches it once; resolves to the text or the load error. */
async function runWorker(contents, flags, { bindings = {}, quiet = false } = {}) {
  const mf = new Miniflare({
    // The controls' expected load error is in the result; keep workerd's copy of it off the output.
    ...(quiet ? { handleRuntimeStdio: discard } : {}),
    modules: [{ type: "ESModule", path: join(outdir, "worker.mjs"), contents }],
    modulesRoot: outdir,
    compatibilityDate: COMPATIBILITY_DATE,
    compatibilityFlags: flags,
    bindings,
  });
  try {
    const response = await mf.dispatchFetch("http://smoke.invalid/");
    return { ok: response.ok, text: await response.text() };
  } catch (error) {
    return { ok: false, text: String(error?.message ?? error) };
  } finally {
    await mf.dispose().catch(() => {});
  }
}

const { startLoopbackServer, summaryLine } = await loadShared();
const checks = [];

const control = `import { createHash } from "node:crypto";
export default { fetch() { return new Response(createHash("sha256").update("").digest("hex")); } };`;
const refused = await runWorker(control, NO_NODE, { quiet: true });
const refusal = /No such module "node:crypto"/.exec(refused.text)?.[0];
checks.push({
  name: `control: a worker importing node:crypto is refused (${NO_NODE.join(", ")})`,
  ok: !refused.ok && refusal !== undefined,
  detail: refusal ?? refused.text.slice(0, 300),
});
const allowed = await runWorker(control, ["nodejs_compat"], { quiet: true });
checks.push({
  name: "control: the same worker loads with nodejs_compat",
  ok: allowed.ok,
  detail: allowed.text.slice(0, 300),
});

const server = await startLoopbackServer();
let answer;
let seen;
try {
  answer = await runWorker(readFileSync(join(outdir, "worker.mjs"), "utf8"), NO_NODE, {
    bindings: { SMOKE_BASE_URL: server.origin },
  });
  seen = structuredClone(server.stats);
} finally {
  await server.close();
}
if (answer.ok) {
  const body = JSON.parse(answer.text);
  checks.push({
    name: "workerd: no Node globals (process, Buffer, require)",
    ok: body.nodeGlobals.length === 0,
    detail: `navigator.userAgent ${JSON.stringify(body.userAgent)}; Node globals: ${body.nodeGlobals.join(", ") || "none"}`,
  });
  checks.push(...body.checks);
  const requests = seen.pai.verified + seen.pai.rejected + seen.qianfan.verified + seen.qianfan.rejected;
  checks.push({
    name: "workerd's own fetch reached the loopback socket (not Node's: no user-agent \"node\")",
    ok: requests > 0 && !seen.userAgents.includes("node"),
    detail: `${requests} API requests from ${seen.remoteAddresses.join(", ")}, user-agent ${seen.userAgents.map((agent) => JSON.stringify(agent)).join(", ")}`,
  });
} else {
  checks.push({ name: "workerd: the smoke worker answered", ok: false, detail: answer.text.slice(0, 2000) });
}

println(summaryLine("workerd", workerdVersion, checks));
for (const check of checks) {
  test(check.name, () => {
    assert.ok(check.ok, check.detail);
  });
}
