// The Node smoke suite: plain ESM and node:test, so the same file runs on the machine's Node 20 and the workspace's
// Node 24. Run it directly: `node runtime-tests/node/smoke.test.mjs` (any Node ≥ 20).
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadShared, println } from "../shared/node-harness.mjs";

const { runSmoke, startLoopbackServer, summaryLine } = await loadShared();
const server = await startLoopbackServer();
let checks;
try {
  checks = await runSmoke({ baseUrl: server.origin });
} finally {
  await server.close();
}

println(summaryLine("node", process.versions.node, checks));
for (const check of checks) {
  test(check.name, () => {
    assert.ok(check.ok, check.detail);
  });
}
