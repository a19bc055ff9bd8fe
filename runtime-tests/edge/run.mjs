// Runs the smoke module in Vercel's edge runtime: an esbuild bundle (--format=iife --platform=browser) evaluated in
// an EdgeVM from @edge-runtime/vm, whose own fetch reaches the loopback server. (vitest's `edge-runtime` environment
// would not do: it still exposes process/require and lets node:crypto import.) `node runtime-tests/edge/run.mjs`
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { test } from "node:test";
import { EdgeVM } from "@edge-runtime/vm";
import { build } from "esbuild";
import { loadShared, println, RUNTIME_TESTS } from "../shared/node-harness.mjs";

const require = createRequire(import.meta.url);
const vmVersion = JSON.parse(readFileSync(require.resolve("@edge-runtime/vm/package.json"), "utf8")).version;

/** An IIFE bundle of `entry` (a path, or source code) as a string. */
async function bundle(entry, external = []) {
  const input =
    typeof entry === "string"
      ? { entryPoints: [entry] }
      : { stdin: { contents: entry.contents, resolveDir: RUNTIME_TESTS, loader: "js" } };
  const result = await build({
    ...input,
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    external,
    logLevel: "error",
  });
  return result.outputFiles[0].text;
}

const { startLoopbackServer, summaryLine } = await loadShared();
const checks = [];

// Control: a bundle that needs a Node built-in must not run in the VM (nothing to `require` it with).
const control = await bundle(
  { contents: `import { createHash } from "node:crypto"; globalThis.__hash = createHash("sha256").digest("hex");` },
  ["node:*"],
);
let controlError;
try {
  new EdgeVM().evaluate(control);
} catch (error) {
  controlError = error;
}
checks.push({
  name: "control: a bundle needing node:crypto fails in EdgeVM",
  ok: controlError !== undefined,
  detail: controlError === undefined ? "it ran" : String(controlError.message ?? controlError),
});

const vm = new EdgeVM();
checks.push({
  name: "edge-runtime: no Node globals (process, Buffer, require)",
  ok: vm.evaluate(`["process", "Buffer", "require"].filter((name) => name in globalThis).length === 0`),
  detail: `EdgeRuntime ${JSON.stringify(vm.evaluate("typeof EdgeRuntime === 'string' ? EdgeRuntime : undefined"))}`,
});

const code = await bundle(join(RUNTIME_TESTS, "edge/entry.ts"));
const server = await startLoopbackServer();
try {
  vm.evaluate(code);
  const json = await vm.evaluate(`__runSmoke({ baseUrl: ${JSON.stringify(server.origin)} }).then(JSON.stringify)`);
  checks.push(...JSON.parse(json));
} catch (error) {
  checks.push({ name: "edge-runtime: the smoke bundle ran", ok: false, detail: String(error?.stack ?? error) });
} finally {
  await server.close();
}

println(summaryLine("edge-runtime", vmVersion, checks));
for (const check of checks) {
  test(check.name, () => {
    assert.ok(check.ok, check.detail);
  });
}
