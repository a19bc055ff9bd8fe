// The typed openapi-fetch clients (`createPaiClient`, `createQianfanClient`) against the mocks, through global
// fetch: every request is signed by core on the clients' transport and checked by the handlers as the clouds would.
import { percentEncode, signingDetailsOf } from "@cloud-models/core";
import { createPaiClient } from "@cloud-models/pai";
import { createQianfanClient } from "@cloud-models/qianfan";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { paiTestCredentials, qianfanTestCredentials } from "./credentials.ts";
import { paiFixtures, qianfanFixtures } from "./fixtures.ts";
import { paiHandlers } from "./handlers/pai.ts";
import { qianfanHandlers } from "./handlers/qianfan.ts";
import { server } from "./node.ts";

beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** The requests the mocks received during `run`, as they arrived. */
async function received(run: () => Promise<unknown>): Promise<Request[]> {
  const requests: Request[] = [];
  const listener = ({ request }: { request: Request }) => {
    requests.push(request.clone());
  };
  server.events.on("request:start", listener);
  try {
    await run();
  } finally {
    server.events.removeListener("request:start", listener);
  }
  return requests;
}

const PAI_SEED = paiFixtures.model.ModelId;
const QIANFAN_SEED = "am-txtetnsfq9sb";

describe("createPaiClient", () => {
  const client = createPaiClient({ credentials: paiTestCredentials });

  test("GET /api/v1/models/{ModelId}: signed, served, the body typed as it came", async () => {
    const { data, error, response } = await client.GET("/api/v1/models/{ModelId}", {
      params: { path: { ModelId: PAI_SEED } },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual(paiFixtures.model);
    expect(data?.LatestVersion?.VersionName).toBe("0.1.0");
  });

  test("the path parameter is percent-encoded, so an id cannot change the path", async () => {
    const requests = await received(() =>
      client.GET("/api/v1/models/{ModelId}", { params: { path: { ModelId: "../x?y=1#z" } } }),
    );
    expect(requests.map((request) => new URL(request.url).pathname)).toEqual(["/api/v1/models/..%2Fx%3Fy%3D1%23z"]);
    expect(requests[0]?.headers.get("authorization")).toMatch(/^ACS3-HMAC-SHA256 Credential=/);
  });

  test("an unknown id: openapi-fetch's { error }, PAI's body, not a throw", async () => {
    const { data, error, response } = await client.GET("/api/v1/models/{ModelId}", {
      params: { path: { ModelId: "model-does-not-exist" } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ Code: "InvalidModel.NotFound" });
  });

  test("a failed attempt is retried on the transport and re-signed", async () => {
    const calls: number[] = [];
    server.use(
      ...paiHandlers({
        scenario: ({ call }) => {
          calls.push(call);
          return call === 1 ? { type: "server-error", status: 503 } : undefined;
        },
      }),
    );
    const requests = await received(async () => {
      const { data } = await client.GET("/api/v1/models/{ModelId}", { params: { path: { ModelId: PAI_SEED } } });
      expect(data?.ModelId).toBe(PAI_SEED);
    });
    expect(calls).toEqual([1, 2]);
    const nonces = requests.map((request) => request.headers.get("x-acs-signature-nonce"));
    expect(new Set(nonces).size).toBe(2);
  });

  test("a wrong secret: SignatureDoesNotMatch, and signingDetailsOf shows what was signed, without the secret", async () => {
    const wrong = createPaiClient({ credentials: { ...paiTestCredentials, accessKeySecret: "NOT_THE_SECRET" } });
    const { error, response } = await wrong.GET("/api/v1/models/{ModelId}", {
      params: { path: { ModelId: PAI_SEED } },
    });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ Code: "SignatureDoesNotMatch" });
    const signing = signingDetailsOf(response);
    expect(signing?.canonicalRequest).toContain(`\n/api/v1/models/${percentEncode(PAI_SEED)}\n`);
    expect(JSON.stringify(signing)).not.toContain("NOT_THE_SECRET");
    expect(error?.Message).toContain(`server string to sign is:${signing?.stringToSign}`);
  });
});

describe("createQianfanClient", () => {
  const client = createQianfanClient({ credentials: qianfanTestCredentials });

  test("POST /wenxinworkshop/modelrepo/modelDetail: signed, served, the body typed as it came", async () => {
    const requests = await received(async () => {
      const { data, error, response } = await client.POST("/wenxinworkshop/modelrepo/modelDetail", {
        body: { modelId: QIANFAN_SEED },
      });
      expect(error).toBeUndefined();
      expect(response.status).toBe(200);
      expect(data).toEqual(qianfanFixtures.model);
      // A 200 is the model or Qianfan's error_code: the spec types both, so the model has to be told apart.
      expect(data && "result" in data ? data.result.modelName : undefined).toBe("chatglm32k_v10");
    });
    expect(requests).toHaveLength(1);
    expect(await requests[0]?.json()).toEqual({ modelId: QIANFAN_SEED });
    expect(requests[0]?.headers.get("authorization")).toMatch(/^bce-auth-v1\/[^/]+\/\d{4}-\d\d-\d\dT[\d:]+Z\/1800\//);
  });

  test("an unknown id: HTTP 200 with Qianfan's error_code, as openapi-fetch's data", async () => {
    const { data, response } = await client.POST("/wenxinworkshop/modelrepo/modelDetail", {
      body: { modelId: "am-does-not-exist" },
    });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ error_code: 336001 });
  });

  test("a failed attempt is retried with the whole body, re-signed", async () => {
    const calls: number[] = [];
    server.use(
      ...qianfanHandlers({
        scenario: ({ call }) => {
          calls.push(call);
          return call === 1 ? "network-error" : undefined;
        },
      }),
    );
    const requests = await received(async () => {
      const { data } = await client.POST("/wenxinworkshop/modelrepo/modelDetail", { body: { modelId: QIANFAN_SEED } });
      expect(data && "result" in data ? data.result.modelIdStr : undefined).toBe(QIANFAN_SEED);
    });
    expect(calls).toEqual([1, 2]);
    expect(await Promise.all(requests.map((request) => request.json()))).toEqual([
      { modelId: QIANFAN_SEED },
      { modelId: QIANFAN_SEED },
    ]);
  });

  test("a wrong secret: refused by IAM, and signingDetailsOf shows the canonical request, without the secret", async () => {
    const wrong = createQianfanClient({
      credentials: { ...qianfanTestCredentials, accessKeySecret: "NOT_THE_SECRET" },
    });
    const { response } = await wrong.POST("/wenxinworkshop/modelrepo/modelDetail", {
      body: { modelId: QIANFAN_SEED },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("x-bce-error-code")).toBe("SignatureDoesNotMatch");
    const signing = signingDetailsOf(response);
    expect(signing?.canonicalRequest).toMatch(/^POST\n\/wenxinworkshop\/modelrepo\/modelDetail\n/);
    expect(JSON.stringify(signing)).not.toContain("NOT_THE_SECRET");
  });
});
