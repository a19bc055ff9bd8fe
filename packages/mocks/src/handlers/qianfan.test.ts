import { bceV1Authorization } from "@cloud-models/core";
import { describe, expect, test } from "vitest";
import {
  answer,
  QIANFAN_URL,
  signedQianfanRequest,
  unsignedQianfanRequest,
  withHeader,
} from "../__fixtures__/requests.ts";
import { qianfanTestCredentials } from "../credentials.ts";
import { qianfanFixtures } from "../fixtures.ts";
import { qianfanHandlers } from "./qianfan.ts";

const SEED_ID = "am-txtetnsfq9sb";
const LOG_ID = /^\d{10}$/;

/** An IAM refusal: the status, an empty body, and the error in the X-Bce-Error-* headers. */
async function expectIamError(response: Response, status: number, code: string): Promise<Headers> {
  expect(response.status).toBe(status);
  expect(await response.text()).toBe("");
  expect(response.headers.get("x-bce-error-code")).toBe(code);
  expect(response.headers.get("x-bce-error-message")).toBeTruthy();
  expect(response.headers.get("x-bce-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  return response.headers;
}

async function vendorError(response: Response): Promise<Record<string, unknown>> {
  expect(response.status).toBe(200);
  const body = (await response.json()) as Record<string, unknown>;
  expect(body["log_id"]).toMatch(LOG_ID);
  return body;
}

describe("qianfanHandlers: answers", () => {
  test("a correctly signed modelDetail gets the seed model", async () => {
    const { request } = await signedQianfanRequest({ modelId: SEED_ID });
    const response = await answer(qianfanHandlers(), request);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(qianfanFixtures.model);
  });

  test("the deprecated numeric id finds the model too", async () => {
    const handlers = qianfanHandlers();
    for (const modelId of [456, "456"]) {
      const { request } = await signedQianfanRequest({ modelId });
      expect(await (await answer(handlers, request)).json()).toEqual(qianfanFixtures.model);
    }
  });

  test("an unknown id gets HTTP 200 error_code 336001 'model not exist'", async () => {
    const { request } = await signedQianfanRequest({ modelId: "am-missing" });
    const body = await vendorError(await answer(qianfanHandlers(), request));
    expect(body).toMatchObject({ error_code: 336001, error_msg: "model not exist" });
  });

  test("a body without a usable modelId gets the seed's 'param invalid' error", async () => {
    const handlers = qianfanHandlers();
    for (const body of [{}, { modelId: "" }, { modelId: null }, "not json", [1]]) {
      const { request } = await signedQianfanRequest(body);
      expect(await vendorError(await answer(handlers, request))).toMatchObject(qianfanFixtures.paramInvalid);
    }
  });

  test("models add to and override the seed", async () => {
    const override = { ...qianfanFixtures.model, result: { ...qianfanFixtures.model.result, modelName: "Renamed" } };
    const handlers = qianfanHandlers({ models: [qianfanFixtures.sdkModel, override] });
    const sdk = await signedQianfanRequest({ modelId: "am-txtetxxxq9sb" });
    expect(await (await answer(handlers, sdk.request)).json()).toEqual(qianfanFixtures.sdkModel);
    const seed = await signedQianfanRequest({ modelId: SEED_ID });
    expect(await (await answer(handlers, seed.request)).json()).toEqual(override);
  });

  test("a model without any id is refused when the handlers are made", () => {
    const nameless = { log_id: "1", result: { modelName: "nameless" } };
    expect(() => qianfanHandlers({ models: [nameless] })).toThrow(TypeError);
  });
});

describe("qianfanHandlers: signature checking", () => {
  test("an unsigned request is refused by IAM (401 InvalidHTTPAuthHeader, empty body)", async () => {
    await expectIamError(
      await answer(qianfanHandlers(), unsignedQianfanRequest({ modelId: SEED_ID })),
      401,
      "InvalidHTTPAuthHeader",
    );
  });

  test("a wrong secret gets 401 SignatureDoesNotMatch", async () => {
    const credentials = { ...qianfanTestCredentials, accessKeySecret: "WRONG_SECRET" };
    const { request } = await signedQianfanRequest({ modelId: SEED_ID }, { credentials });
    await expectIamError(await answer(qianfanHandlers(), request), 401, "SignatureDoesNotMatch");
  });

  test("a tampered signed header gets SignatureDoesNotMatch; the body is not signed by bce-auth-v1", async () => {
    const { request } = await signedQianfanRequest({ modelId: SEED_ID });
    const tampered = withHeader(request, "content-type", "text/plain");
    await expectIamError(await answer(qianfanHandlers(), tampered), 401, "SignatureDoesNotMatch");
  });

  test("an unknown access key gets 401 InvalidAccessKeyId", async () => {
    const credentials = { accessKeyId: "SOMEONE_ELSES_AK", accessKeySecret: "x" };
    const { request } = await signedQianfanRequest({ modelId: SEED_ID }, { credentials });
    await expectIamError(await answer(qianfanHandlers(), request), 401, "InvalidAccessKeyId");
  });

  test("past timestamp + expiration, or more than 15 minutes ahead, gets 403 RequestExpired", async () => {
    const signedAt = new Date("2026-01-01T00:00:00Z");
    const at = (seconds: number) => () => new Date(signedAt.getTime() + seconds * 1000);
    const { request } = await signedQianfanRequest({ modelId: SEED_ID }, { now: signedAt, expirationInSeconds: 600 });
    const late = await expectIamError(
      await answer(qianfanHandlers({ now: at(601) }), request.clone()),
      403,
      "RequestExpired",
    );
    expect(late.get("x-bce-error-message")).toBe("Request has expired. Timestamp date is 2026-01-01T00:00:00Z.");
    await expectIamError(await answer(qianfanHandlers({ now: at(-16 * 60) }), request.clone()), 403, "RequestExpired");
    expect((await answer(qianfanHandlers({ now: at(599) }), request.clone())).status).toBe(200);
    expect((await answer(qianfanHandlers({ now: at(-14 * 60) }), request.clone())).status).toBe(200);
  });

  test("a signature that leaves out x-bce-date is refused", async () => {
    const timestamp = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    const { authorization } = await bceV1Authorization({
      method: "POST",
      path: "/wenxinworkshop/modelrepo/modelDetail",
      headers: { host: "qianfan.baidubce.com", "content-type": "application/json" },
      accessKeyId: qianfanTestCredentials.accessKeyId,
      secretAccessKey: qianfanTestCredentials.accessKeySecret,
      timestamp,
      headersToSign: ["host", "content-type"],
    });
    const request = new Request(QIANFAN_URL, {
      method: "POST",
      headers: { "content-type": "application/json", "x-bce-date": timestamp, authorization },
      body: JSON.stringify({ modelId: SEED_ID }),
    });
    await expectIamError(await answer(qianfanHandlers(), request), 401, "SignatureDoesNotMatch");
  });

  test("credentials: false serves unsigned requests", async () => {
    const response = await answer(
      qianfanHandlers({ credentials: false }),
      unsignedQianfanRequest({ modelId: SEED_ID }),
    );
    expect(response.status).toBe(200);
  });
});

describe("qianfanHandlers: scenarios", () => {
  async function withScenario(options: Parameters<typeof qianfanHandlers>[0]): Promise<Response> {
    return answer(qianfanHandlers(options), (await signedQianfanRequest({ modelId: SEED_ID })).request);
  }

  test("not-found answers error_code 336001 even for a stored id", async () => {
    expect(await vendorError(await withScenario({ scenario: "not-found" }))).toMatchObject({ error_code: 336001 });
  });

  test("auth scenarios refuse a correctly signed request the way IAM does", async () => {
    await expectIamError(await withScenario({ scenario: "signature-mismatch" }), 401, "SignatureDoesNotMatch");
    await expectIamError(await withScenario({ scenario: "invalid-access-key" }), 401, "InvalidAccessKeyId");
    await expectIamError(await withScenario({ scenario: "access-denied" }), 403, "AccessDenied");
    await expectIamError(await withScenario({ scenario: "expired" }), 403, "RequestExpired");
  });

  test("throttled answers HTTP 200 error_code 18", async () => {
    expect(await vendorError(await withScenario({ scenario: "throttled" }))).toMatchObject({
      error_code: 18,
      error_msg: "Open api qps request limit reached",
    });
  });

  test("server-error answers an HTML 5xx before IAM; network-error fails the connection", async () => {
    const unsigned = unsignedQianfanRequest({ modelId: SEED_ID });
    const page = await answer(qianfanHandlers({ scenario: { type: "server-error", status: 502 } }), unsigned.clone());
    expect(page.status).toBe(502);
    expect(page.headers.get("content-type")).toBe("text/html");
    expect(await page.text()).toContain("502 Bad Gateway");
    expect((await answer(qianfanHandlers({ scenario: "network-error" }), unsigned.clone())).type).toBe("error");
  });

  test("truncated answers 200 JSON cut off half-way", async () => {
    const response = await withScenario({ scenario: "truncated" });
    const text = await response.text();
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(JSON.stringify(qianfanFixtures.model).startsWith(text)).toBe(true);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  test("slow waits before answering", async () => {
    const started = performance.now();
    expect((await withScenario({ scenario: { type: "slow", ms: 30 } })).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });

  test("scenarios per id use the id of the body", async () => {
    const handlers = qianfanHandlers({ scenarios: { [SEED_ID]: "throttled" } });
    const seed = await signedQianfanRequest({ modelId: SEED_ID });
    expect(await vendorError(await answer(handlers, seed.request))).toMatchObject({ error_code: 18 });
    const other = await signedQianfanRequest({ modelId: "am-other" });
    expect(await vendorError(await answer(handlers, other.request))).toMatchObject({ error_code: 336001 });
  });
});
