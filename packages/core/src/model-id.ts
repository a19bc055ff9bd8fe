import { ModelError, type Provider } from "./errors.ts";

/**
 * Checks a model id before any request: it must be a non-blank string, and not `.` or `..` (no URL can carry those
 * as a path segment: URL parsers resolve them, even percent-encoded). Every other character is allowed; providers
 * percent-encode it.
 *
 * @throws ModelError `invalid_argument`
 */
export function assertModelId(id: unknown, provider: Provider): asserts id is string {
  const fail = (problem: string): never => {
    throw new ModelError(`${provider} getModel: ${problem}`, { code: "invalid_argument", provider });
  };
  if (typeof id !== "string") {
    fail(`the model id must be a string, got ${id === null ? "null" : typeof id}`);
  } else if (id.trim() === "") {
    fail("the model id must not be empty or blank");
  } else if (id === "." || id === "..") {
    fail(`the model id must not be "${id}"`);
  }
}
