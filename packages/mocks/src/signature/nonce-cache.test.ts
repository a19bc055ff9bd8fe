import { describe, expect, test } from "vitest";
import { createNonceCache } from "./nonce-cache.ts";

describe("createNonceCache", () => {
  test("refuses a nonce seen within the window, accepts it again after", () => {
    const cache = createNonceCache(10, 1000);
    expect(cache.remember("a", 0)).toBe(true);
    expect(cache.remember("a", 999)).toBe(false);
    expect(cache.remember("a", 2001)).toBe(true);
  });

  test("keeps at most `limit` nonces, forgetting the oldest first", () => {
    const cache = createNonceCache(3, 60_000);
    for (const nonce of ["a", "b", "c", "d"]) {
      expect(cache.remember(nonce, 0)).toBe(true);
    }
    expect(cache.remember("d", 1)).toBe(false);
    expect(cache.remember("a", 1)).toBe(true);
  });
});
