import { acs3Authorization, ModelError, ModelHttpError, percentEncode } from "@cloud-models/core";
import { describe, expect, test } from "vitest";
import { paiFixtures } from "./fixtures.ts";
import { paiProvider } from "./provider.ts";

const CREDENTIALS = { accessKeyId: "FAKE_PAI_AK_ID", accessKeySecret: "FAKE_PAI_SECRET_DO_NOT_USE" };

/** A fetch double that records every request and answers with `answer`. */
function recorder(answer: (request: Request) => Response | Promise<Response> = () => Response.json(paiFixtures.model)) {
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

/** Recomputes the ACS3 signature of a request the provider sent, from what is on the wire. */
async function expectValidAcs3(request: Request, credentials = CREDENTIALS) {
  const url = new URL(request.url);
  const headers: Record<string, string> = { host: url.host };
  request.headers.forEach((value, name) => {
    if (name !== "authorization") {
      headers[name] = value;
    }
  });
  const expected = await acs3Authorization({
    method: request.method,
    pathname: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body: null,
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: credentials.accessKeySecret,
  });
  expect(request.headers.get("authorization")).toBe(expected.authorization);
}

describe("paiProvider.getModel", () => {
  test("sends a signed GetModel and maps the answer", async () => {
    const { fetch, requests } = recorder();
    const pai = paiProvider({ credentials: CREDENTIALS, fetch });
    const model = await pai.getModel("model-rbvg5wzljz****ks92");

    expect(model.ref).toBe("pai:model-rbvg5wzljz****ks92");
    expect(model.name).toBe("情感分析");
    expect(requests).toHaveLength(1);
    const [request] = requests as [Request];
    expect(request.method).toBe("GET");
    expect(request.url).toBe(
      "https://aiworkspace.cn-hangzhou.aliyuncs.com/api/v1/models/model-rbvg5wzljz%2A%2A%2A%2Aks92",
    );
    expect(request.headers.get("x-acs-action")).toBe("GetModel");
    expect(request.headers.get("x-acs-version")).toBe("2021-02-04");
    expect(request.headers.get("x-acs-date")).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(request.headers.get("x-acs-signature-nonce")).toMatch(/^[0-9a-f]{32}$/);
    expect(request.headers.get("authorization")).toMatch(/^ACS3-HMAC-SHA256 Credential=FAKE_PAI_AK_ID,SignedHeaders=/);
    await expectValidAcs3(request);
  });

  test("region and baseUrl choose the endpoint", async () => {
    const shanghai = recorder();
    await paiProvider({ credentials: CREDENTIALS, region: "cn-shanghai", fetch: shanghai.fetch }).getModel("m-1");
    expect(shanghai.requests[0]?.url).toBe("https://aiworkspace.cn-shanghai.aliyuncs.com/api/v1/models/m-1");

    const local = recorder();
    await paiProvider({ credentials: CREDENTIALS, baseUrl: "http://127.0.0.1:9/pai/", fetch: local.fetch }).getModel(
      "m-1",
    );
    expect(local.requests[0]?.url).toBe("http://127.0.0.1:9/pai/api/v1/models/m-1");
    await expectValidAcs3(local.requests[0] as Request);
  });

  test("STS credentials send and sign the security token", async () => {
    const { fetch, requests } = recorder();
    const sts = { ...CREDENTIALS, securityToken: "FAKE_STS_TOKEN" };
    await paiProvider({ credentials: async () => sts, fetch }).getModel("m-1");
    expect(requests[0]?.headers.get("x-acs-security-token")).toBe("FAKE_STS_TOKEN");
    expect(requests[0]?.headers.get("authorization")).toContain("x-acs-security-token");
    await expectValidAcs3(requests[0] as Request, sts);
  });

  test.each([
    "a/b",
    "a?b=1",
    "a#frag",
    "a..b",
    "../etc",
    "a/../../b",
    "100%",
    "%2F",
    "with space",
    "中文 模型 v1",
    "emoji😀",
    "!'()*~",
    "a+b&c=d;e",
  ])("the id %j is one percent-encoded path segment", async (id) => {
    const { fetch, requests } = recorder(() => Response.json({ ...paiFixtures.model, ModelId: id }));
    const model = await paiProvider({ credentials: CREDENTIALS, fetch }).getModel(id);
    expect(model.id).toBe(id);
    const url = new URL((requests[0] as Request).url);
    expect(url.search).toBe("");
    expect(url.hash).toBe("");
    const segments = url.pathname.split("/");
    expect(segments.slice(0, 4)).toEqual(["", "api", "v1", "models"]);
    expect(segments).toHaveLength(5);
    expect(segments[4]).toBe(percentEncode(id));
    expect(decodeURIComponent(segments[4] as string)).toBe(id);
    await expectValidAcs3(requests[0] as Request);
  });

  test.each([[""], ["   "], ["."], [".."], [42], [null], [undefined], [{}]])(
    "rejects the id %j before any request",
    async (id) => {
      const { fetch, requests } = recorder();
      // retry: false — these cases are about mapping; retries are tested below.
      const error = await rejection(
        paiProvider({ credentials: CREDENTIALS, fetch, retry: false }).getModel(id as string),
      );
      expect(error.code).toBe("invalid_argument");
      expect(requests).toHaveLength(0);
    },
  );

  test.each([
    [{ region: "evil.example.com/x" }],
    [{ region: "" }],
    [{ baseUrl: "not a url" }],
    [{ baseUrl: "https://host/?q=1" }],
  ])("rejects the options %j when the client is made", (options) => {
    expect(() => paiProvider({ credentials: CREDENTIALS, ...options })).toThrow(ModelError);
  });

  test("malformed credentials are refused when the client is made, without echoing the secret", () => {
    let thrown: unknown;
    try {
      paiProvider({ credentials: { accessKeyId: "", accessKeySecret: "SECRET_MARKER_PAI" } });
    } catch (error) {
      thrown = error;
    }
    expect(ModelError.isInstance(thrown) && thrown.code).toBe("credentials");
    expect(String(thrown)).not.toContain("SECRET_MARKER_PAI");
  });
});

describe("paiProvider errors", () => {
  const cases: [string, () => Response, Partial<ModelError>][] = [
    [
      "404 with PAI's error JSON",
      () => Response.json(paiFixtures.notFound, { status: 404 }),
      {
        code: "not_found",
        status: 404,
        vendorCode: "InvalidModel.NotFound",
        requestId: paiFixtures.notFound.RequestId,
        retryable: false,
      },
    ],
    [
      "403 SignatureDoesNotMatch",
      () =>
        Response.json(
          { RequestId: "FAKE-REQ-1", Code: "SignatureDoesNotMatch", Message: "Specified signature is not matched." },
          { status: 400 },
        ),
      { code: "unauthorized", status: 400, vendorCode: "SignatureDoesNotMatch", retryable: false },
    ],
    [
      "404 InvalidAccessKeyId.NotFound is an auth failure, not a missing model",
      () =>
        Response.json({ RequestId: "FAKE-REQ-2", Code: "InvalidAccessKeyId.NotFound", Message: "x" }, { status: 404 }),
      { code: "unauthorized", vendorCode: "InvalidAccessKeyId.NotFound" },
    ],
    [
      "429 Throttling.User",
      () => Response.json({ RequestId: "FAKE-REQ-3", Code: "Throttling.User", Message: "slow down" }, { status: 429 }),
      { code: "throttled", status: 429, retryable: true, retryAfterMs: undefined },
    ],
    [
      "503 with an HTML body",
      () => new Response("<html><body>503 Service Temporarily Unavailable</body></html>", { status: 503 }),
      { code: "http", status: 503, vendorCode: undefined, retryable: true },
    ],
    [
      "200 with an HTML body",
      () => new Response("<html>login</html>", { status: 200, headers: { "content-type": "text/html" } }),
      { code: "invalid_response", status: 200, retryable: true },
    ],
    [
      "200 with a truncated JSON body",
      () => new Response('{"RequestId":"x","ModelId":"m-1","ModelN', { status: 200 }),
      { code: "invalid_response", retryable: true },
    ],
    ["200 with JSON that is not a model", () => Response.json({ hello: "world" }), { code: "invalid_response" }],
    ["200 with an empty body", () => new Response("", { status: 200 }), { code: "invalid_response" }],
  ];

  test.each(cases)("%s", async (_name, answer, expected) => {
    const { fetch } = recorder(answer);
    const error = await rejection(paiProvider({ credentials: CREDENTIALS, fetch }).getModel("m-1"));
    expect(error).toMatchObject({ provider: "pai", operation: "GetModel", ...expected });
    // The cloud answered: every one of these is a ModelHttpError, with the answer's status.
    expect(ModelHttpError.isInstance(error)).toBe(true);
    expect(error.status).toBeTypeOf("number");
    expect(error.message).toMatch(/^pai GetModel failed: /);
    expect(error.message).not.toContain(CREDENTIALS.accessKeySecret);
  });

  test.each([
    ["PAI's x-acs-retry-after (milliseconds)", 429, { "x-acs-retry-after": "1500" }, 1500],
    ["a standard Retry-After (seconds)", 503, { "retry-after": "7" }, 7000],
  ])("the cloud's wait hint is kept on the error: %s", async (_name, status, headers, retryAfterMs) => {
    const { fetch } = recorder(() => Response.json({ Code: "Throttling.User" }, { status, headers }));
    const error = await rejection(paiProvider({ credentials: CREDENTIALS, fetch, retry: false }).getModel("m-1"));
    expect(error).toMatchObject({ code: "throttled", status, retryable: true, retryAfterMs });
  });

  test("a network failure is a retryable network error", async () => {
    const pai = paiProvider({
      credentials: CREDENTIALS,
      fetch: async () => {
        throw new TypeError("fetch failed");
      },
    });
    const error = await rejection(pai.getModel("m-1"));
    expect(error).toMatchObject({ code: "network", provider: "pai", retryable: true });
    expect(ModelHttpError.isInstance(error)).toBe(false);
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  test("a credentials provider that never answers: deadlineMs and the caller's signal still end the call", async () => {
    const { fetch, requests } = recorder();
    const hung = paiProvider({ credentials: () => new Promise(() => undefined), deadlineMs: 30, fetch });
    expect(await rejection(hung.getModel("m-1"))).toMatchObject({ code: "timeout", retryable: false });
    const controller = new AbortController();
    const pending = hung.getModel("m-1", { signal: controller.signal });
    controller.abort();
    expect((await rejection(pending)).code).toBe("aborted");
    expect(requests).toHaveLength(0);
  });

  test("a credentials provider that fails is a credentials error, and nothing is sent", async () => {
    const { fetch, requests } = recorder();
    const pai = paiProvider({
      credentials: async () => {
        throw new Error("sts down");
      },
      fetch,
    });
    expect((await rejection(pai.getModel("m-1"))).code).toBe("credentials");
    expect(requests).toHaveLength(0);
  });

  test("the caller's signal aborts the call", async () => {
    const controller = new AbortController();
    controller.abort();
    const { fetch, requests } = recorder();
    const error = await rejection(
      paiProvider({ credentials: CREDENTIALS, fetch }).getModel("m-1", { signal: controller.signal }),
    );
    expect(error.code).toBe("aborted");
    expect(requests).toHaveLength(0);
  });
});

describe("paiProvider resilience", () => {
  test("throttling is retried after x-acs-retry-after, with a fresh signature", async () => {
    const { fetch, requests } = recorder(() =>
      requests.length === 1
        ? Response.json(
            {
              RequestId: "FAKE-REQ-T",
              Code: "Throttling.User",
              Message: "Request was denied due to user flow control.",
            },
            { status: 429, headers: { "x-acs-retry-after": "5" } },
          )
        : Response.json(paiFixtures.model),
    );
    const model = await paiProvider({ credentials: CREDENTIALS, fetch, retry: { baseDelayMs: 1 } }).getModel("m-1");
    expect(model.name).toBe("情感分析");
    expect(requests).toHaveLength(2);
    const [first, second] = requests as [Request, Request];
    expect(first.headers.get("x-acs-signature-nonce")).not.toBe(second.headers.get("x-acs-signature-nonce"));
    expect(first.headers.get("authorization")).not.toBe(second.headers.get("authorization"));
    await expectValidAcs3(second);
  });

  test("a Retry-After longer than the deadline: a throttled error at once, carrying the cloud's wait", async () => {
    const { fetch, requests } = recorder(() =>
      Response.json(
        { RequestId: "FAKE-REQ-T", Code: "Throttling.User", Message: "Request was denied due to user flow control." },
        { status: 429, headers: { "retry-after": "60" } },
      ),
    );
    const pai = paiProvider({ credentials: CREDENTIALS, fetch, deadlineMs: 5_000 });
    const error = await rejection(pai.getModel("m-1"));
    expect(error).toMatchObject({
      code: "throttled",
      status: 429,
      vendorCode: "Throttling.User",
      retryable: true,
      retryAfterMs: 60_000,
    });
    expect(requests).toHaveLength(1);
  });

  test("InvalidTimeStamp.Expired: the cloud's Date is learnt and the retry is signed with it", async () => {
    const serverTime = new Date(Date.now() + 3 * 3600 * 1000);
    serverTime.setUTCMilliseconds(0);
    const { fetch, requests } = recorder(() =>
      requests.length === 1
        ? Response.json(
            {
              RequestId: "FAKE-REQ-S",
              Code: "InvalidTimeStamp.Expired",
              Message: "Specified time stamp or date value is expired.",
            },
            { status: 400, headers: { date: serverTime.toUTCString() } },
          )
        : Response.json(paiFixtures.model),
    );
    const pai = paiProvider({ credentials: CREDENTIALS, fetch });
    await pai.getModel("m-1");
    const signedAt = Date.parse((requests[1] as Request).headers.get("x-acs-date") as string);
    expect(Math.abs(signedAt - serverTime.getTime())).toBeLessThan(5_000);
    await expectValidAcs3(requests[1] as Request);

    // The client keeps the offset: the next call is signed with the cloud's time straight away.
    await pai.getModel("m-1");
    expect(requests).toHaveLength(3);
    expect(
      Math.abs(Date.parse((requests[2] as Request).headers.get("x-acs-date") as string) - serverTime.getTime()),
    ).toBeLessThan(5_000);
  });

  test("SignatureDoesNotMatch carries what the SDK signed, never the secret, and is not retried", async () => {
    const sts = { ...CREDENTIALS, securityToken: "FAKE_STS_TOKEN_MARKER" };
    const { fetch, requests } = recorder(() =>
      Response.json(
        {
          RequestId: "FAKE-REQ-M",
          Code: "SignatureDoesNotMatch",
          Message: "Specified signature is not matched with our calculation.",
        },
        { status: 400 },
      ),
    );
    const error = await rejection(paiProvider({ credentials: sts, fetch }).getModel("m-1"));
    expect(requests).toHaveLength(1);
    expect(error.code).toBe("unauthorized");
    expect(error.signing?.canonicalRequest).toMatch(/^GET\n\/api\/v1\/models\/m-1\n/);
    expect(error.signing?.stringToSign).toMatch(/^ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);
    const everything = `${error.message}${JSON.stringify(error)}${error.stack}`;
    expect(everything).not.toContain(CREDENTIALS.accessKeySecret);
    expect(everything).not.toContain("FAKE_STS_TOKEN_MARKER");
  });
});
