import {
  assertCredentialsSource,
  type CredentialsSource,
  type FetchLike,
  normalizeBaseUrl,
  type ProviderTransport,
  type RequestParts,
  resolveCredentials,
  type SigningDetails,
  signBceV1Parts,
  type TransportTuning,
} from "@cloud-models/core";
import { QIANFAN_DEFAULT_BASE_URL } from "./constants.ts";
import { classifyQianfanAnswer } from "./errors.ts";

/**
 * Options of {@link createQianfanClient} and `qianfanProvider`. Besides these: `retry` (default 3 attempts, 200 ms
 * doubling with full jitter, capped at 5 s; `false` for none), `timeoutMs` (per attempt, default 10 s),
 * `deadlineMs` (whole call, default 30 s), `maxBodyBytes` (default 8 MiB).
 */
export interface QianfanClientOptions extends TransportTuning {
  /** A Baidu AI Cloud AK/SK pair (optionally with an STS token), or a function returning one before every attempt. */
  readonly credentials: CredentialsSource;
  /** Another origin (and path prefix) to send to, e.g. a mock or a proxy. Default `https://qianfan.baidubce.com`. */
  readonly baseUrl?: string | undefined;
  /** The `fetch` to send with; default `globalThis.fetch`, looked up on every call. */
  readonly fetch?: FetchLike | undefined;
}

/**
 * What the client and the provider send through: the base URL, the bce-auth-v1 signer that signs each of their
 * attempts, and the transport options that classify Qianfan's answers. Kept apart from openapi-fetch, so an app that
 * only uses `qianfanProvider` does not bundle it.
 *
 * @throws ModelError `invalid_argument` for a malformed `baseUrl`, `credentials` for a malformed credentials object.
 * @internal
 */
export function qianfanTransport(options: QianfanClientOptions): ProviderTransport {
  const baseUrl = normalizeBaseUrl(options.baseUrl ?? QIANFAN_DEFAULT_BASE_URL, "qianfan");
  assertCredentialsSource(options.credentials, "qianfan");
  const sign = async (parts: RequestParts, now: Date): Promise<SigningDetails> => {
    const credentials = await resolveCredentials(options.credentials, "qianfan");
    // Unchecked: the credentials were checked just above, the URL comes from a checked base URL.
    const { canonicalRequest } = await signBceV1Parts(parts, credentials, now);
    // Only the canonical request: the BCE signing key is derived from the secret and must not be shown.
    return { canonicalRequest };
  };
  return {
    baseUrl,
    sign,
    transport: {
      provider: "qianfan",
      fetch: options.fetch,
      retry: options.retry,
      timeoutMs: options.timeoutMs,
      deadlineMs: options.deadlineMs,
      maxBodyBytes: options.maxBodyBytes,
      classify: classifyQianfanAnswer,
    },
  };
}
