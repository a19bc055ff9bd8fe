// ACS3-HMAC-SHA256 (Alibaba Cloud V3 request signature) as small pure steps. Each step matches what
// @alicloud/openapi-util getAuthorization does; the signing vectors in __fixtures__ check every stage.

import { hmacSha256Hex, sha256Hex } from "#crypto";
import { assertKeyPair, assertNonEmptyString } from "./assert.ts";
import { ACS3_ALGORITHM } from "./constants.ts";
import { percentEncode } from "./encode.ts";
import { compareCodeUnits, toQueryEntries } from "./query-entries.ts";
import type { Acs3Input, Acs3Result, CanonicalHeaders, QueryInput } from "./types.ts";

/** The parts an ACS3 canonical request is made of. */
export interface Acs3CanonicalRequestParts {
  readonly method: string;
  readonly canonicalUri: string;
  readonly canonicalQueryString: string;
  readonly canonicalHeaders: string;
  readonly signedHeaders: string;
  readonly hashedPayload: string;
}

/**
 * The ACS3 canonical query string: parameters sorted by name, name and value RFC 3986-encoded, `name=value` joined
 * by `&`. A repeated name keeps all its values, ordered by encoded value. @internal
 */
export function buildAcs3CanonicalQuery(query: QueryInput): string {
  return toQueryEntries(query)
    .map(([name, value]) => ({ name, value: percentEncode(value) }))
    .sort((a, b) => compareCodeUnits(a.name, b.name) || compareCodeUnits(a.value, b.value))
    .map(({ name, value }) => `${percentEncode(name)}=${value}`)
    .join("&");
}

/**
 * The ACS3 canonical headers: `host`, `content-type` and every `x-acs-*` header (or exactly the `only` names given), names
 * lower-cased and sorted, values trimmed (a name given twice keeps both values, sorted, joined by `,`; a name given
 * but absent has an empty value). Each line ends with `\n`. @internal
 */
export function buildAcs3CanonicalHeaders(
  headers: Readonly<Record<string, string>>,
  only?: readonly string[] | null,
): CanonicalHeaders {
  const wanted = only ? new Set(only.map((name) => name.toLowerCase())) : undefined;
  const signed: [name: string, value: string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (wanted ? wanted.has(lower) : isSignedByDefault(lower)) {
      signed.push([lower, String(value ?? "").trim()]);
    }
  }
  for (const name of wanted ?? []) {
    if (!signed.some(([present]) => present === name)) {
      signed.push([name, ""]);
    }
  }
  // Sorted by name, then value: a name given twice has its values next to each other, in order, for one line.
  signed.sort((a, b) => compareCodeUnits(a[0], b[0]) || compareCodeUnits(a[1], b[1]));
  let canonicalHeaders = "";
  const names: string[] = [];
  for (const [name, value] of signed) {
    if (names.at(-1) === name) {
      canonicalHeaders = `${canonicalHeaders.slice(0, -1)},${value}\n`;
    } else {
      names.push(name);
      canonicalHeaders += `${name}:${value}\n`;
    }
  }
  return { canonicalHeaders, signedHeaders: names.join(";") };
}

function isSignedByDefault(lowerName: string): boolean {
  return lowerName === "host" || lowerName === "content-type" || lowerName.startsWith("x-acs-");
}

/** The ACS3 canonical request: method, URI, query, headers (each line ended), signed header names, payload hash. @internal */
export function buildAcs3CanonicalRequest(parts: Acs3CanonicalRequestParts): string {
  const { method, canonicalUri, canonicalQueryString, canonicalHeaders, signedHeaders, hashedPayload } = parts;
  return `${method}\n${canonicalUri}\n${canonicalQueryString}\n${canonicalHeaders}\n${signedHeaders}\n${hashedPayload}`;
}

/** The ACS3 string to sign: the algorithm name, a newline, and the hex SHA-256 of the canonical request. @internal */
export async function buildAcs3StringToSign(canonicalRequest: string): Promise<string> {
  return `${ACS3_ALGORITHM}\n${await sha256Hex(canonicalRequest)}`;
}

/** The ACS3 `Authorization` header value. @internal */
export function buildAcs3AuthorizationHeader(accessKeyId: string, signedHeaders: string, signature: string): string {
  return `${ACS3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
}

/**
 * Computes every stage of an ACS3-HMAC-SHA256 signature (Alibaba Cloud's V3 request signature) for a request
 * described as in the signing vectors. It adds no header: `headers` must already hold `host`, `x-acs-action`,
 * `x-acs-version`, `x-acs-date`, `x-acs-signature-nonce`, `x-acs-content-sha256` and, for STS, the security token.
 * To sign a `Request`, use {@link signAcs3}.
 *
 * @throws TypeError when `accessKeyId` or `accessKeySecret` is empty, or the algorithm is not ACS3-HMAC-SHA256.
 * @example
 * ```ts
 * const { authorization, canonicalRequest } = await acs3Authorization({
 *   method: "GET",
 *   pathname: "/api/v1/models/model-1",
 *   query: {},
 *   headers: {
 *     host: "aiworkspace.cn-hangzhou.aliyuncs.com",
 *     "x-acs-action": "GetModel",
 *     "x-acs-version": "2021-02-04",
 *     "x-acs-date": "2025-03-14T08:15:30Z",
 *     "x-acs-signature-nonce": "a3f1c9e2b7d54f6e8a0b1c2d3e4f5a6b",
 *     "x-acs-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
 *   },
 *   body: null,
 *   accessKeyId,
 *   accessKeySecret,
 * });
 * ```
 * @see https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature
 */
export async function acs3Authorization(input: Acs3Input): Promise<Acs3Result> {
  assertKeyPair(input.accessKeyId, input.accessKeySecret, "accessKeySecret");
  return acs3AuthorizationWithPayloadHash(input, await sha256Hex(input.body ?? ""));
}

/** {@link acs3Authorization} with the body's hash already known (the `Request` signer hashes it once). @internal */
export async function acs3AuthorizationWithPayloadHash(input: Acs3Input, hashedPayload: string): Promise<Acs3Result> {
  assertKeyPair(input.accessKeyId, input.accessKeySecret, "accessKeySecret");
  assertNonEmptyString(input.method, "method");
  if (typeof input.pathname !== "string") {
    throw new TypeError("pathname must be a string");
  }
  if (input.signatureAlgorithm != null && input.signatureAlgorithm !== ACS3_ALGORITHM) {
    throw new TypeError(`unsupported signatureAlgorithm (only ${ACS3_ALGORITHM} is implemented)`);
  }
  return acs3Stages(input, hashedPayload);
}

/** {@link acs3AuthorizationWithPayloadHash} without the checks, for inputs valid by construction. @internal */
export async function acs3Stages(input: Acs3Input, hashedPayload: string): Promise<Acs3Result> {
  // The pathname is signed as it is: it is already encoded (the official signer's single `+`/`*`/`%7E` replacements
  // only matter for paths that were not, and `percentEncode` never leaves those characters).
  const canonicalUri = input.pathname;
  const canonicalQueryString = buildAcs3CanonicalQuery(input.query);
  const { canonicalHeaders, signedHeaders } = buildAcs3CanonicalHeaders(input.headers, input.signedHeaders);
  const canonicalRequest = buildAcs3CanonicalRequest({
    method: input.method,
    canonicalUri,
    canonicalQueryString,
    canonicalHeaders,
    signedHeaders,
    hashedPayload,
  });
  const stringToSign = await buildAcs3StringToSign(canonicalRequest);
  const signature = await hmacSha256Hex(input.accessKeySecret, stringToSign);
  return {
    hashedPayload,
    canonicalUri,
    canonicalQueryString,
    signedHeaders,
    canonicalRequest,
    stringToSign,
    signature,
    authorization: buildAcs3AuthorizationHeader(input.accessKeyId, signedHeaders, signature),
  };
}
