import { describe, expect, test } from "vitest";
import { displayWidth, padEnd, wrapLine } from "./text-width.ts";

describe("displayWidth", () => {
  test.each([
    ["chatglm32k_v10", 14],
    ["情感分析", 8],
    ["通用情感分析。", 14],
    ["モデル", 6],
    ["모델", 4],
    ["ＡＢ", 4],
    ["e\u0301", 1],
    ["a\u200bb", 2],
    ["🚀", 2],
    ["", 0],
  ])("%j is %i columns", (text, columns) => {
    expect(displayWidth(text)).toBe(columns);
  });
});

test("padEnd pads to display columns, not code units", () => {
  expect(padEnd("情感", 6)).toBe("情感  ");
  expect(padEnd("abc", 2)).toBe("abc");
});

describe("wrapLine", () => {
  test("at spaces when it can", () => {
    expect(wrapLine("one two three four", 9)).toEqual(["one two", "three", "four"]);
  });
  test("anywhere in CJK text or long ids, counting two columns per ideograph", () => {
    expect(wrapLine("通用情感分析。", 6)).toEqual(["通用情", "感分析", "。"]);
    expect(wrapLine("model-rbvg5wzljz", 8)).toEqual(["model-rb", "vg5wzljz"]);
  });
  test("leaves short lines alone", () => {
    expect(wrapLine("short", 40)).toEqual(["short"]);
  });
});
