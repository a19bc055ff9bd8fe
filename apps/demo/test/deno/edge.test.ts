// The edge function in Deno: run by test/edge-deno.test.ts (`deno test`, network limited to 127.0.0.1), which
// starts the loopback clouds and passes their base URLs, the fake credentials and the expected seed models in the
// environment. Deno's own fetch makes every call; nothing is mocked in this process.
import edge from "../../src/edge/entry.ts";
import { envFromDeno } from "../../src/edge/env.ts";
import { createEdgeHandler } from "../../src/edge/handler.ts";

interface Seed {
  readonly id: string;
  readonly name: string;
}
const seeds = JSON.parse(Deno.env.get("DEMO_SEEDS") ?? "{}") as Record<"pai" | "qianfan", Seed>;

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) {
    throw new Error(message);
  }
}

async function json(response: Response): Promise<Record<string, unknown>> {
  const text = await response.text();
  for (const name of ["ALIBABA_CLOUD_ACCESS_KEY_SECRET", "QIANFAN_SECRET_KEY"]) {
    const secret = Deno.env.get(name);
    assert(secret === undefined || !text.includes(secret), `${name} leaked into an answer`);
  }
  return JSON.parse(text) as Record<string, unknown>;
}

Deno.test("the default export (deno serve's shape) reads Deno.env and answers both seed models", async () => {
  for (const provider of ["pai", "qianfan"] as const) {
    const { id, name } = seeds[provider];
    const response = await edge.fetch(new Request(`http://edge.test/api/models/${provider}/${encodeURIComponent(id)}`));
    assert(response.status === 200, `${provider}: status ${response.status}`);
    const model = await json(response);
    assert(model["name"] === name && model["id"] === id, `${provider}: got ${JSON.stringify(model).slice(0, 200)}`);
  }
});

Deno.test("served by Deno.serve on 127.0.0.1, called over the socket", async () => {
  const handler = createEdgeHandler({ env: envFromDeno(Deno) });
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (request) => handler(request));
  try {
    const origin = `http://127.0.0.1:${server.addr.port}`;
    const model = await fetch(`${origin}/api/models/qianfan/${seeds.qianfan.id}`);
    assert(model.status === 200, `status ${model.status}`);
    assert(model.headers.get("access-control-allow-origin") === "*", "CORS header");
    assert((await json(model))["name"] === seeds.qianfan.name, "qianfan name");

    const missing = await fetch(`${origin}/api/models/pai/model-nope`);
    assert(missing.status === 404, `not found: status ${missing.status}`);
    const error = (await json(missing))["error"] as Record<string, unknown>;
    assert(error["code"] === "not_found" && error["provider"] === "pai", `not found: ${JSON.stringify(error)}`);

    const post = await fetch(`${origin}/api/models/pai/x`, { method: "POST", body: "{}" });
    assert(post.status === 405 && post.headers.get("allow") === "GET, OPTIONS", `POST: status ${post.status}`);
    await post.body?.cancel();
  } finally {
    await server.shutdown();
  }
});

Deno.test("a cloud without credentials answers 503 naming its variables", async () => {
  const env = envFromDeno(Deno);
  const handler = createEdgeHandler({ env: { ...env, QIANFAN_ACCESS_KEY: "", QIANFAN_SECRET_KEY: "" } });
  const response = await handler(new Request(`http://edge.test/api/models/qianfan/${seeds.qianfan.id}`));
  assert(response.status === 503, `status ${response.status}`);
  const error = (await json(response))["error"] as Record<string, unknown>;
  assert(String(error["message"]).includes("QIANFAN_ACCESS_KEY"), `message: ${String(error["message"])}`);
});
