import type { Credentials } from "../credentials.ts";
import { assertCredentials, parseHttpUrl } from "./assert.ts";
import { assertExpiration, bceStages } from "./bce-v1.ts";
import { BCE_DEFAULT_EXPIRATION_SECONDS, BCE_REQUEST_HEADERS_TO_SIGN } from "./constants.ts";
import { percentEncode } from "./encode.ts";
import { type RequestParts, redact, signRequestWith, toSigningHeaders } from "./request.ts";
import { resolveDate, toIsoSeconds } from "./time.ts";
import type { BceV1Result, BceV1SignOptions, SignedRequest } from "./types.ts";

/**
 * Signs a `Request` with bce-auth-v1 (Baidu AI Cloud, Qianfan) and returns a new `Request`: same method, URL, body
 * bytes, signal and headers, plus `x-bce-date`, with STS credentials `x-bce-security-token`, and `Authorization`.
 * The request passed in is not consumed.
 *
 * Signed by default: `host` (from the URL; never set as a header), `content-type` when present, and every `x-bce-*`
 * header. Not `content-length` or `content-md5`, which `@baiducloud/sdk` signs: a fetch `Request` cannot carry
 * `content-length` in browsers and runtimes may send the body chunked, so a signed length could not be trusted to
 * match. The Qianfan Python SDK signs this same set. `options.headersToSign` replaces `content-type` with other
 * names; `host` and `x-bce-*` are always signed. The canonical URI is the URL's pathname as it is (already encoded);
 * the query is read from the URL, decoded and re-encoded per RFC 3986.
 *
 * @throws TypeError when a credential is empty, the expiration is not a positive whole number, or the URL is not
 * absolute http(s).
 * @example
 * ```ts
 * const request = new Request("https://qianfan.baidubce.com/wenxinworkshop/modelrepo/modelDetail", {
 *   method: "POST",
 *   headers: { "content-type": "application/json" },
 *   body: JSON.stringify({ modelId: "am-txtetnsfq9sb" }),
 * });
 * const signed = await signBceV1(request, { accessKeyId, accessKeySecret });
 * const response = await fetch(signed);
 * ```
 * @see https://cloud.baidu.com/doc/Reference/s/njwvz1yfu
 */
export async function signBceV1(
  request: Request,
  credentials: Credentials,
  options?: BceV1SignOptions,
): Promise<Request> {
  return (await signBceV1WithDetails(request, credentials, options)).request;
}

/**
 * {@link signBceV1}, also returning every stage of the signature (the security token redacted in them), so an IAM
 * signature error can be explained. @internal
 */
export async function signBceV1WithDetails(
  request: Request,
  credentials: Credentials,
  options: BceV1SignOptions = {},
): Promise<SignedRequest<BceV1Result>> {
  assertCredentials(credentials);
  parseHttpUrl(request.url);
  const now = resolveDate(options.now);
  assertExpiration(options.expirationInSeconds ?? BCE_DEFAULT_EXPIRATION_SECONDS);
  return signRequestWith(request, (parts) => signBceV1Parts(parts, credentials, now, options));
}

/**
 * bce-auth-v1-signs a request in parts, in place: sets `x-bce-date` (and `x-bce-security-token`) and
 * `Authorization` on `parts.headers` and returns the stages (the security token redacted). The body is not signed.
 * No checks of its inputs, for a caller whose inputs are valid by construction: `signBceV1WithDetails` after its
 * checks, and the Qianfan provider (credentials checked by `resolveCredentials`, an http(s) URL from a checked base
 * URL, the transport's `Date`). @internal
 */
export async function signBceV1Parts(
  parts: RequestParts,
  credentials: Credentials,
  now: Date,
  options: Pick<BceV1SignOptions, "expirationInSeconds" | "headersToSign"> = {},
): Promise<BceV1Result> {
  const { url, headers } = parts;
  const timestamp = toIsoSeconds(now);
  headers.delete("authorization");
  headers.set("x-bce-date", timestamp);
  const { accessKeyId, accessKeySecret, securityToken } = credentials;
  if (securityToken === undefined) {
    // Re-signing a request that carried an STS token with a plain key pair must not send (and sign) a stale token.
    headers.delete("x-bce-security-token");
  } else {
    headers.set("x-bce-security-token", securityToken);
  }

  const headersToSign = options.headersToSign;
  const details = await bceStages({
    method: parts.method,
    canonicalUri: url.pathname,
    query: url.searchParams,
    headers: toSigningHeaders(headers, url),
    accessKeyId,
    secretAccessKey: accessKeySecret,
    timestamp,
    expirationInSeconds: options.expirationInSeconds ?? BCE_DEFAULT_EXPIRATION_SECONDS,
    // An empty list would mean the SDK default (with content-length) to the pure signer; here it means host only.
    headersToSign: headersToSign === undefined ? BCE_REQUEST_HEADERS_TO_SIGN : [...headersToSign, "host"],
  });
  headers.set("authorization", details.authorization);
  const secrets = securityToken === undefined ? [] : [securityToken, percentEncode(securityToken)];
  return {
    ...details,
    canonicalHeaders: redact(details.canonicalHeaders, secrets),
    canonicalRequest: redact(details.canonicalRequest, secrets),
  };
}
