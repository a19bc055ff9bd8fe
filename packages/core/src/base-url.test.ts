import { expect, test } from "vitest";
import { normalizeBaseUrl } from "./base-url.ts";
import { ModelError } from "./errors.ts";

test.each([
  ["https://qianfan.baidubce.com", "https://qianfan.baidubce.com"],
  ["https://qianfan.baidubce.com/", "https://qianfan.baidubce.com"],
  ["http://127.0.0.1:8787/proxy/pai//", "http://127.0.0.1:8787/proxy/pai"],
])("%s → %s", (input, expected) => {
  expect(normalizeBaseUrl(input, "qianfan")).toBe(expected);
});

test.each(["", "qianfan.baidubce.com", "ftp://host", "https://host/?a=1", "https://host/#x", 42, undefined])(
  "rejects %j",
  (input) => {
    let thrown: unknown;
    try {
      normalizeBaseUrl(input, "pai");
    } catch (error) {
      thrown = error;
    }
    expect(ModelError.isInstance(thrown) && thrown.code).toBe("invalid_argument");
  },
);

test("a URL with a password is refused without echoing it", () => {
  let thrown: unknown;
  try {
    normalizeBaseUrl("https://user:PASSWORD_MARKER@host", "pai");
  } catch (error) {
    thrown = error;
  }
  expect(ModelError.isInstance(thrown)).toBe(true);
  expect((thrown as Error).message).not.toContain("PASSWORD_MARKER");
});
