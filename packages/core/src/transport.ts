import { ModelError, type Provider } from "./errors.ts";

/** The `fetch` shape cloud-models needs: one `Request` in, one `Response` out (openapi-fetch calls it so). */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** Options of {@link createTransport}. */
export interface TransportOptions {
  /** Which cloud the requests go to; named in errors. */
  readonly provider: Provider;
  /**
   * Signs one attempt. Called for every attempt, right before it is sent, so each one carries a fresh date and
   * nonce. Throw a `ModelError` to fail the call as it is; anything else becomes a `signing` error.
   */
  readonly sign: (request: Request) => Promise<Request>;
  /**
   * The `fetch` to send with. Defaults to `globalThis.fetch`, looked up on every call (not when the transport is
   * made), so MSW or a test double installed later still applies.
   */
  readonly fetch?: FetchLike | undefined;
}

/**
 * Makes the `fetch` a provider's openapi-fetch client sends through: it signs each attempt and turns failures
 * into `ModelError`s. Retries, timeouts and clock-skew correction live here too (one place for all of them), so
 * openapi-fetch middleware stays free for users' own hooks.
 *
 * @example
 * ```ts
 * const fetch = createTransport({ provider: "pai", sign: (request) => signAcs3(request, credentials, options) });
 * const response = await fetch(new Request("https://aiworkspace.cn-hangzhou.aliyuncs.com/api/v1/models/m-1"));
 * ```
 */
export function createTransport(options: TransportOptions): FetchLike {
  const { provider, sign } = options;
  const send: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return async (input: Request): Promise<Response> => {
    const signal = input.signal;
    throwIfAborted(signal, provider);
    let signed: Request;
    try {
      // Sign a clone, so the caller's request (and its body) stays usable for another attempt.
      signed = await sign(input.clone());
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
    try {
      return await send(signed);
    } catch (cause) {
      throw toTransportError(cause, provider, signal);
    }
  };
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

function throwIfAborted(signal: AbortSignal | null | undefined, provider: Provider): void {
  if (signal?.aborted) {
    throw new ModelError(`${provider} request aborted`, { code: "aborted", provider, cause: signal.reason });
  }
}

/** The name and message of a thrown value, for an error message (thrown values carry no secrets of ours). */
function describe(error: unknown): string {
  if (error instanceof Error) {
    return error.message ? `${error.name}: ${error.message}` : error.name;
  }
  return String(error);
}
