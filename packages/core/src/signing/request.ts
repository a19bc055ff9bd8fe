// Plumbing shared by the two `Request` signers.

/**
 * A request still in parts, for a signer that sets its headers on `headers` in place: the providers sign these
 * and then make one `Request`, rather than make one, copy it to sign and make another. @internal
 */
export interface RequestParts {
  readonly method: string;
  readonly url: URL;
  /** The headers to send; the signer adds its own (and `Authorization`) here. */
  readonly headers: Headers;
  /** The body's bytes or text (sent as UTF-8), `null` for none. */
  readonly body: string | ArrayBuffer | null;
}

/**
 * Signs a `Request` with a signer of {@link RequestParts}: its body read from a clone, its headers copied for `sign`
 * to add to, then a new `Request` like it with those headers and the same body. @internal
 */
export async function signRequestWith<T>(
  request: Request,
  sign: (parts: RequestParts) => Promise<T>,
): Promise<{ request: Request; details: T }> {
  const body = await readBody(request);
  const headers = new Headers(request.headers);
  const details = await sign({ method: request.method, url: new URL(request.url), headers, body });
  return { request: rebuildRequest(request, headers, body), details };
}

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
