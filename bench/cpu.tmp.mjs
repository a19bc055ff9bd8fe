import { signAcs3 } from "@cloud-models/core";
import { paiProvider } from "@cloud-models/pai";
import { paiFixtures } from "@cloud-models/pai/fixtures";
import { LOOPBACK_CREDENTIALS } from "./lib/loopback-credentials.mjs";
const body = JSON.stringify(paiFixtures.model);
const fakeFetch = async (req) => new Response(body, { headers: { "content-type": "application/json" } });
const origin = "http://127.0.0.1:9";
const p = paiProvider({ credentials: LOOPBACK_CREDENTIALS.pai, baseUrl: origin, fetch: fakeFetch });
const id = "model-rbvg5wzljz****ks92";
const url = `${origin}/api/v1/models/${encodeURIComponent(id).replace(/\*/g, "%2A")}`;
const raw = async () => {
  const signed = await signAcs3(new Request(url, { headers: { accept: "application/json" } }), LOOPBACK_CREDENTIALS.pai, { action: "GetModel", version: "2021-02-04" });
  return (await fakeFetch(signed)).json();
};
const ours = () => p.getModel(id);
for (let i = 0; i < 3000; i++) { await raw(); await ours(); }
const N = 20000;
for (let k = 0; k < 3; k++) {
  let t = performance.now(); if (!process.env.ONLY) for (let i = 0; i < N; i++) await raw(); const a = (performance.now() - t) / N * 1000;
  t = performance.now(); for (let i = 0; i < N; i++) await ours(); const b = (performance.now() - t) / N * 1000;
  console.log("raw", a.toFixed(1), "µs  ours", b.toFixed(1), "µs  diff", (b - a).toFixed(1));
}
