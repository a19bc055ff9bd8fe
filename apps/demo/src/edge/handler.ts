// The edge function: a signing proxy a browser app calls instead of holding cloud keys. One web-standard `fetch`
// handler (Request in, Response out, no Node APIs), so the same code runs in Cloudflare Workers, Deno and Node (all
// three tested) and in a browser (the demo page's mocks); entry.ts is the deployable module, node-server.ts the
// node:http wrapper.
import {
  type FetchLike,
  ModelError,
  type ModelErrorCode,
  type Provider,
  type TransportTuning,
} from "@cloud-models/core";
import { type CloudStatus, isProvider, PROVIDERS, redact, secretsIn, setupClouds } from "./clouds.ts";
import type { EdgeEnv } from "./env.ts";

/** The route the handler serves: `GET /api/models/:provider/:id`. */
export const API_PREFIX = "/api/models/";

/** Which origins may call the proxy from a browser: `*` (default) or a comma-separated list of origins. */
export const CORS_ORIGIN_NAME = "CORS_ALLOW_ORIGIN";

/** The `code` of an error body: a `ModelError` code, or one of the proxy's own. */
export type EdgeErrorCode = ModelErrorCode | "route_not_found" | "method_not_allowed" | "not_configured" | "internal";

/** The JSON body of every error answer. */
export interface EdgeErrorBody {
  readonly error: {
    readonly code: EdgeErrorCode;
    readonly message: string;
    readonly provider?: Provider;
    /** The cloud's request id (PAI `RequestId`, Qianfan `log_id`), to quote to the vendor's support. */
    readonly requestId?: string;
    /** The cloud's own error code. */
    readonly vendorCode?: string;
    /** Whether the same call may succeed later. */
    readonly retryable: boolean;
  };
}

/**
 * The HTTP status for each `ModelError` code. The proxy answers for its own credentials: when a cloud refuses them
 * (`unauthorized`) that is a bad gateway (502), not the caller's fault (401 would ask the browser to log in); when
 * they are unusable locally (`credentials`) the proxy is misconfigured (500).
 */
export const STATUS_BY_CODE: Readonly<Record<ModelErrorCode, number>> = {
  not_found: 404,
  invalid_argument: 400,
  unknown_provider: 400,
  credentials: 500,
  unauthorized: 502,
  throttled: 429,
  timeout: 504,
  // nginx's "client closed request": nobody reads this answer.
  aborted: 499,
  signing: 500,
  http: 502,
  network: 502,
  invalid_response: 502,
};

/** Options of {@link createEdgeHandler}. */
export interface EdgeHandlerOptions {
  /** Credentials and settings: see the README (`envFromWorkers`, `envFromDeno`, `envFromProcess` make one). */
  readonly env: EdgeEnv;
  /** The `fetch` the providers call the clouds with; default `globalThis.fetch`, looked up on every call. */
  readonly fetch?: FetchLike | undefined;
  /** Retries and timeouts of the calls to the clouds; the SDK's defaults otherwise. */
  readonly transport?: TransportTuning | undefined;
}

/** A web-standard request handler. */
export type EdgeHandler = (request: Request) => Promise<Response>;

/**
 * Makes the edge function's handler: `GET /api/models/:provider/:id` answers the normalised model as JSON (200), or
 * `{ error: { code, message, provider, requestId, vendorCode, retryable } }` with the status of
 * {@link STATUS_BY_CODE}; 503 `not_configured` for a cloud whose credentials are not set (naming the variables),
 * 404 `route_not_found` for any other path, 405 for methods other than GET and OPTIONS. Read-only, so CORS is open
 * to every origin unless `CORS_ALLOW_ORIGIN` says otherwise. Providers are made once, here, not per request.
 *
 * @example
 * ```ts
 * const handler = createEdgeHandler({ env: envFromProcess(process) });
 * const response = await handler(new Request("http://localhost/api/models/qianfan/am-txtetnsfq9sb"));
 * ```
 */
export function createEdgeHandler(options: EdgeHandlerOptions): EdgeHandler {
  const clouds = setupClouds(options.env, {
    fetch: options.fetch ? { pai: options.fetch, qianfan: options.fetch } : undefined,
    transport: options.transport,
  });
  const secrets = secretsIn(options.env);
  const allowedOrigins = readOrigins(options.env[CORS_ORIGIN_NAME]);

  const answer = async (request: Request, reply: Reply): Promise<Response> => {
    const url = new URL(request.url);
    const segments = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length).split("/") : [];
    const [rawProvider, rawId] = segments;
    if (segments.length !== 2 || rawProvider === undefined || rawId === undefined) {
      return reply.failure(404, {
        code: "route_not_found",
        message: `no route ${request.method} ${url.pathname}: use GET ${API_PREFIX}:provider/:id`,
      });
    }
    if (request.method === "OPTIONS") {
      return reply.preflight();
    }
    if (request.method !== "GET") {
      return reply.failure(
        405,
        { code: "method_not_allowed", message: `${request.method} is not allowed: use GET` },
        { allow: ALLOWED_METHODS },
      );
    }
    let provider: string;
    let id: string;
    try {
      provider = decodeURIComponent(rawProvider);
      id = decodeURIComponent(rawId);
    } catch {
      return reply.failure(400, { code: "invalid_argument", message: "the path is not valid percent-encoding" });
    }
    if (!isProvider(provider)) {
      return reply.failure(400, {
        code: "unknown_provider",
        message: `unknown provider ${JSON.stringify(provider)}: use one of ${PROVIDERS.join(", ")}`,
      });
    }
    const cloud: CloudStatus = clouds[provider];
    if (cloud.state === "missing") {
      return reply.failure(503, {
        code: "not_configured",
        provider,
        message: `this proxy has no ${provider} credentials: ${cloud.variables.join(" and ")} not set`,
      });
    }
    if (cloud.state === "invalid") {
      return reply.modelFailure(cloud.error, 500);
    }
    try {
      const model = await cloud.provider.getModel(id, { signal: request.signal });
      return reply.json(200, model, { "cache-control": "public, max-age=60" });
    } catch (error) {
      if (!ModelError.isInstance(error)) {
        throw error;
      }
      // The cloud's own wait hint, passed on in whole seconds (at least 1).
      const waitSeconds =
        error.retryAfterMs === undefined ? undefined : Math.max(1, Math.ceil(error.retryAfterMs / 1000));
      return reply.modelFailure(
        error,
        undefined,
        waitSeconds === undefined ? {} : { "retry-after": String(waitSeconds) },
      );
    }
  };

  return async (request) => {
    const reply = createReply(allowOrigin(allowedOrigins, request.headers.get("origin")), secrets);
    try {
      return await answer(request, reply);
    } catch {
      // Nothing of an unexpected error is shown: it could hold anything.
      return reply.failure(500, { code: "internal", message: "internal error" });
    }
  };
}

type ErrorFields = Omit<EdgeErrorBody["error"], "retryable"> & { readonly retryable?: boolean };

/** Builds the answers of one request, all with its CORS headers. */
interface Reply {
  json(status: number, body: unknown, headers?: Record<string, string>): Response;
  failure(status: number, error: ErrorFields, headers?: Record<string, string>): Response;
  modelFailure(error: ModelError, status?: number, headers?: Record<string, string>): Response;
  preflight(): Response;
}

function createReply(origin: string | undefined, secrets: readonly string[]): Reply {
  const cors: Record<string, string> = origin === undefined ? {} : { "access-control-allow-origin": origin };
  if (origin !== undefined && origin !== "*") {
    cors["vary"] = "Origin";
  }
  const reply: Reply = {
    json: (status, body, headers = {}) =>
      new Response(JSON.stringify(body), {
        status,
        headers: {
          "content-type": "application/json; charset=utf-8",
          "x-content-type-options": "nosniff",
          ...cors,
          ...headers,
        },
      }),
    failure: (status, error, headers = {}) =>
      reply.json(
        status,
        { error: { ...error, message: redact(error.message, secrets), retryable: error.retryable ?? false } },
        { "cache-control": "no-store", ...headers },
      ),
    modelFailure: (error, status, headers = {}) =>
      reply.failure(
        status ?? STATUS_BY_CODE[error.code] ?? 502,
        {
          code: error.code,
          message: error.message.replace(/\s*\n\s*/g, " "),
          ...(error.provider ? { provider: error.provider } : {}),
          ...(error.requestId ? { requestId: error.requestId } : {}),
          ...(error.vendorCode ? { vendorCode: error.vendorCode } : {}),
          retryable: error.retryable,
        },
        headers,
      ),
    preflight: () =>
      new Response(null, {
        status: 204,
        headers: {
          ...cors,
          "access-control-allow-methods": ALLOWED_METHODS,
          "access-control-allow-headers": "accept, content-type",
          "access-control-max-age": "86400",
        },
      }),
  };
  return reply;
}

const ALLOWED_METHODS = "GET, OPTIONS";

function readOrigins(value: unknown): readonly string[] {
  if (typeof value !== "string" || value.trim() === "") {
    return ["*"];
  }
  return value
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
}

function allowOrigin(allowed: readonly string[], origin: string | null): string | undefined {
  if (allowed.includes("*")) {
    return "*";
  }
  return origin !== null && allowed.includes(origin) ? origin : undefined;
}
