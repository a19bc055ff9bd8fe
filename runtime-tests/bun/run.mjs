// Runs the Bun smoke suite (bun/smoke.test.ts) against a fresh loopback server. `node runtime-tests/bun/run.mjs`
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { RUNTIME_TESTS, runWithServer } from "../shared/node-harness.mjs";

// The npm package's own binary.
const bun = join(dirname(createRequire(import.meta.url).resolve("bun/package.json")), "bin", "bun.exe");

process.exitCode = await runWithServer({
  command: bun,
  args: ["test", "./smoke.test.ts"],
  cwd: join(RUNTIME_TESTS, "bun"),
  env: { NO_COLOR: "1", BUN_RUNTIME_TRANSPILER_CACHE_PATH: "0" },
  timeoutMs: 120_000,
});
