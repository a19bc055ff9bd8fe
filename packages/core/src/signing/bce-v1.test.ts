import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import {
  bceV1Authorization,
  buildBceAuthStringPrefix,
  buildBceCanonicalHeaders,
  buildBceCanonicalQuery,
  buildBceCanonicalRequest,
  buildBceCanonicalUri,
} from "./bce-v1.ts";

const BASE = {
  method: "GET",
  path: "/v1/x",
  headers: { host: "example.com" },
  accessKeyId: "ak",
  secretAccessKey: "sk-value",
  timestamp: "2025-03-14T08:16:00Z",
};

describe("bce-auth-v1 steps", () => {
  test("auth string prefix", () => {
    expect(buildBceAuthStringPrefix("ak", "2025-03-14T08:16:00Z", 300)).toBe("bce-auth-v1/ak/2025-03-14T08:16:00Z/300");
  });

  test("canonical URI of a raw path: each segment encoded, / kept", () => {
    expect(buildBceCanonicalUri("/v1/a b/c*d~e/%/中")).toBe("/v1/a%20b/c%2Ad~e/%25/%E4%B8%AD");
  });

  test("canonical query: encoded pairs sorted as whole strings, authorization skipped", () => {
    // Whole strings: "a%20b=x" sorts before "a=" ("%" < "="), where sorting by name would put "a" first.
    expect(buildBceCanonicalQuery({ b: "1", a: "", "a b": "x", Authorization: "no" })).toBe("a%20b=x&a=&b=1");
    expect(buildBceCanonicalQuery(new URLSearchParams("k=2&k=1"))).toBe("k=1&k=2");
  });

  test("canonical headers: default set plus x-bce-*; empty values dropped; lines sorted as whole strings", () => {
    const { canonicalHeaders, signedHeaders } = buildBceCanonicalHeaders({
      Host: "example.com",
      "Content-Length": "2",
      Date: "Mon, 27 Apr 2015 16:23:49 +0800",
      "x-bce-a-b": "1",
      "x-bce-a": "2",
      "x-bce-empty": " \t ",
      "User-Agent": "ua",
    });
    // "x-bce-a-b:" sorts before "x-bce-a:" (":" > "-"), and the signed names follow the lines, as the SDK does.
    expect(canonicalHeaders).toBe("content-length:2\nhost:example.com\nx-bce-a-b:1\nx-bce-a:2");
    expect(signedHeaders).toBe("content-length;host;x-bce-a-b;x-bce-a");
  });

  test("headersToSign replaces the default set; host and x-bce-* are still signed", () => {
    const headers = { host: "example.com", "content-type": "a/b", "user-agent": "ua", "x-bce-date": "d" };
    expect(buildBceCanonicalHeaders(headers, ["User-Agent"]).signedHeaders).toBe("host;user-agent;x-bce-date");
    expect(buildBceCanonicalHeaders(headers, []).signedHeaders).toBe("content-type;host;x-bce-date");
  });

  test("canonical request", () => {
    expect(
      buildBceCanonicalRequest({
        method: "PUT",
        canonicalUri: "/a",
        canonicalQueryString: "q=1",
        canonicalHeaders: "h:1",
      }),
    ).toBe("PUT\n/a\nq=1\nh:1");
  });

  test("the signature is keyed by the signing key's hex string", async () => {
    const result = await bceV1Authorization(BASE);
    const signingKey = createHmac("sha256", "sk-value").update(result.authStringPrefix).digest("hex");
    expect(result.signingKey).toBe(signingKey);
    expect(result.signature).toBe(createHmac("sha256", signingKey).update(result.canonicalRequest).digest("hex"));
    expect(JSON.stringify(result)).not.toContain("sk-value");
  });

  test("timestampEpochSeconds stands in for timestamp; expiration defaults to 1800", async () => {
    const { timestamp: _, ...rest } = BASE;
    const result = await bceV1Authorization({ ...rest, timestampEpochSeconds: 1741940160 });
    expect(result.authStringPrefix).toBe("bce-auth-v1/ak/2025-03-14T08:16:00Z/1800");
  });

  test("with no header to sign the authorization has an empty signed-headers field, as the SDK writes it", async () => {
    const result = await bceV1Authorization({ ...BASE, headers: {} });
    expect(result.authorization).toBe(`bce-auth-v1/ak/2025-03-14T08:16:00Z/1800//${result.signature}`);
  });

  test.each([
    ["an empty accessKeyId", { accessKeyId: "" }, /accessKeyId/],
    ["an empty secretAccessKey", { secretAccessKey: "" }, /secretAccessKey/],
    ["no time", { timestamp: null }, /timestamp/],
    ["no path", { path: null }, /path/],
    ["a fractional expiration", { expirationInSeconds: 1.5 }, /expirationInSeconds/],
  ])("TypeError on %s", async (_, override, message) => {
    await expect(bceV1Authorization({ ...BASE, ...override })).rejects.toThrow(message);
    await expect(bceV1Authorization({ ...BASE, ...override })).rejects.toBeInstanceOf(TypeError);
  });
});
