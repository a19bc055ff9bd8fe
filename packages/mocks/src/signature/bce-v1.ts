// Checks a bce-auth-v1 request the way Baidu AI Cloud's IAM gateway does: parse `Authorization`, know the key,
// check the validity period, the signed headers, and recompute the signature with core's signer.
// https://cloud.baidu.com/doc/Reference/s/njwvz1yfu
import { bceV1Authorization, type Credentials } from "@cloud-models/core";
import { BCE_FUTURE_WINDOW_MS } from "../constants.ts";
import { type AuthFailure, signingHeadersOf, unsignedNames } from "./auth-failure.ts";

/** `bce-auth-v1/{accessKeyId}/{timestamp}/{expirationPeriodInSeconds}/{signedHeaders}/{signature}`. */
const AUTHORIZATION =
  /^bce-auth-v1\/([^/\s]+)\/(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)\/([1-9]\d{0,9})\/([^/\s]*)\/([0-9a-f]{64})$/;

/** What {@link verifyBceV1} needs besides the request. @internal */
export interface BceV1VerifyOptions {
  readonly credentials: Credentials;
  readonly now: Date;
}

/**
 * The first reason IAM would refuse this request's signature, or `undefined` when it is good. The request is
 * expired when the clock is past the auth string's timestamp plus its expiration, or the timestamp is more than 15
 * minutes ahead. Signed headers must include `host` and every `x-bce-*` header sent. @internal
 */
export async function verifyBceV1(request: Request, options: BceV1VerifyOptions): Promise<AuthFailure | undefined> {
  const authorization = request.headers.get("authorization");
  if (authorization === null || authorization.trim() === "") {
    return { kind: "missing" };
  }
  const match = AUTHORIZATION.exec(authorization.trim());
  const signedAt = match ? Date.parse(match[2] ?? "") : Number.NaN;
  if (!match || Number.isNaN(signedAt)) {
    return {
      kind: "malformed",
      detail: "Authorization must be bce-auth-v1/{ak}/{timestamp}/{expiration}/{signedHeaders}/{signature}",
    };
  }
  const [, accessKeyId = "", timestamp = "", expiration = "", signedList = "", signature = ""] = match;
  if (accessKeyId !== options.credentials.accessKeyId) {
    return { kind: "unknown-key" };
  }
  const now = options.now.getTime();
  const expirationSeconds = Number(expiration);
  if (now > signedAt + expirationSeconds * 1000 || signedAt - now > BCE_FUTURE_WINDOW_MS) {
    return { kind: "expired", timestamp };
  }

  const url = new URL(request.url);
  const headers = signingHeadersOf(request, url);
  const signed = signedList.split(";");
  const mustSign = Object.keys(headers)
    .filter((name) => name === "host" || name.startsWith("x-bce-"))
    .sort();
  const notSigned = unsignedNames(mustSign, new Set(signed));
  if (notSigned.length > 0) {
    return { kind: "unsigned-headers", names: notSigned };
  }

  const expected = await bceV1Authorization({
    method: request.method,
    path: url.pathname,
    query: url.searchParams,
    headers,
    accessKeyId,
    secretAccessKey: options.credentials.accessKeySecret,
    timestamp,
    expirationInSeconds: expirationSeconds,
    headersToSign: signed,
  });
  if (signedList !== expected.signedHeaders || signature !== expected.signature) {
    return { kind: "signature-mismatch" };
  }
  return undefined;
}
