/** Remembers the ACS3 nonces a handler set has accepted, to refuse a replay. @internal */
export interface NonceCache {
  /** Records `nonce` as used at `atMs`; `false` when it was used already (within the window). */
  remember(nonce: string, atMs: number): boolean;
}

/**
 * A bounded nonce cache: it keeps a nonce for `windowMs` (a replay older than that fails the time check anyway) and
 * at most `limit` nonces, forgetting the oldest first, so a long test run cannot grow it without end. @internal
 */
export function createNonceCache(limit: number, windowMs: number): NonceCache {
  const seen = new Map<string, number>();
  return {
    remember(nonce, atMs) {
      for (const [old, at] of seen) {
        if (atMs - at <= windowMs && seen.size < limit) {
          break;
        }
        seen.delete(old);
      }
      const at = seen.get(nonce);
      if (at !== undefined && Math.abs(atMs - at) <= windowMs) {
        return false;
      }
      seen.set(nonce, atMs);
      return true;
    },
  };
}
