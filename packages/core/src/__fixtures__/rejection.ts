import { expect } from "vitest";
import { ModelError } from "../errors.ts";

/** The `ModelError` a promise rejects with; fails the test when it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(ModelError.isInstance(error)).toBe(true);
  return error as ModelError;
}
