// Input checks shared by both algorithms. Messages name the field at fault, never a value: a value may be a secret.

/** Throws a `TypeError` unless `value` is a non-empty string. @internal */
export function assertNonEmptyString(value: unknown, name: string): asserts value is string {
  if (typeof value !== "string" || value === "") {
    throw new TypeError(`${name} must be a non-empty string`);
  }
}

/** Throws a `TypeError` unless the access key id and its secret are non-empty strings. @internal */
export function assertKeyPair(accessKeyId: unknown, secret: unknown, secretName: string): void {
  assertNonEmptyString(accessKeyId, "accessKeyId");
  assertNonEmptyString(secret, secretName);
}

/**
 * Throws a `TypeError` unless `credentials` holds a non-empty `accessKeyId` and `accessKeySecret` and, if any, a
 * non-empty `securityToken`. @internal
 */
export function assertCredentials(credentials: unknown): void {
  if (typeof credentials !== "object" || credentials === null) {
    throw new TypeError("credentials must be an object with accessKeyId and accessKeySecret");
  }
  const { accessKeyId, accessKeySecret, securityToken } = credentials as Record<string, unknown>;
  assertKeyPair(accessKeyId, accessKeySecret, "accessKeySecret");
  if (securityToken !== undefined) {
    assertNonEmptyString(securityToken, "securityToken, when given,");
  }
}

/** Parses a request URL, throwing a `TypeError` unless it is an absolute `http:` or `https:` URL. @internal */
export function parseHttpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError("the request URL must be an absolute http(s) URL");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new TypeError(`the request URL must be http(s), not ${parsed.protocol}`);
  }
  return parsed;
}
