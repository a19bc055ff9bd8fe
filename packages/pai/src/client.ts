import {
  assertCredentialsSource,
  type CredentialsSource,
  createTransport,
  type FetchLike,
  ModelError,
  normalizeBaseUrl,
  percentEncode,
  resolveCredentials,
  signAcs3WithDetails,
  type TransportTuning,
} from "@cloud-models/core";
import createClient, { type Client } from "openapi-fetch";
import { PAI_API_VERSION, PAI_DEFAULT_REGION, PAI_GET_MODEL_ACTION } from "./constants.ts";
import { classifyPaiAnswer } from "./errors.ts";
import type { PaiPaths } from "./types.ts";

/**
 * Options of {@link createPaiClient} and `paiProvider`. Besides these: `retry` (default 3 attempts, 200 ms
 * doubling with full jitter, capped at 5 s; `false` for none), `timeoutMs` (per attempt, default 10 s),
 * `deadlineMs` (whole call, default 30 s), `maxBodyBytes` (default 8 MiB).
 */
export interface PaiClientOptions extends TransportTuning {
  /** An AccessKey pair (optionally with an STS token), or a function returning one before every attempt. */
  readonly credentials: CredentialsSource;
  /** The PAI region, e.g. `cn-shanghai`; the host is `aiworkspace.<region>.aliyuncs.com`. Default `cn-hangzhou`. */
  readonly region?: string | undefined;
  /** Another origin (and path prefix) to send to instead, e.g. a mock or a proxy; overrides `region`. */
  readonly baseUrl?: string | undefined;
  /** The `fetch` to send with; default `globalThis.fetch`, looked up on every call. */
  readonly fetch?: FetchLike | undefined;
}

/** The typed openapi-fetch client for PAI `GetModel`. */
export type PaiClient = Client<PaiPaths>;

const REGION = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** ACS3 needs the API's action name per request; routes are matched on the end of the path (after any prefix). */
const ROUTES: readonly { method: string; path: RegExp; action: string }[] = [
  { method: "GET", path: /\/api\/v1\/models\/[^/]+$/, action: PAI_GET_MODEL_ACTION },
];

/**
 * Makes the typed openapi-fetch client for PAI AIWorkSpace, on cloud-models' transport: every attempt is signed
 * with ACS3-HMAC-SHA256, and path parameters are percent-encoded per RFC 3986 so an id can never change the path.
 * It keeps openapi-fetch's non-throwing `{ data, error, response }`; use `paiProvider` for a normalised `Model`.
 *
 * @throws ModelError `invalid_argument` for a malformed `region` or `baseUrl`, `credentials` for a malformed
 * credentials object.
 * @example
 * ```ts
 * const client = createPaiClient({ credentials: { accessKeyId, accessKeySecret }, region: "cn-shanghai" });
 * const { data, error } = await client.GET("/api/v1/models/{ModelId}", { params: { path: { ModelId: "model-x" } } });
 * ```
 * @see https://www.alibabacloud.com/help/en/pai/developer-reference/api-aiworkspace-2021-02-04-getmodel
 */
export function createPaiClient(options: PaiClientOptions): PaiClient {
  const baseUrl = resolvePaiBaseUrl(options);
  assertCredentialsSource(options.credentials, "pai");
  const transport = createTransport({
    provider: "pai",
    fetch: options.fetch,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    deadlineMs: options.deadlineMs,
    maxBodyBytes: options.maxBodyBytes,
    classify: classifyPaiAnswer,
    sign: async (request, { now }) => {
      const credentials = await resolveCredentials(options.credentials, "pai");
      const action = actionOf(request);
      const signed = await signAcs3WithDetails(request, credentials, { action, version: PAI_API_VERSION, now });
      const { canonicalRequest, stringToSign } = signed.details;
      return { request: signed.request, details: { canonicalRequest, stringToSign } };
    },
  });
  return createClient<PaiPaths>({
    baseUrl,
    fetch: transport,
    headers: { accept: "application/json" },
    pathSerializer: (url, params) =>
      url.replace(/\{([^}]+)\}/g, (_, name: string) => percentEncode(String(params[name]))),
  });
}

/** The base URL a PAI client sends to: `baseUrl` without its trailing slash, or the region's endpoint. @internal */
export function resolvePaiBaseUrl(options: Pick<PaiClientOptions, "region" | "baseUrl">): string {
  if (options.baseUrl !== undefined) {
    return normalizeBaseUrl(options.baseUrl, "pai");
  }
  const region = options.region ?? PAI_DEFAULT_REGION;
  if (typeof region !== "string" || !REGION.test(region)) {
    throw new ModelError(`pai: invalid region ${JSON.stringify(region)} (expected e.g. "cn-hangzhou")`, {
      code: "invalid_argument",
      provider: "pai",
    });
  }
  return `https://aiworkspace.${region}.aliyuncs.com`;
}

function actionOf(request: Request): string {
  const { pathname } = new URL(request.url);
  const route = ROUTES.find((candidate) => candidate.method === request.method && candidate.path.test(pathname));
  if (!route) {
    throw new ModelError(`pai: no API action known for ${request.method} ${pathname}`, {
      code: "invalid_argument",
      provider: "pai",
    });
  }
  return route.action;
}
