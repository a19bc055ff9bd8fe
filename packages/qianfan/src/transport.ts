import {
  assertCredentialsSource,
  type CredentialsSource,
  type FetchLike,
  normalizeBaseUrl,
  resolveCredentials,
  signBceV1Unchecked,
  type TransportOptions,
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
 * What the client and the provider send through: the base URL, and the transport options that sign every attempt
 * with bce-auth-v1 and classify Qianfan's answers. Kept apart from openapi-fetch, so an app that only uses
 * `qianfanProvider` does not bundle it.
 *
 * @throws ModelError `invalid_argument` for a malformed `baseUrl`, `credentials` for a malformed credentials object.
 * @internal
 */
export function qianfanTransport(options: QianfanClientOptions): { baseUrl: string; transport: TransportOptions } {
  const baseUrl = normalizeBaseUrl(options.baseUrl ?? QIANFAN_DEFAULT_BASE_URL, "qianfan");
  assertCredentialsSource(options.credentials, "qianfan");
  return {
    baseUrl,
    transport: {
      provider: "qianfan",
      fetch: options.fetch,
      retry: options.retry,
      timeoutMs: options.timeoutMs,
      deadlineMs: options.deadlineMs,
      maxBodyBytes: options.maxBodyBytes,
      classify: classifyQianfanAnswer,
      sign: async (request, { now }) => {
        const credentials = await resolveCredentials(options.credentials, "qianfan");
        // Unchecked: the credentials were checked just above, the URL comes from a checked base URL.
        const signed = await signBceV1Unchecked(request, credentials, now);
        // Only the canonical request: the BCE signing key is derived from the secret and must not be shown.
        return { request: signed.request, details: { canonicalRequest: signed.details.canonicalRequest } };
      },
    },
  };
}
