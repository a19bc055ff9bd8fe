import { ModelError } from "@cloud-models/core";
import { expect } from "vitest";

/** The `ModelError` a promise rejects with; fails the test when it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(ModelError.isInstance(error), `expected a ModelError, got ${String(error)}`).toBe(true);
  return error as ModelError;
}

/** The fields of a `ModelError` a caller switches on. */
export function fieldsOf(error: ModelError): Record<string, unknown> {
  const { code, provider, status, vendorCode, requestId, retryable } = error;
  return { code, provider, status, vendorCode, requestId, retryable };
}

export const PAI_REQUEST_ID: RegExp = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
export const BCE_REQUEST_ID: RegExp = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const QIANFAN_LOG_ID: RegExp = /^\d{10}$/;
