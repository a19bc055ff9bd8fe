/** How a client retries; `false` turns retries off. */
export interface RetryOptions {
  /** Attempts in all, the first included. Default 3. */
  readonly maxAttempts?: number | undefined;
  /** The backoff before the first retry; it doubles each time. Default 200 ms. */
  readonly baseDelayMs?: number | undefined;
  /** The cap of one backoff. Default 5,000 ms. A longer `Retry-After` from the cloud is still honoured. */
  readonly maxDelayMs?: number | undefined;
}

/** {@link RetryOptions} with every default filled in. @internal */
export interface ResolvedRetry {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** The defaults: 3 attempts, 200 ms doubling, capped at 5 s. */
export const DEFAULT_RETRY: ResolvedRetry = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 5_000 };

/** Fills in the defaults; `false` is one attempt. Throws a `TypeError` on nonsense. @internal */
export function resolveRetry(options: RetryOptions | false | undefined): ResolvedRetry {
  if (options === false) {
    return { ...DEFAULT_RETRY, maxAttempts: 1 };
  }
  const resolved = {
    maxAttempts: options?.maxAttempts ?? DEFAULT_RETRY.maxAttempts,
    baseDelayMs: options?.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs,
    maxDelayMs: options?.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs,
  };
  if (!Number.isInteger(resolved.maxAttempts) || resolved.maxAttempts < 1) {
    throw new TypeError("retry.maxAttempts must be a whole number of at least 1");
  }
  for (const name of ["baseDelayMs", "maxDelayMs"] as const) {
    if (!Number.isFinite(resolved[name]) || resolved[name] < 0) {
      throw new TypeError(`retry.${name} must be a finite number of milliseconds, 0 or more`);
    }
  }
  return resolved;
}

/**
 * The wait before retry number `retry` (1 for the first retry): exponential backoff with full jitter — a random
 * time between 0 and `min(maxDelayMs, baseDelayMs * 2^(retry-1))` — or the cloud's `Retry-After` when that is longer.
 *
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 * @internal
 */
export function backoffDelay(
  retry: number,
  options: ResolvedRetry,
  random: () => number,
  retryAfterMs: number | undefined,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  const jittered = Math.floor(random() * ceiling);
  return retryAfterMs === undefined ? jittered : Math.max(jittered, retryAfterMs);
}

/**
 * Reads how long the cloud asks to wait: `x-acs-retry-after` (milliseconds, Alibaba Cloud) or `Retry-After`
 * (seconds, or an HTTP date). `undefined` when neither is there or readable. @internal
 */
export function retryAfterMs(headers: Headers, nowMs: number): number | undefined {
  const acs = headers.get("x-acs-retry-after");
  if (acs !== null && /^\d+$/.test(acs.trim())) {
    return Number(acs.trim());
  }
  const standard = headers.get("retry-after");
  if (standard === null) {
    return undefined;
  }
  if (/^\d+$/.test(standard.trim())) {
    return Number(standard.trim()) * 1000;
  }
  const date = Date.parse(standard);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
