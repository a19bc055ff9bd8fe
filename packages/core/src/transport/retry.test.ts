import { describe, expect, test } from "vitest";
import { backoffDelay, DEFAULT_RETRY, resolveRetry, retryAfterMs } from "./retry.ts";

describe("resolveRetry", () => {
  test("defaults, false, and partial options", () => {
    expect(resolveRetry(undefined)).toEqual({ maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 5_000 });
    expect(resolveRetry(false).maxAttempts).toBe(1);
    expect(resolveRetry({ maxAttempts: 5 })).toEqual({ ...DEFAULT_RETRY, maxAttempts: 5 });
  });

  test.each([{ maxAttempts: 0 }, { maxAttempts: 1.5 }, { baseDelayMs: -1 }, { maxDelayMs: Number.NaN }])(
    "refuses %j",
    (options) => {
      expect(() => resolveRetry(options)).toThrow(TypeError);
    },
  );
});

describe("backoffDelay", () => {
  const options = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1_000 };

  test("full jitter under an exponential, capped ceiling", () => {
    expect(backoffDelay(1, options, () => 0.999, undefined)).toBe(99);
    expect(backoffDelay(2, options, () => 0.999, undefined)).toBe(199);
    expect(backoffDelay(4, options, () => 0.999, undefined)).toBe(799);
    expect(backoffDelay(8, options, () => 0.999, undefined)).toBe(999);
    expect(backoffDelay(3, options, () => 0, undefined)).toBe(0);
  });

  test("a longer Retry-After wins, even past the cap", () => {
    expect(backoffDelay(1, options, () => 0.5, 3_000)).toBe(3_000);
    expect(backoffDelay(4, options, () => 0.999, 10)).toBe(799);
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  test.each([
    [{ "x-acs-retry-after": "1500" }, 1_500],
    [{ "retry-after": "2" }, 2_000],
    [{ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }, 5_000],
    [{ "retry-after": "Wed, 31 Dec 2025 23:59:00 GMT" }, 0],
    [{ "retry-after": "soon" }, undefined],
    [{}, undefined],
  ])("%j → %s", (headers, expected) => {
    expect(retryAfterMs(new Headers(headers), now)).toBe(expected);
  });
});
