// Checks an ACS3-HMAC-SHA256 request the way Alibaba Cloud's gateway does: parse `Authorization`, know the key,
// check the time window, the signed headers and the body hash, recompute the signature with core's signer, and
// refuse a nonce seen before.
// https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature
import { acs3Authorization, type Credentials } from "@cloud-models/core";
import { PAI_TIME_WINDOW_MS } from "../constants.ts";
import { type AuthFailure, signingHeadersOf, unsignedNames } from "./auth-failure.ts";
import type { NonceCache } from "./nonce-cache.ts";

const AUTHORIZATION = /^ACS3-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;
const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** The ACS3 headers every signed call carries (`x-acs-security-token` too, with STS). */
const REQUIRED_HEADERS = [
  "x-acs-action",
  "x-acs-version",
  "x-acs-date",
  "x-acs-signature-nonce",
  "x-acs-content-sha256",
] as const;

/** What {@link verifyAcs3} needs besides the request. @internal */
export interface Acs3VerifyOptions {
  readonly credentials: Credentials;
  readonly now: Date;
  readonly nonces: NonceCache;
}

/**
 * The first reason PAI would refuse this request's signature, or `undefined` when it is good. The nonce is only
 * recorded for a request that passes every other check, as a failed request does not use up its nonce.
 *
 * Signed headers must include `host`, `content-type` when sent, and every `x-acs-*` header: the set core's signer
 * and the official SDKs sign. @internal
 */
export async function verifyAcs3(request: Request, options: Acs3VerifyOptions): Promise<AuthFailure | undefined> {
  const authorization = request.headers.get("authorization");
  if (authorization === null || authorization.trim() === "") {
    return { kind: "missing" };
  }
  const match = AUTHORIZATION.exec(authorization.trim());
  if (!match) {
    return {
      kind: "malformed",
      detail: "Authorization must be `ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…`",
    };
  }
  const [, accessKeyId = "", signedList = "", signature = ""] = match;
  if (accessKeyId !== options.credentials.accessKeyId) {
    return { kind: "unknown-key" };
  }
  const missing = REQUIRED_HEADERS.filter((name) => !request.headers.get(name));
  if (missing.length > 0) {
    return { kind: "malformed", detail: `missing header ${missing.join(", ")}` };
  }

  const date = request.headers.get("x-acs-date") ?? "";
  const signedAt = ISO_SECONDS.test(date) ? Date.parse(date) : Number.NaN;
  if (Number.isNaN(signedAt)) {
    return { kind: "bad-timestamp" };
  }
  if (Math.abs(options.now.getTime() - signedAt) > PAI_TIME_WINDOW_MS) {
    return { kind: "expired", timestamp: date };
  }

  const url = new URL(request.url);
  const headers = signingHeadersOf(request, url);
  const mustSign = Object.keys(headers)
    .filter((name) => name === "host" || name === "content-type" || name.startsWith("x-acs-"))
    .sort();
  const notSigned = unsignedNames(mustSign, new Set(signedList.split(";")));
  if (notSigned.length > 0) {
    return { kind: "unsigned-headers", names: notSigned };
  }

  const body = await request.clone().arrayBuffer();
  const expected = await acs3Authorization({
    method: request.method,
    pathname: url.pathname,
    query: url.searchParams,
    headers,
    // As the gateway does: the headers the client listed are the ones signed, extra ones (e.g. `accept`) included.
    signedHeaders: signedList.split(";"),
    body: body.byteLength === 0 ? null : body,
    accessKeyId,
    accessKeySecret: options.credentials.accessKeySecret,
  });
  if (headers["x-acs-content-sha256"] !== expected.hashedPayload) {
    return {
      kind: "signature-mismatch",
      stringToSign: expected.stringToSign,
      detail: "x-acs-content-sha256 is not the SHA-256 of the body",
    };
  }
  if (signedList !== expected.signedHeaders || signature !== expected.signature) {
    return { kind: "signature-mismatch", stringToSign: expected.stringToSign };
  }

  if (!options.nonces.remember(headers["x-acs-signature-nonce"] ?? "", options.now.getTime())) {
    return { kind: "nonce-used" };
  }
  return undefined;
}

/**
 * The string to sign PAI would show in a `SignatureDoesNotMatch` answer to this request: it depends on the request
 * only (no secret is in it), so an auth scenario can show it too. `undefined` when it cannot be computed. @internal
 */
export async function acs3StringToSignOf(request: Request): Promise<string | undefined> {
  const url = new URL(request.url);
  const signedList = AUTHORIZATION.exec(request.headers.get("authorization")?.trim() ?? "")?.[2];
  try {
    const body = await request.clone().arrayBuffer();
    const { stringToSign } = await acs3Authorization({
      method: request.method,
      pathname: url.pathname,
      query: url.searchParams,
      headers: signingHeadersOf(request, url),
      signedHeaders: signedList?.split(";"),
      body: body.byteLength === 0 ? null : body,
      // The string to sign does not depend on the key; the signer only insists there is one.
      accessKeyId: "mock",
      accessKeySecret: "mock",
    });
    return stringToSign;
  } catch {
    return undefined;
  }
}
