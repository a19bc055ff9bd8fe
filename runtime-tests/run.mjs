// Runs every runtime's smoke suite in turn against the BUILT packages and prints one line per runtime, then the
// totals. Exits non-zero when a check failed or a runtime could not run (nothing is skipped).
//
//   node run.mjs                 every runtime (pnpm test:runtimes)
//   node run.mjs deno chromium   just these (node20 node24 deno bun workerd edge chromium guard)
//   node run.mjs --verbose …     also stream each suite's own output
//
// Each runtime gets 120 s (Chromium 240 s; SMOKE_RUNTIME_TIMEOUT_MS overrides), then its process group is killed.
// Start it with the workspace's Node (≥ 22; pnpm runs Node 24). The machine's Node 20 is found on PATH outside any
// node_modules, or given as SMOKE_NODE20=/path/to/node.
import { spawn, spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, realpathSync } from "node:fs";
import { delimiter, join } from "node:path";
import { killGroup, println, RUNTIME_TESTS } from "./shared/node-harness.mjs";

const SUMMARY_PREFIX = "@@smoke ";
const REPO = join(RUNTIME_TESTS, "..");
const node24 = process.execPath;

/** The machine's own Node 20: SMOKE_NODE20, else the first `node` on PATH that is not under node_modules. */
function findNode20() {
  const given = process.env["SMOKE_NODE20"];
  if (given) {
    return given;
  }
  for (const folder of (process.env["PATH"] ?? "").split(delimiter)) {
    if (folder === "" || folder.includes("node_modules")) {
      continue;
    }
    const candidate = join(folder, "node");
    try {
      accessSync(candidate, constants.X_OK);
      if (realpathSync(candidate) !== realpathSync(node24)) {
        return candidate;
      }
    } catch {
      // not here
    }
  }
  return undefined;
}

/** What must hold before a runtime can run at all; a string says why not. */
function requireNode20(node20) {
  if (node20 === undefined) {
    return "no machine Node found on PATH outside node_modules (set SMOKE_NODE20=/path/to/node20)";
  }
  const version = spawnSync(node20, ["--version"], { encoding: "utf8" }).stdout?.trim() ?? "";
  return version.startsWith("v20.")
    ? undefined
    : `${node20} is ${version || "not runnable"}, not Node 20 (set SMOKE_NODE20)`;
}

const node20 = findNode20();
const RUNTIMES = [
  { id: "node20", command: node20, args: ["node/smoke.test.mjs"], precheck: () => requireNode20(node20) },
  { id: "node24", command: node24, args: ["node/smoke.test.mjs"] },
  { id: "deno", command: node24, args: ["deno/run.mjs"] },
  { id: "bun", command: node24, args: ["bun/run.mjs"] },
  { id: "workerd", command: node24, args: ["workerd/run.mjs"] },
  { id: "edge", command: node24, args: ["edge/run.mjs"] },
  {
    id: "chromium",
    command: node24,
    args: ["browser/run.mjs"],
    timeoutMs: 240_000,
    precheck: () => {
      const chromium = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
      return existsSync(chromium) ? undefined : `${chromium} is missing: run scripts/ensure-chromium.sh`;
    },
  },
  { id: "guard", command: node24, args: ["guard/run.mjs"] },
];

const argv = process.argv.slice(2);
const verbose = argv.includes("--verbose");
const wanted = argv.filter((arg) => !arg.startsWith("--"));
const unknown = wanted.filter((id) => !RUNTIMES.some((runtime) => runtime.id === id));
if (unknown.length > 0) {
  println(`unknown runtime ${unknown.join(", ")}; choose from ${RUNTIMES.map((runtime) => runtime.id).join(" ")}`);
  process.exit(2);
}
const selected = wanted.length === 0 ? RUNTIMES : RUNTIMES.filter((runtime) => wanted.includes(runtime.id));

for (const built of ["core", "pai", "qianfan"]) {
  if (!existsSync(join(REPO, "packages", built, "dist", "index.js"))) {
    println(`packages/${built}/dist is missing: build first (pnpm exec turbo run build --filter=runtime-tests^...)`);
    process.exit(2);
  }
}

/** Runs one suite as a child in its own process group; resolves to its exit code and output. */
function runChild(runtime) {
  return new Promise((resolve) => {
    const child = spawn(runtime.command, runtime.args, {
      cwd: RUNTIME_TESTS,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    const collect = (chunk) => {
      output += chunk;
      if (verbose) {
        process.stdout.write(chunk);
      }
    };
    child.stdout.setEncoding("utf8").on("data", collect);
    child.stderr.setEncoding("utf8").on("data", collect);
    let timedOut = false;
    const timeoutMs = Number(process.env["SMOKE_RUNTIME_TIMEOUT_MS"]) || runtime.timeoutMs || 120_000;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      resolve({ code: -1, output: `${output}\n${error.message}`, timedOut });
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      // Anything the suite left behind (a browser, a workerd, a deno) goes with its group.
      killGroup(child);
      resolve({ code: code ?? (signal ? 128 : -1), output, timedOut, timeoutMs });
    });
  });
}

function parseSummary(output) {
  const line = output.split("\n").findLast((candidate) => candidate.startsWith(SUMMARY_PREFIX));
  if (line === undefined) {
    return undefined;
  }
  try {
    return JSON.parse(line.slice(SUMMARY_PREFIX.length));
  } catch {
    return undefined;
  }
}

function tail(text, lines = 40) {
  if (text.trim() === "") {
    return "    | (no output)";
  }
  return text
    .trimEnd()
    .split("\n")
    .filter((line) => !line.startsWith(SUMMARY_PREFIX))
    .slice(-lines)
    .map((line) => `    | ${line}`)
    .join("\n");
}

let passed = 0;
let failed = 0;
const startedAll = performance.now();
for (const runtime of selected) {
  const started = performance.now();
  const blocker = runtime.precheck?.();
  const result = blocker === undefined ? await runChild(runtime) : undefined;
  const seconds = `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const summary = result ? parseSummary(result.output) : undefined;

  if (!summary || summary.checks.length === 0) {
    failed += 1;
    const why =
      blocker ?? (result.timedOut ? `timed out after ${result.timeoutMs / 1000} s` : `exit ${result.code}, no results`);
    println(`runtime: ${runtime.id} — could not run: ${why} (${seconds})`);
    if (result) {
      println(tail(result.output));
    }
    continue;
  }

  const good = summary.checks.filter((check) => check.ok);
  const bad = summary.checks.filter((check) => !check.ok);
  passed += good.length;
  failed += bad.length;
  let line;
  if (summary.runtime === "guard") {
    const bundles = summary.checks.filter((check) => check.name.startsWith("bundle "));
    const selfTests = summary.checks.filter((check) => check.name.startsWith("self-test"));
    line = `guard — ${bundles.filter((check) => check.ok).length}/${bundles.length} bundles clean, ${selfTests.filter((check) => check.ok).length}/${selfTests.length} bad fixtures caught`;
  } else {
    line = `runtime: ${summary.runtime} ${summary.version} — ${good.length}/${summary.checks.length} checks passed`;
  }
  // A suite that exits non-zero with every check green still failed (e.g. a crash after the summary).
  const exitProblem = result.code === 0 ? "" : `, exited ${result.timedOut ? "on timeout" : result.code}`;
  if (exitProblem !== "" && bad.length === 0) {
    failed += 1;
  }
  println(`${line}${bad.length > 0 ? ` (${bad.length} FAILED)` : ""}${exitProblem} (${seconds})`);
  for (const check of bad) {
    println(`    ✖ ${check.name}: ${check.detail ?? ""}`);
  }
  if (exitProblem !== "" && bad.length === 0) {
    println(tail(result.output));
  }
}

println(`${passed} passed, ${failed} failed`);
if (verbose) {
  println(`(${((performance.now() - startedAll) / 1000).toFixed(1)} s in all)`);
}
process.exitCode = failed > 0 ? 1 : 0;
