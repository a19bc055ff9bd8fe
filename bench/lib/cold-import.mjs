// Cold import: fresh Node processes (this Node, no compile cache) import each stack; the median of RUNS runs each,
// taken round-robin so a slow moment of the machine hits every stack alike.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { BENCH, CACHE, median, messageOf, percentile } from "./common.mjs";

export const IMPORT_TARGETS = [
  {
    id: "ours",
    label: "ours: @cloud-models/core + pai + qianfan",
    specifiers: ["@cloud-models/core", "@cloud-models/pai", "@cloud-models/qianfan"],
  },
  { id: "openapi-fetch", label: "openapi-fetch alone", specifiers: ["openapi-fetch"] },
  // Context, not a budget: what importing any package at all costs in this run (see emptyPackageProbe).
  { id: "empty", label: "an empty package (the loader's fixed cost)", specifiers: ["empty-package"], probe: "empty" },
  // Context, not a budget: the same three packages (and openapi-fetch) bundled into one file, one package.
  {
    id: "one-file",
    label: "core + pai + qianfan bundled into one file",
    specifiers: ["cloud-models-one-file"],
    probe: "oneFile",
  },
  { id: "alibaba", label: "Alibaba @alicloud/openapi-core", specifiers: ["@alicloud/openapi-core"] },
  { id: "qianfan-official", label: "Baidu @baiducloud/qianfan", specifiers: ["@baiducloud/qianfan"] },
  {
    id: "baidu-sdk",
    label: "Baidu @baiducloud/sdk (the bce-auth-v1 signer's package)",
    specifiers: ["@baiducloud/sdk"],
  },
];

const PROBE = join(BENCH, "lib", "import-probe.mjs");

/** A scratch package beside a copy of the probe, in .cache/<folder>, whose one file is `source`. */
function scratchPackage(folder, name, source) {
  const root = join(CACHE, folder);
  const pkg = join(root, "node_modules", name);
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, "package.json"), `${JSON.stringify({ name, type: "module", exports: "./index.js" })}\n`);
  writeFileSync(join(pkg, "index.js"), source);
  copyFileSync(PROBE, join(root, "import-probe.mjs"));
  return join(root, "import-probe.mjs");
}

/**
 * The floor: a package with one empty file, in a scratch node_modules beside a copy of the probe, imported by name
 * like the stacks. A bare specifier's first resolution costs ~2 ms by itself, so an empty file by URL would not do.
 */
function emptyPackageProbe() {
  return scratchPackage("empty-package", "empty-package", "");
}

/**
 * What packaging alone could reach: core, pai, qianfan and openapi-fetch as one unminified ES module (esbuild, the
 * `node` condition, as Node loads them), imported by name like the stacks. Node's loader resolves 7 package
 * specifiers for the three real packages (3 here, 2 from each provider) against openapi-fetch's 1, ~0.4-1.5 ms each
 * in a cold process; this row shows how much of the gap that is.
 */
function oneFileProbe() {
  const result = buildSync({
    stdin: {
      contents: IMPORT_TARGETS[0].specifiers.map((specifier) => `export * from "${specifier}";`).join("\n"),
      resolveDir: BENCH,
      loader: "js",
    },
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    logLevel: "silent",
  });
  return scratchPackage("one-file-package", "cloud-models-one-file", result.outputFiles[0].text);
}

function runProbe(specifiers, probe) {
  const env = { ...process.env };
  // A compile cache would make every run after the first a warm one.
  delete env.NODE_COMPILE_CACHE;
  delete env.NODE_OPTIONS;
  const started = performance.now();
  const child = spawnSync(process.execPath, [probe, ...specifiers], {
    cwd: BENCH,
    env: { ...env, NODE_DISABLE_COMPILE_CACHE: "1" },
    encoding: "utf8",
    timeout: 60_000,
  });
  if (child.status !== 0) {
    throw new Error(
      `import of ${specifiers.join(", ")} failed: ${child.stderr.trim().split("\n").slice(-3).join(" ")}`,
    );
  }
  const wall = performance.now() - started;
  return { ms: JSON.parse(child.stdout.trim().split("\n").at(-1)).ms, wall };
}

/**
 * Median (and p90) import time per target over `runs` fresh processes, after one discarded warm-up each; `wall` is
 * the median of the whole process (start, import, exit) as seen from here, for context.
 */
export function measureColdImports(runs) {
  const samples = new Map(IMPORT_TARGETS.map((target) => [target.id, []]));
  const walls = new Map(IMPORT_TARGETS.map((target) => [target.id, []]));
  const errors = new Map();
  const probes = { empty: emptyPackageProbe(), oneFile: oneFileProbe() };
  for (let round = 0; round <= runs; round++) {
    for (const target of IMPORT_TARGETS) {
      if (errors.has(target.id)) {
        continue;
      }
      try {
        const { ms, wall } = runProbe(target.specifiers, probes[target.probe] ?? PROBE);
        // Round 0 warms the file system cache and is not counted.
        if (round > 0) {
          samples.get(target.id).push(ms);
          walls.get(target.id).push(wall);
        }
      } catch (error) {
        errors.set(target.id, messageOf(error));
      }
    }
  }
  const results = {};
  for (const target of IMPORT_TARGETS) {
    const values = samples.get(target.id);
    results[target.id] = errors.has(target.id)
      ? { ...target, error: errors.get(target.id) }
      : {
          ...target,
          median: median(values),
          p90: percentile(values, 90),
          wall: median(walls.get(target.id)),
          runs: values.length,
        };
  }
  return results;
}
