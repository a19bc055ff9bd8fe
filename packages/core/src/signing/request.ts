// Plumbing shared by the two `Request` signers.

/**
 * The request's body bytes, or `null` when it has none. Read from a clone, so the caller's request stays unread
 * (a retry can sign it again). @internal
 */
export async function readBody(request: Request): Promise<ArrayBuffer | null> {
  return request.body === null ? null : request.clone().arrayBuffer();
}

/** The headers to canonicalise: the request's own (names lower-cased by `Headers`) and `host` from the URL. @internal */
export function toSigningHeaders(headers: Headers, url: URL): Record<string, string> {
  // Browsers forbid setting `host` on a Request; the runtime sends `url.host`, so that is what is signed.
  return { ...Object.fromEntries(headers), host: url.host };
}

/**
 * A new `Request` like `request` (method, URL, signal, mode, credentials…) with `headers` and the body `bytes`.
 * Passing the bytes, rather than letting the constructor take over the body stream, leaves `request` usable. @internal
 */
export function rebuildRequest(request: Request, headers: Headers, bytes: ArrayBuffer | null): Request {
  // From a clone: Chromium marks the input's body as used by `new Request(input, { body })` even though a new body
  // is given (Node, Deno and Bun do not), and the caller's request must stay readable for a retry.
  return new Request(request.clone(), bytes === null ? { headers } : { headers, body: bytes });
}

/** Replaces every occurrence of `secret` (and of its percent-encoded form) in `text` with `[redacted]`. @internal */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret !== "") {
      result = result.split(secret).join("[redacted]");
    }
  }
  return result;
}
