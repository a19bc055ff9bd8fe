// bce-auth-v1 (Baidu AI Cloud) as small pure steps. Each step matches @baiducloud/sdk src/auth.js
// (Auth.prototype.generateAuthorization); the signing vectors in __fixtures__ check every stage.

import { hmacSha256Hex } from "#crypto";
import { assertKeyPair, assertNonEmptyString } from "./assert.ts";
import {
  BCE_AUTH_VERSION,
  BCE_DEFAULT_EXPIRATION_SECONDS,
  BCE_REQUEST_HEADERS_TO_SIGN,
  BCE_SDK_HEADERS_TO_SIGN,
} from "./constants.ts";
import { percentEncode } from "./encode.ts";
import { toQueryEntries } from "./query-entries.ts";
import { toIsoSeconds } from "./time.ts";
import type { BceV1Input, BceV1Result, CanonicalHeaders, QueryInput } from "./types.ts";

/** The parts a bce-auth-v1 canonical request is made of. */
export interface BceCanonicalRequestParts {
  readonly method: string;
  readonly canonicalUri: string;
  readonly canonicalQueryString: string;
  readonly canonicalHeaders: string;
}

/** `bce-auth-v1/{accessKeyId}/{timestamp}/{expirationInSeconds}`: the auth string's prefix and the key-derivation input. @internal */
export function buildBceAuthStringPrefix(accessKeyId: string, timestamp: string, expirationInSeconds: number): string {
  return `${BCE_AUTH_VERSION}/${accessKeyId}/${timestamp}/${expirationInSeconds}`;
}

/** The canonical URI of a path that is not yet encoded: each segment RFC 3986-encoded, `/` kept. @internal */
export function buildBceCanonicalUri(rawPath: string): string {
  return rawPath.split("/").map(percentEncode).join("/");
}

/**
 * The bce-auth-v1 canonical query string: `encode(name)=encode(value)` for each parameter except one named
 * `authorization` (any case), sorted as whole strings, joined by `&`. @internal
 */
export function buildBceCanonicalQuery(query: QueryInput): string {
  return toQueryEntries(query)
    .filter(([name]) => name.toLowerCase() !== "authorization")
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .sort()
    .join("&");
}

/**
 * The bce-auth-v1 canonical headers: every `x-bce-*` header and those named in `headersToSign` (plus `host`; default
 * `host`, `content-length`, `content-type`, `content-md5`). Names are lower-cased, values trimmed, headers whose
 * value is then empty dropped; each line is `encode(name):encode(value)`, and the lines are sorted as whole strings
 * and joined by `\n`. The signed names are read back from the sorted lines, as `@baiducloud/sdk` does. @internal
 */
export function buildBceCanonicalHeaders(
  headers: Readonly<Record<string, string>>,
  headersToSign?: readonly string[] | null,
): CanonicalHeaders {
  const names = headersToSign == null || headersToSign.length === 0 ? BCE_SDK_HEADERS_TO_SIGN : headersToSign;
  const toSign = namesToSign(names);
  const lines: string[] = [];
  for (const [name, raw] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower.startsWith("x-bce-") || toSign.has(lower)) {
      const value = String(raw ?? "").trim();
      if (value !== "") {
        lines.push(`${percentEncode(lower)}:${percentEncode(value)}`);
      }
    }
  }
  lines.sort();
  return {
    canonicalHeaders: lines.join("\n"),
    signedHeaders: lines.map((line) => line.slice(0, line.indexOf(":"))).join(";"),
  };
}

/** The lower-cased names of the two constant `headersToSign` lists, with `host`: made on first use, then kept. */
let constantNames: Map<readonly string[], ReadonlySet<string>> | undefined;

function toNameSet(names: readonly string[]): ReadonlySet<string> {
  return new Set([...names.map((name) => name.toLowerCase()), "host"]);
}

function namesToSign(names: readonly string[]): ReadonlySet<string> {
  constantNames ??= new Map(
    [BCE_SDK_HEADERS_TO_SIGN, BCE_REQUEST_HEADERS_TO_SIGN].map((list) => [list, toNameSet(list)]),
  );
  // A caller's own list is read on every call: it may have changed since.
  return constantNames.get(names) ?? toNameSet(names);
}

/** The bce-auth-v1 canonical request: method, URI, query and headers, joined by `\n`. @internal */
export function buildBceCanonicalRequest(parts: BceCanonicalRequestParts): string {
  return `${parts.method}\n${parts.canonicalUri}\n${parts.canonicalQueryString}\n${parts.canonicalHeaders}`;
}

/**
 * Computes every stage of a bce-auth-v1 signature (Baidu AI Cloud) for a request described as in the signing
 * vectors. It adds no header: `headers` must already hold `host`, `x-bce-date` and, for STS, the security token.
 * To sign a `Request`, use {@link signBceV1}.
 *
 * The signing key is the hex HMAC-SHA256 of the auth-string prefix under the secret, and the signature is keyed by
 * that hex string (its UTF-8 bytes), as `@baiducloud/sdk` does.
 *
 * @throws TypeError when `accessKeyId` or `secretAccessKey` is empty, no path or time is given, or the expiration
 * is not a positive whole number.
 * @example
 * ```ts
 * const { authorization } = await bceV1Authorization({
 *   method: "POST",
 *   path: "/wenxinworkshop/modelrepo/modelDetail",
 *   headers: { host: "qianfan.baidubce.com", "content-type": "application/json", "x-bce-date": "2025-03-14T08:16:00Z" },
 *   accessKeyId,
 *   secretAccessKey,
 *   timestamp: "2025-03-14T08:16:00Z",
 * });
 * ```
 * @see https://cloud.baidu.com/doc/Reference/s/njwvz1yfu
 */
export async function bceV1Authorization(input: BceV1Input): Promise<BceV1Result> {
  assertKeyPair(input.accessKeyId, input.secretAccessKey, "secretAccessKey");
  assertNonEmptyString(input.method, "method");
  return bceStages({
    ...input,
    timestamp: timestampOf(input),
    canonicalUri: canonicalUriOf(input),
    expirationInSeconds: assertExpiration(input.expirationInSeconds ?? BCE_DEFAULT_EXPIRATION_SECONDS),
  });
}

/** What {@link bceStages} signs: a {@link BceV1Input} with the timestamp and canonical URI resolved. @internal */
export interface BceStagesInput extends Omit<BceV1Input, "timestamp" | "path" | "rawPath" | "timestampEpochSeconds"> {
  readonly timestamp: string;
  readonly canonicalUri: string;
  readonly expirationInSeconds: number;
}

/** The positive whole number of seconds `expirationInSeconds` must be. @internal */
export function assertExpiration(seconds: number): number {
  if (!Number.isSafeInteger(seconds) || seconds <= 0) {
    throw new TypeError("expirationInSeconds must be a positive whole number");
  }
  return seconds;
}

/** {@link bceV1Authorization} without the checks, for inputs valid by construction. @internal */
export async function bceStages(input: BceStagesInput): Promise<BceV1Result> {
  const { canonicalUri, expirationInSeconds: expiration } = input;
  const authStringPrefix = buildBceAuthStringPrefix(input.accessKeyId, input.timestamp, expiration);
  const signingKey = await hmacSha256Hex(input.secretAccessKey, authStringPrefix);
  const canonicalQueryString = buildBceCanonicalQuery(input.query ?? {});
  const { canonicalHeaders, signedHeaders } = buildBceCanonicalHeaders(input.headers, input.headersToSign);
  const canonicalRequest = buildBceCanonicalRequest({
    method: input.method,
    canonicalUri,
    canonicalQueryString,
    canonicalHeaders,
  });
  const signature = await hmacSha256Hex(signingKey, canonicalRequest);
  return {
    authStringPrefix,
    signingKey,
    canonicalUri,
    canonicalQueryString,
    canonicalHeaders,
    signedHeaders,
    canonicalRequest,
    signature,
    authorization: `${authStringPrefix}/${signedHeaders}/${signature}`,
  };
}

function timestampOf(input: BceV1Input): string {
  if (input.timestamp != null) {
    assertNonEmptyString(input.timestamp, "timestamp");
    return input.timestamp;
  }
  const seconds = input.timestampEpochSeconds;
  if (seconds == null || !Number.isFinite(seconds)) {
    throw new TypeError("timestamp or timestampEpochSeconds must be given");
  }
  return toIsoSeconds(new Date(seconds * 1000));
}

function canonicalUriOf(input: BceV1Input): string {
  if (input.rawPath != null) {
    return buildBceCanonicalUri(input.rawPath);
  }
  if (typeof input.path !== "string") {
    throw new TypeError("path (or rawPath) must be given");
  }
  return input.path;
}
