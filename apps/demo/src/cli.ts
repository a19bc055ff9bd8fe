// The demo CLI: `pnpm demo` (from the repository root) or `node src/cli.ts` (from apps/demo). See `--help`.
import { runCli } from "./run-cli.ts";

// `pnpm demo --json | head` closes the pipe early: that is the reader's choice, not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    process.exit(error.code === "EPIPE" ? (process.exitCode ?? 0) : 1);
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
