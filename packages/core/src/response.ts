import { callError, type ModelError, type Provider } from "./errors.ts";

/** A response body read once: its text, and its JSON value when it parsed. */
export interface ResponseBody {
  readonly text: string;
  /** True when `text` is non-empty, valid JSON. */
  readonly isJson: boolean;
  /** The parsed value; `undefined` unless `isJson`. */
  readonly json: unknown;
}

/** A body's text with its JSON value when it is non-empty, valid JSON. Never throws. @internal */
export function parseBody(text: string): ResponseBody {
  if (text.trim() !== "") {
    try {
      return { text, isJson: true, json: JSON.parse(text) as unknown };
    } catch {
      // Not JSON: the caller decides what that means.
    }
  }
  return { text, isJson: false, json: undefined };
}

/** True for a plain JSON object (not an array, not null). @internal */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value when it is a string, else `undefined`. @internal */
export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The value when it is a non-blank string, else `undefined`. @internal */
export function asNonBlankString(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** A string as it is, a finite number as its decimal string, anything else `undefined`. @internal */
export function asIdString(value: unknown): string | undefined {
  if (typeof value === "string" && value !== "") {
    return value;
  }
  return typeof value === "number" && Number.isFinite(value) ? String(value) : undefined;
}

/** The strings of an array (other items dropped), or `[]`. @internal */
export function asStringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/**
 * `{ [key]: value }`, or `{}` when the value is `undefined`: spread it so an optional field is absent rather than
 * `undefined` (`exactOptionalPropertyTypes`). @internal
 */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** What {@link invalidResponseError} needs to know. @internal */
export interface InvalidResponseInput {
  readonly provider: Provider;
  readonly operation: string;
  readonly response: Response;
  readonly body: ResponseBody;
  /** What is wrong with a body that is JSON, e.g. `the body has no ModelId`. */
  readonly problem: string;
  /** The response header holding the cloud's request id. */
  readonly requestIdHeader: string;
}

/**
 * The `invalid_response` error for a success answer that cannot be mapped: not JSON (retryable when there was a
 * body: a cut-off one may come out whole next time), or JSON without the model. @internal
 */
export function invalidResponseError(input: InvalidResponseInput): ModelError {
  const { provider, operation, response, body } = input;
  const reason = body.isJson ? input.problem : "the body is not JSON";
  return callError({
    code: "invalid_response",
    provider,
    operation,
    status: response.status,
    requestId: response.headers.get(input.requestIdHeader) ?? undefined,
    retryable: !body.isJson && body.text !== "",
    reason,
  });
}
