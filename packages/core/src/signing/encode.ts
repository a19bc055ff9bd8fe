const RFC3986_EXTRA = /[!'()*]/g;
const HAS_RFC3986_EXTRA = /[!'()*]/;

/**
 * Percent-encodes a string per RFC 3986: UTF-8, upper-case hex, only `A-Z a-z 0-9 - _ . ~` left as they are.
 *
 * `encodeURIComponent` also leaves `!'()*` alone; both clouds' signers encode them, and so does this.
 *
 * @example
 * ```ts
 * percentEncode("a b*c~d/é"); // "a%20b%2Ac~d%2F%C3%A9"
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc3986#section-2.1
 */
export function percentEncode(value: string): string {
  const encoded = encodeURIComponent(value);
  // Most values hold none of `!'()*`: skip the replace (a hot path of both signers).
  return HAS_RFC3986_EXTRA.test(encoded)
    ? encoded.replace(RFC3986_EXTRA, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    : encoded;
}
