import { createHash, createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import * as nodeCrypto from "./crypto.node.ts";
import * as webCrypto from "./crypto.ts";

// The two files `#crypto` can resolve to. Typing the twin as the WebCrypto module keeps their exports in step.
const IMPLEMENTATIONS: Record<string, typeof webCrypto> = { webcrypto: webCrypto, "node:crypto": nodeCrypto };

describe.each(Object.entries(IMPLEMENTATIONS))("crypto primitives (%s)", (_, implementation) => {
  const { hmacSha256Hex, randomHex16, sha256Hex, toHex } = implementation;

  test("toHex is lower-case, two digits a byte", () => {
    expect(toHex(new Uint8Array([0, 1, 15, 16, 171, 255]))).toBe("00010f10abff");
    expect(toHex(new Uint8Array([0xde, 0xad]).buffer)).toBe("dead");
  });

  test("sha256Hex hashes strings as UTF-8, and bytes as they are", async () => {
    expect(await sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(await sha256Hex("模型 ✓")).toBe(createHash("sha256").update("模型 ✓", "utf8").digest("hex"));
    const bytes = new Uint8Array([0xff, 0x00, 0x80]);
    expect(await sha256Hex(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(await sha256Hex(bytes.buffer)).toBe(createHash("sha256").update(bytes).digest("hex"));
  });

  test("sha256Hex hashes exactly a view's bytes (offset, length, wider elements)", async () => {
    const buffer = new Uint8Array([1, 2, 3, 4, 5, 6]).buffer;
    const expected = createHash("sha256")
      .update(new Uint8Array([2, 3, 4, 5]))
      .digest("hex");
    expect(await sha256Hex(new DataView(buffer, 1, 4))).toBe(expected);
    expect(await sha256Hex(new Uint8Array(buffer, 1, 4))).toBe(expected);
    const wide = new Uint16Array([0x0201, 0x0403]);
    expect(await sha256Hex(wide)).toBe(createHash("sha256").update(new Uint8Array(wide.buffer)).digest("hex"));
  });

  test("hmacSha256Hex stays right across many keys (the bounded cache evicts, never mixes up)", async () => {
    const keys = Array.from({ length: 40 }, (_, index) => `key-${index}`);
    for (const key of [...keys, ...keys.slice(0, 5), "key-0"]) {
      expect(await hmacSha256Hex(key, "data")).toBe(createHmac("sha256", key).update("data").digest("hex"));
    }
  });

  test("concurrent signatures under one new key agree", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, index) => hmacSha256Hex("shared-key", `m${index}`)),
    );
    expect(results).toEqual(
      Array.from({ length: 5 }, (_, index) => createHmac("sha256", "shared-key").update(`m${index}`).digest("hex")),
    );
  });

  test("randomHex16 gives 32 hex characters, different each time", () => {
    const first = randomHex16();
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(randomHex16()).not.toBe(first);
    expect(new Set(Array.from({ length: 1000 }, () => randomHex16())).size).toBe(1000);
  });
});
