// The guard: bundles every published entry with esbuild for `platform: "neutral"` and for `platform: "browser"`,
// bundling every dependency (`external: []`), and fails if the bundle needs any Node built-in (`node:*` or a bare
// `fs`, `crypto`, `buffer`…). It first proves itself on deliberately bad fixtures. `node runtime-tests/guard/run.mjs`
//
// One exception: a package's PEER dependencies (msw for @cloud-models/mocks) stay external in the neutral pass. A
// peer is the user's own install, resolved with the user's bundler conditions; without the "browser" condition msw 3
// resolves @mswjs/interceptors' Node build (node:http, node:net…), which says nothing about our code. The browser
// pass bundles the peers too.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { test } from "node:test";
import { build } from "esbuild";
import { println, RUNTIME_TESTS } from "../shared/node-harness.mjs";

const REPO = join(RUNTIME_TESTS, "..");
const PLATFORMS = ["neutral", "browser"];
const BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith("_")));

/** `specifier` is a Node built-in: `node:anything`, or a bare built-in name (`fs`, `fs/promises`, `crypto`…). */
function isBuiltin(specifier) {
  return specifier.startsWith("node:") || BUILTINS.has(specifier) || BUILTINS.has(specifier.split("/")[0]);
}

/** Bundles `contents` (resolved from `resolveDir`) for `platform`; resolves to the built-ins it reached and errors. */
async function bundle(contents, resolveDir, platform, external = []) {
  const builtins = [];
  const plugin = {
    name: "record-node-builtins",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /.*/ }, (args) => {
        if (!isBuiltin(args.path)) {
          return undefined;
        }
        builtins.push(`${args.path} (from ${args.importer.replace(`${REPO}/`, "")})`);
        return { path: args.path, external: true };
      });
    },
  };
  try {
    const result = await build({
      stdin: { contents, resolveDir, loader: "js", sourcefile: "guard-entry.js" },
      bundle: true,
      write: false,
      format: "esm",
      platform,
      ...(platform === "neutral" ? { mainFields: ["module", "main"] } : {}),
      external,
      plugins: [plugin],
      metafile: true,
      logLevel: "silent",
    });
    const modules = Object.keys(result.metafile.inputs).length;
    return { builtins, errors: [], modules, bytes: result.outputFiles[0].contents.byteLength };
  } catch (error) {
    return {
      builtins,
      errors: (error.errors ?? [{ text: String(error) }]).map((item) => item.text),
      modules: 0,
      bytes: 0,
    };
  }
}

/** `[specifier, folder to resolve it from, the package's folder]` */
const entries = [
  ["@cloud-models/core", RUNTIME_TESTS, "packages/core"],
  ["@cloud-models/pai", RUNTIME_TESTS, "packages/pai"],
  ["@cloud-models/pai/fixtures", RUNTIME_TESTS, "packages/pai"],
  ["@cloud-models/qianfan", RUNTIME_TESTS, "packages/qianfan"],
  ["@cloud-models/qianfan/fixtures", RUNTIME_TESTS, "packages/qianfan"],
];
// @cloud-models/mocks joins once it is built (it is not a dependency of runtime-tests: resolved from its own folder).
const mocks = join(REPO, "packages/mocks");
if (existsSync(join(mocks, "dist"))) {
  entries.push(
    ["@cloud-models/mocks", mocks, "packages/mocks"],
    ["@cloud-models/mocks/browser", mocks, "packages/mocks"],
  );
}

function peersOf(packageFolder) {
  const manifest = JSON.parse(readFileSync(join(REPO, packageFolder, "package.json"), "utf8"));
  return Object.keys(manifest.peerDependencies ?? {}).flatMap((name) => [name, `${name}/*`]);
}

const checks = [];

for (const fixture of ["imports-node-crypto.js", "imports-bare-buffer.js"]) {
  for (const platform of PLATFORMS) {
    const result = await bundle(`export * from "./${fixture}";`, join(RUNTIME_TESTS, "guard/__fixtures__"), platform);
    checks.push({
      name: `self-test: the guard flags __fixtures__/${fixture} (${platform})`,
      ok: result.builtins.length > 0,
      detail: result.builtins.length > 0 ? `flagged ${result.builtins.join(", ")}` : "NOT flagged",
    });
  }
}

for (const [specifier, resolveDir, packageFolder] of entries) {
  for (const platform of PLATFORMS) {
    const external = platform === "neutral" ? peersOf(packageFolder) : [];
    const result = await bundle(`export * from "${specifier}";`, resolveDir, platform, external);
    const problems = [
      ...result.builtins.map((builtin) => `needs Node built-in ${builtin}`),
      ...result.errors.map((text) => `esbuild: ${text}`),
    ];
    checks.push({
      name: `bundle ${specifier} (${platform}): no Node built-in`,
      ok: problems.length === 0,
      detail:
        problems.length === 0
          ? `${result.modules} modules, ${(result.bytes / 1024).toFixed(1)} KiB, external: ${JSON.stringify(external.filter((name) => !name.endsWith("/*")))}`
          : problems.join("; "),
    });
  }
}

println(`@@smoke ${JSON.stringify({ runtime: "guard", version: "", checks })}`);
for (const check of checks) {
  test(check.name, () => {
    assert.ok(check.ok, check.detail);
  });
}
