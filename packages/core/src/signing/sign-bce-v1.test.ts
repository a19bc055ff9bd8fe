import { createHmac } from "node:crypto";
import { afterEach, describe, expect, test, vi } from "vitest";
import vectors from "./__fixtures__/signing-vectors.json" with { type: "json" };
import { bceV1Authorization } from "./bce-v1.ts";
import { signBceV1, signBceV1WithDetails } from "./sign-bce-v1.ts";

function vector(id: string) {
  const found = vectors.bceV1.find((candidate) => candidate.id.startsWith(id));
  if (found === undefined) {
    throw new Error(`no bceV1 vector ${id}`);
  }
  return found;
}

const KEYS = { accessKeyId: "b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6", accessKeySecret: "f0e1d2c3b4a5968778695a4b3c2d1e0f" };
const URL_ = "https://qianfan.baidubce.com/wenxinworkshop/modelrepo/modelDetail";

/** The bce-auth-v1 signature recomputed with node:crypto, from a result's own prefix and canonical request. */
function independentSignature(secret: string, prefix: string, canonicalRequest: string): string {
  const signingKey = createHmac("sha256", secret).update(prefix).digest("hex");
  return createHmac("sha256", signingKey).update(canonicalRequest).digest("hex");
}

afterEach(() => {
  vi.useRealTimers();
});

describe("signBceV1 agrees with the vectors", () => {
  test("bce-pub-03: by default content-type, host and x-bce-date are signed (as the Qianfan Python SDK does)", async () => {
    const { input, expected } = vector("bce-pub-03");
    const request = new Request(`https://${input.host}${input.path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: input.body,
    });
    const signed = await signBceV1(request, KEYS, {
      now: new Date(input.timestampEpochSeconds * 1000),
      expirationInSeconds: input.expirationInSeconds,
    });
    expect(signed.headers.get("x-bce-date")).toBe(input.timestamp);
    expect(signed.headers.get("authorization")).toBe(expected.authorization);
    expect(signed.headers.has("host")).toBe(false);
    expect(await signed.text()).toBe(input.body);
  });

  test("bce-pub-06: the query read from the URL gives the vector's canonical query", async () => {
    const { input, expected } = vector("bce-pub-06");
    const url = new URL(`https://${input.host}${input.path}`);
    for (const [name, value] of Object.entries(input.query)) {
      url.searchParams.append(name, value);
    }
    const { details } = await signBceV1WithDetails(new Request(url, { method: "POST", body: "{}" }), KEYS);
    expect(details.canonicalQueryString).toBe(expected.canonicalQueryString);
  });

  test("bce-pub-05: an encoded URL path is the canonical URI as it is", async () => {
    const { input, expected } = vector("bce-pub-05");
    const { details } = await signBceV1WithDetails(new Request(`https://${input.host}${input.path}`), KEYS);
    expect(details.canonicalUri).toBe(expected.canonicalUri);
  });
});

describe("signBceV1", () => {
  test("STS: x-bce-security-token is sent and signed, and redacted in the details", async () => {
    const credentials = { ...KEYS, securityToken: "ZjkyZDFi+sts/token=" };
    const request = new Request(URL_, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    const { request: signed, details } = await signBceV1WithDetails(request, credentials);
    expect(signed.headers.get("x-bce-security-token")).toBe(credentials.securityToken);
    expect(details.signedHeaders).toBe("content-type;host;x-bce-date;x-bce-security-token");
    expect(details.canonicalHeaders).toContain("x-bce-security-token:[redacted]");
    expect(JSON.stringify(details)).not.toContain("ZjkyZDFi");
    expect(JSON.stringify(details)).not.toContain(KEYS.accessKeySecret);
    for (const [name, value] of signed.headers) {
      expect(value).not.toContain(KEYS.accessKeySecret);
      if (name !== "x-bce-security-token") {
        expect(value).not.toContain("ZjkyZDFi");
      }
    }
    const unredacted = await bceV1Authorization({
      method: "POST",
      path: new URL(URL_).pathname,
      headers: { ...Object.fromEntries(signed.headers), host: "qianfan.baidubce.com" },
      accessKeyId: KEYS.accessKeyId,
      secretAccessKey: KEYS.accessKeySecret,
      timestamp: signed.headers.get("x-bce-date"),
      headersToSign: details.signedHeaders.split(";"),
    });
    expect(signed.headers.get("authorization")).toBe(unredacted.authorization);
  });

  test("a fresh x-bce-date on every call when none is injected; 1800 s by default", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2025-03-14T08:16:00.900Z") });
    const first = await signBceV1(new Request(URL_), KEYS);
    vi.setSystemTime(new Date("2025-03-14T08:16:01.000Z"));
    const second = await signBceV1(new Request(URL_), KEYS);
    expect(first.headers.get("x-bce-date")).toBe("2025-03-14T08:16:00Z");
    expect(second.headers.get("x-bce-date")).toBe("2025-03-14T08:16:01Z");
    expect(first.headers.get("authorization")).toMatch(
      /^bce-auth-v1\/b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6\/2025-03-14T08:16:00Z\/1800\/host;x-bce-date\/[0-9a-f]{64}$/,
    );
  });

  test("does not sign content-length, user-agent or accept by default; headersToSign overrides", async () => {
    const request = new Request(URL_, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", "x-bce-request-id": "r-1" },
      body: "{}",
    });
    const byDefault = await signBceV1WithDetails(request, KEYS);
    expect(byDefault.details.signedHeaders).toBe("content-type;host;x-bce-date;x-bce-request-id");
    const chosen = await signBceV1WithDetails(request, KEYS, { headersToSign: ["Accept"] });
    expect(chosen.details.signedHeaders).toBe("accept;host;x-bce-date;x-bce-request-id");
    const hostOnly = await signBceV1WithDetails(request, KEYS, { headersToSign: [] });
    expect(hostOnly.details.signedHeaders).toBe("host;x-bce-date;x-bce-request-id");
  });

  test("keeps method, URL, signal and other headers; the original request stays readable", async () => {
    const controller = new AbortController();
    const request = new Request(`${URL_}?a=1`, {
      method: "POST",
      headers: { "x-custom": "kept", authorization: "stale" },
      body: "body ✓",
      signal: controller.signal,
    });
    const signed = await signBceV1(request, KEYS);
    expect(signed.method).toBe("POST");
    expect(signed.url).toBe(request.url);
    expect(signed.headers.get("x-custom")).toBe("kept");
    expect(signed.headers.get("authorization")).toMatch(/^bce-auth-v1\//);
    expect(await signed.text()).toBe("body ✓");
    expect(await request.text()).toBe("body ✓");
    controller.abort();
    expect(signed.signal.aborted).toBe(true);
  });

  test("a changed secret is never served a cached key", async () => {
    const now = new Date("2025-03-14T08:16:00Z");
    for (const accessKeySecret of ["secret-one", "secret-two", "secret-one"]) {
      const { details } = await signBceV1WithDetails(new Request(URL_), { ...KEYS, accessKeySecret }, { now });
      expect(details.signingKey).toBe(
        createHmac("sha256", accessKeySecret).update(details.authStringPrefix).digest("hex"),
      );
      expect(details.signature).toBe(
        independentSignature(accessKeySecret, details.authStringPrefix, details.canonicalRequest),
      );
    }
  });

  test("re-signing without STS drops a stale token", async () => {
    const once = await signBceV1(new Request(URL_), { ...KEYS, securityToken: "old" });
    const again = await signBceV1(once, KEYS);
    expect(again.headers.has("x-bce-security-token")).toBe(false);
  });

  test("TypeError on an empty key, a bad expiration or a non-http(s) URL, never quoting the secret", async () => {
    const empty = await signBceV1(new Request(URL_), { accessKeyId: "", accessKeySecret: "s3cr3t-value" }).catch(
      (e: unknown) => e,
    );
    expect(empty).toBeInstanceOf(TypeError);
    expect((empty as TypeError).message).toMatch(/accessKeyId/);
    expect((empty as TypeError).message).not.toContain("s3cr3t-value");
    await expect(signBceV1(new Request(URL_), { ...KEYS, accessKeySecret: "" })).rejects.toThrow(/accessKeySecret/);
    await expect(signBceV1(new Request(URL_), KEYS, { expirationInSeconds: 0 })).rejects.toThrow(TypeError);
    await expect(signBceV1(new Request("ftp://example.com/"), KEYS)).rejects.toThrow(/http\(s\)/);
  });
});
