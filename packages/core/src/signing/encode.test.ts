import { describe, expect, test } from "vitest";
import { percentEncode } from "./encode.ts";

describe("percentEncode", () => {
  test.each([
    ["unreserved characters stay", "AZaz09-_.~", "AZaz09-_.~"],
    ["!'()* are encoded, unlike encodeURIComponent", "!'()*", "%21%27%28%29%2A"],
    ["space is %20, never +", "a b+c", "a%20b%2Bc"],
    ["reserved characters are encoded", "/?#[]@&=$,;:%", "%2F%3F%23%5B%5D%40%26%3D%24%2C%3B%3A%25"],
    ["UTF-8 with upper-case hex", "中文 ✓ 😀", "%E4%B8%AD%E6%96%87%20%E2%9C%93%20%F0%9F%98%80"],
    ["empty stays empty", "", ""],
  ])("%s", (_, input, expected) => {
    expect(percentEncode(input)).toBe(expected);
  });
});
