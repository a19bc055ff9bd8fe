import { retryAfterMs } from "./transport/retry.ts";

/** The clouds cloud-models talks to. */
export type Provider = "pai" | "qianfan";

/**
 * What went wrong, as a closed set to `switch` on.
 *
 * | code | when |
 * | --- | --- |
 * | `invalid_argument` | the caller's input was rejected before any request (empty id, not a string, malformed ref) |
 * | `unknown_provider` | a registry was asked for a provider it was not given |
 * | `credentials` | credentials are missing or malformed, or the credentials provider failed |
 * | `not_found` | the cloud says the model does not exist |
 * | `unauthorized` | the cloud rejected the signature, the access key or the permission |
 * | `throttled` | the cloud asked to slow down (HTTP 429, PAI `Throttling*`, Qianfan QPS codes) |
 * | `http` | any other error answer from the cloud (4xx/5xx, or a vendor error code in a 200) |
 * | `signing` | the request could not be signed (e.g. no WebCrypto in this context) |
 * | `network` | `fetch` failed before an answer arrived |
 * | `timeout` | an attempt, or the whole call, took longer than its limit (`retryable` for a single attempt) |
 * | `aborted` | the caller's `AbortSignal` fired; never retried |
 * | `invalid_response` | the answer could not be read: not JSON, truncated, or not the documented shape |
 */
export type ModelErrorCode =
  | "invalid_argument"
  | "unknown_provider"
  | "credentials"
  | "not_found"
  | "unauthorized"
  | "throttled"
  | "http"
  | "signing"
  | "network"
  | "timeout"
  | "aborted"
  | "invalid_response";

/** Everything a `ModelError` can carry; only `code` is required. */
export interface ModelErrorOptions {
  readonly code: ModelErrorCode;
  readonly provider?: Provider | undefined;
  /** The API operation, e.g. `GetModel` or `modelDetail`. */
  readonly operation?: string | undefined;
  readonly status?: number | undefined;
  readonly vendorCode?: string | undefined;
  readonly vendorMessage?: string | undefined;
  readonly requestId?: string | undefined;
  /** Defaults to what {@link isRetryableStatus} says of `status`, else `false`. */
  readonly retryable?: boolean | undefined;
  /** What the SDK signed, on a signature mismatch. */
  readonly signing?: SigningDetails | undefined;
  /** How long the cloud asked to wait before trying again, in milliseconds. */
  readonly retryAfterMs?: number | undefined;
  readonly cause?: unknown;
}

/**
 * The stages of a request signature that may be shown to a user: never a secret, a security token or a derived
 * signing key. Compare them with what the cloud says it computed.
 */
export interface SigningDetails {
  readonly canonicalRequest: string;
  readonly stringToSign?: string | undefined;
}

const MARKER: unique symbol = Symbol.for("cloud-models.ModelError") as never;

/**
 * The one error type every cloud-models failure is thrown as.
 *
 * Thrown by providers' `getModel`, the registry and the credential helpers. Fields that do not apply are
 * `undefined` (`status` is set only when the cloud answered over HTTP). Never carries headers, request bodies,
 * access key secrets or security tokens.
 *
 * @example
 * ```ts
 * try {
 *   await registry.getModel("pai:model-x");
 * } catch (error) {
 *   if (ModelError.isInstance(error) && error.code === "not_found") {
 *     // …
 *   }
 * }
 * ```
 */
export class ModelError extends Error {
  override readonly name: string = "ModelError";
  declare readonly code: ModelErrorCode;
  declare readonly provider: Provider | undefined;
  declare readonly operation: string | undefined;
  declare readonly status: number | undefined;
  /** The cloud's own error code, always a string (Qianfan's numeric `error_code` too). */
  declare readonly vendorCode: string | undefined;
  declare readonly vendorMessage: string | undefined;
  /** PAI `RequestId`, Qianfan `log_id` (or the `x-bce-request-id` header): quote it to the vendor's support. */
  declare readonly requestId: string | undefined;
  /** True when the same call may succeed if tried again. */
  declare readonly retryable: boolean;
  /** On a signature mismatch: the canonical request (and ACS3 string to sign) the SDK signed. */
  declare readonly signing: SigningDetails | undefined;
  /**
   * How long the cloud asked to wait before trying again (`Retry-After`, PAI's `x-acs-retry-after`), in milliseconds,
   * when its last answer said so. The SDK has already waited and retried that long or less; pass it on, e.g. as a
   * proxy's own `Retry-After`.
   */
  declare readonly retryAfterMs: number | undefined;

  constructor(message: string, options: ModelErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // Only the listed fields are copied: an options object may carry more (a message `reason`, a `cause`).
    const self = this as Record<string, unknown>;
    for (const field of FIELDS) {
      self[field] = options[field];
    }
    self["retryable"] = options.retryable ?? (options.status !== undefined && isRetryableStatus(options.status));
    // A marker instead of `instanceof`, so a check works across duplicate installs and realms.
    Object.defineProperty(this, MARKER, { value: true, enumerable: false });
  }

  /** True for any `ModelError`, whichever copy of this package or realm made it. */
  static isInstance(error: unknown): error is ModelError {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[MARKER] === true;
  }

  /** A plain, secret-free object for logs and API responses. */
  toJSON(): ModelErrorJSON {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const field of FIELDS) {
      json[field] = this[field];
    }
    return json as unknown as ModelErrorJSON;
  }
}

const HTTP_MARKER: unique symbol = Symbol.for("cloud-models.ModelHttpError") as never;

/**
 * The `ModelError` of a call the cloud answered, the answer being the failure: `not_found`, `unauthorized`,
 * `throttled`, `http`, or `invalid_response` for a success body that cannot be read. `status` is always set (a
 * Qianfan `error_code` comes with HTTP 200); `vendorCode`, `vendorMessage`, `requestId` and `retryAfterMs` when the
 * answer carried them. Failures before any answer (`network`, `timeout`, `aborted`, `signing`, `credentials`,
 * `invalid_argument`) are plain `ModelError`s. Its `name` stays `ModelError`, so logs and `name` checks see one
 * family; switch on `code`, or check `ModelHttpError.isInstance(error)`.
 *
 * @example
 * ```ts
 * if (ModelHttpError.isInstance(error)) {
 *   console.error(error.status, error.vendorCode, error.requestId);
 * }
 * ```
 */
export class ModelHttpError extends ModelError {
  declare readonly status: number;

  constructor(message: string, options: ModelErrorOptions & { readonly status: number }) {
    super(message, options);
    Object.defineProperty(this, HTTP_MARKER, { value: true, enumerable: false });
  }

  /** True for any `ModelHttpError`, whichever copy of this package or realm made it. */
  static override isInstance(error: unknown): error is ModelHttpError {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[HTTP_MARKER] === true;
  }
}

/** The public fields of a `ModelError` besides `name` and `message`, in the order `toJSON` lists them. */
const FIELDS = [
  "code",
  "provider",
  "operation",
  "status",
  "vendorCode",
  "vendorMessage",
  "requestId",
  "retryable",
  "signing",
  "retryAfterMs",
] as const satisfies readonly (keyof ModelErrorOptions & keyof ModelError)[];

/** What `ModelError.prototype.toJSON` returns. */
export interface ModelErrorJSON {
  name: string;
  code: ModelErrorCode;
  message: string;
  provider: Provider | undefined;
  operation: string | undefined;
  status: number | undefined;
  vendorCode: string | undefined;
  vendorMessage: string | undefined;
  requestId: string | undefined;
  retryable: boolean;
  signing: SigningDetails | undefined;
  retryAfterMs: number | undefined;
}

/** HTTP statuses worth a retry: 408, 409, 425, 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 425 || status === 429 || status >= 500;
}

/** The parts of a failed call that go into a `ModelError` message. */
export interface ErrorMessageParts {
  readonly provider: Provider;
  readonly operation: string;
  readonly status?: number | undefined;
  readonly vendorCode?: string | undefined;
  readonly vendorMessage?: string | undefined;
  readonly requestId?: string | undefined;
  /** What else to say, e.g. `non-JSON body`. */
  readonly reason?: string | undefined;
}

/** A failed call's error: its fields, and what else its message should say. @internal */
export interface CallErrorInput extends ModelErrorOptions {
  readonly provider: Provider;
  readonly operation: string;
  readonly status: number;
  /** What else to say, e.g. `non-JSON error body`. */
  readonly reason?: string | undefined;
  /** The answer's headers: a `Retry-After` / `x-acs-retry-after` in them becomes `retryAfterMs`. */
  readonly headers?: Headers | undefined;
}

/**
 * The {@link ModelHttpError} of a call the cloud answered, its message made from its fields by
 * {@link formatErrorMessage}. @internal shared by the provider packages
 */
export function callError(input: CallErrorInput): ModelHttpError {
  const hint = input.headers ? retryAfterMs(input.headers, Date.now()) : undefined;
  return new ModelHttpError(formatErrorMessage(input), hint === undefined ? input : { ...input, retryAfterMs: hint });
}

/**
 * Formats the one-line message of a failed call: `pai GetModel failed: 404 InvalidModel.NotFound: no such model
 * (requestId=5A14…)`. A 2xx status is left out: the answer arrived, its content is what failed. Takes no headers or bodies, so it cannot leak a secret.
 */
export function formatErrorMessage(parts: ErrorMessageParts): string {
  // A 2xx is not the failure (Qianfan's error_code in a 200, a body that is not the model): it is not named.
  const status = parts.status !== undefined && (parts.status < 200 || parts.status > 299) ? parts.status : undefined;
  const what = [status, parts.vendorCode].filter((part) => part !== undefined && part !== "").join(" ");
  const summary = [what, parts.reason].filter((part) => part !== undefined && part !== "").join(", ");
  let message = `${parts.provider} ${parts.operation} failed: ${summary || "error"}`;
  if (parts.vendorMessage) {
    message += `: ${parts.vendorMessage}`;
  }
  if (parts.requestId) {
    message += ` (requestId=${parts.requestId})`;
  }
  return message;
}
