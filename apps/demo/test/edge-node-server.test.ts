// The edge function served by node:http (src/edge/node-server.ts), called over a real socket, calling the clouds'
// stand-in over another: everything on 127.0.0.1.
import { afterAll, beforeAll, expect, test } from "vitest";
import { type EdgeServer, startEdgeServer } from "../src/edge/node-server.ts";
import { SEED_IDS, SEED_NAMES } from "../src/seeds.ts";
import { TEST_CREDENTIALS_ENV, TEST_SECRETS } from "./support/env.ts";
import { type LoopbackMocks, startLoopbackMocks } from "./support/loopback-mocks.ts";

let mocks: LoopbackMocks;
let edge: EdgeServer;

beforeAll(async () => {
  mocks = await startLoopbackMocks();
  edge = await startEdgeServer({ env: { ...TEST_CREDENTIALS_ENV, ...mocks.env }, port: 0 });
});
afterAll(async () => {
  await edge?.close();
  await mocks?.close();
});

test("both seed models over HTTP, signed requests verified by the loopback clouds", async () => {
  const [pai, qianfan] = await Promise.all([
    fetch(`${edge.origin}/api/models/pai/${encodeURIComponent(SEED_IDS.pai)}`),
    fetch(`${edge.origin}/api/models/qianfan/${SEED_IDS.qianfan}`, { headers: { origin: "http://localhost:5173" } }),
  ]);
  expect(pai.status).toBe(200);
  expect(await pai.json()).toMatchObject({ provider: "pai", id: SEED_IDS.pai, name: SEED_NAMES.pai });
  expect(qianfan.status).toBe(200);
  expect(qianfan.headers.get("access-control-allow-origin")).toBe("*");
  expect(await qianfan.json()).toMatchObject({ provider: "qianfan", id: SEED_IDS.qianfan, name: SEED_NAMES.qianfan });
  expect(mocks.stats.verified).toEqual({ pai: 1, qianfan: 1 });
  expect(mocks.stats.refused).toEqual({ pai: 0, qianfan: 0 });
  expect(new Set(mocks.stats.remoteAddresses)).toEqual(new Set(["127.0.0.1"]));
});

test("errors keep their status and JSON body through node:http", async () => {
  const missing = await fetch(`${edge.origin}/api/models/pai/model-nope`);
  expect(missing.status).toBe(404);
  expect(await missing.json()).toMatchObject({ error: { code: "not_found", provider: "pai" } });

  const post = await fetch(`${edge.origin}/api/models/pai/x`, { method: "POST", body: "{}" });
  expect(post.status).toBe(405);
  expect(post.headers.get("allow")).toBe("GET, OPTIONS");

  const preflight = await fetch(`${edge.origin}/api/models/qianfan/x`, {
    method: "OPTIONS",
    headers: { origin: "https://app.example", "access-control-request-method": "GET" },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, OPTIONS");

  const elsewhere = await fetch(`${edge.origin}/favicon.ico`);
  expect(elsewhere.status).toBe(404);
  const text = await elsewhere.text();
  for (const secret of TEST_SECRETS) {
    expect(text).not.toContain(secret);
  }
});
