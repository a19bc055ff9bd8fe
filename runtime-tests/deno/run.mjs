// Runs the Deno smoke suite (deno/smoke.test.ts) against a fresh loopback server. `node runtime-tests/deno/run.mjs`
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { CACHE, RUNTIME_TESTS, runWithServer } from "../shared/node-harness.mjs";

// The npm package's own binary (its bin.cjs shim would start a Node process first).
const deno = join(dirname(createRequire(import.meta.url).resolve("deno/package.json")), "deno");
const cwd = join(RUNTIME_TESTS, "deno");

process.exitCode = await runWithServer({
  command: deno,
  args: [
    "test",
    "--no-check",
    "--config",
    "deno.json",
    "--allow-net=127.0.0.1",
    "--allow-env=SMOKE_BASE_URL",
    "smoke.test.ts",
  ],
  cwd,
  env: { DENO_DIR: join(CACHE, "deno"), DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" },
  timeoutMs: 120_000,
});
