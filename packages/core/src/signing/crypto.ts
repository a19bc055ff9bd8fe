// The one seam for the hash primitives, on WebCrypto. Everything else in signing imports them as `#crypto`, which
// resolves here everywhere except under the `node` condition (Node, Deno, Bun, bundlers targeting Node), where it
// resolves to crypto.node.ts: Node's WebCrypto was ~10x slower than the official signers (bench/RESULTS.md). The
// choice is made at build time: dist/index.js has this file inlined, dist/index.node.js the twin.

const UTF8 = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/** Imported HMAC keys, by key material; the most recently used last. Bounded so rotating keys cannot grow it. */
const KEY_CACHE_LIMIT = 32;
const keyCache = new Map<string, Promise<CryptoKey>>();

/** Lower-case hex of some bytes. @internal */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let hex = "";
  for (const byte of view) {
    hex += HEX[byte];
  }
  return hex;
}

/** Hex SHA-256 of a string (as UTF-8) or of bytes. @internal */
export async function sha256Hex(data: string | ArrayBuffer | ArrayBufferView<ArrayBuffer>): Promise<string> {
  const bytes = typeof data === "string" ? UTF8.encode(data) : data;
  return toHex(await crypto.subtle.digest("SHA-256", bytes));
}

/** Hex HMAC-SHA256 of `data` (UTF-8) under `key` (its UTF-8 bytes are the key). @internal */
export async function hmacSha256Hex(key: string, data: string): Promise<string> {
  return toHex(await crypto.subtle.sign("HMAC", await importHmacKey(key), UTF8.encode(data)));
}

/** 16 random bytes as 32 hex characters, from the platform's CSPRNG. @internal */
export function randomHex16(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(16)));
}

/**
 * The imported (non-extractable) HMAC key for some key material, imported once and then reused: the ACS3 secret,
 * the BCE secret, and each BCE signing key derived from a (secret, auth-string prefix) pair. The cache is keyed by
 * the exact material, so a changed secret can never hit another secret's key.
 */
function importHmacKey(material: string): Promise<CryptoKey> {
  const cached = keyCache.get(material);
  if (cached !== undefined) {
    keyCache.delete(material);
    keyCache.set(material, cached);
    return cached;
  }
  const key = crypto.subtle.importKey("raw", UTF8.encode(material), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  keyCache.set(material, key);
  key.catch(() => {
    if (keyCache.get(material) === key) {
      keyCache.delete(material);
    }
  });
  if (keyCache.size > KEY_CACHE_LIMIT) {
    const oldest = keyCache.keys().next();
    if (oldest.done !== true) {
      keyCache.delete(oldest.value);
    }
  }
  return key;
}
