import { ModelError, type Provider } from "./errors.ts";

/**
 * Checks a client's `baseUrl` (absolute http(s), no query or fragment) and drops its trailing slashes.
 *
 * @throws ModelError `invalid_argument`
 * @internal shared by the provider packages
 */
export function normalizeBaseUrl(baseUrl: unknown, provider: Provider): string {
  let url: URL | undefined;
  try {
    url = typeof baseUrl === "string" ? new URL(baseUrl) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || url.search || url.hash || url.username) {
    // The value is not echoed: a URL with user info may hold a password.
    throw new ModelError(`${provider}: baseUrl must be an absolute http(s) URL without user info, query or fragment`, {
      code: "invalid_argument",
      provider,
    });
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}
