// The CLI as a user runs it: `node src/cli.ts …` in a child process, on this Node (the workspace's Node 24), with
// an environment of our own (never the developer's: a real key in it must not matter).
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ENV_NAMES } from "@cloud-models/core";
import { paiTestCredentials, qianfanTestCredentials } from "@cloud-models/mocks";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SEED_IDS, SEED_NAMES } from "../src/seeds.ts";
import { TEST_CREDENTIALS_ENV } from "./support/env.ts";
import { type LoopbackMocks, startLoopbackMocks } from "./support/loopback-mocks.ts";

const DEMO = join(dirname(fileURLToPath(import.meta.url)), "..");
const STACK_FRAME = /\n\s+at /;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI with only PATH (and `env`) in its environment; kills it after 25 s. `closeStdout` closes the read end
 * of its stdout at once, as `| head` does.
 */
function cli(args: readonly string[], env: Record<string, string> = {}, closeStdout = false): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["src/cli.ts", ...args], {
      cwd: DEMO,
      env: { PATH: process.env["PATH"] ?? "", NO_COLOR: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    if (closeStdout) {
      child.stdout.destroy();
    }
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 25_000);
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** One line on stderr, no stack trace, nothing on stdout. */
function expectOneLineError(run: Run, code: number): void {
  expect(run.code).toBe(code);
  expect(run.stdout).toBe("");
  expect(run.stderr).toMatch(/^error: [^\n]+\n$/);
  expect(run.stderr).not.toMatch(STACK_FRAME);
}

describe.concurrent("mock mode (no keys, no network)", () => {
  test("a table of both seed models, then how to go live", async () => {
    const run = await cli([]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const blank = run.stdout.indexOf("\n\n");
    const table = run.stdout.slice(0, blank);
    const note = run.stdout.slice(blank);
    for (const text of [SEED_NAMES.pai, SEED_NAMES.qianfan, SEED_IDS.pai, SEED_IDS.qianfan]) {
      expect(table).toContain(text);
    }
    // The normalised fields, one row each: provider, timestamps in UTC, versions (Qianfan has two), task, source.
    expect(table).toMatch(/│ provider +│ pai +│ qianfan +│/);
    expect(table).toMatch(/│ created +│ 2021-01-30 12:51:33 UTC +│ 2023-12-15 08:18:39 UTC +│/);
    expect(table).toMatch(/│ versions +│ 0\.1\.0 \(2021-01-21\) +│ 2 \(2023-12-15\) +│/);
    expect(table).toMatch(/│ +│ +│ 1 \(2023-12-15\) +│/);
    expect(table).toMatch(/│ task +│ text-classification, domain cv +│ — +│/);
    expect(table).toMatch(/│ source +│ ModelScope +│ UserCreate +│/);
    // Every row as wide as the others on screen, CJK counted as two columns.
    const widths = new Set(
      table
        .split("\n")
        .map((line) => [...line].reduce((sum, char) => sum + (/\p{Script=Han}|[。]/u.test(char) ? 2 : 1), 0)),
    );
    expect(widths.size).toBe(1);
    expect(note).toContain("--live");
    expect(run.stdout).toContain(ENV_NAMES.pai.accessKeyId);
    expect(run.stdout).toContain(ENV_NAMES.qianfan.accessKeySecret);
  });

  test("--json: the two normalised models, raw payloads included", async () => {
    const run = await cli(["--json"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const models = JSON.parse(run.stdout) as { provider: string; id: string; name: string; raw: unknown }[];
    expect(models.map((model) => [model.provider, model.id, model.name])).toEqual([
      ["pai", SEED_IDS.pai, SEED_NAMES.pai],
      ["qianfan", SEED_IDS.qianfan, SEED_NAMES.qianfan],
    ]);
    expect(models[1]?.raw).toMatchObject({ result: { modelIdStr: SEED_IDS.qianfan } });
  });

  test("refs as arguments: one model, one column", async () => {
    const run = await cli([`qianfan:${SEED_IDS.qianfan}`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(SEED_NAMES.qianfan);
    expect(run.stdout).not.toContain(SEED_NAMES.pai);
  });

  test("`pnpm demo -- --json` style: a leading -- is ignored", async () => {
    const run = await cli(["--", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(2);
  });

  test("a reader that closes the pipe early (`| head`) ends it quietly", async () => {
    const run = await cli(["--json"], {}, true);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  test("--help: usage, options, environment, exit codes, examples; exit 0", async () => {
    const run = await cli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    for (const text of [
      "Usage",
      "--live",
      "--json",
      "--region",
      "Exit codes",
      "Examples",
      ENV_NAMES.pai.accessKeyId,
      ENV_NAMES.qianfan.accessKeyId,
    ]) {
      expect(run.stdout).toContain(text);
    }
  });

  test("an unknown model: one line naming it, exit 1", async () => {
    const run = await cli(["pai:model-does-not-exist"]);
    expectOneLineError(run, 1);
    expect(run.stderr).toContain("pai:model-does-not-exist: not found");
    expect(run.stderr).toContain("InvalidModel.NotFound");
  });

  test("one line per failed ref, exit 1", async () => {
    const run = await cli(["pai:nope", `qianfan:${SEED_IDS.qianfan}`, "qianfan:am-nope"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      expect.stringMatching(/^error: pai:nope: not found: /),
      expect.stringMatching(/^error: qianfan:am-nope: not found: /),
    ]);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  test.each([
    [["--frobnicate"], "unknown option '--frobnicate'"],
    [["aws:model-x"], 'unknown cloud "aws"'],
    [["model-x"], 'invalid ref "model-x"'],
    [["pai:"], 'no model id in "pai:"'],
    [["--region"], "argument missing"],
    [["--region", "not a region"], "invalid region"],
    [["--live"], "--live needs the models to fetch"],
  ])("usage error %j: one line, exit 2", async (args, message) => {
    const run = await cli(args);
    expectOneLineError(run, 2);
    expect(run.stderr).toContain(message);
  });
});

describe.concurrent("live mode", () => {
  let mocks: LoopbackMocks;
  beforeAll(async () => {
    mocks = await startLoopbackMocks();
  });
  afterAll(() => mocks.close());

  test("without credentials: refuses to start, naming every missing variable, exit 2", async () => {
    const run = await cli(["--live", `pai:${SEED_IDS.pai}`, `qianfan:${SEED_IDS.qianfan}`]);
    expectOneLineError(run, 2);
    for (const name of [
      ENV_NAMES.pai.accessKeyId,
      ENV_NAMES.pai.accessKeySecret,
      ENV_NAMES.qianfan.accessKeyId,
      ENV_NAMES.qianfan.accessKeySecret,
    ]) {
      expect(run.stderr).toContain(name);
    }
  });

  test("only the clouds the refs need must be configured", async () => {
    const run = await cli(["--live", `qianfan:${SEED_IDS.qianfan}`], {
      [ENV_NAMES.pai.accessKeyId]: "FAKE_ONLY_HALF_SET",
    });
    expectOneLineError(run, 2);
    expect(run.stderr).toContain(ENV_NAMES.qianfan.accessKeyId);
    expect(run.stderr).not.toContain(ENV_NAMES.pai.accessKeySecret);
  });

  test("with credentials, over loopback: signed requests, the same table", async () => {
    const run = await cli(["--live", `pai:${SEED_IDS.pai}`, `qianfan:${SEED_IDS.qianfan}`], {
      ...TEST_CREDENTIALS_ENV,
      ...mocks.env,
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(SEED_NAMES.pai);
    expect(run.stdout).toContain(SEED_NAMES.qianfan);
    expect(run.stdout).not.toContain("mocks");
    expect(mocks.stats.verified.pai).toBeGreaterThan(0);
    expect(mocks.stats.verified.qianfan).toBeGreaterThan(0);
  });

  test("secrets in the environment never appear in any output, even when the clouds refuse them", async () => {
    const secrets = {
      [ENV_NAMES.pai.accessKeySecret]: "FAKE-PAI-SECRET-THAT-MUST-NOT-LEAK",
      [ENV_NAMES.pai.securityToken]: "FAKE-PAI-STS-TOKEN-THAT-MUST-NOT-LEAK",
      [ENV_NAMES.qianfan.accessKeySecret]: "FAKE-QIANFAN-SECRET-THAT-MUST-NOT-LEAK",
    };
    const env = {
      ...mocks.env,
      [ENV_NAMES.pai.accessKeyId]: paiTestCredentials.accessKeyId,
      [ENV_NAMES.qianfan.accessKeyId]: qianfanTestCredentials.accessKeyId,
      ...secrets,
    };
    const runs = await Promise.all([
      cli(["--live", `pai:${SEED_IDS.pai}`, `qianfan:${SEED_IDS.qianfan}`], env),
      cli(["--live", "--json", `pai:${SEED_IDS.pai}`], env),
      cli(["--help"], env),
      cli([], env),
      cli(["--live", "bad-ref"], env),
    ]);
    expect(runs[0]?.code).toBe(1);
    expect(runs[0]?.stderr).toContain("unauthorized");
    expect(runs[0]?.stderr).toContain(`check ${ENV_NAMES.pai.accessKeyId}`);
    for (const run of runs) {
      expect(run.stderr).not.toMatch(STACK_FRAME);
      for (const secret of Object.values(secrets)) {
        expect(run.stdout + run.stderr).not.toContain(secret);
      }
    }
  });
});
