// The Node twin of crypto.ts: the same four functions on node:crypto, which hashes in line, where Node's WebCrypto
// hands every digest and HMAC to the thread pool (one ACS3 signature ~8x slower than the official signers; see
// bench/RESULTS.md). Chosen only by the `node` condition: the `#crypto` subpath import (package.json `imports`)
// resolves here in dist/index.node.js, the build package.json `exports` gives under `node`
// (scripts/bundle-dist.mjs), so bundlers for Workers, edge runtimes and browsers, given dist/index.js, never see it.
// Keep its exports identical to crypto.ts (names, signatures, results): every signing test runs on both.

type NodeCrypto = typeof import("node:crypto");

/**
 * node:crypto, loaded on the first hash rather than at import: loading it costs a cold start ~10 ms, as much as the
 * rest of the packages, and crypto.ts defers WebCrypto the same way.
 */
let nodeCrypto: NodeCrypto | undefined;

async function loadNodeCrypto(): Promise<NodeCrypto> {
  nodeCrypto ??= await import("node:crypto");
  return nodeCrypto;
}

// Hex formatting is plain JavaScript, as fast in Node: shared, not twinned.
export { toHex } from "./crypto.ts";

/**
 * A random nonce of 32 hex characters: a v4 UUID without its dashes (122 random bits, plenty for a nonce that must
 * not repeat within 15 minutes). Node's `crypto.randomUUID` draws from a cached entropy pool (~0.2 µs); its
 * `getRandomValues` calls into the CSPRNG each time (4.5 µs in a tight loop, up to 30 µs beside other work,
 * measured against `signAcs3` with a fixed nonce), as much as the rest of an ACS3 signature. @internal
 */
export function randomHex16(): string {
  return crypto.randomUUID().replaceAll("-", "");
}

/** Hex SHA-256 of a string (as UTF-8) or of bytes. @internal */
export async function sha256Hex(data: string | ArrayBuffer | ArrayBufferView<ArrayBuffer>): Promise<string> {
  const { createHash } = nodeCrypto ?? (await loadNodeCrypto());
  const hash = createHash("sha256");
  if (typeof data === "string") {
    hash.update(data, "utf8");
  } else if (ArrayBuffer.isView(data)) {
    // Any view (a DataView, a typed array of wider elements) as its bytes, without a copy.
    hash.update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  } else {
    hash.update(new Uint8Array(data));
  }
  return hash.digest("hex");
}

/** Hex HMAC-SHA256 of `data` (UTF-8) under `key` (its UTF-8 bytes are the key). @internal */
export async function hmacSha256Hex(key: string, data: string): Promise<string> {
  const { createHmac } = nodeCrypto ?? (await loadNodeCrypto());
  return createHmac("sha256", key).update(data, "utf8").digest("hex");
}
