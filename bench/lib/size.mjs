// Bundle sizes (esbuild, minified, gzip level 9 as size-limit measures) of the apps in bench/apps/, and the install
// footprint of each stack (packages and bytes of its dependency closure).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { BENCH, messageOf, REPO } from "./common.mjs";

/** The bundles measured: ours for the browser (the budget), the yardstick, and the officials for Node. */
export const BUNDLES = [
  { id: "registry", label: "registry + pai + qianfan (browser)", app: "registry.js", platform: "browser" },
  { id: "pai", label: "pai provider alone (browser)", app: "pai.js", platform: "browser" },
  { id: "qianfan", label: "qianfan provider alone (browser)", app: "qianfan.js", platform: "browser" },
  { id: "core", label: "core, every export (browser)", app: "core.js", platform: "browser" },
  { id: "openapi-fetch", label: "openapi-fetch alone (browser)", app: "openapi-fetch.js", platform: "browser" },
  {
    id: "alibaba-browser",
    label: "Alibaba @alicloud/openapi-core (browser)",
    app: "official-alibaba.js",
    platform: "browser",
  },
  { id: "alibaba-node", label: "Alibaba @alicloud/openapi-core (Node)", app: "official-alibaba.js", platform: "node" },
  {
    id: "qianfan-official-browser",
    label: "Baidu @baiducloud/qianfan (browser)",
    app: "official-qianfan.js",
    platform: "browser",
  },
  {
    id: "qianfan-official-node",
    label: "Baidu @baiducloud/qianfan (Node)",
    app: "official-qianfan.js",
    platform: "node",
  },
];

/** Bundles every app; a bundle that fails is reported with esbuild's first errors, not thrown. */
export async function measureBundles() {
  const results = {};
  for (const bundle of BUNDLES) {
    try {
      const result = await build({
        entryPoints: [join(BENCH, "apps", bundle.app)],
        bundle: true,
        minify: true,
        format: "esm",
        platform: bundle.platform,
        target: "es2022",
        write: false,
        metafile: true,
        logLevel: "silent",
      });
      const bytes = result.outputFiles[0].contents;
      results[bundle.id] = {
        ...bundle,
        minified: bytes.byteLength,
        gzip: gzipSync(bytes, { level: 9 }).byteLength,
        modules: Object.keys(result.metafile.inputs).length,
      };
    } catch (error) {
      const errors = error.errors ?? [{ text: messageOf(error) }];
      const unresolved = [
        ...new Set(errors.map((item) => /Could not resolve "([^"]+)"/.exec(item.text)?.[1]).filter(Boolean)),
      ];
      results[bundle.id] = {
        ...bundle,
        error:
          unresolved.length > 0
            ? `cannot bundle: ${errors.length} error${errors.length === 1 ? "" : "s"}, Node built-ins not resolvable for the browser (${unresolved.slice(0, 6).join(", ")}${unresolved.length > 6 ? ", …" : ""})`
            : `cannot bundle: ${errors[0].text}`,
      };
    }
  }
  return results;
}

const require = createRequire(join(BENCH, "package.json"));

/** The folder of package `name` as seen from `fromDir` (node_modules lookup upwards, symlinks resolved). */
function packageDir(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    try {
      return realpathSync(join(dir, "node_modules", name));
    } catch {
      // not installed here; look one level up
    }
    if (dirname(dir) === dir) {
      return undefined;
    }
  }
}

/** Bytes and files under `dir`, not descending into node_modules (pnpm keeps dependencies outside the package). */
function folderSize(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules") {
      continue;
    }
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = folderSize(path);
      bytes += inner.bytes;
      files += inner.files;
    } else if (entry.isFile()) {
      bytes += statSync(path).size;
      files += 1;
    }
  }
  return { bytes, files };
}

/** Every package `roots` install (dependencies and optional dependencies, transitively): count and bytes. */
function closure(roots) {
  const seen = new Map();
  const queue = roots.map((name) => packageDir(name, BENCH)).filter(Boolean);
  while (queue.length > 0) {
    const dir = queue.shift();
    if (seen.has(dir)) {
      continue;
    }
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    seen.set(dir, manifest.name);
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      const found = packageDir(name, dir);
      if (found !== undefined) {
        queue.push(found);
      }
    }
  }
  let bytes = 0;
  for (const dir of seen.keys()) {
    bytes += folderSize(dir).bytes;
  }
  return { packages: seen.size, bytes };
}

/** What `npm pack` would put in our packages' tarballs (their `files`), plus openapi-fetch's closure. */
function oursFootprint() {
  let bytes = 0;
  let packages = 0;
  for (const name of ["core", "pai", "qianfan"]) {
    const output = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: join(REPO, "packages", name),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    bytes += JSON.parse(output)[0].unpackedSize;
    packages += 1;
  }
  const openapiFetch = closure(["openapi-fetch"]);
  return { packages: packages + openapiFetch.packages, bytes: bytes + openapiFetch.bytes };
}

/** Install footprints: ours (packed), openapi-fetch, and the officials' closures as installed here. */
export function measureFootprints() {
  const footprint = (compute) => {
    try {
      return compute();
    } catch (error) {
      return { error: messageOf(error) };
    }
  };
  // Keep `require` used for resolution sanity: every root must be installed in bench/.
  for (const name of ["@alicloud/openapi-core", "@baiducloud/qianfan", "@baiducloud/sdk", "openapi-fetch"]) {
    require.resolve(`${name}/package.json`);
  }
  return {
    ours: footprint(oursFootprint),
    "openapi-fetch": footprint(() => closure(["openapi-fetch"])),
    alibaba: footprint(() => closure(["@alicloud/openapi-core"])),
    "alibaba-util": footprint(() => closure(["@alicloud/openapi-util"])),
    "qianfan-official": footprint(() => closure(["@baiducloud/qianfan"])),
    "baidu-sdk": footprint(() => closure(["@baiducloud/sdk"])),
  };
}
