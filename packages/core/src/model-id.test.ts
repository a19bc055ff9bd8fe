import { expect, test } from "vitest";
import { ModelError } from "./errors.ts";
import { assertModelId } from "./model-id.ts";

test.each([undefined, null, 42, {}, "", "   ", "\n\t", ".", ".."])("rejects %j", (id) => {
  let thrown: unknown;
  try {
    assertModelId(id, "pai");
  } catch (error) {
    thrown = error;
  }
  expect(ModelError.isInstance(thrown)).toBe(true);
  expect((thrown as ModelError).code).toBe("invalid_argument");
  expect((thrown as ModelError).provider).toBe("pai");
});

test.each(["model-1", "a/b", "a..b", "...", "中文 模型", "a?b#c%d"])("accepts %j", (id) => {
  expect(() => assertModelId(id, "qianfan")).not.toThrow();
});
