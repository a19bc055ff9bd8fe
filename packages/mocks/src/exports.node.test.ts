// The package's `exports` guard: `./browser` cannot be resolved by Node, `./node` cannot be resolved with the
// `browser` condition (what bundlers targeting browsers use), so the wrong entry fails at resolve time.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));

/** Node's error code when resolving `specifier` from inside the package (self-reference), or `undefined`. */
function resolveError(specifier: string, conditions: readonly string[] = []): string | undefined {
  const script = `try { require.resolve(${JSON.stringify(specifier)}) } catch (e) { process.stdout.write(e.code) }`;
  const args = [...conditions.map((condition) => `--conditions=${condition}`), "-e", script];
  const { stdout } = spawnSync(process.execPath, args, { cwd: PACKAGE_DIR, encoding: "utf8" });
  return stdout === "" ? undefined : stdout;
}

describe("exports", () => {
  test("Node cannot resolve @cloud-models/mocks/browser", () => {
    expect(resolveError("@cloud-models/mocks/browser")).toBe("ERR_PACKAGE_PATH_NOT_EXPORTED");
  });

  test("the browser condition cannot resolve @cloud-models/mocks/node", () => {
    expect(resolveError("@cloud-models/mocks/node", ["browser"])).toBe("ERR_PACKAGE_PATH_NOT_EXPORTED");
  });

  // Node always sets the `node` condition, so only a browser bundler resolves `./browser`; it is left out here.
  test("Node resolves the root and ./node entries (unbuilt, MODULE_NOT_FOUND is fine here)", () => {
    for (const specifier of ["@cloud-models/mocks", "@cloud-models/mocks/node"]) {
      expect(resolveError(specifier)).not.toBe("ERR_PACKAGE_PATH_NOT_EXPORTED");
    }
  });
});
