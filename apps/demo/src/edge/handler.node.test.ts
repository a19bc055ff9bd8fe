// The edge handler in Node, against @cloud-models/mocks' msw server: requests go to the clouds' real URLs, msw
// answers them in process and checks every signature.
import { ENV_NAMES } from "@cloud-models/core";
import { paiFixtures, paiHandlers, qianfanHandlers } from "@cloud-models/mocks";
import { server } from "@cloud-models/mocks/node";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { TEST_CREDENTIALS_ENV, TEST_SECRETS } from "../../test/support/env.ts";
import { SEED_IDS, SEED_NAMES } from "../seeds.ts";
import edge from "./entry.ts";
import { createEdgeHandler, type EdgeErrorBody, type EdgeHandler } from "./handler.ts";

beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const FAST = { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 }, timeoutMs: 2_000 } as const;
const handler: EdgeHandler = createEdgeHandler({ env: TEST_CREDENTIALS_ENV, transport: FAST });
const answers: string[] = [];

async function get(path: string, init?: RequestInit, using: EdgeHandler = handler) {
  const response = await using(new Request(`https://edge.example${path}`, init));
  const text = await response.text();
  answers.push(text, JSON.stringify([...response.headers]));
  return { response, text, body: text === "" ? undefined : (JSON.parse(text) as unknown) };
}

function errorOf(body: unknown): EdgeErrorBody["error"] {
  return (body as EdgeErrorBody).error;
}

describe("GET /api/models/:provider/:id", () => {
  test.each([
    ["pai", SEED_IDS.pai, SEED_NAMES.pai],
    ["qianfan", SEED_IDS.qianfan, SEED_NAMES.qianfan],
  ])("%s: the seed model, normalised, as JSON", async (provider, id, name) => {
    const { response, body } = await get(`/api/models/${provider}/${encodeURIComponent(id)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(body).toMatchObject({ provider, id, ref: `${provider}:${id}`, name });
  });

  test("an id as typed, unencoded `*` and all", async () => {
    const { response, body } = await get(`/api/models/pai/${SEED_IDS.pai}`);
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ id: SEED_IDS.pai });
  });

  test.each([
    ["pai", "model-nope", "InvalidModel.NotFound"],
    ["qianfan", "am-nope", "336001"],
  ])("%s: an unknown id is 404 not_found with the cloud's request id", async (provider, id, vendorCode) => {
    const { response, body } = await get(`/api/models/${provider}/${id}`);
    expect(response.status).toBe(404);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(errorOf(body)).toMatchObject({ code: "not_found", provider, vendorCode, retryable: false });
    expect(errorOf(body).requestId).toMatch(/\S/);
    expect(errorOf(body).message).toContain("failed");
  });
});

describe("cloud failures map to statuses", () => {
  test("throttled: 429 with Retry-After from the cloud's hint", async () => {
    server.use(...paiHandlers({ scenario: { type: "throttled", retryAfterMs: 1_500 } }));
    const { response, body } = await get(
      `/api/models/pai/${SEED_IDS.pai}`,
      undefined,
      createEdgeHandler({
        env: TEST_CREDENTIALS_ENV,
        transport: { retry: false },
      }),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("2");
    expect(errorOf(body)).toMatchObject({ code: "throttled", provider: "pai", retryable: true });
  });

  test("throttled without a hint (Qianfan sends none): 429, no Retry-After", async () => {
    server.use(...qianfanHandlers({ scenario: "throttled" }));
    const { response, body } = await get(`/api/models/qianfan/${SEED_IDS.qianfan}`);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBeNull();
    expect(errorOf(body).code).toBe("throttled");
  });

  test("the cloud refuses the proxy's keys: 502 unauthorized (not 401: the caller cannot fix it)", async () => {
    const wrong = createEdgeHandler({
      env: { ...TEST_CREDENTIALS_ENV, [ENV_NAMES.qianfan.accessKeySecret]: "FAKE-WRONG-SECRET-FOR-DEMO-TESTS" },
    });
    const { response, body, text } = await get(`/api/models/qianfan/${SEED_IDS.qianfan}`, undefined, wrong);
    expect(response.status).toBe(502);
    expect(errorOf(body)).toMatchObject({
      code: "unauthorized",
      provider: "qianfan",
      vendorCode: "SignatureDoesNotMatch",
    });
    expect(text).not.toContain("FAKE-WRONG-SECRET-FOR-DEMO-TESTS");
  });

  test("a 5xx from the cloud: 502 http, retryable", async () => {
    server.use(...paiHandlers({ scenario: { type: "server-error", status: 503 } }));
    const { response, body } = await get(`/api/models/pai/${SEED_IDS.pai}`);
    expect(response.status).toBe(502);
    expect(errorOf(body)).toMatchObject({ code: "http", provider: "pai", retryable: true });
  });

  test("a broken connection: 502 network", async () => {
    server.use(...qianfanHandlers({ scenario: "network-error" }));
    const { response, body } = await get(`/api/models/qianfan/${SEED_IDS.qianfan}`);
    expect(response.status).toBe(502);
    expect(errorOf(body).code).toBe("network");
  });

  test("a truncated body: 502 invalid_response", async () => {
    server.use(...paiHandlers({ scenario: "truncated" }));
    const { response, body } = await get(`/api/models/pai/${SEED_IDS.pai}`);
    expect(response.status).toBe(502);
    expect(errorOf(body).code).toBe("invalid_response");
  });

  test("a slow cloud: 504 timeout", async () => {
    server.use(...paiHandlers({ scenario: { type: "slow", ms: 2_000 } }));
    const slow = createEdgeHandler({ env: TEST_CREDENTIALS_ENV, transport: { retry: false, timeoutMs: 50 } });
    const { response, body } = await get(`/api/models/pai/${SEED_IDS.pai}`, undefined, slow);
    expect(response.status).toBe(504);
    expect(errorOf(body).code).toBe("timeout");
  });
});

describe("requests the proxy refuses itself", () => {
  test("an unknown provider: 400 unknown_provider", async () => {
    const { response, body } = await get("/api/models/aws/model-x");
    expect(response.status).toBe(400);
    expect(errorOf(body).code).toBe("unknown_provider");
    expect(errorOf(body).message).toContain("pai, qianfan");
  });

  test.each([
    ["a blank id", "/api/models/pai/%20"],
    ["an empty id", "/api/models/qianfan/"],
    ["broken percent-encoding", "/api/models/pai/%E0%A4%A"],
  ])("%s: 400 invalid_argument, before any call", async (_, path) => {
    const { response, body } = await get(path);
    expect(response.status).toBe(400);
    expect(errorOf(body).code).toBe("invalid_argument");
  });

  test.each(["/", "/api/models", "/api/models/pai", "/api/models/pai/a/b", "/other"])(
    "%s: 404 route_not_found",
    async (path) => {
      const { response, body } = await get(path);
      expect(response.status).toBe(404);
      expect(errorOf(body).code).toBe("route_not_found");
    },
  );

  test.each(["POST", "PUT", "DELETE", "PATCH"])("%s: 405 with Allow", async (method) => {
    const { response, body } = await get(`/api/models/pai/${SEED_IDS.pai}`, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, OPTIONS");
    expect(errorOf(body).code).toBe("method_not_allowed");
  });

  test("OPTIONS: a CORS preflight for any origin", async () => {
    const { response, text } = await get(`/api/models/pai/${SEED_IDS.pai}`, {
      method: "OPTIONS",
      headers: { origin: "https://app.example", "access-control-request-method": "GET" },
    });
    expect(response.status).toBe(204);
    expect(text).toBe("");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toBe("GET, OPTIONS");
  });
});

describe("configuration from the environment", () => {
  test("a cloud without credentials answers 503 naming the variables; the other still works", async () => {
    const paiOnly = createEdgeHandler({
      env: {
        [ENV_NAMES.pai.accessKeyId]: TEST_CREDENTIALS_ENV[ENV_NAMES.pai.accessKeyId],
        [ENV_NAMES.pai.accessKeySecret]: TEST_CREDENTIALS_ENV[ENV_NAMES.pai.accessKeySecret],
      },
    });
    const missing = await get(`/api/models/qianfan/${SEED_IDS.qianfan}`, undefined, paiOnly);
    expect(missing.response.status).toBe(503);
    expect(errorOf(missing.body)).toMatchObject({ code: "not_configured", provider: "qianfan" });
    expect(errorOf(missing.body).message).toContain("QIANFAN_ACCESS_KEY and QIANFAN_SECRET_KEY");
    expect((await get(`/api/models/pai/${SEED_IDS.pai}`, undefined, paiOnly)).response.status).toBe(200);
  });

  test("a malformed PAI_REGION: 500 invalid_argument for PAI only, without echoing secrets", async () => {
    const badRegion = createEdgeHandler({ env: { ...TEST_CREDENTIALS_ENV, PAI_REGION: "not a region" } });
    const { response, body } = await get(`/api/models/pai/${SEED_IDS.pai}`, undefined, badRegion);
    expect(response.status).toBe(500);
    expect(errorOf(body).code).toBe("invalid_argument");
    expect((await get(`/api/models/qianfan/${SEED_IDS.qianfan}`, undefined, badRegion)).response.status).toBe(200);
  });

  test("PAI_REGION picks the region's endpoint", async () => {
    const seen: string[] = [];
    const shanghai = createEdgeHandler({
      env: { ...TEST_CREDENTIALS_ENV, PAI_REGION: "cn-shanghai" },
      fetch: (input, init) => {
        seen.push(new URL(input.url).host);
        return fetch(input, init);
      },
    });
    expect((await get(`/api/models/pai/${SEED_IDS.pai}`, undefined, shanghai)).response.status).toBe(200);
    expect(seen).toEqual(["aiworkspace.cn-shanghai.aliyuncs.com"]);
  });

  test("CORS_ALLOW_ORIGIN restricts the origins, with Vary: Origin", async () => {
    const strict = createEdgeHandler({
      env: { ...TEST_CREDENTIALS_ENV, CORS_ALLOW_ORIGIN: "https://a.example, https://b.example" },
    });
    const allowed = await get(`/api/models/pai/${SEED_IDS.pai}`, { headers: { origin: "https://b.example" } }, strict);
    expect(allowed.response.headers.get("access-control-allow-origin")).toBe("https://b.example");
    expect(allowed.response.headers.get("vary")).toBe("Origin");
    const other = await get(`/api/models/pai/${SEED_IDS.pai}`, { headers: { origin: "https://evil.example" } }, strict);
    expect(other.response.headers.get("access-control-allow-origin")).toBeNull();
  });

  test("the default export reads a Workers-style env binding, once per binding", async () => {
    const response = await edge.fetch(
      new Request(`https://edge.example/api/models/qianfan/${SEED_IDS.qianfan}`),
      TEST_CREDENTIALS_ENV,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: SEED_NAMES.qianfan });
  });

  test("no answer ever carries a secret", () => {
    // Runs last in this file: every body and header set seen above.
    expect(answers.length).toBeGreaterThan(20);
    for (const answer of answers) {
      for (const secret of [...TEST_SECRETS, "FAKE-WRONG-SECRET-FOR-DEMO-TESTS"]) {
        expect(answer).not.toContain(secret);
      }
    }
  });
});

test("the fixtures are the ones the mocks serve", () => {
  expect(SEED_IDS.pai).toBe(paiFixtures.model.ModelId);
});
