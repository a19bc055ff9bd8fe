import type { FetchLike } from "@cloud-models/core";

/** How long a cloud's wait hint is trusted after it was seen. */
const HINT_TTL_MS = 10_000;

/** Remembers the latest "wait before retrying" hint a cloud sent, so the proxy can pass it on as `Retry-After`. */
export interface RetryAfterTracker {
  /** A `fetch` that records the hint of every answer it sees, around `send` (default: `globalThis.fetch`). */
  wrap(send?: FetchLike): FetchLike;
  /** Whole seconds still to wait, at least 1, or `undefined` when no recent hint was seen. */
  secondsLeft(): number | undefined;
}

/**
 * A tracker for one cloud. The cloud throttles the proxy's own account, whoever the caller is, so the latest hint
 * from any call holds for every caller. PAI sends `x-acs-retry-after` in milliseconds; others a standard
 * `Retry-After` (seconds or an HTTP date).
 *
 * `ModelError` does not carry the hint (the transport has already waited and retried by the time it throws), hence
 * this: the proxy sees the last attempt's answer through the `fetch` it hands the provider.
 */
export function createRetryAfterTracker(now: () => number = Date.now): RetryAfterTracker {
  let hint: { readonly until: number; readonly seenAt: number } | undefined;
  return {
    wrap(send) {
      return async (input, init) => {
        const response = await (send ?? ((request, options) => globalThis.fetch(request, options)))(input, init);
        const waitMs = waitOf(response.headers, now());
        if (waitMs !== undefined) {
          hint = { until: now() + waitMs, seenAt: now() };
        }
        return response;
      };
    },
    secondsLeft() {
      if (hint === undefined || now() - hint.seenAt > HINT_TTL_MS) {
        return undefined;
      }
      return Math.max(1, Math.ceil((hint.until - now()) / 1000));
    },
  };
}

function waitOf(headers: Headers, nowMs: number): number | undefined {
  const acs = headers.get("x-acs-retry-after")?.trim();
  if (acs !== undefined && /^\d+$/.test(acs)) {
    return Number(acs);
  }
  const standard = headers.get("retry-after")?.trim();
  if (standard === undefined) {
    return undefined;
  }
  if (/^\d+$/.test(standard)) {
    return Number(standard) * 1000;
  }
  const date = Date.parse(standard);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
