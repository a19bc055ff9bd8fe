/**
 * Why a request is refused before it reaches the API: what the signature check found, or an auth scenario. Each
 * vendor's responder turns it into that cloud's answer. @internal
 */
export type AuthFailure =
  /** No `Authorization` header. */
  | { readonly kind: "missing" }
  /** An `Authorization` (or signing header) that cannot be read. */
  | { readonly kind: "malformed"; readonly detail: string }
  /** A signature that leaves out headers that must be signed. */
  | { readonly kind: "unsigned-headers"; readonly names: readonly string[] }
  /** An access key id the mock was not given. */
  | { readonly kind: "unknown-key" }
  /** A signature that is not the one the mock computed; PAI shows its string to sign. */
  | { readonly kind: "signature-mismatch"; readonly stringToSign?: string | undefined; readonly detail?: string }
  /** A request time outside the cloud's window. */
  | { readonly kind: "expired"; readonly timestamp?: string | undefined }
  /** A request time that is not a time (PAI `InvalidTimeStamp.Format`). */
  | { readonly kind: "bad-timestamp" }
  /** An ACS3 nonce seen before. */
  | { readonly kind: "nonce-used" }
  /** A key that may not call the API (RAM / IAM). */
  | { readonly kind: "access-denied" };

/** The request headers to canonicalise: the request's own without `authorization`, and `host` from the URL. @internal */
export function signingHeadersOf(request: Request, url: URL): Record<string, string> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    if (name !== "authorization") {
      headers[name] = value;
    }
  });
  // Browsers and fetch never let a caller set `host`: the signer signs the URL's, and so does the server.
  headers["host"] = url.host;
  return headers;
}

/** The names a signature must cover but whose list leaves out (in the order of `required`). @internal */
export function unsignedNames(required: Iterable<string>, signed: ReadonlySet<string>): string[] {
  return [...required].filter((name) => !signed.has(name));
}
