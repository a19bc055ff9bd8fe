import { bceV1Authorization, ModelError, ModelHttpError } from "@cloud-models/core";
import { describe, expect, test } from "vitest";
import { qianfanFixtures } from "./fixtures.ts";
import { qianfanProvider } from "./provider.ts";

const CREDENTIALS = { accessKeyId: "FAKE_QIANFAN_AK", accessKeySecret: "FAKE_QIANFAN_SK_DO_NOT_USE" };

function recorder(
  answer: (request: Request) => Response | Promise<Response> = () => Response.json(qianfanFixtures.model),
) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request.clone());
    return answer(request);
  };
  return { fetch, requests };
}

async function rejection(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(ModelError.isInstance(error)).toBe(true);
  return error as ModelError;
}

/** Recomputes the bce-auth-v1 signature of a request the provider sent, from what is on the wire. */
async function expectValidBce(request: Request, credentials = CREDENTIALS) {
  const authorization = request.headers.get("authorization") ?? "";
  const [, accessKeyId, timestamp, expiration, signedHeaders] = authorization.split("/");
  expect(accessKeyId).toBe(credentials.accessKeyId);
  const url = new URL(request.url);
  const headers: Record<string, string> = { host: url.host };
  request.headers.forEach((value, name) => {
    if (name !== "authorization") {
      headers[name] = value;
    }
  });
  const expected = await bceV1Authorization({
    method: request.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.accessKeySecret,
    timestamp: timestamp as string,
    expirationInSeconds: Number(expiration),
    headersToSign: (signedHeaders as string).split(";"),
  });
  expect(authorization).toBe(expected.authorization);
  return signedHeaders as string;
}

describe("qianfanProvider.getModel", () => {
  test("POSTs a signed modelDetail with the id as a string, and maps the answer", async () => {
    const { fetch, requests } = recorder();
    const model = await qianfanProvider({ credentials: CREDENTIALS, fetch }).getModel("am-txtetnsfq9sb");
    expect(model.ref).toBe("qianfan:am-txtetnsfq9sb");
    expect(model.versions.map((version) => version.version)).toEqual(["2", "1"]);

    const [request] = requests as [Request];
    expect(request.method).toBe("POST");
    expect(request.url).toBe("https://qianfan.baidubce.com/wenxinworkshop/modelrepo/modelDetail");
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(await request.clone().json()).toEqual({ modelId: "am-txtetnsfq9sb" });
    expect(request.headers.get("x-bce-date")).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(request.headers.get("authorization")).toMatch(/^bce-auth-v1\/FAKE_QIANFAN_AK\//);
    expect(await expectValidBce(request)).toBe("content-type;host;x-bce-date");
  });

  test("unicode and reserved characters travel in the JSON body as they are", async () => {
    const { fetch, requests } = recorder();
    const id = 'am-模型 ✓ 😀/?#"\\';
    await qianfanProvider({ credentials: CREDENTIALS, fetch }).getModel(id);
    expect(await (requests[0] as Request).clone().json()).toEqual({ modelId: id });
    expect(new URL((requests[0] as Request).url).pathname).toBe("/wenxinworkshop/modelrepo/modelDetail");
  });

  test("STS credentials send and sign x-bce-security-token", async () => {
    const { fetch, requests } = recorder();
    const sts = { ...CREDENTIALS, securityToken: "FAKE_BCE_STS_TOKEN" };
    await qianfanProvider({ credentials: () => sts, fetch }).getModel("am-1");
    expect(requests[0]?.headers.get("x-bce-security-token")).toBe("FAKE_BCE_STS_TOKEN");
    expect(await expectValidBce(requests[0] as Request, sts)).toContain("x-bce-security-token");
  });

  test("baseUrl overrides the endpoint", async () => {
    const { fetch, requests } = recorder();
    await qianfanProvider({ credentials: CREDENTIALS, baseUrl: "http://127.0.0.1:9/qf/", fetch }).getModel("am-1");
    expect(requests[0]?.url).toBe("http://127.0.0.1:9/qf/wenxinworkshop/modelrepo/modelDetail");
    await expectValidBce(requests[0] as Request);
  });

  test.each([[""], [" \t"], [5862], [null], [undefined], [["am-1"]]])(
    "rejects the id %j before any request",
    async (id) => {
      const { fetch, requests } = recorder();
      // retry: false — these cases are about mapping; retries are tested below.
      const error = await rejection(
        qianfanProvider({ credentials: CREDENTIALS, fetch, retry: false }).getModel(id as string),
      );
      expect(error.code).toBe("invalid_argument");
      expect(requests).toHaveLength(0);
    },
  );
});

describe("qianfanProvider errors", () => {
  const cases: [string, () => Response, Partial<ModelError>][] = [
    [
      "HTTP 200 with error_code (the seed's param invalid)",
      () => Response.json({ ...qianfanFixtures.paramInvalid, log_id: "FAKE-LOG-1" }),
      { code: "http", status: 200, vendorCode: "500001", vendorMessage: "param invalid", requestId: "FAKE-LOG-1" },
    ],
    [
      "HTTP 200 with a not-exist message",
      () => Response.json({ error_code: 336001, error_msg: "model not exist", log_id: 99 }),
      { code: "not_found", vendorCode: "336001", requestId: "99", retryable: false },
    ],
    [
      "QPS limit (error_code 18)",
      () => Response.json({ error_code: 18, error_msg: "Open api qps request limit reached" }),
      { code: "throttled", vendorCode: "18", retryable: true },
    ],
    [
      "daily limit (error_code 17) is throttled but not worth an immediate retry",
      () => Response.json({ error_code: 17, error_msg: "Open api daily request limit reached" }),
      { code: "throttled", retryable: false },
    ],
    [
      "try again (error_code 336100)",
      () => Response.json({ error_code: 336100, error_msg: "try again" }),
      { code: "http", retryable: true },
    ],
    [
      "no permission (error_code 6)",
      () => Response.json({ error_code: 6, error_msg: "No permission to access data" }),
      { code: "unauthorized", retryable: false },
    ],
    [
      "IAM failure: 401, empty body, X-Bce-Error-* headers",
      () =>
        new Response(null, {
          status: 401,
          headers: {
            "X-Bce-Error-Code": "SignatureDoesNotMatch",
            "X-Bce-Error-Message": "The request signature we calculated does not match",
            "X-Bce-Request-Id": "FAKE-BCE-REQ",
          },
        }),
      {
        code: "unauthorized",
        status: 401,
        vendorCode: "SignatureDoesNotMatch",
        vendorMessage: "The request signature we calculated does not match",
        requestId: "FAKE-BCE-REQ",
      },
    ],
    [
      "BCE JSON error body",
      () => Response.json({ code: "RequestExpired", message: "expired", requestId: "FAKE-BCE-2" }, { status: 403 }),
      { code: "unauthorized", vendorCode: "RequestExpired", requestId: "FAKE-BCE-2" },
    ],
    [
      "IAM failure answered with HTTP 400 (as Baidu's error table lists it) is still unauthorized",
      () => new Response(null, { status: 400, headers: { "X-Bce-Error-Code": "InvalidHTTPAuthHeader" } }),
      { code: "unauthorized", status: 400, vendorCode: "InvalidHTTPAuthHeader" },
    ],
    [
      "502 with an HTML body",
      () => new Response("<html>502 Bad Gateway</html>", { status: 502 }),
      { code: "http", status: 502, retryable: true },
    ],
    [
      "200 with a truncated body",
      () => new Response('{"log_id":"1","result":{"modelIdStr":"am-', { status: 200 }),
      { code: "invalid_response", retryable: true },
    ],
    ["200 without a result", () => Response.json({ log_id: "1" }), { code: "invalid_response", retryable: false }],
  ];

  test.each(cases)("%s", async (_name, answer, expected) => {
    const { fetch } = recorder(answer);
    const error = await rejection(qianfanProvider({ credentials: CREDENTIALS, fetch }).getModel("am-1"));
    expect(error).toMatchObject({ provider: "qianfan", operation: "modelDetail", ...expected });
    // The cloud answered (an error_code comes with HTTP 200): a ModelHttpError with the answer's status.
    expect(ModelHttpError.isInstance(error)).toBe(true);
    expect(error.status).toBeTypeOf("number");
    expect(error.message).toMatch(/^qianfan modelDetail failed: /);
    expect(error.message).not.toContain(CREDENTIALS.accessKeySecret);
  });

  test("a credentials provider that never answers: deadlineMs and the caller's signal still end the call", async () => {
    const { fetch, requests } = recorder();
    const hung = qianfanProvider({ credentials: () => new Promise(() => undefined), deadlineMs: 30, fetch });
    expect(await rejection(hung.getModel("am-1"))).toMatchObject({ code: "timeout", retryable: false });
    const controller = new AbortController();
    const pending = hung.getModel("am-1", { signal: controller.signal });
    controller.abort();
    expect((await rejection(pending)).code).toBe("aborted");
    expect(requests).toHaveLength(0);
  });

  test("a network failure is a retryable network error", async () => {
    const error = await rejection(
      qianfanProvider({
        credentials: CREDENTIALS,
        fetch: async () => {
          throw new TypeError("fetch failed");
        },
      }).getModel("am-1"),
    );
    expect(error).toMatchObject({ code: "network", provider: "qianfan", retryable: true });
  });
});

describe("qianfanProvider resilience", () => {
  test("error_code 18 (QPS limit) in a 200 is retried, and then the model is served", async () => {
    const { fetch, requests } = recorder(() =>
      requests.length === 1
        ? Response.json({ error_code: 18, error_msg: "Open api qps request limit reached", log_id: "1" })
        : Response.json(qianfanFixtures.model),
    );
    const model = await qianfanProvider({ credentials: CREDENTIALS, fetch, retry: { baseDelayMs: 1 } }).getModel(
      "am-1",
    );
    expect(model.name).toBe("chatglm32k_v10");
    expect(requests).toHaveLength(2);
    await expectValidBce(requests[1] as Request);
  });

  test("RequestExpired from IAM: the retry is signed with the cloud's time", async () => {
    const serverTime = new Date(Date.now() - 2 * 3600 * 1000);
    serverTime.setUTCMilliseconds(0);
    const { fetch, requests } = recorder(() =>
      requests.length === 1
        ? new Response(null, {
            status: 403,
            headers: {
              "x-bce-error-code": "RequestExpired",
              "x-bce-error-message": "expired",
              date: serverTime.toUTCString(),
            },
          })
        : Response.json(qianfanFixtures.model),
    );
    await qianfanProvider({ credentials: CREDENTIALS, fetch }).getModel("am-1");
    expect(requests).toHaveLength(2);
    const signedAt = Date.parse((requests[1] as Request).headers.get("x-bce-date") as string);
    expect(Math.abs(signedAt - serverTime.getTime())).toBeLessThan(5_000);
    await expectValidBce(requests[1] as Request);
  });

  test("SignatureDoesNotMatch carries the canonical request, never the secret or signing key", async () => {
    const { fetch } = recorder(
      () => new Response(null, { status: 401, headers: { "x-bce-error-code": "SignatureDoesNotMatch" } }),
    );
    const error = await rejection(qianfanProvider({ credentials: CREDENTIALS, fetch }).getModel("am-1"));
    expect(error.code).toBe("unauthorized");
    expect(error.signing?.canonicalRequest).toMatch(/^POST\n\/wenxinworkshop\/modelrepo\/modelDetail\n\n/);
    expect(error.signing?.stringToSign).toBeUndefined();
    expect(`${error.message}${JSON.stringify(error)}`).not.toContain(CREDENTIALS.accessKeySecret);
  });
});
