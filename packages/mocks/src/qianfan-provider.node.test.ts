// The Qianfan handlers through the real provider: `qianfanProvider` with no custom fetch, answered by the ready
// `server`.
import { qianfanProvider } from "@cloud-models/qianfan";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { BCE_REQUEST_ID, fieldsOf, QIANFAN_LOG_ID, rejection } from "./__fixtures__/errors.ts";
import { qianfanTestCredentials } from "./credentials.ts";
import { qianfanFixtures } from "./fixtures.ts";
import { qianfanHandlers } from "./handlers/qianfan.ts";
import { server } from "./node.ts";
import type { Scenario } from "./scenarios.ts";

beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const SEED_ID = "am-txtetnsfq9sb";
const qianfan = qianfanProvider({ credentials: qianfanTestCredentials });

describe("qianfanProvider against the mocks", () => {
  test("the seed model, signed with the test credentials, is served and mapped", async () => {
    const model = await qianfan.getModel(SEED_ID);
    expect(model).toMatchObject({
      provider: "qianfan",
      id: SEED_ID,
      ref: `qianfan:${SEED_ID}`,
      name: "chatglm32k_v10",
    });
    expect(model.versions.map((version) => version.version)).toEqual(["2", "1"]);
    expect(model.raw).toEqual(qianfanFixtures.model);
  });

  test("an unknown id is a not_found ModelError (HTTP 200 with error_code)", async () => {
    const error = await rejection(qianfan.getModel("am-does-not-exist"));
    expect(fieldsOf(error)).toMatchObject({
      code: "not_found",
      provider: "qianfan",
      status: 200,
      vendorCode: "336001",
      retryable: false,
    });
    expect(error.requestId).toMatch(QIANFAN_LOG_ID);
  });

  test("models added with server.use are served", async () => {
    server.use(...qianfanHandlers({ models: [qianfanFixtures.sdkModel] }));
    expect((await qianfan.getModel("am-txtetxxxq9sb")).name).toBe("强化_bloom");
  });

  // IAM refusals carry X-Bce-Request-Id (a UUID); business errors carry log_id (10 digits).
  const cases: [Scenario, Record<string, unknown>, RegExp][] = [
    ["not-found", { code: "not_found", status: 200, vendorCode: "336001", retryable: false }, QIANFAN_LOG_ID],
    [
      "signature-mismatch",
      { code: "unauthorized", status: 401, vendorCode: "SignatureDoesNotMatch", retryable: false },
      BCE_REQUEST_ID,
    ],
    [
      "invalid-access-key",
      { code: "unauthorized", status: 401, vendorCode: "InvalidAccessKeyId", retryable: false },
      BCE_REQUEST_ID,
    ],
    [
      "access-denied",
      { code: "unauthorized", status: 403, vendorCode: "AccessDenied", retryable: false },
      BCE_REQUEST_ID,
    ],
    ["expired", { code: "unauthorized", status: 403, vendorCode: "RequestExpired", retryable: false }, BCE_REQUEST_ID],
    ["throttled", { code: "throttled", status: 200, vendorCode: "18", retryable: true }, QIANFAN_LOG_ID],
  ];
  test.each(cases)("scenario %j → a typed ModelError", async (scenario, expected, requestId) => {
    server.use(...qianfanHandlers({ scenario }));
    const error = await rejection(qianfan.getModel(SEED_ID));
    expect(fieldsOf(error)).toMatchObject({ provider: "qianfan", ...expected });
    expect(error.requestId).toMatch(requestId);
  });

  test("scenario server-error → http, the HTTP status, retryable", async () => {
    server.use(...qianfanHandlers({ scenario: "server-error" }));
    expect(fieldsOf(await rejection(qianfan.getModel(SEED_ID)))).toEqual({
      code: "http",
      provider: "qianfan",
      status: 503,
      vendorCode: undefined,
      requestId: undefined,
      retryable: true,
    });
  });

  test("scenario truncated → invalid_response, retryable", async () => {
    server.use(...qianfanHandlers({ scenario: "truncated" }));
    const error = await rejection(qianfan.getModel(SEED_ID));
    expect(fieldsOf(error)).toMatchObject({ code: "invalid_response", status: 200, retryable: true });
    expect(error.requestId).toMatch(BCE_REQUEST_ID);
  });

  test("scenario network-error → network, retryable", async () => {
    server.use(...qianfanHandlers({ scenario: "network-error" }));
    expect(fieldsOf(await rejection(qianfan.getModel(SEED_ID)))).toMatchObject({ code: "network", retryable: true });
  });

  test("scenario slow → the model, after the wait", async () => {
    server.use(...qianfanHandlers({ scenario: { type: "slow", ms: 40 } }));
    const started = performance.now();
    expect((await qianfan.getModel(SEED_ID)).id).toBe(SEED_ID);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });
});

describe("the provider's transport against the mocks", () => {
  test("a QPS limit on the first attempt is retried and served", async () => {
    server.use(...qianfanHandlers({ scenario: ({ call }) => (call === 1 ? "throttled" : undefined) }));
    expect((await qianfan.getModel(SEED_ID)).id).toBe(SEED_ID);
  });

  test("a client clock an hour behind gets RequestExpired, learns the mock's clock from Date, and is served", async () => {
    const calls: number[] = [];
    server.use(
      ...qianfanHandlers({
        now: () => new Date(Date.now() + 60 * 60_000),
        scenario: ({ call }) => {
          calls.push(call);
          return undefined;
        },
      }),
    );
    expect((await qianfanProvider({ credentials: qianfanTestCredentials }).getModel(SEED_ID)).id).toBe(SEED_ID);
    expect(calls).toEqual([1, 2]);
  });
});

describe("signature checking through the provider", () => {
  test("a provider with the wrong secret is refused: 401 SignatureDoesNotMatch", async () => {
    const wrong = qianfanProvider({ credentials: { ...qianfanTestCredentials, accessKeySecret: "NOT_THE_SK" } });
    expect(fieldsOf(await rejection(wrong.getModel(SEED_ID)))).toMatchObject({
      code: "unauthorized",
      status: 401,
      vendorCode: "SignatureDoesNotMatch",
    });
  });

  test("with checking off, any key is served", async () => {
    server.use(...qianfanHandlers({ credentials: false }));
    const anyone = qianfanProvider({ credentials: { accessKeyId: "ANY", accessKeySecret: "ANY" } });
    expect((await anyone.getModel(SEED_ID)).id).toBe(SEED_ID);
  });
});
