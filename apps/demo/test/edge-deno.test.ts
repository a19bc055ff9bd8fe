// Runs the edge function's Deno tests (test/deno/edge.test.ts) with `deno test` against the loopback clouds.
// Deno gets net access to 127.0.0.1 only, its environment is ours (credentials, base URLs, the expected seeds), and
// its cache lives in the ignored .cache/deno.
//
// `--no-check`: Deno cannot type-check through the packages' published .d.ts files yet (they import "./x.ts",
// which only tsc maps to x.d.ts); `pnpm typecheck` checks this code with tsc instead.
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

test("deno test: the handler, its default export and Deno.serve, against the loopback clouds", async () => {
  const seeds = {
    pai: { id: SEED_IDS.pai, name: SEED_NAMES.pai },
    qianfan: { id: SEED_IDS.qianfan, name: SEED_NAMES.qianfan },
  };
  const run = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(
      DENO,
      ["test", "--no-check", "--config", "deno.json", "--allow-net=127.0.0.1", "--allow-env", "edge.test.ts"],
      {
        cwd: join(DEMO, "test/deno"),
        env: {
          PATH: process.env["PATH"] ?? "",
          DENO_DIR: join(DEMO, ".cache/deno"),
          DENO_NO_UPDATE_CHECK: "1",
          NO_COLOR: "1",
          ...TEST_CREDENTIALS_ENV,
          ...mocks.env,
          DEMO_SEEDS: JSON.stringify(seeds),
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
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

  expect(run.output).toMatch(/ok \| 3 passed \| 0 failed/);
  expect(run.code, run.output).toBe(0);
  // Deno's own fetch, over loopback, signed right.
  expect(mocks.stats.userAgents.every((agent) => agent.startsWith("Deno/"))).toBe(true);
  expect(mocks.stats.verified.pai).toBeGreaterThanOrEqual(2);
  expect(mocks.stats.verified.qianfan).toBeGreaterThanOrEqual(2);
  expect(mocks.stats.refused).toEqual({ pai: 0, qianfan: 0 });
  expect(new Set(mocks.stats.remoteAddresses)).toEqual(new Set(["127.0.0.1"]));
}, 90_000);
