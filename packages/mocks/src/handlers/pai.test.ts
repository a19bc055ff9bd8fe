import { acs3Authorization, signAcs3 } from "@cloud-models/core";
import { describe, expect, test } from "vitest";
import { answer, paiUrl, signedPaiRequest, unsignedPaiRequest, withHeader } from "../__fixtures__/requests.ts";
import { paiTestCredentials } from "../credentials.ts";
import { paiFixtures } from "../fixtures.ts";
import { paiHandlers } from "./pai.ts";

const SEED_ID = paiFixtures.model.ModelId;
const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

async function errorBody(response: Response): Promise<Record<string, unknown>> {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await response.json()) as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(expect.arrayContaining(["RequestId", "HostId", "Code", "Message", "Recommend"]));
  expect(body["RequestId"]).toMatch(UUID);
  expect(response.headers.get("x-acs-request-id")).toBe(body["RequestId"]);
  return body;
}

describe("paiHandlers: answers", () => {
  test("a correctly signed GetModel gets the seed model, in any region", async () => {
    const handlers = paiHandlers();
    for (const region of ["cn-hangzhou", "ap-southeast-1"]) {
      const { request } = await signedPaiRequest(SEED_ID, { region });
      const response = await answer(handlers, request);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(paiFixtures.model);
      expect(response.headers.get("x-acs-request-id")).toBe(paiFixtures.model.RequestId);
    }
  });

  test("an id the store does not hold gets 404 InvalidModel.NotFound in Alibaba Cloud's error format", async () => {
    const { request } = await signedPaiRequest("model-missing");
    const response = await answer(paiHandlers(), request);
    expect(response.status).toBe(404);
    const body = await errorBody(response);
    expect(body).toMatchObject({
      HostId: "aiworkspace.cn-hangzhou.aliyuncs.com",
      Code: paiFixtures.notFound.Code,
      Message: paiFixtures.notFound.Message,
    });
    expect(body["Recommend"]).toContain(`requestId=${body["RequestId"] as string}`);
  });

  test("models add to and override the seed, per handler set", async () => {
    const added = { ...paiFixtures.model, ModelId: "model-added", ModelName: "Added" };
    const override = { ...paiFixtures.model, ModelName: "Overridden" };
    const handlers = paiHandlers({ models: [added, override] });
    const seed = await answer(handlers, (await signedPaiRequest(SEED_ID)).request);
    expect(await seed.json()).toMatchObject({ ModelId: SEED_ID, ModelName: "Overridden" });
    const other = await answer(handlers, (await signedPaiRequest("model-added")).request);
    expect(await other.json()).toEqual(added);
    // A fresh set starts from the seed again.
    const fresh = await answer(paiHandlers(), (await signedPaiRequest(SEED_ID)).request);
    expect(await fresh.json()).toMatchObject({ ModelName: paiFixtures.model.ModelName });
  });

  test("every answer carries the mock clock's date", async () => {
    const now = new Date("2030-05-06T07:08:09Z");
    const { request } = await signedPaiRequest(SEED_ID, { now });
    const response = await answer(paiHandlers({ now: () => now }), request);
    expect(response.headers.get("date")).toBe("Mon, 06 May 2030 07:08:09 GMT");
  });
});

describe("paiHandlers: signature checking", () => {
  test("an unsigned request is refused with 400 IncompleteSignature", async () => {
    const response = await answer(paiHandlers(), unsignedPaiRequest(SEED_ID));
    expect(response.status).toBe(400);
    expect(await errorBody(response)).toMatchObject({ Code: "IncompleteSignature" });
  });

  test("a garbled Authorization is refused with 400 IncompleteSignature", async () => {
    const { request } = await signedPaiRequest(SEED_ID);
    const response = await answer(paiHandlers(), withHeader(request, "authorization", "ACS3-HMAC-SHA256 nonsense"));
    expect(response.status).toBe(400);
    expect(await errorBody(response)).toMatchObject({ Code: "IncompleteSignature" });
  });

  test("a wrong secret gets 400 SignatureDoesNotMatch showing the server's string to sign", async () => {
    const credentials = { ...paiTestCredentials, accessKeySecret: "WRONG_SECRET" };
    const { request, details } = await signedPaiRequest(SEED_ID, { credentials });
    const response = await answer(paiHandlers(), request);
    expect(response.status).toBe(400);
    const body = await errorBody(response);
    expect(body["Code"]).toBe("SignatureDoesNotMatch");
    expect(body["Message"]).toBe(
      `Specified signature is not matched with our calculation. server string to sign is:${details.stringToSign}`,
    );
    expect(body["Message"]).not.toContain(paiTestCredentials.accessKeySecret);
  });

  test("a tampered signed header gets SignatureDoesNotMatch", async () => {
    const { request } = await signedPaiRequest(SEED_ID);
    const response = await answer(paiHandlers(), withHeader(request, "x-acs-action", "DeleteModel"));
    expect(await errorBody(response)).toMatchObject({ Code: "SignatureDoesNotMatch" });
  });

  test("an unknown access key id gets 404 InvalidAccessKeyId.NotFound", async () => {
    const { request } = await signedPaiRequest(SEED_ID, {
      credentials: { accessKeyId: "SOMEONE_ELSES_KEY", accessKeySecret: "x" },
    });
    const response = await answer(paiHandlers(), request);
    expect(response.status).toBe(404);
    expect(await errorBody(response)).toMatchObject({
      Code: "InvalidAccessKeyId.NotFound",
      Message: "Specified access key is not found.",
    });
  });

  test("a signing time more than 15 minutes off, either way, gets 400 InvalidTimeStamp.Expired", async () => {
    const signedAt = new Date("2026-01-01T00:00:00Z");
    for (const offsetMinutes of [16, -16]) {
      const { request } = await signedPaiRequest(SEED_ID, { now: signedAt });
      const now = () => new Date(signedAt.getTime() + offsetMinutes * 60_000);
      const response = await answer(paiHandlers({ now }), request);
      expect(response.status).toBe(400);
      expect(await errorBody(response)).toMatchObject({ Code: "InvalidTimeStamp.Expired" });
    }
    const { request } = await signedPaiRequest(SEED_ID, { now: signedAt });
    const within = await answer(paiHandlers({ now: () => new Date(signedAt.getTime() + 14 * 60_000) }), request);
    expect(within.status).toBe(200);
  });

  test("a malformed x-acs-date gets 400 InvalidTimeStamp.Format", async () => {
    const { request } = await signedPaiRequest(SEED_ID);
    const response = await answer(paiHandlers(), withHeader(request, "x-acs-date", "yesterday"));
    expect(await errorBody(response)).toMatchObject({ Code: "InvalidTimeStamp.Format" });
  });

  test("a replayed nonce gets 400 SignatureNonceUsed; the first use is served", async () => {
    const handlers = paiHandlers();
    const { request } = await signedPaiRequest(SEED_ID);
    expect((await answer(handlers, request.clone())).status).toBe(200);
    const replay = await answer(handlers, request.clone());
    expect(replay.status).toBe(400);
    expect(await errorBody(replay)).toMatchObject({ Code: "SignatureNonceUsed" });
    // A refused request does not use up its nonce.
    const wrong = await signedPaiRequest(SEED_ID, {
      credentials: { ...paiTestCredentials, accessKeySecret: "WRONG" },
      nonce: "0123456789abcdef0123456789abcdef",
    });
    expect((await answer(handlers, wrong.request)).status).toBe(400);
    const right = await signedPaiRequest(SEED_ID, { nonce: "0123456789abcdef0123456789abcdef" });
    expect((await answer(handlers, right.request)).status).toBe(200);
  });

  test("a signature that leaves out a header that must be signed is refused", async () => {
    const now = new Date();
    const headers = {
      host: "aiworkspace.cn-hangzhou.aliyuncs.com",
      "x-acs-action": "GetModel",
      "x-acs-version": "2021-02-04",
      "x-acs-date": now.toISOString().replace(/\.\d{3}Z$/, "Z"),
      "x-acs-signature-nonce": "f".repeat(32),
      "x-acs-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    };
    // Signed over host and the date only, then sent with every header.
    const { authorization } = await acs3Authorization({
      method: "GET",
      pathname: new URL(paiUrl(SEED_ID)).pathname,
      query: {},
      headers: { host: headers.host, "x-acs-date": headers["x-acs-date"] },
      body: null,
      ...paiTestCredentials,
    });
    const { host: _host, ...sent } = headers;
    const request = new Request(paiUrl(SEED_ID), { headers: { ...sent, authorization } });
    const response = await answer(paiHandlers(), request);
    expect(response.status).toBe(400);
    const body = await errorBody(response);
    expect(body["Code"]).toBe("IncompleteSignature");
    expect(body["Message"]).toContain("x-acs-action, x-acs-content-sha256, x-acs-signature-nonce, x-acs-version");
  });

  test("a signature over an extra header (accept) is checked over the headers the client listed, as PAI does", async () => {
    const now = new Date();
    const headers = {
      host: "aiworkspace.cn-hangzhou.aliyuncs.com",
      accept: "application/json",
      "x-acs-action": "GetModel",
      "x-acs-version": "2021-02-04",
      "x-acs-date": now.toISOString().replace(/\.\d{3}Z$/, "Z"),
      "x-acs-signature-nonce": "e".repeat(32),
      "x-acs-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    };
    const { authorization, signedHeaders } = await acs3Authorization({
      method: "GET",
      pathname: new URL(paiUrl(SEED_ID)).pathname,
      query: {},
      headers,
      signedHeaders: Object.keys(headers),
      body: null,
      ...paiTestCredentials,
    });
    expect(signedHeaders).toContain("accept");
    const { host: _host, ...sent } = headers;
    const handlers = paiHandlers();
    const served = await answer(handlers, new Request(paiUrl(SEED_ID), { headers: { ...sent, authorization } }));
    expect(served.status).toBe(200);
    // The extra header is covered by the signature: changing it alone breaks it (checked before the nonce).
    const changed = { ...sent, accept: "text/html", authorization };
    const refused = await answer(handlers, new Request(paiUrl(SEED_ID), { headers: changed }));
    expect((await errorBody(refused))["Code"]).toBe("SignatureDoesNotMatch");
  });

  test("an x-acs-content-sha256 that is not the body's hash is refused, even when signed", async () => {
    const lying = new Request(paiUrl(SEED_ID), {
      headers: { "x-acs-content-sha256": "0".repeat(64) },
    });
    // signAcs3 hashes the (empty) body itself; re-sign by hand over the lying header instead.
    const signed = await signAcs3(lying, paiTestCredentials, { action: "GetModel", version: "2021-02-04" });
    const headers = Object.fromEntries(signed.headers);
    headers["x-acs-content-sha256"] = "0".repeat(64);
    const { authorization } = await acs3Authorization({
      method: "GET",
      pathname: new URL(signed.url).pathname,
      query: {},
      headers: { ...headers, host: new URL(signed.url).host },
      body: "not the body that is sent",
      ...paiTestCredentials,
    });
    const response = await answer(paiHandlers(), new Request(signed.url, { headers: { ...headers, authorization } }));
    const body = await errorBody(response);
    expect(body["Code"]).toBe("SignatureDoesNotMatch");
    expect(body["Message"]).toContain("x-acs-content-sha256 is not the SHA-256 of the body");
  });

  test("credentials: false serves unsigned requests; other credentials are checked instead", async () => {
    expect((await answer(paiHandlers({ credentials: false }), unsignedPaiRequest(SEED_ID))).status).toBe(200);
    const mine = { accessKeyId: "MY_TEST_KEY", accessKeySecret: "MY_TEST_SECRET" };
    const handlers = paiHandlers({ credentials: mine });
    expect((await answer(handlers, (await signedPaiRequest(SEED_ID, { credentials: mine })).request)).status).toBe(200);
    expect((await answer(handlers, (await signedPaiRequest(SEED_ID)).request)).status).toBe(404);
  });

  test("malformed credentials fail when the handlers are made", () => {
    expect(() => paiHandlers({ credentials: { accessKeyId: "", accessKeySecret: "x" } })).toThrow(TypeError);
  });
});

describe("paiHandlers: scenarios", () => {
  async function withScenario(scenario: Parameters<typeof paiHandlers>[0]): Promise<Response> {
    return answer(paiHandlers(scenario), (await signedPaiRequest(SEED_ID)).request);
  }

  test("not-found answers 404 even for a stored id", async () => {
    const response = await withScenario({ scenario: "not-found" });
    expect(response.status).toBe(404);
    expect(await errorBody(response)).toMatchObject({ Code: "InvalidModel.NotFound" });
  });

  test("auth scenarios refuse a correctly signed request in PAI's format", async () => {
    const expected = {
      "signature-mismatch": [400, "SignatureDoesNotMatch"],
      "invalid-access-key": [404, "InvalidAccessKeyId.NotFound"],
      "access-denied": [403, "Forbidden.RAM"],
      expired: [400, "InvalidTimeStamp.Expired"],
    } as const;
    for (const [scenario, [status, code]] of Object.entries(expected)) {
      const response = await withScenario({ scenario: scenario as keyof typeof expected });
      expect(response.status).toBe(status);
      expect(await errorBody(response)).toMatchObject({ Code: code });
    }
  });

  test("access-denied names the RAM action paimodel:GetModel", async () => {
    const body = await errorBody(await withScenario({ scenario: "access-denied" }));
    expect(body["Message"]).toContain("paimodel:GetModel");
    expect(body["AccessDeniedDetail"]).toMatchObject({ AuthAction: "paimodel:GetModel" });
  });

  test("signature-mismatch shows the string to sign of the request", async () => {
    const { request, details } = await signedPaiRequest(SEED_ID);
    const body = await errorBody(await answer(paiHandlers({ scenario: "signature-mismatch" }), request));
    expect(body["Message"]).toContain(`server string to sign is:${details.stringToSign}`);
  });

  test("throttled answers 429 Throttling.User with x-acs-retry-after in milliseconds", async () => {
    const plain = await withScenario({ scenario: "throttled" });
    expect(plain.status).toBe(429);
    expect(plain.headers.get("x-acs-retry-after")).toBe("1000");
    expect(await errorBody(plain)).toMatchObject({
      Code: "Throttling.User",
      Message: "Request was denied due to user flow control.",
    });
    const custom = await withScenario({ scenario: { type: "throttled", retryAfterMs: 250 } });
    expect(custom.headers.get("x-acs-retry-after")).toBe("250");
  });

  test("server-error answers an HTML page with a 5xx, before any signature check", async () => {
    const response = await answer(paiHandlers({ scenario: "server-error" }), unsignedPaiRequest(SEED_ID));
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("text/html");
    expect(await response.text()).toContain("<title>503 Service Temporarily Unavailable</title>");
    const bad = await withScenario({ scenario: { type: "server-error", status: 502 } });
    expect(bad.status).toBe(502);
  });

  test("truncated answers 200 JSON that stops half-way", async () => {
    const response = await withScenario({ scenario: "truncated" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    const text = await response.text();
    expect(JSON.stringify(paiFixtures.model).startsWith(text)).toBe(true);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  test("network-error answers a network error, before any signature check", async () => {
    const response = await answer(paiHandlers({ scenario: "network-error" }), unsignedPaiRequest(SEED_ID));
    expect(response.type).toBe("error");
  });

  test("slow waits, then gives its `answer`", async () => {
    const started = performance.now();
    const response = await withScenario({ scenario: { type: "slow", ms: 40, answer: "throttled" } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
    expect(response.status).toBe(429);
    const started2 = performance.now();
    expect((await withScenario({ scenario: "slow", delayMs: 20 })).status).toBe(200);
    expect(performance.now() - started2).toBeGreaterThanOrEqual(15);
  });

  test("a scenario per id wins over the general one; `ok` answers normally", async () => {
    const handlers = paiHandlers({
      models: [{ ...paiFixtures.model, ModelId: "model-b" }],
      scenario: "throttled",
      scenarios: { [SEED_ID]: "ok" },
    });
    expect((await answer(handlers, (await signedPaiRequest(SEED_ID)).request)).status).toBe(200);
    expect((await answer(handlers, (await signedPaiRequest("model-b")).request)).status).toBe(429);
  });

  test("a scenario function decides per call, told the id and the call number", async () => {
    const seen: [string | undefined, number][] = [];
    const handlers = paiHandlers({
      scenario: ({ id, call, provider }) => {
        expect(provider).toBe("pai");
        seen.push([id, call]);
        return call === 1 ? "server-error" : undefined;
      },
    });
    expect((await answer(handlers, (await signedPaiRequest(SEED_ID)).request)).status).toBe(503);
    expect((await answer(handlers, (await signedPaiRequest(SEED_ID)).request)).status).toBe(200);
    expect(seen).toEqual([
      [SEED_ID, 1],
      [SEED_ID, 2],
    ]);
  });
});
