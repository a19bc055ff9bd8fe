import { describe, expect, test } from "vitest";
import {
  acs3Authorization,
  buildAcs3CanonicalHeaders,
  buildAcs3CanonicalQuery,
  buildAcs3CanonicalRequest,
  buildAcs3StringToSign,
} from "./acs3.ts";

const BASE = {
  method: "GET",
  pathname: "/",
  query: {},
  headers: { host: "example.com" },
  body: null,
  accessKeyId: "id",
  accessKeySecret: "secret-value",
};

describe("ACS3 steps", () => {
  test("canonical query: sorted by name, names and values RFC 3986-encoded, empty values kept", () => {
    expect(buildAcs3CanonicalQuery({ b: "x y", "a key": "(1)*", Empty: "" })).toBe("Empty=&a%20key=%281%29%2A&b=x%20y");
  });

  test("canonical query from pairs keeps repeated names, values sorted", () => {
    expect(buildAcs3CanonicalQuery(new URLSearchParams("k=2&j=1&k=1&k=10"))).toBe("j=1&k=1&k=10&k=2");
    expect(buildAcs3CanonicalQuery([])).toBe("");
  });

  test("canonical headers: host, content-type and x-acs-* only; lower-cased, trimmed, sorted; lines end in \\n", () => {
    const { canonicalHeaders, signedHeaders } = buildAcs3CanonicalHeaders({
      "X-Acs-B": " 2 ",
      "x-acs-a": "",
      Host: "example.com",
      "Content-Type": "\ttext/plain ",
      "Content-Length": "10",
      "X-Other": "no",
    });
    expect(canonicalHeaders).toBe("content-type:text/plain\nhost:example.com\nx-acs-a:\nx-acs-b:2\n");
    expect(signedHeaders).toBe("content-type;host;x-acs-a;x-acs-b");
  });

  test("a header name given twice (different case) keeps both values, sorted and joined by a comma", () => {
    expect(buildAcs3CanonicalHeaders({ "x-acs-m": "b", "X-Acs-M": "a" }).canonicalHeaders).toBe("x-acs-m:a,b\n");
  });

  test("canonical headers over exactly the names given: others left out, an absent one signed empty", () => {
    const headers = { Host: "example.com", Accept: " application/json ", "x-acs-date": "d", "x-acs-extra": "e" };
    expect(buildAcs3CanonicalHeaders(headers, ["HOST", "accept", "x-acs-date", "x-acs-missing"])).toEqual({
      canonicalHeaders: "accept:application/json\nhost:example.com\nx-acs-date:d\nx-acs-missing:\n",
      signedHeaders: "accept;host;x-acs-date;x-acs-missing",
    });
  });

  test("signedHeaders: the default set, named, signs alike; another set signs differently", async () => {
    const input = { ...BASE, headers: { host: "example.com", accept: "application/json", "x-acs-date": "d" } };
    const byDefault = await acs3Authorization(input);
    expect(byDefault.signedHeaders).toBe("host;x-acs-date");
    expect(await acs3Authorization({ ...input, signedHeaders: ["x-acs-date", "host"] })).toEqual(byDefault);
    const withAccept = await acs3Authorization({ ...input, signedHeaders: ["host", "accept", "x-acs-date"] });
    expect(withAccept.signedHeaders).toBe("accept;host;x-acs-date");
    expect(withAccept.signature).not.toBe(byDefault.signature);
  });

  test("canonical request and string to sign", async () => {
    const canonicalRequest = buildAcs3CanonicalRequest({
      method: "GET",
      canonicalUri: "/",
      canonicalQueryString: "",
      canonicalHeaders: "host:example.com\n",
      signedHeaders: "host",
      hashedPayload: "e3b0",
    });
    expect(canonicalRequest).toBe("GET\n/\n\nhost:example.com\n\nhost\ne3b0");
    expect(await buildAcs3StringToSign("")).toBe(
      "ACS3-HMAC-SHA256\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
  });

  test("a bytes body is hashed as it is", async () => {
    const text = await acs3Authorization({ ...BASE, body: "abc" });
    const bytes = await acs3Authorization({ ...BASE, body: new TextEncoder().encode("abc") });
    expect(bytes.hashedPayload).toBe(text.hashedPayload);
    expect(bytes.signature).toBe(text.signature);
  });

  test("the result holds no secret", async () => {
    const result = await acs3Authorization(BASE);
    expect(JSON.stringify(result)).not.toContain("secret-value");
  });

  test.each([
    ["an empty accessKeyId", { accessKeyId: "" }, /accessKeyId/],
    ["an empty accessKeySecret", { accessKeySecret: "" }, /accessKeySecret/],
    ["another algorithm", { signatureAlgorithm: "ACS3-HMAC-SM3" }, /signatureAlgorithm/],
  ])("TypeError on %s", async (_, override, message) => {
    await expect(acs3Authorization({ ...BASE, ...override })).rejects.toThrow(message);
    await expect(acs3Authorization({ ...BASE, ...override })).rejects.toBeInstanceOf(TypeError);
  });
});
