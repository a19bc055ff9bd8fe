// The PAI handlers through the real provider: `paiProvider` with no custom fetch, so every request goes through
// global fetch, signed by core, and is answered by the ready `server`.
import { paiProvider } from "@cloud-models/pai";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { fieldsOf, PAI_REQUEST_ID, rejection } from "./__fixtures__/errors.ts";
import { paiTestCredentials } from "./credentials.ts";
import { paiFixtures } from "./fixtures.ts";
import { paiHandlers } from "./handlers/pai.ts";
import { server } from "./node.ts";
import type { Scenario } from "./scenarios.ts";

beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const SEED_ID = paiFixtures.model.ModelId;
const pai = paiProvider({ credentials: paiTestCredentials });

describe("paiProvider against the mocks", () => {
  test("the seed model, signed with the test credentials, is served and mapped", async () => {
    const model = await pai.getModel(SEED_ID);
    expect(model).toMatchObject({ provider: "pai", id: SEED_ID, ref: `pai:${SEED_ID}`, name: "情感分析" });
    expect(model.versions[0]?.version).toBe("0.1.0");
    expect(model.raw).toEqual(paiFixtures.model);
  });

  test("an unknown id is a not_found ModelError", async () => {
    const error = await rejection(pai.getModel("model-does-not-exist"));
    expect(fieldsOf(error)).toMatchObject({
      code: "not_found",
      provider: "pai",
      status: 404,
      vendorCode: "InvalidModel.NotFound",
      retryable: false,
    });
    expect(error.requestId).toMatch(PAI_REQUEST_ID);
  });

  test("models added with server.use are served for this test only", async () => {
    const added = { ...paiFixtures.model, ModelId: "model-per-test", ModelName: "Per test" };
    server.use(...paiHandlers({ models: [added] }));
    expect((await pai.getModel("model-per-test")).name).toBe("Per test");
  });

  test("…and are gone after resetHandlers", async () => {
    expect((await rejection(pai.getModel("model-per-test"))).code).toBe("not_found");
  });

  // Every scenario → the ModelError fields a caller switches on. `requestId: PAI_REQUEST_ID` means a fresh PAI id.
  const cases: [Scenario, Record<string, unknown>][] = [
    ["not-found", { code: "not_found", status: 404, vendorCode: "InvalidModel.NotFound", retryable: false }],
    [
      "signature-mismatch",
      { code: "unauthorized", status: 400, vendorCode: "SignatureDoesNotMatch", retryable: false },
    ],
    [
      "invalid-access-key",
      { code: "unauthorized", status: 404, vendorCode: "InvalidAccessKeyId.NotFound", retryable: false },
    ],
    ["access-denied", { code: "unauthorized", status: 403, vendorCode: "Forbidden.RAM", retryable: false }],
    ["expired", { code: "unauthorized", status: 400, vendorCode: "InvalidTimeStamp.Expired", retryable: false }],
    [
      { type: "throttled", retryAfterMs: 5 },
      { code: "throttled", status: 429, vendorCode: "Throttling.User", retryable: true },
    ],
  ];
  test.each(cases)("scenario %j → a typed ModelError", async (scenario, expected) => {
    server.use(...paiHandlers({ scenario }));
    const error = await rejection(pai.getModel(SEED_ID));
    expect(fieldsOf(error)).toMatchObject({ provider: "pai", ...expected });
    expect(error.requestId).toMatch(PAI_REQUEST_ID);
  });

  test("scenario access-denied: the message names paimodel:GetModel", async () => {
    server.use(...paiHandlers({ scenario: "access-denied" }));
    expect((await rejection(pai.getModel(SEED_ID))).vendorMessage).toContain("paimodel:GetModel");
  });

  test("scenario server-error → http, the HTTP status, retryable", async () => {
    server.use(...paiHandlers({ scenario: { type: "server-error", status: 502 } }));
    expect(fieldsOf(await rejection(pai.getModel(SEED_ID)))).toEqual({
      code: "http",
      provider: "pai",
      status: 502,
      vendorCode: undefined,
      requestId: undefined,
      retryable: true,
    });
  });

  test("scenario truncated → invalid_response with the request id of the header, retryable", async () => {
    server.use(...paiHandlers({ scenario: "truncated" }));
    expect(fieldsOf(await rejection(pai.getModel(SEED_ID)))).toEqual({
      code: "invalid_response",
      provider: "pai",
      status: 200,
      vendorCode: undefined,
      requestId: paiFixtures.model.RequestId,
      retryable: true,
    });
  });

  test("scenario network-error → network, retryable", async () => {
    server.use(...paiHandlers({ scenario: "network-error" }));
    expect(fieldsOf(await rejection(pai.getModel(SEED_ID)))).toEqual({
      code: "network",
      provider: "pai",
      status: undefined,
      vendorCode: undefined,
      requestId: undefined,
      retryable: true,
    });
  });

  test("scenario slow → the model, after the wait", async () => {
    server.use(...paiHandlers({ scenario: { type: "slow", ms: 40 } }));
    const started = performance.now();
    expect((await pai.getModel(SEED_ID)).id).toBe(SEED_ID);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });

  test("scenario slow lets a caller's abort win", async () => {
    server.use(...paiHandlers({ scenario: { type: "slow", ms: 5_000 } }));
    const started = performance.now();
    const error = await rejection(pai.getModel(SEED_ID, { signal: AbortSignal.timeout(30) }));
    expect(error.code).toBe("aborted");
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("the provider's transport against the mocks", () => {
  test("a failed first attempt is retried, re-signed with a fresh nonce, and served", async () => {
    const calls: number[] = [];
    server.use(
      ...paiHandlers({
        scenario: ({ call }) => {
          calls.push(call);
          return call === 1 ? "network-error" : undefined;
        },
      }),
    );
    expect((await pai.getModel(SEED_ID)).id).toBe(SEED_ID);
    expect(calls).toEqual([1, 2]);
  });

  test("a client clock an hour off is refused, learns the mock's clock from Date, and is served", async () => {
    const calls: number[] = [];
    server.use(
      ...paiHandlers({
        now: () => new Date(Date.now() + 60 * 60_000),
        scenario: ({ call }) => {
          calls.push(call);
          return undefined;
        },
      }),
    );
    expect((await paiProvider({ credentials: paiTestCredentials }).getModel(SEED_ID)).id).toBe(SEED_ID);
    expect(calls).toEqual([1, 2]);
  });
});

describe("signature checking through the provider", () => {
  test("a provider with the wrong secret is refused: unauthorized SignatureDoesNotMatch", async () => {
    const wrong = paiProvider({ credentials: { ...paiTestCredentials, accessKeySecret: "NOT_THE_SECRET" } });
    const error = await rejection(wrong.getModel(SEED_ID));
    expect(fieldsOf(error)).toMatchObject({ code: "unauthorized", status: 400, vendorCode: "SignatureDoesNotMatch" });
    expect(error.vendorMessage).toMatch(
      /^Specified signature is not matched with our calculation\. server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$/,
    );
  });

  test("the server's string to sign in the message is the one the SDK signed (no secret in either)", async () => {
    const wrong = paiProvider({ credentials: { ...paiTestCredentials, accessKeySecret: "NOT_THE_SECRET" } });
    const error = await rejection(wrong.getModel(SEED_ID));
    const signed = error.signing?.stringToSign;
    expect(signed).toBeDefined();
    expect(error.vendorMessage).toContain(`server string to sign is:${signed}`);
  });

  test("a provider with someone else's key is refused: InvalidAccessKeyId.NotFound", async () => {
    const other = paiProvider({ credentials: { accessKeyId: "REAL_LOOKING_KEY", accessKeySecret: "s" } });
    expect(fieldsOf(await rejection(other.getModel(SEED_ID)))).toMatchObject({
      code: "unauthorized",
      status: 404,
      vendorCode: "InvalidAccessKeyId.NotFound",
    });
  });

  test("with checking off, any key is served", async () => {
    server.use(...paiHandlers({ credentials: false }));
    const anyone = paiProvider({ credentials: { accessKeyId: "ANY", accessKeySecret: "ANY" } });
    expect((await anyone.getModel(SEED_ID)).id).toBe(SEED_ID);
  });
});
