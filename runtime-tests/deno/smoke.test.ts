// The Deno smoke suite. Run through `node runtime-tests/deno/run.mjs`, which starts the loopback server and passes
// its origin in SMOKE_BASE_URL (Deno's permissions: env for that one variable, net for 127.0.0.1 only).
import { runSmoke, summaryLine } from "../shared/smoke.ts";

const baseUrl = Deno.env.get("SMOKE_BASE_URL");
if (!baseUrl) {
  throw new Error("SMOKE_BASE_URL is not set: run `node runtime-tests/deno/run.mjs`, which starts the loopback server");
}
const checks = await runSmoke({ baseUrl });
// biome-ignore lint/suspicious/noConsole: the summary line the runner reads
console.log(summaryLine("deno", Deno.version.deno, checks));

for (const check of checks) {
  Deno.test(check.name, () => {
    if (!check.ok) {
      throw new Error(check.detail);
    }
  });
}
