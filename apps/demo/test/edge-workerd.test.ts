// The edge function in Cloudflare's workerd (through Miniflare), Node APIs off: src/edge/entry.ts bundled by
// esbuild for the browser platform (a `node:` import would fail the bundle), run as a Workers module with the
// credentials as bindings. Its own fetch calls the loopback clouds (PAI_BASE_URL / QIANFAN_BASE_URL): nothing goes
// through Node's fetch, nothing leaves 127.0.0.1.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, expect, test } from "vitest";
import { SEED_IDS, SEED_NAMES } from "../src/seeds.ts";
import { TEST_CREDENTIALS_ENV, TEST_SECRETS } from "./support/env.ts";
import { type LoopbackMocks, startLoopbackMocks } from "./support/loopback-mocks.ts";

const DEMO = join(dirname(fileURLToPath(import.meta.url)), "..");
/** The latest date this Miniflare's workerd accepts; from 2026-08-04 Node APIs would be on by default. */
const COMPATIBILITY_DATE = "2026-08-06";
const NO_NODE = ["no_nodejs_compat", "no_nodejs_compat_v2"];

let mocks: LoopbackMocks;
let mf: Miniflare;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [join(DEMO, "src/edge/entry.ts")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    target: "es2022",
    logLevel: "silent",
  });
  mocks = await startLoopbackMocks();
  mf = new Miniflare({
    compatibilityDate: COMPATIBILITY_DATE,
    compatibilityFlags: NO_NODE,
    workers: [
      {
        name: "edge",
        modules: [{ type: "ESModule", path: join(DEMO, "edge.mjs"), contents: bundle.outputFiles[0]?.text ?? "" }],
        bindings: { ...TEST_CREDENTIALS_ENV, ...mocks.env },
        compatibilityDate: COMPATIBILITY_DATE,
        compatibilityFlags: NO_NODE,
      },
      {
        // A control in the same runtime: what a worker sees of Node with these flags.
        name: "probe",
        routes: ["probe.invalid/*"],
        modules: true,
        script: `export default { fetch: () => Response.json({ process: typeof process, Buffer: typeof Buffer, require: typeof require }) };`,
        compatibilityDate: COMPATIBILITY_DATE,
        compatibilityFlags: NO_NODE,
      },
    ],
  });
  await mf.ready;
}, 60_000);

afterAll(async () => {
  await mf?.dispose();
  await mocks?.close();
});

test("workerd runs without Node APIs (the control worker sees none)", async () => {
  const seen = await (await mf.dispatchFetch("http://probe.invalid/")).json();
  expect(seen).toEqual({ process: "undefined", Buffer: "undefined", require: "undefined" });
});

test("GET both seed models: 200, normalised JSON, CORS open", async () => {
  for (const [provider, id, name] of [
    ["pai", SEED_IDS.pai, SEED_NAMES.pai],
    ["qianfan", SEED_IDS.qianfan, SEED_NAMES.qianfan],
  ] as const) {
    const response = await mf.dispatchFetch(`http://edge.example/api/models/${provider}/${encodeURIComponent(id)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toMatchObject({ provider, id, name });
  }
});

test("errors: 404 not_found from the cloud, 400 unknown provider, 405, 204 preflight", async () => {
  const notFound = await mf.dispatchFetch("http://edge.example/api/models/qianfan/am-nope");
  expect(notFound.status).toBe(404);
  const body = await notFound.text();
  expect(JSON.parse(body)).toMatchObject({ error: { code: "not_found", provider: "qianfan", vendorCode: "336001" } });
  for (const secret of TEST_SECRETS) {
    expect(body).not.toContain(secret);
  }
  expect((await mf.dispatchFetch("http://edge.example/api/models/aws/x")).status).toBe(400);
  expect((await mf.dispatchFetch("http://edge.example/api/models/pai/x", { method: "DELETE" })).status).toBe(405);
  expect((await mf.dispatchFetch("http://edge.example/api/models/pai/x", { method: "OPTIONS" })).status).toBe(204);
});

test("the calls went from workerd's own fetch to the loopback clouds, signed", () => {
  expect(mocks.stats.verified.pai).toBeGreaterThanOrEqual(1);
  expect(mocks.stats.verified.qianfan).toBeGreaterThanOrEqual(2);
  expect(mocks.stats.refused).toEqual({ pai: 0, qianfan: 0 });
  expect(new Set(mocks.stats.remoteAddresses)).toEqual(new Set(["127.0.0.1"]));
  // Node's fetch says "node"; workerd's does not.
  expect(mocks.stats.userAgents).not.toContain("node");
});
