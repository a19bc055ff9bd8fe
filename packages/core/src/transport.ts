import { ModelError, type Provider, type SigningDetails } from "./errors.ts";
import { parseBody, type ResponseBody } from "./response.ts";
import { type RequestParts, signRequestWith } from "./signing/request.ts";
import { DEFAULT_MAX_BODY_BYTES, readLimitedBody } from "./transport/body.ts";
import { type ClockOffset, createClockOffset, offsetFromDateHeader } from "./transport/clock.ts";
import { backoffDelay, type RetryOptions, resolveRetry, retryAfterMs } from "./transport/retry.ts";
import { sleep } from "./transport/signal.ts";

/** The `fetch` shape cloud-models needs: one `Request` in, one `Response` out (openapi-fetch calls it so). */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** What the transport tells `sign` about the attempt it is about to send. */
export interface SignContext {
  /** The time to sign with: the local clock corrected by what the cloud's `Date` taught the client. */
  readonly now: Date;
  /** 1 for the first attempt. */
  readonly attempt: number;
}

/** What `sign` returns: the request to send, and optionally what was signed, to explain a signature mismatch. */
export interface SignResult {
  readonly request: Request;
  readonly details?: SigningDetails | undefined;
}

/** What a cloud's answer means for the transport; the provider decides, since only it can read its vendor codes. */
export type AttemptVerdict =
  /** Hand the answer to the caller as it is (success, or an error a retry cannot change). */
  | { readonly kind: "done" }
  /** Worth another attempt (throttling, a transient error); `retryAfterMs` when the cloud said how long to wait. */
  | { readonly kind: "retry"; readonly retryAfterMs?: number | undefined }
  /** The cloud says the request time is off: learn its clock from `Date`, re-sign and try once more. */
  | { readonly kind: "clock-skew" };

/** The transport settings every client and provider takes, under the same names. */
export interface TransportTuning {
  /** Retries of network errors, timeouts, throttling and transient errors; `false` for none. Default 3 attempts. */
  readonly retry?: RetryOptions | false | undefined;
  /** The limit of one attempt, body included. Default 10,000 ms. */
  readonly timeoutMs?: number | undefined;
  /**
   * The limit of the whole call, waits and retries included. Default 30,000 ms. A retry whose wait would pass it is
   * not made: the call ends at once with the last answer or error (e.g. `throttled` with the cloud's `retryAfterMs`).
   */
  readonly deadlineMs?: number | undefined;
  /** Bodies larger than this are refused (`invalid_response`). Default 8 MiB. */
  readonly maxBodyBytes?: number | undefined;
}

/** Options of {@link createTransport}. */
export interface TransportOptions extends TransportTuning {
  /** Which cloud the requests go to; named in errors. */
  readonly provider: Provider;
  /**
   * Signs one attempt. Called for every attempt, right before it is sent (never before a wait), so each one carries
   * a fresh date and nonce. Throw a `ModelError` to fail the call as it is; anything else becomes a `signing` error.
   */
  readonly sign: (request: Request, context: SignContext) => Promise<Request | SignResult>;
  /**
   * Reads an answer and says whether to retry: its body is already in memory, as text and, when it is JSON, parsed
   * (`json`, `undefined` otherwise), so a classifier never parses it again. Default: retry 408, 429 and 5xx.
   */
  readonly classify?: ((response: Response, body: string, json: unknown) => AttemptVerdict) | undefined;
  /**
   * The `fetch` to send with. Defaults to `globalThis.fetch`, looked up on every call (not when the transport is
   * made), so MSW or a test double installed later still applies.
   */
  readonly fetch?: FetchLike | undefined;
  /** @internal For tests: the clock skew store (one per client by default), `Math.random`, `setTimeout`-based sleep. */
  readonly testing?: {
    readonly clock?: ClockOffset;
    readonly random?: () => number;
    readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
    readonly now?: () => number;
  };
}

/** The defaults of {@link TransportOptions}. */
export const TRANSPORT_DEFAULTS: { readonly timeoutMs: number; readonly deadlineMs: number } = {
  timeoutMs: 10_000,
  deadlineMs: 30_000,
};

const signingDetailsByResponse = new WeakMap<Response, SigningDetails>();
const UTF8 = new TextDecoder();

/**
 * The signature stages behind a response the transport returned, so a `SignatureDoesNotMatch` can show what the
 * SDK signed next to what the cloud computed. @internal
 */
export function signingDetailsOf(response: Response): SigningDetails | undefined {
  return signingDetailsByResponse.get(response);
}

/**
 * One call as a provider reads it: the final answer (its body already read, within the attempt's timeout), the body
 * read once, and what the SDK signed. @internal
 */
export interface Exchange {
  /** The cloud's answer, for its status and headers; its body is used up, read into `body` and `bytes`. */
  readonly response: Response;
  readonly body: ResponseBody;
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly signing: SigningDetails | undefined;
}

/**
 * Options of {@link createExchange}: those of {@link createTransport}, but `sign` is only needed for `Request`
 * inputs (a {@link RequestFactory} signs its own). @internal
 */
export type ExchangeOptions = Omit<TransportOptions, "sign"> & Partial<Pick<TransportOptions, "sign">>;

/**
 * A call that makes and signs its own `Request` for every attempt, so none has to be cloned, copied to be signed,
 * or wrapped to be sent again. `signal` is the caller's. @internal
 */
export interface RequestFactory {
  readonly signal?: AbortSignal | null | undefined;
  /**
   * Makes the signed request of one attempt, in place of the transport's `sign` (which is not called), carrying
   * `signal` (the attempt's: the caller's, the deadline and the attempt's timeout); it is sent as it is. Throw a
   * `ModelError` to fail the call as it is; anything else becomes a `signing` error, as from `sign`.
   */
  readonly build: (signal: AbortSignal, context: SignContext) => Promise<SignResult>;
}

/**
 * Makes the `fetch` a provider's openapi-fetch client sends through. For every attempt it signs a clone of the
 * request just before sending; it reads the body within the attempt's timeout; it retries network errors,
 * timeouts and answers `classify` calls retryable, with exponential backoff and full jitter, honouring
 * `Retry-After` / `x-acs-retry-after`; and when the cloud says the request time is off it learns the cloud's clock
 * from the `Date` header, re-signs and tries once more. Failures become `ModelError`s (`network`, `timeout`,
 * `aborted`, `signing`); answers, good or bad, are returned for the provider to map.
 *
 * @example
 * ```ts
 * const fetch = createTransport({
 *   provider: "pai",
 *   sign: (request, { now }) => signAcs3(request, credentials, { action: "GetModel", version: "2021-02-04", now }),
 * });
 * const response = await fetch(new Request("https://aiworkspace.cn-hangzhou.aliyuncs.com/api/v1/models/m-1"));
 * ```
 */
export function createTransport(options: TransportOptions): FetchLike {
  const exchange = createExchange(options);
  return async (input: Request): Promise<Response> => {
    const { response, bytes, signing } = await exchange(input);
    const { status } = response;
    const answer = new Response(status === 204 || status === 304 ? null : bytes, {
      status,
      statusText: response.statusText,
      headers: response.headers,
    });
    if (signing) {
      signingDetailsByResponse.set(answer, signing);
    }
    return answer;
  };
}

/**
 * What a provider package wires its typed client and its provider with: the base URL, its signer of a request in
 * parts, and the transport options without `sign` (each of the two signs with `sign`).
 * @internal shared by the provider packages
 */
export interface ProviderTransport {
  readonly baseUrl: string;
  /** Signs a request in parts in place; resolves to what to show on a signature mismatch. */
  readonly sign: (parts: RequestParts, now: Date) => Promise<SigningDetails>;
  readonly transport: ExchangeOptions;
}

/**
 * The `fetch` of a provider's typed openapi-fetch client: {@link createTransport}, each attempt's `Request` signed
 * with the provider's `sign`. @internal shared by the provider packages
 */
export function createClientFetch({ sign, transport }: ProviderTransport): FetchLike {
  return createTransport({
    ...transport,
    sign: (request, { now }) => signRequestWith(request, (parts) => sign(parts, now)),
  });
}

/**
 * {@link createTransport} without the `Response` wrapping: it resolves to the answer with its body read once. The
 * providers' `getModel` calls this directly, so a body is never copied into a new `Response` and read again.
 * @internal shared by the provider packages
 */
export function createExchange(options: ExchangeOptions): (input: Request | RequestFactory) => Promise<Exchange> {
  const { provider } = options;
  const retry = resolveRetry(options.retry);
  const timeoutMs = positive(options.timeoutMs, TRANSPORT_DEFAULTS.timeoutMs, "timeoutMs");
  const deadlineMs = positive(options.deadlineMs, TRANSPORT_DEFAULTS.deadlineMs, "deadlineMs");
  const maxBodyBytes = positive(options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES, "maxBodyBytes");
  const classify = options.classify ?? defaultClassify;
  const clock = options.testing?.clock ?? createClockOffset();
  const random = options.testing?.random ?? Math.random;
  const wait = options.testing?.sleep ?? sleep;
  const now = options.testing?.now ?? Date.now;
  const send: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  return async (input: Request | RequestFactory): Promise<Exchange> => {
    // A factory is told apart by its `build`, not by `instanceof Request`, which fails for a Request of another realm.
    const factory = isFactory(input) ? input : undefined;
    const caller = factory ? (factory.signal ?? null) : (input as Request).signal;
    const startedAt = now();
    // The end of the call, by the deadline or the caller, aborts `call` (which a wait between attempts watches) and
    // stops the attempt in flight. Plain callbacks, not AbortSignal listeners: those cost a visible share of a call.
    const call = new AbortController();
    let current: Attempt | undefined;
    const end = (reason: unknown): void => {
      call.abort(reason);
      current?.stop(reason);
    };
    const deadlineTimer = setTimeout(
      () => end(timeoutError(provider, `the call took longer than ${deadlineMs} ms`, false)),
      deadlineMs,
    );
    const onCallerAbort = () => end(caller?.reason);
    caller?.addEventListener("abort", onCallerAbort, { once: true });
    let skewCorrected = false;
    try {
      for (let attempt = 1; ; attempt++) {
        throwIfStopped(call.signal, caller, provider);
        const outcome = await attemptOnce(attempt);
        if (outcome.kind === "response") {
          const { exchange, verdict, offsetUsed } = outcome;
          const { response } = exchange;
          if (verdict.kind === "clock-skew" && !skewCorrected) {
            const learnt = offsetFromDateHeader(response.headers, now());
            // Only a clock that really differs from the one this attempt signed with is worth a re-sign.
            if (learnt !== undefined && Math.abs(learnt - offsetUsed) >= 1_000) {
              clock.set(learnt);
              skewCorrected = true;
              continue;
            }
          }
          if (verdict.kind === "retry" && attempt < retry.maxAttempts) {
            const hinted = verdict.retryAfterMs ?? retryAfterMs(response.headers, now());
            if (await pause(backoffDelay(attempt, retry, random, hinted))) {
              continue;
            }
          }
          return exchange;
        }
        if (
          !outcome.error.retryable ||
          attempt >= retry.maxAttempts ||
          !(await pause(backoffDelay(attempt, retry, random, undefined)))
        ) {
          throw outcome.error;
        }
      }
    } finally {
      clearTimeout(deadlineTimer);
      caller?.removeEventListener("abort", onCallerAbort);
    }

    /**
     * Waits `ms` before the next attempt; false, at once, when the wait would pass the deadline. The call then ends
     * with the last answer or error, which says more (e.g. `throttled` with the cloud's `retryAfterMs`) than a
     * timeout would.
     */
    async function pause(ms: number): Promise<boolean> {
      if (ms >= deadlineMs - (now() - startedAt)) {
        return false;
      }
      try {
        await wait(ms, call.signal);
      } catch {
        throwIfStopped(call.signal, caller, provider);
      }
      return true;
    }

    type Outcome =
      | { kind: "response"; exchange: Exchange; verdict: AttemptVerdict; offsetUsed: number }
      | { kind: "error"; error: ModelError };
    /** The attempt in flight, as the end of the call sees it. */
    type Attempt = { stop: (reason: unknown) => void };

    async function attemptOnce(attempt: number): Promise<Outcome> {
      const offsetUsed = clock.get();
      const controller = new AbortController();
      let reject: (reason: unknown) => void = () => undefined;
      // Rejects once the attempt is stopped: raced with what may not honour the signal (a credentials function that
      // hangs, a `fetch` option that drops the signal, a body that never ends).
      const stopped = new Promise<never>((_, rejectStopped) => {
        reject = rejectStopped;
      });
      stopped.catch(() => undefined);
      const stop = (reason: unknown): void => {
        controller.abort(reason);
        reject(reason);
      };
      current = { stop };
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const signed = await Promise.race([signAttempt(attempt, offsetUsed, controller.signal), stopped]).catch(
          (cause: unknown) => {
            throwIfStopped(call.signal, caller, provider);
            throw cause;
          },
        );
        throwIfStopped(call.signal, caller, provider);
        // The attempt's clock starts once it is signed: a slow credentials function is not the cloud's time.
        timer = setTimeout(
          () => stop(timeoutError(provider, `an attempt took longer than ${timeoutMs} ms`, true)),
          timeoutMs,
        );
        return await sendSigned(signed, controller.signal, stopped, offsetUsed);
      } finally {
        clearTimeout(timer);
        current = undefined;
      }
    }

    async function sendSigned(
      signed: SignResult,
      signal: AbortSignal,
      stopped: Promise<never>,
      offsetUsed: number,
    ): Promise<Outcome> {
      try {
        // A factory's request already carries the attempt's signal; a caller's request gets it here.
        const request = factory ? signed.request : new Request(signed.request, { signal });
        const response = await Promise.race([send(request), stopped]);
        const bytes = await Promise.race([readLimitedBody(response, maxBodyBytes, provider), stopped]);
        const body = parseBody(UTF8.decode(bytes));
        const verdict = classify(response, body.text, body.json);
        return { kind: "response", exchange: { response, body, bytes, signing: signed.details }, verdict, offsetUsed };
      } catch (cause) {
        if (ModelError.isInstance(cause) && cause.code === "invalid_response") {
          throw cause;
        }
        throwIfStopped(call.signal, caller, provider, cause);
        if (signal.aborted) {
          // Not the call's end (just checked): the attempt's own timeout.
          return { kind: "error", error: signal.reason as ModelError };
        }
        return { kind: "error", error: toTransportError(cause, provider) };
      }
    }

    async function signAttempt(attempt: number, offsetMs: number, signal: AbortSignal): Promise<SignResult> {
      try {
        const context: SignContext = { now: new Date(now() + offsetMs), attempt };
        if (factory) {
          return await factory.build(signal, context);
        }
        // Sign a clone, so the caller's request (and its body) stays usable for the next attempt. A request without
        // a body cannot be used up, so it is signed as it is.
        const request = input as Request;
        const sign = options.sign as TransportOptions["sign"];
        const result = await sign(request.body === null ? request : request.clone(), context);
        return result instanceof Request ? { request: result } : result;
      } catch (cause) {
        if (ModelError.isInstance(cause)) {
          throw cause;
        }
        throw new ModelError(`${provider} request could not be signed: ${describe(cause)}`, {
          code: "signing",
          provider,
          cause,
        });
      }
    }
  };
}

function isFactory(input: Request | RequestFactory): input is RequestFactory {
  return typeof (input as Partial<RequestFactory>).build === "function";
}

/** The default verdict: retry 408, 429 and 5xx; everything else is final. */
function defaultClassify(response: Response): AttemptVerdict {
  const { status } = response;
  return status === 408 || status === 429 || status >= 500 ? { kind: "retry" } : { kind: "done" };
}

/**
 * Throws when the call must stop: `aborted` when the caller's signal fired, the deadline's `timeout` error when the
 * deadline passed.
 */
function throwIfStopped(signal: AbortSignal, caller: AbortSignal | null, provider: Provider, cause?: unknown): void {
  if (caller?.aborted) {
    throw new ModelError(`${provider} request aborted`, { code: "aborted", provider, cause: caller.reason ?? cause });
  }
  if (signal.aborted) {
    throw ModelError.isInstance(signal.reason) ? signal.reason : timeoutError(provider, "the call was stopped", false);
  }
}

function timeoutError(provider: Provider, reason: string, retryable: boolean): ModelError {
  return new ModelError(`${provider} request timed out: ${reason}`, { code: "timeout", provider, retryable });
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isFinite(value) || value <= 0) {
    throw new TypeError(`${name} must be a positive number`);
  }
  return value;
}

/**
 * What a failure while sending or reading becomes: a `ModelError` as it is; `aborted` when the caller's signal
 * fired; else a retryable `network` error with the cause kept.
 *
 * @internal shared by the provider packages
 */
export function toTransportError(cause: unknown, provider: Provider, signal?: AbortSignal | null): ModelError {
  if (ModelError.isInstance(cause)) {
    return cause;
  }
  if (signal?.aborted) {
    return new ModelError(`${provider} request aborted`, { code: "aborted", provider, cause: signal.reason });
  }
  return new ModelError(`${provider} request failed: network error (${describe(cause)})`, {
    code: "network",
    provider,
    retryable: true,
    cause,
  });
}

/** The name and message of a thrown value, for an error message (thrown values carry no secrets of ours). */
function describe(error: unknown): string {
  if (error instanceof Error) {
    return error.message ? `${error.name}: ${error.message}` : error.name;
  }
  return String(error);
}

export type { ClockOffset } from "./transport/clock.ts";
export type { RetryOptions } from "./transport/retry.ts";
