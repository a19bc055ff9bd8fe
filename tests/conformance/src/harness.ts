// The official signers, called the way the `source` field of
// packages/core/src/signing/__fixtures__/signing-vectors.json says the expected values were computed. Each returns
// every stage in the shape of our own result type, so a test can compare the two objects whole.

import OpenApiUtil from "@alicloud/openapi-util";
import Auth from "@baiducloud/sdk/src/auth.js";
import * as strings from "@baiducloud/sdk/src/strings.js";
import type { Acs3Result, BceV1Result } from "@cloud-models/core";

type AliClientClass = typeof OpenApiUtil.default;
const imported: typeof OpenApiUtil | AliClientClass = OpenApiUtil;

/**
 * `@alicloud/openapi-util`'s `Client`, its CommonJS `exports.default`. Node's ESM loader makes `module.exports` the
 * default import (the class is then its `default`); vitest's loader already unwraps an `__esModule` default.
 */
export const AliClient: AliClientClass = "default" in imported ? imported.default : imported;

export const ACS3_ALGORITHM = "ACS3-HMAC-SHA256";

type TeaRequest = Parameters<typeof AliClient.getAuthorization>[0];

/** What `Client.getAuthorization` reads of a `$tea.Request`. */
export interface OfficialAcs3Request {
  readonly method: string;
  /** Built with `Client.getEncodeParam` for each path parameter. */
  readonly pathname: string;
  /** Already flattened with `Client.query`. */
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
}

/** `hashedPayload = Client.hexEncode(Client.hash(utf8(body or ''), 'ACS3-HMAC-SHA256'))`. */
export function officialAcs3PayloadHash(body: string | null): string {
  return AliClient.hexEncode(AliClient.hash(Buffer.from(body ?? "", "utf8"), ACS3_ALGORITHM));
}

/** `Client.getEncodeParam(pathParam)`: how the official SDK encodes one path parameter. */
export function officialAcs3EncodeParam(param: string): string {
  return AliClient.getEncodeParam(param);
}

/** `Client.query(queryInput)`: the official flattening of a query object. */
export function officialAcs3Query(queryInput: Record<string, unknown>): Record<string, string> {
  return AliClient.query(queryInput);
}

/**
 * `Client.getAuthorization(request, 'ACS3-HMAC-SHA256', hashedPayload, accessKeyId, accessKeySecret)`, with the
 * canonical request and the string to sign captured from the arguments it passes to `Client.hash` and
 * `Client.signatureMethod` (both patched for the duration of this synchronous call only).
 */
export function officialAcs3(
  request: OfficialAcs3Request,
  hashedPayload: string,
  accessKeyId: string,
  accessKeySecret: string,
): Acs3Result {
  const hashed: Buffer[] = [];
  const signed: { source: string; signature: Buffer }[] = [];
  const { hash, signatureMethod } = AliClient;
  AliClient.hash = (raw, algorithm) => {
    hashed.push(raw);
    return hash.call(AliClient, raw, algorithm);
  };
  AliClient.signatureMethod = (secret, source, algorithm) => {
    const signature = signatureMethod.call(AliClient, secret, source, algorithm);
    signed.push({ source, signature });
    return signature;
  };
  let authorization: string;
  try {
    authorization = AliClient.getAuthorization(
      // getAuthorization reads only method, pathname, query and headers of the $tea.Request.
      request as TeaRequest,
      ACS3_ALGORITHM,
      hashedPayload,
      accessKeyId,
      accessKeySecret,
    );
  } finally {
    AliClient.hash = hash;
    AliClient.signatureMethod = signatureMethod;
  }
  const [raw] = hashed;
  const [signing] = signed;
  if (hashed.length !== 1 || signed.length !== 1 || raw === undefined || signing === undefined) {
    throw new Error(`getAuthorization hashed ${hashed.length} and signed ${signed.length} times (expected 1 and 1)`);
  }
  const canonicalRequest = raw.toString("utf8");
  // Method, URI and query are the first three lines (none can hold a newline: the method is a token, the others are
  // percent-encoded); signed header names and the payload hash are the last two.
  const lines = canonicalRequest.split("\n");
  return {
    hashedPayload,
    canonicalUri: lines[1] ?? "",
    canonicalQueryString: lines[2] ?? "",
    signedHeaders: lines.at(-2) ?? "",
    canonicalRequest,
    stringToSign: signing.source,
    signature: AliClient.hexEncode(signing.signature),
    authorization,
  };
}

/** `strings.normalize(rawPath, false)` from @baiducloud/sdk src/strings.js: the path as the official SDK sends it. */
export function officialBcePath(rawPath: string): string {
  return strings.normalize(rawPath, false);
}

/** `strings.normalize(value)`: @baiducloud/sdk's RFC 3986 encoding. */
export function officialBceEncode(value: string): string {
  return strings.normalize(value);
}

/** The arguments of `Auth.prototype.generateAuthorization`, named. */
export interface OfficialBceV1Call {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly method: string;
  /** The path as sent (already encoded: `strings.normalize(rawPath, false)`). */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly timestampEpochSeconds: number;
  readonly expirationInSeconds: number | null | undefined;
  readonly headersToSign: readonly string[] | null;
}

/**
 * `new Auth(ak, sk).generateAuthorization(method, path, query, headers, timestampEpochSeconds, expirationInSeconds,
 * headersToSign)` from @baiducloud/sdk src/auth.js, with signingKey and canonicalRequest captured from its two
 * `hash` calls and the canonical URI, query and headers from `generateCanonicalUri`, `queryStringCanonicalization`
 * and `headersCanonicalization` (wrapped on this one instance; the prototype is not touched).
 */
export function officialBceV1(call: OfficialBceV1Call): BceV1Result {
  const auth = new Auth(call.accessKeyId, call.secretAccessKey);
  const hashes: { data: string; result: string }[] = [];
  const stages: { canonicalUri?: string; canonicalQueryString?: string; headers?: [string, string[]] } = {};
  auth.hash = (data, key) => {
    const result = Auth.prototype.hash.call(auth, data, key);
    hashes.push({ data, result });
    return result;
  };
  auth.generateCanonicalUri = (url) => {
    stages.canonicalUri = Auth.prototype.generateCanonicalUri.call(auth, url);
    return stages.canonicalUri;
  };
  auth.queryStringCanonicalization = (params) => {
    stages.canonicalQueryString = Auth.prototype.queryStringCanonicalization.call(auth, params);
    return stages.canonicalQueryString;
  };
  auth.headersCanonicalization = (headers, headersToSign) => {
    stages.headers = Auth.prototype.headersCanonicalization.call(auth, headers, headersToSign);
    return stages.headers;
  };
  const authorization = auth.generateAuthorization(
    call.method,
    call.path,
    call.query,
    call.headers,
    call.timestampEpochSeconds,
    call.expirationInSeconds,
    call.headersToSign,
  );
  const [prefix, signature] = hashes;
  const { canonicalUri, canonicalQueryString, headers } = stages;
  if (
    hashes.length !== 2 ||
    prefix === undefined ||
    signature === undefined ||
    canonicalUri === undefined ||
    canonicalQueryString === undefined ||
    headers === undefined
  ) {
    throw new Error("generateAuthorization did not go through the expected steps");
  }
  return {
    authStringPrefix: prefix.data,
    signingKey: prefix.result,
    canonicalUri,
    canonicalQueryString,
    canonicalHeaders: headers[0],
    signedHeaders: headers[1].join(";"),
    canonicalRequest: signature.data,
    signature: signature.result,
    authorization,
  };
}
