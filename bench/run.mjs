// `pnpm bench`: every figure of issue #7's budgets in one run, ours beside the official SDKs', printed as one markdown
// table and written to RESULTS.md. Speed budgets are reported, never enforced (exit 0); the size budget is enforced
// by size-limit (`pnpm size`).
//
//   node run.mjs                  everything (~2 minutes on a 2-core VM)
//   node run.mjs --quick          fewer runs and shorter timings (a smoke run; figures noisier)
//   node run.mjs size signing     just these sections (size imports signing e2e workerd chromium)
//
// Needs the packages built: pnpm exec turbo run build --filter=bench...
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { measureColdImports } from "./lib/cold-import.mjs";
import { BENCH, messageOf, println, progress, REPO } from "./lib/common.mjs";
import { describeMachine } from "./lib/machine.mjs";
import { renderReport } from "./lib/report.mjs";
import { measureChromium, measureWorkerd } from "./lib/runtimes.mjs";
import { measureSigning } from "./lib/signing.mjs";
import { measureBundles, measureFootprints } from "./lib/size.mjs";

const SECTIONS = ["size", "imports", "signing", "e2e", "workerd", "chromium"];
const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
const wanted = argv.filter((arg) => !arg.startsWith("--"));
const unknown = wanted.filter((name) => !SECTIONS.includes(name));
if (unknown.length > 0) {
  println(`unknown section ${unknown.join(", ")}; choose from ${SECTIONS.join(" ")}`);
  process.exit(2);
}
const selected = new Set(wanted.length === 0 ? SECTIONS : wanted);

for (const name of ["core", "pai", "qianfan"]) {
  if (!existsSync(join(REPO, "packages", name, "dist", "index.js"))) {
    println(`packages/${name}/dist is missing: build first (pnpm exec turbo run build --filter=bench...)`);
    process.exit(2);
  }
}

const settings = quick
  ? {
      importRuns: 5,
      signingMs: 400,
      signingRounds: 2,
      warmup: 20,
      calls: 100,
      officialCalls: 20,
      workerd: 500,
      chromiumMs: 200,
      rounds: 2,
    }
  : {
      importRuns: 15,
      signingMs: 1500,
      signingRounds: 5,
      warmup: 200,
      calls: 1500,
      officialCalls: 60,
      workerd: 2000,
      chromiumMs: 500,
      rounds: 3,
    };

const machine = describeMachine();
const started = performance.now();
const results = {};
const errors = [];

async function section(name, label, measure) {
  if (!selected.has(name)) {
    return;
  }
  const sectionStarted = performance.now();
  progress(`bench: ${label}…`);
  try {
    await measure();
  } catch (error) {
    errors.push(`${label} failed: ${messageOf(error)}`);
    progress(`bench: ${label} failed: ${error?.stack ?? error}`);
  }
  progress(`bench: ${label} done (${((performance.now() - sectionStarted) / 1000).toFixed(1)} s)`);
}

await section("size", "bundle sizes and install footprints", async () => {
  results.size = await measureBundles();
  results.footprints = measureFootprints();
});
await section("imports", "cold imports", () => {
  results.imports = measureColdImports(settings.importRuns);
});
await section("signing", "signing throughput in Node", async () => {
  results.signing = await measureSigning({ timeMs: settings.signingMs, rounds: settings.signingRounds });
});
await section("e2e", "end to end on loopback", async () => {
  // In a fresh process (lib/e2e-child.mjs): the sections before it must not change its figures.
  const child = spawnSync(process.execPath, [join(BENCH, "lib", "e2e-child.mjs"), JSON.stringify(settings)], {
    cwd: BENCH,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    timeout: 600_000,
  });
  if (child.status !== 0) {
    throw new Error(`lib/e2e-child.mjs exited with ${child.status ?? child.signal}`);
  }
  results.endToEnd = JSON.parse(child.stdout.trim().split("\n").at(-1));
});
await section("workerd", "signing in workerd", async () => {
  results.workerd = await measureWorkerd({ count: settings.workerd, rounds: settings.rounds });
});
await section("chromium", "signing in Chromium", async () => {
  results.chromium = await measureChromium({ ms: settings.chromiumMs, rounds: settings.rounds });
});

const candidate = process.env["BENCH_CRYPTO_NODE"];
const command = `${candidate ? `BENCH_CRYPTO_NODE=${candidate} ` : ""}pnpm bench${argv.length > 0 ? ` -- ${argv.join(" ")}` : ""}`;
const report = renderReport(results, {
  machine,
  command,
  seconds: (performance.now() - started) / 1000,
  errors,
});
println(report);
if (wanted.length === 0 && !quick) {
  writeFileSync(
    join(BENCH, "RESULTS.md"),
    `# Benchmark results\n\nWritten by \`pnpm bench\` (bench/run.mjs); see [README.md](README.md) for what each figure means.\n\n${report}\n`,
  );
  // Biome formats Markdown tables (padded columns); format it now so `biome check` stays clean.
  const biome = spawnSync(
    join(REPO, "node_modules", ".bin", "biome"),
    ["format", "--write", join(BENCH, "RESULTS.md")],
    {
      stdio: "ignore",
    },
  );
  progress(`bench: written to bench/RESULTS.md${biome.status === 0 ? "" : " (not formatted: biome did not run)"}`);
}
