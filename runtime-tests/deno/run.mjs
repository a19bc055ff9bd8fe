// Runs the Deno smoke suite (deno/smoke.test.ts) against a fresh loopback server. `node runtime-tests/deno/run.mjs`
//
// `deno check` first type-checks the suite with the packages' `dist/*.d.ts` (see README.md for the two deno.json
// settings that takes); `deno test` then runs it with `--no-check`, as it is checked. Not `deno test` alone: its
// check adds Node's types for the npm packages in the graph, cannot find `@types/node` in this pnpm layout, and on
// that failure rewrites the root package.json with a workspace list it migrates from pnpm-workspace.yaml.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { CACHE, RUNTIME_TESTS, runWithServer } from "../shared/node-harness.mjs";

// The npm package's own binary (its bin.cjs shim would start a Node process first).
const deno = join(dirname(createRequire(import.meta.url).resolve("deno/package.json")), "deno");
const cwd = join(RUNTIME_TESTS, "deno");
const env = { DENO_DIR: join(CACHE, "deno"), DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" };

const check = spawnSync(deno, ["check", "--config", "deno.json", "smoke.test.ts"], {
  cwd,
  env: { ...process.env, ...env },
  stdio: "inherit",
  timeout: 120_000,
});
if (check.status !== 0) {
  process.stderr.write(`deno check failed (${check.error?.message ?? `exit ${check.status}`})\n`);
  process.exitCode = 1;
} else {
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
    env,
    timeoutMs: 120_000,
  });
}
