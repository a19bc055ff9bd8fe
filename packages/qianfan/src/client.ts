import {
  assertCredentialsSource,
  type CredentialsSource,
  createTransport,
  type FetchLike,
  normalizeBaseUrl,
  resolveCredentials,
  signBceV1WithDetails,
  type TransportTuning,
} from "@cloud-models/core";
import createClient, { type Client } from "openapi-fetch";
import { QIANFAN_DEFAULT_BASE_URL } from "./constants.ts";
import { classifyQianfanAnswer } from "./errors.ts";
import type { QianfanPaths } from "./types.ts";

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

/** The typed openapi-fetch client for Qianfan `modelDetail`. */
export type QianfanClient = Client<QianfanPaths>;

/**
 * Makes the typed openapi-fetch client for the Qianfan model repository, on cloud-models' transport: every attempt
 * is signed with bce-auth-v1 (`host`, `content-type` and `x-bce-*` headers signed). It keeps openapi-fetch's
 * non-throwing `{ data, error, response }` — note that Qianfan answers errors with HTTP 200 and an `error_code`, so
 * check `data` for it; `qianfanProvider` does that for you.
 *
 * @throws ModelError `invalid_argument` for a malformed `baseUrl`, `credentials` for a malformed credentials object.
 * @example
 * ```ts
 * const client = createQianfanClient({ credentials: { accessKeyId, accessKeySecret } });
 * const { data } = await client.POST("/wenxinworkshop/modelrepo/modelDetail", { body: { modelId: "am-txtetnsfq9sb" } });
 * ```
 * @see https://cloud.baidu.com/doc/WENXINWORKSHOP/s/Mlnv9hc7d
 */
export function createQianfanClient(options: QianfanClientOptions): QianfanClient {
  const baseUrl = normalizeBaseUrl(options.baseUrl ?? QIANFAN_DEFAULT_BASE_URL, "qianfan");
  assertCredentialsSource(options.credentials, "qianfan");
  const transport = createTransport({
    provider: "qianfan",
    fetch: options.fetch,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    deadlineMs: options.deadlineMs,
    maxBodyBytes: options.maxBodyBytes,
    classify: classifyQianfanAnswer,
    sign: async (request, { now }) => {
      const credentials = await resolveCredentials(options.credentials, "qianfan");
      const signed = await signBceV1WithDetails(request, credentials, { now });
      // Only the canonical request: the BCE signing key is derived from the secret and must not be shown.
      return { request: signed.request, details: { canonicalRequest: signed.details.canonicalRequest } };
    },
  });
  return createClient<QianfanPaths>({ baseUrl, fetch: transport, headers: { accept: "application/json" } });
}
