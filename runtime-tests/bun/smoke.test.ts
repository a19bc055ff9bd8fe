// The Bun smoke suite. Run through `node runtime-tests/bun/run.mjs`, which starts the loopback server and passes its
// origin in SMOKE_BASE_URL.
import { expect, test } from "bun:test";
import { runSmoke, summaryLine } from "../shared/smoke.ts";

const baseUrl = process.env["SMOKE_BASE_URL"];
if (!baseUrl) {
  throw new Error("SMOKE_BASE_URL is not set: run `node runtime-tests/bun/run.mjs`, which starts the loopback server");
}
const checks = await runSmoke({ baseUrl });
// biome-ignore lint/suspicious/noConsole: the summary line the runner reads
console.log(summaryLine("bun", Bun.version, checks));

for (const check of checks) {
  test(check.name, () => {
    expect(check).toMatchObject({ ok: true });
  });
}
