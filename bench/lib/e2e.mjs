// End to end on loopback: `getModel` of each provider against a raw `fetch` of the same URL, signed per call with
// core's `signAcs3` / `signBceV1` and parsed as JSON — the least any signed client must do. The server runs in its
// own process (loopback-server.mjs); calls alternate ours/raw so drift hits both alike. The officials' clients are
// timed against the same server too when they can be pointed at it.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { signAcs3, signBceV1 } from "@cloud-models/core";
import { paiProvider } from "@cloud-models/pai";
import { qianfanProvider } from "@cloud-models/qianfan";
import { getModel as alibabaGetModel } from "../apps/official-alibaba.js";
import { getModel as qianfanOfficialGetModel } from "../apps/official-qianfan.js";
import { BENCH, messageOf, percentile } from "./common.mjs";
import { LOOPBACK_CREDENTIALS } from "./loopback-credentials.mjs";

const PAI_ID = "model-rbvg5wzljz****ks92";
const QIANFAN_ID = "am-txtetnsfq9sb";

/** Starts the loopback server in a child process; resolves to `{ origin, stats(), stop() }`. */
async function startServer() {
  const child = spawn(process.execPath, [join(BENCH, "lib", "loopback-server.mjs")], {
    cwd: BENCH,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const origin = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the loopback server did not start within 15 s")), 15_000);
    child.once("exit", (code) => reject(new Error(`the loopback server exited (${code})`)));
    lines.once("line", (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line).origin);
    });
  });
  return {
    origin,
    stats: async () => (await fetch(`${origin}/__stats`)).json(),
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", resolve);
        child.kill("SIGTERM");
      }),
  };
}

async function time(fn) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** Runs `warmup` calls of each, then `calls` timed calls of each, alternating which goes first. */
async function compare(fns, { warmup, calls }) {
  const samples = Object.fromEntries(Object.keys(fns).map((name) => [name, []]));
  const names = Object.keys(fns);
  for (let index = 0; index < warmup; index++) {
    for (const name of names) {
      await fns[name]();
    }
  }
  for (let index = 0; index < calls; index++) {
    const order = index % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      samples[name].push(await time(fns[name]));
    }
  }
  return Object.fromEntries(
    names.map((name) => [name, { p50: percentile(samples[name], 50), p90: percentile(samples[name], 90), calls }]),
  );
}

async function expectJson(response, what) {
  if (!response.ok) {
    throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  }
  return response.json();
}

/** Resolves to `{ pai: { ours, raw, official }, qianfan: { ours, raw, official }, stats }` (ms). */
export async function measureEndToEnd({ warmup, calls, officialCalls }) {
  const server = await startServer();
  try {
    const { origin } = server;
    const pai = paiProvider({ credentials: LOOPBACK_CREDENTIALS.pai, baseUrl: origin });
    const qianfan = qianfanProvider({ credentials: LOOPBACK_CREDENTIALS.qianfan, baseUrl: origin });
    const paiUrl = `${origin}/api/v1/models/${encodeURIComponent(PAI_ID).replace(/\*/g, "%2A")}`;
    const qianfanUrl = `${origin}/wenxinworkshop/modelrepo/modelDetail`;

    const paiFns = {
      ours: async () => {
        const model = await pai.getModel(PAI_ID);
        if (model.id !== PAI_ID) {
          throw new Error(`pai getModel returned ${model.id}`);
        }
      },
      raw: async () => {
        const request = new Request(paiUrl, { headers: { accept: "application/json" } });
        const signed = await signAcs3(request, LOOPBACK_CREDENTIALS.pai, { action: "GetModel", version: "2021-02-04" });
        await expectJson(await fetch(signed), "raw pai fetch");
      },
    };
    const qianfanFns = {
      ours: async () => {
        const model = await qianfan.getModel(QIANFAN_ID);
        if (model.id !== QIANFAN_ID) {
          throw new Error(`qianfan getModel returned ${model.id}`);
        }
      },
      raw: async () => {
        const request = new Request(qianfanUrl, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify({ modelId: QIANFAN_ID }),
        });
        const signed = await signBceV1(request, LOOPBACK_CREDENTIALS.qianfan);
        await expectJson(await fetch(signed), "raw qianfan fetch");
      },
    };
    const results = {
      pai: await compare(paiFns, { warmup, calls }),
      qianfan: await compare(qianfanFns, { warmup, calls }),
    };

    // The officials, for context (not a budget): their own HTTP stacks against the same server.
    const host = new URL(origin).host;
    const officials = {
      pai: async () => {
        const answer = await alibabaGetModel(PAI_ID, { ...LOOPBACK_CREDENTIALS.pai, endpoint: host, protocol: "HTTP" });
        if (answer?.body?.ModelId !== PAI_ID) {
          throw new Error("@alicloud/openapi-core returned no model");
        }
      },
      qianfan: async () => {
        const answer = await qianfanOfficialGetModel(QIANFAN_ID, { ...LOOPBACK_CREDENTIALS.qianfan, baseUrl: origin });
        if (answer?.result?.modelIdStr !== QIANFAN_ID) {
          throw new Error(`@baiducloud/qianfan returned ${JSON.stringify(answer).slice(0, 200)}`);
        }
      },
    };
    for (const [cloud, fn] of Object.entries(officials)) {
      try {
        results[cloud].official = (await compare({ official: fn }, { warmup: 10, calls: officialCalls })).official;
      } catch (error) {
        results[cloud].official = { error: messageOf(error) };
      }
    }
    results.stats = await server.stats();
    return results;
  } finally {
    await server.stop();
  }
}
