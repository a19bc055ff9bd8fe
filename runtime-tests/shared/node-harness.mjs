// Node-side plumbing shared by the harnesses: compiles the TypeScript in shared/ once (esbuild, packages left
// external so Node loads the BUILT @cloud-models/* from node_modules), so it runs on Node 20 as well as Node 24.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

export const RUNTIME_TESTS = join(dirname(fileURLToPath(import.meta.url)), "..");
export const CACHE = join(RUNTIME_TESTS, ".cache");

/**
 * The shared modules, compiled for Node into .cache/node/ and imported:
 * `{ runSmoke, summaryLine, SUMMARY_PREFIX, startLoopbackServer }`.
 */
export async function loadShared() {
  const outdir = join(CACHE, "node", String(process.pid));
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: {
      smoke: join(RUNTIME_TESTS, "shared/smoke.ts"),
      "loopback-server": join(RUNTIME_TESTS, "shared/loopback-server.ts"),
    },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    packages: "external",
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "error",
  });
  try {
    const smoke = await import(pathToFileURL(join(outdir, "smoke.mjs")).href);
    const server = await import(pathToFileURL(join(outdir, "loopback-server.mjs")).href);
    return { ...smoke, ...server };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Prints a line on stdout (the lint forbids console in this repo's code). */
export function println(line = "") {
  process.stdout.write(`${line}\n`);
}

/**
 * Starts the loopback server, runs `command args` with SMOKE_BASE_URL set to its origin and the output passed
 * through, and resolves to the child's exit code. The child gets its own process group, killed on timeout.
 */
export async function runWithServer({ command, args, cwd, env = {}, timeoutMs }) {
  const { startLoopbackServer } = await loadShared();
  const server = await startLoopbackServer();
  try {
    return await new Promise((resolve, reject) => {
      const child = spawn(command, args, {
        cwd,
        env: { ...process.env, ...env, SMOKE_BASE_URL: server.origin },
        stdio: "inherit",
        detached: true,
      });
      const timer = setTimeout(() => {
        process.stderr.write(`${command}: timed out after ${timeoutMs} ms, killing it\n`);
        killGroup(child);
      }, timeoutMs);
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        killGroup(child);
        resolve(code ?? (signal ? 128 : 1));
      });
    });
  } finally {
    await server.close();
  }
}

/** Kills a detached child's whole process group (it and anything it started), ignoring "already gone". */
export function killGroup(child) {
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // already exited
  }
}
