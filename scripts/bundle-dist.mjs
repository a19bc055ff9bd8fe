// Bundles a package's runtime JavaScript: one ES module per JavaScript target of its package.json `exports`, built
// by esbuild from src/ (tsc only emits the declarations). Node's ESM loader pays ~1 ms per module file, so a cold
// import of tsc's per-module output cost ~7× openapi-fetch's (issue #7; bench/README.md "imports").
//
//   - A target `./dist/<stem>.js` is the bundle of `src/<stem>.ts`. A target under a condition may name its variant,
//     `./dist/<stem>.<condition>.js`, bundled from the same `src/<stem>.ts` with that condition on: core's
//     `"node": "./dist/index.node.js"` resolves `#crypto` (package.json `imports`) to the node:crypto twin, while
//     `"default": "./dist/index.js"` keeps WebCrypto, so bundlers for Workers, edge runtimes and browsers never see it.
//   - The targets of one condition set are built together with code splitting: entries sharing modules (mocks' `.`,
//     `./node`, `./browser`) share one chunk rather than each carrying a copy, so every module still runs once.
//   - Dependencies and peer dependencies stay imports; any other bare import fails the build rather than being
//     inlined. Node built-ins are allowed only under the `node` condition.
//   - ESM, platform neutral, ES2022, not minified; source maps point at src/, which is published.
//
// Usage (from a package folder, after tsc): node ../../scripts/bundle-dist.mjs
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";
import { build } from "esbuild";

const packageDir = process.cwd();
const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));

/** `[conditions, target]` for every JavaScript target under `value` (an `exports` entry); `types` and nulls skipped. */
function targetsOf(value, conditions = []) {
  if (typeof value === "string") {
    return value.endsWith(".js") ? [[conditions, value]] : [];
  }
  if (value === null || typeof value !== "object") {
    return [];
  }
  return Object.entries(value).flatMap(([key, nested]) =>
    key === "types" ? [] : targetsOf(nested, key === "default" || key === "import" ? conditions : [...conditions, key]),
  );
}

/** The source of `./dist/<stem>.js`: `src/<stem>.ts`, or, for a `<stem>.<condition>` variant, the stem's source. */
function sourceOf(target, conditions) {
  const stem = target.replace(/^\.\/dist\//, "").replace(/\.js$/, "");
  const stems = [stem, ...conditions.map((condition) => stem.replace(new RegExp(`\\.${condition}$`), ""))];
  const source = stems.map((candidate) => join(packageDir, "src", `${candidate}.ts`)).find(existsSync);
  if (!target.startsWith("./dist/") || source === undefined) {
    throw new Error(`${manifest.name}: no src/*.ts for the exports target ${target}`);
  }
  return { stem, source };
}

const builds = new Map();
for (const [, value] of Object.entries(manifest.exports ?? {})) {
  for (const [conditions, target] of targetsOf(value)) {
    const key = conditions.toSorted().join("+");
    const entries = builds.get(key)?.entries ?? [];
    const { stem, source } = sourceOf(target, conditions);
    if (!entries.some((entry) => entry.out === stem)) {
      entries.push({ in: source, out: stem });
    }
    builds.set(key, { conditions: conditions.toSorted(), entries });
  }
}
if (builds.size === 0) {
  throw new Error(`${manifest.name}: package.json exports has no JavaScript target`);
}

const dependencies = new Set(
  [manifest.dependencies, manifest.peerDependencies, manifest.optionalDependencies].flatMap((field) =>
    Object.keys(field ?? {}),
  ),
);
const builtins = new Set(builtinModules);

/** Keeps dependencies and (under `node`) built-ins as imports; refuses any other bare import. */
function externals(conditions) {
  return {
    name: "externals",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^[^./#]/ }, (args) => {
        const name = args.path.startsWith("@") ? args.path.split("/", 2).join("/") : args.path.split("/")[0];
        if (dependencies.has(name)) {
          return { path: args.path, external: true };
        }
        if (args.path.startsWith("node:") || builtins.has(name)) {
          return conditions.includes("node")
            ? { path: args.path, external: true }
            : {
                errors: [
                  { text: `${args.path} is a Node built-in: Node-only code belongs behind the "node" condition` },
                ],
              };
        }
        return { errors: [{ text: `${args.path} is not a dependency or peer dependency of ${manifest.name}` }] };
      });
    },
  };
}

for (const { conditions, entries } of builds.values()) {
  const result = await build({
    absWorkingDir: packageDir,
    entryPoints: entries,
    outdir: "dist",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions,
    tsconfig: "tsconfig.build.json",
    plugins: [externals(conditions)],
    sourcemap: "linked",
    sourcesContent: false,
    logLevel: "warning",
    metafile: true,
  });
  const outputs = Object.keys(result.metafile.outputs).filter((file) => file.endsWith(".js"));
  const label = conditions.length > 0 ? conditions.join("+") : "default";
  process.stdout.write(
    `bundle-dist: ${manifest.name} (${label}): ${outputs.map((file) => relative("dist", file)).join(", ")}\n`,
  );
}
