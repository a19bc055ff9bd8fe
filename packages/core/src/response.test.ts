import { describe, expect, test } from "vitest";
import { ModelError } from "./errors.ts";
import {
  asIdString,
  asNonBlankString,
  asStringArray,
  isBrokenJson,
  isJsonObject,
  optional,
  readResponseBody,
} from "./response.ts";

describe("readResponseBody", () => {
  test("JSON", async () => {
    expect(await readResponseBody(new Response('{"a":1}'), "pai")).toEqual({
      text: '{"a":1}',
      isJson: true,
      json: { a: 1 },
    });
  });

  test.each(["", "   ", "<html><body>502 Bad Gateway</body></html>", '{"ModelId":"m-1","Mod'])(
    "%j is not JSON, and does not throw",
    async (text) => {
      expect(await readResponseBody(new Response(text), "qianfan")).toEqual({ text, isJson: false, json: undefined });
    },
  );

  test("a body that breaks off is a retryable network error", async () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"a":'));
        controller.error(new TypeError("terminated"));
      },
    });
    const error = await readResponseBody(new Response(stream, { status: 200 }), "pai").catch((e: unknown) => e);
    expect(ModelError.isInstance(error)).toBe(true);
    expect((error as ModelError).code).toBe("network");
    expect((error as ModelError).retryable).toBe(true);
  });
});

test("tolerant accessors", () => {
  expect(isJsonObject({})).toBe(true);
  expect(isJsonObject([])).toBe(false);
  expect(isJsonObject(null)).toBe(false);
  expect(asNonBlankString("  ")).toBeUndefined();
  expect(asNonBlankString("x")).toBe("x");
  expect(asIdString(5862)).toBe("5862");
  expect(asIdString("am-1")).toBe("am-1");
  expect(asIdString(Number.NaN)).toBeUndefined();
  expect(asIdString("")).toBeUndefined();
  expect(asStringArray(["a", 1, "b", null])).toEqual(["a", "b"]);
  expect(asStringArray("a")).toEqual([]);
  expect(optional("a", undefined)).toEqual({});
  expect(Object.keys(optional("a", undefined))).toEqual([]);
  expect(optional("a", 0)).toEqual({ a: 0 });
});

test("isBrokenJson", () => {
  expect(isBrokenJson('{"a":')).toBe(true);
  expect(isBrokenJson("<html>")).toBe(true);
  expect(isBrokenJson('{"a":1}')).toBe(false);
  expect(isBrokenJson("[]")).toBe(false);
  expect(isBrokenJson("")).toBe(false);
  expect(isBrokenJson("  ")).toBe(false);
});
