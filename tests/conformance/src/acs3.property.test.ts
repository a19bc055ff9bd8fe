// ACS3-HMAC-SHA256: our signers against @alicloud/openapi-util@0.3.3 Client.getAuthorization, on arbitrary input.
// Every restriction of the input space is commented at its generator (here and in arbitraries.ts) and listed in
// README.md, with the official line that makes it necessary.

import {
  type Acs3Input,
  acs3Authorization,
  buildAcs3CanonicalHeaders,
  buildAcs3CanonicalQuery,
  buildAcs3CanonicalRequest,
  type Credentials,
  percentEncode,
  type QueryInput,
  signAcs3,
} from "@cloud-models/core";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  anyMethod,
  headerSafeNonBlank,
  headerSafeValue,
  host,
  illFormedString,
  isoSeconds,
  jsonBody,
  keyId,
  namesUniqueIgnoringCase,
  paddedUnicode,
  queryEntries,
  queryName,
  randomCase,
  requestMethod,
  secret,
  signingDate,
  token,
  unicodeString,
} from "./arbitraries.ts";
import { officialAcs3, officialAcs3EncodeParam, officialAcs3PayloadHash, officialAcs3Query } from "./harness.ts";

const PURE_RUNS = 10_000;
const REQUEST_RUNS = 2_000;
const REJECTION_RUNS = 500;
const TIMEOUT_MS = 120_000;

/**
 * GetModel-style paths with ONE path parameter, encoded by the official `Client.getEncodeParam`.
 *
 * EXCLUDED: pathnames that are not RFC 3986-encoded per path parameter. @alicloud/openapi-util dist/client.js
 * `getAuthorization`: `(request.pathname || "").replace("+", "%20").replace("*", "%2A").replace("%7E", "~")` replaces
 * only the FIRST `+`, `*` and `%7E` (a `String.prototype.replace` with a string pattern). The vendor documents the
 * canonical URI as the percent-encoded path, which never contains `+`, `*` or `%7E` (`~` is unreserved), so on that
 * space the replacements are no-ops; every case asserts it.
 */
const TEMPLATES = ["/api/v1/models/{ModelId}", "/api/v1/models/{ModelId}/versions", "/{ModelId}"] as const;

/** The headers the harness (or the `Request` signer) sets itself: never generated as extra headers. */
const SIGNER_HEADERS = [
  "host",
  "x-acs-action",
  "x-acs-version",
  "x-acs-date",
  "x-acs-signature-nonce",
  "x-acs-content-sha256",
  "x-acs-accesskey-id",
  "x-acs-security-token",
] as const;

/** An extra `x-acs-*` header name (random case), not one the signer sets. */
const extraAcsName = randomCase(token(0).map((suffix) => `x-acs-${suffix}`)).filter(
  (name) => !(SIGNER_HEADERS as readonly string[]).includes(name.toLowerCase()),
);

/** Header names that must NOT be signed (near misses of the signed prefixes included). */
const unsignedName = randomCase(
  fc.oneof(
    fc.constantFrom(
      "accept",
      "user-agent",
      "content-length",
      "content-md5",
      "date",
      "x-acs",
      "xacs-a",
      "x-acsx",
      "x-bce-date",
    ),
    token(),
  ),
);

/** Arbitrary (possibly empty) values, with surrounding whitespace of every kind `trim` removes. */
const headerValue = fc.oneof({ weight: 6, arbitrary: paddedUnicode }, { weight: 1, arbitrary: fc.constant("") });

/**
 * ACS3 query names.
 *
 * EXCLUDED: the name `__proto__`. The official flattening the vectors use, @alicloud/openapi-util dist/client.js
 * `Client.query` (`flatMap`/`toMap`), copies parameters with `result[key] = value` and
 * `target[key] = value.toString()`, which for `__proto__` hits the prototype setter and silently drops the parameter
 * (fast-check found this). The name is otherwise unreserved; `getAuthorization` itself signs it, as ours does.
 */
const acs3QueryName = queryName.filter((name) => name !== "__proto__");

/** Query given to our signer as an object, as pairs, or as a `URLSearchParams` (all three are a `QueryInput`). */
const queryForm = fc.constantFrom("record", "pairs", "searchParams");

function toQueryInput(entries: [string, string][], form: string): QueryInput {
  if (form === "pairs") {
    return entries;
  }
  return form === "searchParams" ? new URLSearchParams(entries) : Object.fromEntries(entries);
}

function assertEncodedPath(pathname: string): void {
  // The official canonical URI's single replacements are no-ops here (see TEMPLATES).
  expect(pathname).not.toMatch(/[+*]|%7E/);
}

describe("acs3Authorization agrees with @alicloud/openapi-util getAuthorization", () => {
  const pureCase = fc
    .record({
      method: anyMethod,
      template: fc.constantFrom(...TEMPLATES),
      modelId: unicodeString({ maxLength: 24 }),
      query: queryEntries(acs3QueryName),
      queryForm,
      hostValue: fc.oneof(host, headerValue),
      action: headerValue,
      version: headerValue,
      date: signingDate.map(isoSeconds),
      nonce: fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), headerValue),
      securityToken: fc.option(headerValue),
      contentType: fc.option(
        fc.oneof(fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain"), headerValue),
      ),
      extra: fc.array(fc.tuple(extraAcsName, headerValue), { maxLength: 4 }),
      unsigned: fc.array(fc.tuple(unsignedName, headerValue), { maxLength: 3 }),
      // Letter case of the names the harness sets: both signers lower-case names.
      signerNames: fc.tuple(
        randomCase(fc.constant("host")),
        randomCase(fc.constant("x-acs-action")),
        randomCase(fc.constant("x-acs-version")),
        randomCase(fc.constant("x-acs-date")),
        randomCase(fc.constant("x-acs-signature-nonce")),
        randomCase(fc.constant("x-acs-content-sha256")),
        randomCase(fc.constant("x-acs-accesskey-id")),
        randomCase(fc.constant("x-acs-security-token")),
      ),
      contentTypeName: randomCase(fc.constant("content-type")),
      body: fc.option(jsonBody),
      bodyAsBytes: fc.boolean(),
      accessKeyId: keyId,
      accessKeySecret: secret,
    })
    .map((c) => {
      const [hostName, actionName, versionName, dateName, nonceName, sha256Name, keyIdName, tokenName] = c.signerNames;
      const hashedPayload = officialAcs3PayloadHash(c.body);
      const headers: [string, string][] = [
        [hostName, c.hostValue],
        [actionName, c.action],
        [versionName, c.version],
        [dateName, c.date],
        [nonceName, c.nonce],
        [sha256Name, hashedPayload],
        ...(c.securityToken === null
          ? []
          : ([
              [keyIdName, c.accessKeyId],
              [tokenName, c.securityToken],
            ] as [string, string][])),
        ...(c.contentType === null ? [] : ([[c.contentTypeName, c.contentType]] as [string, string][])),
        ...c.extra,
        ...c.unsigned,
      ];
      return { ...c, headers, hashedPayload };
    })
    // EXCLUDED: two header names equal ignoring case (see namesUniqueIgnoringCase in arbitraries.ts).
    .filter((c) => namesUniqueIgnoringCase(c.headers.map(([name]) => name)));

  test(
    `every stage agrees on ${PURE_RUNS} arbitrary requests`,
    async () => {
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(pureCase, async (c) => {
          runs += 1;
          const encodedId = officialAcs3EncodeParam(c.modelId);
          expect(encodedId).toBe(percentEncode(c.modelId));
          const pathname = c.template.replace("{ModelId}", encodedId);
          assertEncodedPath(pathname);
          const headers = Object.fromEntries(c.headers);
          const query = toQueryInput(c.query, c.queryForm);
          const input: Acs3Input = {
            method: c.method,
            pathname,
            query,
            headers,
            body: c.body !== null && c.bodyAsBytes ? new TextEncoder().encode(c.body) : c.body,
            accessKeyId: c.accessKeyId,
            accessKeySecret: c.accessKeySecret,
          };

          const ours = await acs3Authorization(input);
          const official = officialAcs3(
            { method: c.method, pathname, query: officialAcs3Query(Object.fromEntries(c.query)), headers },
            c.hashedPayload,
            c.accessKeyId,
            c.accessKeySecret,
          );
          expect(ours).toEqual(official);
          // Our canonical request recomputed from our own step functions.
          expect(ours.canonicalRequest).toBe(
            buildAcs3CanonicalRequest({
              method: c.method,
              canonicalUri: pathname,
              canonicalQueryString: buildAcs3CanonicalQuery(query),
              ...buildAcs3CanonicalHeaders(headers),
              hashedPayload: c.hashedPayload,
            }),
          );
        }),
        { numRuns: PURE_RUNS },
      );
      expect(runs).toBeGreaterThanOrEqual(PURE_RUNS);
    },
    TIMEOUT_MS,
  );

  test(`both reject ill-formed UTF-16 in a query value or a path parameter (${REJECTION_RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        illFormedString,
        fc.boolean(),
        keyId,
        secret,
        async (bad, inPath, accessKeyId, accessKeySecret) => {
          const query = inPath ? {} : { q: bad };
          if (inPath) {
            expect(() => officialAcs3EncodeParam(bad)).toThrow(URIError);
            expect(() => percentEncode(bad)).toThrow(URIError);
            return;
          }
          const headers = { host: "example.com", "x-acs-content-sha256": officialAcs3PayloadHash(null) };
          expect(() =>
            officialAcs3(
              { method: "GET", pathname: "/", query, headers },
              officialAcs3PayloadHash(null),
              accessKeyId,
              accessKeySecret,
            ),
          ).toThrow(URIError);
          await expect(
            acs3Authorization({
              method: "GET",
              pathname: "/",
              query,
              headers,
              body: null,
              accessKeyId,
              accessKeySecret,
            }),
          ).rejects.toThrow(URIError);
        },
      ),
      { numRuns: REJECTION_RUNS },
    );
  });
});

describe("signAcs3 on a Request agrees with @alicloud/openapi-util getAuthorization", () => {
  const requestCase = fc
    .record({
      method: requestMethod,
      host,
      template: fc.constantFrom(...TEMPLATES),
      // EXCLUDED (Request only): "." and "..", which the URL parser removes as dot segments.
      modelId: unicodeString({ maxLength: 24 }).filter((id) => id !== "." && id !== ".."),
      query: queryEntries(acs3QueryName),
      // Header values a `Headers` accepts (Latin-1, no NUL/CR/LF): see headerSafeValue.
      extra: fc.array(fc.tuple(extraAcsName, headerSafeValue), { maxLength: 4 }),
      unsigned: fc.array(
        fc.tuple(randomCase(fc.constantFrom("accept", "user-agent", "x-acs", "x-acsx", "x-custom")), headerSafeValue),
        { maxLength: 2 },
      ),
      contentType: fc.option(fc.tuple(randomCase(fc.constant("content-type")), headerSafeValue)),
      body: fc.option(jsonBody),
      action: headerSafeValue.filter((value) => value !== ""),
      version: headerSafeValue.filter((value) => value !== ""),
      nonce: fc.oneof(
        fc.stringMatching(/^[0-9a-f]{32}$/),
        headerSafeValue.filter((value) => value !== ""),
      ),
      now: signingDate,
      // The key id is sent in headers (Authorization; x-acs-accesskey-id with STS): a header-safe value.
      accessKeyId: headerSafeNonBlank,
      accessKeySecret: secret,
      securityToken: fc.option(
        headerSafeValue.filter((value) => value !== ""),
        { nil: undefined },
      ),
    })
    .map((c) => ({ ...c, body: c.method === "GET" || c.method === "HEAD" ? null : c.body }))
    .filter((c) =>
      namesUniqueIgnoringCase([
        ...c.extra.map(([name]) => name),
        ...c.unsigned.map(([name]) => name),
        ...(c.contentType === null ? [] : [c.contentType[0]]),
      ]),
    );

  test(
    `the Authorization agrees on ${REQUEST_RUNS} arbitrary requests`,
    async () => {
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(requestCase, async (c) => {
          runs += 1;
          const pathname = c.template.replace("{ModelId}", officialAcs3EncodeParam(c.modelId));
          assertEncodedPath(pathname);
          const search = c.query.map(([name, value]) => `${name}=${officialAcs3EncodeParam(value)}`).join("&");
          const url = `https://${c.host}${pathname}${search === "" ? "" : `?${search}`}`;
          const userHeaders: [string, string][] = [
            ...c.extra,
            ...c.unsigned,
            ...(c.contentType === null ? [] : [c.contentType]),
          ];
          const request = new Request(url, {
            method: c.method,
            headers: userHeaders,
            ...(c.body === null ? {} : { body: c.body }),
          });
          const credentials: Credentials =
            c.securityToken === undefined
              ? { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret }
              : { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, securityToken: c.securityToken };

          const signed = await signAcs3(request, credentials, {
            action: c.action,
            version: c.version,
            now: c.now,
            nonce: c.nonce,
          });

          const hashedPayload = officialAcs3PayloadHash(c.body);
          const officialHeaders: Record<string, string> = {
            host: new URL(url).host,
            ...Object.fromEntries(userHeaders),
            // Fetch gives a string body this content-type when the caller set none; the request carries it.
            ...(c.body !== null && c.contentType === null ? { "content-type": "text/plain;charset=UTF-8" } : {}),
            "x-acs-action": c.action,
            "x-acs-version": c.version,
            "x-acs-date": isoSeconds(c.now),
            "x-acs-signature-nonce": c.nonce,
            "x-acs-content-sha256": hashedPayload,
            ...(c.securityToken === undefined
              ? {}
              : { "x-acs-accesskey-id": c.accessKeyId, "x-acs-security-token": c.securityToken }),
          };
          const official = officialAcs3(
            {
              method: c.method,
              pathname,
              query: officialAcs3Query(Object.fromEntries(c.query)),
              headers: officialHeaders,
            },
            hashedPayload,
            c.accessKeyId,
            c.accessKeySecret,
          );
          expect(signed.headers.get("authorization")).toBe(official.authorization);
          expect(signed.headers.get("x-acs-content-sha256")).toBe(hashedPayload);
          expect(signed.headers.get("x-acs-date")).toBe(isoSeconds(c.now));
        }),
        { numRuns: REQUEST_RUNS },
      );
      expect(runs).toBeGreaterThanOrEqual(REQUEST_RUNS);
    },
    TIMEOUT_MS,
  );
});
