import { createHash, createHmac } from "node:crypto";
import { afterEach, describe, expect, test, vi } from "vitest";
import vectors from "./__fixtures__/signing-vectors.json" with { type: "json" };
import { acs3Authorization } from "./acs3.ts";
import { signAcs3, signAcs3WithDetails } from "./sign-acs3.ts";

function vector(id: string) {
  const found = vectors.acs3.find((candidate) => candidate.id.startsWith(id));
  if (found === undefined) {
    throw new Error(`no acs3 vector ${id}`);
  }
  return found;
}

/** Signs `request` with a vector's credentials, action, version, date and nonce. */
async function signLike(request: Request, id: string): Promise<Request> {
  const { input } = vector(id);
  const credentials =
    input.securityToken === null
      ? { accessKeyId: input.accessKeyId, accessKeySecret: input.accessKeySecret }
      : { accessKeyId: input.accessKeyId, accessKeySecret: input.accessKeySecret, securityToken: input.securityToken };
  return signAcs3(request, credentials, {
    action: input.action,
    version: input.version,
    now: new Date(input.date),
    nonce: input.nonce,
  });
}

const KEYS = { accessKeyId: "LTAI5tTestKey", accessKeySecret: "TestSecret0001" };
const OPTIONS = { action: "GetModel", version: "2021-02-04" };

describe("signAcs3 agrees with the vectors", () => {
  test("acs3-pub-02 GetModel", async () => {
    const request = new Request("https://aiworkspace.cn-hangzhou.aliyuncs.com/api/v1/models/model-2xk7b3lz9q0cd1v5e8");
    const signed = await signLike(request, "acs3-pub-02");
    expect(signed.headers.get("authorization")).toBe(vector("acs3-pub-02").expected.authorization);
    expect(signed.headers.get("x-acs-action")).toBe("GetModel");
    expect(signed.headers.get("x-acs-version")).toBe("2021-02-04");
    expect(signed.headers.get("x-acs-date")).toBe("2025-03-14T08:15:30Z");
    expect(signed.headers.get("x-acs-signature-nonce")).toBe("a3f1c9e2b7d54f6e8a0b1c2d3e4f5a6b");
    expect(signed.headers.get("x-acs-content-sha256")).toBe(vector("acs3-pub-02").expected.hashedPayload);
    expect(signed.headers.has("host")).toBe(false);
    expect(signed.headers.has("x-acs-security-token")).toBe(false);
  });

  test("acs3-pub-03 unicode id, URL built with the percent-encoded path", async () => {
    const { input, expected } = vector("acs3-pub-03");
    const signed = await signLike(new Request(`https://${input.host}${input.pathname}`), "acs3-pub-03");
    expect(signed.headers.get("authorization")).toBe(expected.authorization);
  });

  test("acs3-pub-06 STS: sends and signs x-acs-accesskey-id and x-acs-security-token", async () => {
    const { input, expected } = vector("acs3-pub-06");
    const signed = await signLike(new Request(`https://${input.host}${input.pathname}`), "acs3-pub-06");
    expect(signed.headers.get("authorization")).toBe(expected.authorization);
    expect(signed.headers.get("x-acs-security-token")).toBe(input.securityToken);
    expect(signed.headers.get("x-acs-accesskey-id")).toBe(input.accessKeyId);
  });

  test("acs3-pub-07 POST with a JSON body and content-type", async () => {
    const { input, expected } = vector("acs3-pub-07");
    const request = new Request(`https://${input.host}${input.pathname}`, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: input.body,
    });
    const signed = await signLike(request, "acs3-pub-07");
    expect(signed.headers.get("x-acs-content-sha256")).toBe(expected.hashedPayload);
    expect(signed.headers.get("authorization")).toBe(expected.authorization);
    expect(await signed.text()).toBe(input.body);
  });

  test("acs3-pub-05 query from the URL: decoded, re-encoded and sorted", async () => {
    const { input, expected } = vector("acs3-pub-05");
    const url = new URL(`https://${input.host}${input.pathname}`);
    for (const [name, value] of Object.entries(input.query)) {
      url.searchParams.append(name, value);
    }
    const { details } = await signAcs3WithDetails(new Request(url), KEYS, OPTIONS);
    expect(details.canonicalQueryString).toBe(expected.canonicalQueryString);
  });
});

describe("signAcs3", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test("a fresh date and nonce on every call when none is injected", async () => {
    const request = new Request("https://aiworkspace.cn-hangzhou.aliyuncs.com/api/v1/models/m-1");
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2025-03-14T08:15:30.250Z") });
    const first = await signAcs3(request, KEYS, OPTIONS);
    vi.setSystemTime(new Date("2025-03-14T08:15:31.100Z"));
    const second = await signAcs3(request, KEYS, OPTIONS);
    expect(first.headers.get("x-acs-signature-nonce")).toMatch(/^[0-9a-f]{32}$/);
    expect(first.headers.get("x-acs-signature-nonce")).not.toBe(second.headers.get("x-acs-signature-nonce"));
    expect(first.headers.get("x-acs-date")).toBe("2025-03-14T08:15:30Z");
    expect(second.headers.get("x-acs-date")).toBe("2025-03-14T08:15:31Z");
    expect(first.headers.get("authorization")).not.toBe(second.headers.get("authorization"));
  });

  test("nonce and now may be functions, called once per signature", async () => {
    let calls = 0;
    const signed = await signAcs3(new Request("https://example.com/"), KEYS, {
      ...OPTIONS,
      now: () => new Date("2025-01-02T03:04:05.678Z"),
      nonce: () => `nonce-${++calls}`,
    });
    expect(calls).toBe(1);
    expect(signed.headers.get("x-acs-signature-nonce")).toBe("nonce-1");
    expect(signed.headers.get("x-acs-date")).toBe("2025-01-02T03:04:05Z");
  });

  test("returns a new Request keeping method, URL, body, signal and other headers; the original stays readable", async () => {
    const controller = new AbortController();
    const body = JSON.stringify({ name: "模型 ✓" });
    const request = new Request("https://example.com/a%20b?x=1", {
      method: "PUT",
      headers: { "content-type": "application/json", "x-custom": "kept", authorization: "stale" },
      body,
      signal: controller.signal,
    });
    const signed = await signAcs3(request, KEYS, OPTIONS);
    expect(signed).not.toBe(request);
    expect(signed.method).toBe("PUT");
    expect(signed.url).toBe(request.url);
    expect(signed.headers.get("x-custom")).toBe("kept");
    expect(signed.headers.get("authorization")).toMatch(/^ACS3-HMAC-SHA256 Credential=LTAI5tTestKey,/);
    expect(await signed.text()).toBe(body);
    expect(await request.text()).toBe(body);
    controller.abort();
    expect(signed.signal.aborted).toBe(true);
  });

  test("signs content-type and the caller's x-acs-* headers, not others", async () => {
    const request = new Request("https://example.com/", {
      headers: { "x-acs-caller-trace": "t-1", "content-type": "text/plain", "user-agent": "ua", accept: "*/*" },
    });
    const { details } = await signAcs3WithDetails(request, KEYS, OPTIONS);
    expect(details.signedHeaders).toBe(
      "content-type;host;x-acs-action;x-acs-caller-trace;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version",
    );
  });

  test("repeated query names keep every value, sorted", async () => {
    const request = new Request("https://example.com/?b=2&a=z&a=y%20x&a=");
    const { details } = await signAcs3WithDetails(request, KEYS, OPTIONS);
    expect(details.canonicalQueryString).toBe("a=&a=y%20x&a=z&b=2");
  });

  test("details agree with acs3Authorization over the signed request's own headers", async () => {
    const request = new Request("https://example.com:8443/p/q?k=v", { method: "POST", body: "hello" });
    const { request: signed, details } = await signAcs3WithDetails(request, KEYS, OPTIONS);
    const url = new URL(signed.url);
    const headers = { ...Object.fromEntries(signed.headers), host: url.host };
    const recomputed = await acs3Authorization({
      method: signed.method,
      pathname: url.pathname,
      query: url.searchParams,
      headers,
      body: "hello",
      ...KEYS,
    });
    expect(details).toEqual(recomputed);
    expect(headers.host).toBe("example.com:8443");
  });

  test("no secret in the returned request or details; the STS token only where the cloud needs it", async () => {
    const credentials = { accessKeyId: "STS.Id", accessKeySecret: "SuperSecret/+=", securityToken: "Tok/+en==" };
    const { request, details } = await signAcs3WithDetails(new Request("https://example.com/"), credentials, OPTIONS);
    for (const [name, value] of request.headers) {
      expect(value).not.toContain(credentials.accessKeySecret);
      if (name !== "x-acs-security-token") {
        expect(value).not.toContain(credentials.securityToken);
      }
    }
    const serialised = JSON.stringify(details);
    expect(serialised).not.toContain(credentials.accessKeySecret);
    expect(serialised).not.toContain(credentials.securityToken);
    expect(details.canonicalRequest).toContain("x-acs-security-token:[redacted]\n");
  });

  test("re-signing without STS drops a stale token", async () => {
    const sts = { ...KEYS, securityToken: "old-token" };
    const once = await signAcs3(new Request("https://example.com/"), sts, OPTIONS);
    const again = await signAcs3(once, KEYS, OPTIONS);
    expect(again.headers.has("x-acs-security-token")).toBe(false);
    expect(again.headers.has("x-acs-accesskey-id")).toBe(false);
  });

  test("a changed secret is never served a cached key", async () => {
    const fixed = { now: new Date("2025-03-14T08:15:30Z"), nonce: "n-1" };
    for (const accessKeySecret of ["first-secret", "second-secret", "first-secret"]) {
      const { details } = await signAcs3WithDetails(
        new Request("https://example.com/"),
        { accessKeyId: "id", accessKeySecret },
        { ...OPTIONS, ...fixed },
      );
      const stringToSign = `ACS3-HMAC-SHA256\n${createHash("sha256").update(details.canonicalRequest).digest("hex")}`;
      expect(details.stringToSign).toBe(stringToSign);
      expect(details.signature).toBe(createHmac("sha256", accessKeySecret).update(stringToSign).digest("hex"));
    }
  });

  test.each([
    ["an empty accessKeyId", { accessKeyId: "", accessKeySecret: "s3cr3t-value" }, /accessKeyId/],
    ["an empty accessKeySecret", { accessKeyId: "id", accessKeySecret: "" }, /accessKeySecret/],
    ["a non-string secret", { accessKeyId: "id", accessKeySecret: 42 as unknown as string }, /accessKeySecret/],
    [
      "an empty securityToken",
      { accessKeyId: "id", accessKeySecret: "s3cr3t-value", securityToken: "" },
      /securityToken/,
    ],
  ])("TypeError on %s, never quoting the secret", async (_, credentials, message) => {
    const error = await signAcs3(new Request("https://example.com/"), credentials, OPTIONS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toMatch(message);
    expect((error as TypeError).message).not.toContain("s3cr3t-value");
  });

  test("TypeError on a non-http(s) URL or a missing action", async () => {
    await expect(signAcs3(new Request("file:///etc/hosts"), KEYS, OPTIONS)).rejects.toThrow(TypeError);
    await expect(signAcs3(new Request("https://example.com/"), KEYS, { ...OPTIONS, action: "" })).rejects.toThrow(
      /options\.action/,
    );
  });
});
