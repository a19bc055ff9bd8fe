import { randomHex16, sha256Hex } from "#crypto";
import type { Credentials } from "../credentials.ts";
import { acs3Stages } from "./acs3.ts";
import { assertCredentials, assertNonEmptyString, parseHttpUrl } from "./assert.ts";
import { type RequestParts, redact, signRequestWith, toSigningHeaders } from "./request.ts";
import { resolveDate, toIsoSeconds } from "./time.ts";
import type { Acs3Result, Acs3SignOptions, SignedRequest } from "./types.ts";

/**
 * Signs a `Request` with ACS3-HMAC-SHA256 (Alibaba Cloud's V3 request signature) and returns a new `Request`: same
 * method, URL, body bytes, signal and headers, plus `x-acs-action`, `x-acs-version`, `x-acs-date`,
 * `x-acs-signature-nonce`, `x-acs-content-sha256`, with STS credentials `x-acs-accesskey-id` and
 * `x-acs-security-token` (as the official SDK sends them), and `Authorization`. The request passed in is not consumed.
 *
 * Signed: `host` (from the URL; never set as a header), `content-type` and every `x-acs-*` header, the caller's own
 * included. The canonical URI is the URL's pathname as it is, so encode path parameters with `percentEncode`. The
 * query is read from the URL, decoded and re-encoded per RFC 3986; a repeated name keeps all its values, sorted.
 *
 * @throws TypeError when a credential, `action` or `version` is empty, or the URL is not absolute http(s).
 * @example
 * ```ts
 * const request = new Request("https://aiworkspace.cn-hangzhou.aliyuncs.com/api/v1/models/model-1");
 * const signed = await signAcs3(request, { accessKeyId, accessKeySecret }, { action: "GetModel", version: "2021-02-04" });
 * const response = await fetch(signed);
 * ```
 * @see https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature
 */
export async function signAcs3(request: Request, credentials: Credentials, options: Acs3SignOptions): Promise<Request> {
  return (await signAcs3WithDetails(request, credentials, options)).request;
}

/**
 * {@link signAcs3}, also returning every stage of the signature (the security token redacted in them), so a
 * `SignatureDoesNotMatch` can be explained. @internal
 */
export async function signAcs3WithDetails(
  request: Request,
  credentials: Credentials,
  options: Acs3SignOptions,
): Promise<SignedRequest<Acs3Result>> {
  assertCredentials(credentials);
  parseHttpUrl(request.url);
  assertNonEmptyString(options?.action, "options.action");
  assertNonEmptyString(options.version, "options.version");
  const now = resolveDate(options.now);
  const nonce = typeof options.nonce === "function" ? options.nonce() : (options.nonce ?? randomHex16());
  assertNonEmptyString(nonce, "options.nonce");
  const { action, version } = options;
  return signRequestWith(request, (parts) => signAcs3Parts(parts, credentials, action, version, now, nonce));
}

/**
 * ACS3-signs a request in parts, in place: sets the `x-acs-*` headers and `Authorization` on `parts.headers` and
 * returns the stages (the security token redacted). No checks of its inputs, for a caller whose inputs are valid by
 * construction: `signAcs3WithDetails` after its checks, and the PAI provider (credentials checked by
 * `resolveCredentials`, an http(s) URL from a checked base URL, constant action and version, the transport's
 * `Date`). @internal
 */
export async function signAcs3Parts(
  parts: RequestParts,
  credentials: Credentials,
  action: string,
  version: string,
  now: Date,
  nonce: string = randomHex16(),
): Promise<Acs3Result> {
  const { url, headers } = parts;
  const hashedPayload = await sha256Hex(parts.body ?? "");
  headers.delete("authorization");
  headers.set("x-acs-action", action);
  headers.set("x-acs-version", version);
  headers.set("x-acs-date", toIsoSeconds(now));
  headers.set("x-acs-signature-nonce", nonce);
  headers.set("x-acs-content-sha256", hashedPayload);
  const { accessKeyId, accessKeySecret, securityToken } = credentials;
  if (securityToken === undefined) {
    // Re-signing a request that carried STS headers with a plain key pair must not send (and sign) a stale token.
    headers.delete("x-acs-accesskey-id");
    headers.delete("x-acs-security-token");
  } else {
    headers.set("x-acs-accesskey-id", accessKeyId);
    headers.set("x-acs-security-token", securityToken);
  }

  const details = await acs3Stages(
    {
      method: parts.method,
      pathname: url.pathname,
      query: url.searchParams,
      headers: toSigningHeaders(headers, url),
      body: null,
      accessKeyId,
      accessKeySecret,
    },
    hashedPayload,
  );
  headers.set("authorization", details.authorization);
  const secrets = securityToken === undefined ? [] : [securityToken];
  return { ...details, canonicalRequest: redact(details.canonicalRequest, secrets) };
}
