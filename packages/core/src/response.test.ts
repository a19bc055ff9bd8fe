import { describe, expect, test } from "vitest";
import { asIdString, asNonBlankString, asStringArray, isJsonObject, optional, parseBody } from "./response.ts";

describe("parseBody", () => {
  test("JSON", () => {
    expect(parseBody('{"a":1}')).toEqual({ text: '{"a":1}', isJson: true, json: { a: 1 } });
  });

  test.each(["", "   ", "<html><body>502 Bad Gateway</body></html>", '{"ModelId":"m-1","Mod'])(
    "%j is not JSON, and does not throw",
    (text) => {
      expect(parseBody(text)).toEqual({ text, isJson: false, json: undefined });
    },
  );
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
