// Runs the edge function's Deno tests (test/deno/edge.test.ts) with `deno test` against the loopback clouds.
// Deno gets net access to 127.0.0.1 only, its environment is ours (credentials, base URLs, the expected seeds), and
// its cache lives in the ignored .cache/deno.
//
// `deno check` type-checks edge.test.ts and everything it imports, the packages' `.d.ts` included (deno.json turns
// on sloppy-imports for that: see runtime-tests/README.md); `deno test` then runs with `--no-check`. Not `deno test`
// alone: its check adds Node's types for the npm packages, cannot find @types/node in this pnpm layout, and on that
// failure rewrites the root package.json.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, test } from "vitest";
import { SEED_IDS, SEED_NAMES } from "../src/seeds.ts";
import { TEST_CREDENTIALS_ENV } from "./support/env.ts";
import { type LoopbackMocks, startLoopbackMocks } from "./support/loopback-mocks.ts";

const DEMO = join(dirname(fileURLToPath(import.meta.url)), "..");
// The npm package's own binary (its bin.cjs shim would start a Node process first).
const DENO = join(dirname(createRequire(import.meta.url).resolve("deno/package.json")), "deno");

let mocks: LoopbackMocks;
beforeAll(async () => {
  mocks = await startLoopbackMocks();
});
afterAll(() => mocks?.close());

/** Runs `deno <args>` in test/deno with `env` added to a bare environment; resolves to its exit code and output. */
function deno(args: readonly string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(DENO, args, {
      cwd: join(DEMO, "test/deno"),
      env: {
        PATH: process.env["PATH"] ?? "",
        DENO_DIR: join(DEMO, ".cache/deno"),
        DENO_NO_UPDATE_CHECK: "1",
        NO_COLOR: "1",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test("deno check: the edge function type-checks against the packages' .d.ts", async () => {
  const check = await deno(["check", "--config", "deno.json", "edge.test.ts"]);
  expect(check.code, check.output).toBe(0);
}, 90_000);

test("deno test: the handler, its default export and Deno.serve, against the loopback clouds", async () => {
  const seeds = {
    pai: { id: SEED_IDS.pai, name: SEED_NAMES.pai },
    qianfan: { id: SEED_IDS.qianfan, name: SEED_NAMES.qianfan },
  };
  // Checked by the test above.
  const run = await deno(
    ["test", "--no-check", "--config", "deno.json", "--allow-net=127.0.0.1", "--allow-env", "edge.test.ts"],
    { ...TEST_CREDENTIALS_ENV, ...mocks.env, DEMO_SEEDS: JSON.stringify(seeds) },
  );

  expect(run.output).toMatch(/ok \| 3 passed \| 0 failed/);
  expect(run.code, run.output).toBe(0);
  // Deno's own fetch, over loopback, signed right.
  expect(mocks.stats.userAgents.every((agent) => agent.startsWith("Deno/"))).toBe(true);
  expect(mocks.stats.verified.pai).toBeGreaterThanOrEqual(2);
  expect(mocks.stats.verified.qianfan).toBeGreaterThanOrEqual(2);
  expect(mocks.stats.refused).toEqual({ pai: 0, qianfan: 0 });
  expect(new Set(mocks.stats.remoteAddresses)).toEqual(new Set(["127.0.0.1"]));
}, 90_000);
