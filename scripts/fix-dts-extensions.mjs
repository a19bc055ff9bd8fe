// tsc rewrites relative `.ts` imports to `.js` in emitted JavaScript (rewriteRelativeImportExtensions) but leaves them
// as `.ts` in declaration files. tsc itself maps those to the `.d.ts` beside them; Deno's type checker and other
// tools do not. This rewrites them in every `.d.ts` under the given folder, so published types resolve everywhere.
// Usage: node scripts/fix-dts-extensions.mjs <dist folder>
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

const root = process.argv[2];
if (!root) {
  process.stderr.write("usage: fix-dts-extensions.mjs <folder>\n");
  process.exit(2);
}

// `from "./x.ts"`, `import("./x.ts")`, `import "./x.ts"` — relative specifiers only.
const SPECIFIER = /((?:from|import)\s*\(?\s*["'])(\.{1,2}\/[^"']+?)\.ts(["'])/g;

let changed = 0;
for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".d.ts")) {
    continue;
  }
  const file = join(entry.parentPath, entry.name);
  const text = await readFile(file, "utf8");
  const fixed = text.replace(SPECIFIER, "$1$2.js$3");
  if (fixed !== text) {
    await writeFile(file, fixed);
    changed++;
  }
}
process.stdout.write(`fix-dts-extensions: ${changed} declaration file(s) rewritten in ${root}\n`);
