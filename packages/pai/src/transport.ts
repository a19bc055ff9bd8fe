import {
  assertCredentialsSource,
  type CredentialsSource,
  type FetchLike,
  ModelError,
  normalizeBaseUrl,
  type ProviderTransport,
  type RequestParts,
  resolveCredentials,
  type SigningDetails,
  signAcs3Parts,
  type TransportTuning,
} from "@cloud-models/core";
import { PAI_API_VERSION, PAI_DEFAULT_REGION, PAI_GET_MODEL_ACTION } from "./constants.ts";
import { classifyPaiAnswer } from "./errors.ts";

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

const REGION = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** ACS3 needs the API's action name per request; routes are matched on the end of the path (after any prefix). */
const ROUTES: readonly { method: string; path: RegExp; action: string }[] = [
  { method: "GET", path: /\/api\/v1\/models\/[^/]+$/, action: PAI_GET_MODEL_ACTION },
];

/**
 * What the client and the provider send through: the base URL, the ACS3-HMAC-SHA256 signer that signs each of their
 * attempts, and the transport options that classify PAI's answers. Kept apart from openapi-fetch, so an app that
 * only uses `paiProvider` does not bundle it.
 *
 * @throws ModelError `invalid_argument` for a malformed `region` or `baseUrl`, `credentials` for a malformed
 * credentials object.
 * @internal
 */
export function paiTransport(options: PaiClientOptions): ProviderTransport {
  const baseUrl = resolvePaiBaseUrl(options);
  assertCredentialsSource(options.credentials, "pai");
  const sign = async (parts: RequestParts, now: Date): Promise<SigningDetails> => {
    const credentials = await resolveCredentials(options.credentials, "pai");
    const action = actionOf(parts.method, parts.url.pathname);
    // Unchecked: the credentials were checked just above, the URL comes from a checked base URL.
    const { canonicalRequest, stringToSign } = await signAcs3Parts(parts, credentials, action, PAI_API_VERSION, now);
    return { canonicalRequest, stringToSign };
  };
  return {
    baseUrl,
    sign,
    transport: {
      provider: "pai",
      fetch: options.fetch,
      retry: options.retry,
      timeoutMs: options.timeoutMs,
      deadlineMs: options.deadlineMs,
      maxBodyBytes: options.maxBodyBytes,
      classify: classifyPaiAnswer,
    },
  };
}

/** The base URL a PAI client sends to: `baseUrl` without its trailing slash, or the region's endpoint. */
function resolvePaiBaseUrl(options: Pick<PaiClientOptions, "region" | "baseUrl">): string {
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

function actionOf(method: string, pathname: string): string {
  const route = ROUTES.find((candidate) => candidate.method === method && candidate.path.test(pathname));
  if (!route) {
    throw new ModelError(`pai: no API action known for ${method} ${pathname}`, {
      code: "invalid_argument",
      provider: "pai",
    });
  }
  return route.action;
}
