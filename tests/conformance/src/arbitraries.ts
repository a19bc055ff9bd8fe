// Generators shared by the two property suites. Every restriction of the input space is commented where it is made,
// with the line of the official source that makes it necessary; README.md lists them all.

import fc from "fast-check";

// ---------------------------------------------------------------------------------------------------------------------
// Strings

/**
 * Characters that stress an encoder: RFC 3986 reserved and sub-delims, the `!'()*` that `encodeURIComponent` leaves
 * alone, `~`, `%` and ready-made escapes (`%7E`, `%2F`: ACS3's `.replace("%7E", "~")` and BCE's `%2F`→`/` must never
 * see them in an encoded path), whitespace of every kind `String.prototype.trim` knows, controls, and multi-unit text.
 */
const TRICKY = [
  " ",
  "\t",
  "\n",
  "\r",
  "\v",
  "\f",
  "\u0000",
  "\u0085",
  "\u00a0",
  "\u1680",
  "\u2003",
  "\u2028",
  "\u202f",
  "\u3000",
  "\ufeff",
  "!",
  "'",
  "(",
  ")",
  "*",
  "~",
  "+",
  "%",
  "/",
  "?",
  "#",
  "&",
  "=",
  ";",
  ":",
  "@",
  ",",
  "$",
  "[",
  "]",
  '"',
  "<",
  ">",
  "\\",
  "^",
  "`",
  "{",
  "|",
  "}",
  ".",
  "-",
  "_",
  "%7E",
  "%7e",
  "%2F",
  "%2f",
  "%20",
  "%25",
  "é",
  "ß",
  "中文",
  "模型",
  "😀",
  "e\u0301",
  "\u{10ffff}",
] as const;

/**
 * One unit of well-formed Unicode text.
 *
 * EXCLUDED everywhere: lone surrogates (ill-formed UTF-16). Both vendors define the canonical request over UTF-8 and
 * a lone surrogate has no UTF-8 form: the officials' encoders throw on it (`encodeURIComponent` in
 * @alicloud/openapi-util dist/client.js `function encode(str)` and @baiducloud/sdk src/strings.js `exports.normalize`),
 * and where nothing is encoded Node's `Buffer.from` replaces it with U+FFFD. A separate property checks that both
 * sides reject such query values. (`unit: "binary"` yields code points, never half a surrogate pair.)
 */
export const unicodeUnit: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }) },
);

/** Arbitrary well-formed Unicode text (see {@link unicodeUnit}). */
export function unicodeString(constraints: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<string> {
  return fc.string({ unit: unicodeUnit, maxLength: 16, ...constraints });
}

/** Whitespace that `String.prototype.trim` (and BCE's `/^\s+|\s+$/g`, the same set) removes. */
const whitespace = fc.string({
  unit: fc.constantFrom(" ", "\t", "\n", "\r", "\v", "\f", "\u00a0", "\u2003", "\u2028", "\u3000", "\ufeff"),
  maxLength: 3,
});

/** Unicode text with optional leading and trailing whitespace: a header value as a caller might pass it. */
export const paddedUnicode: fc.Arbitrary<string> = fc
  .tuple(whitespace, unicodeString(), whitespace)
  .map(([before, core, after]) => before + core + after);

/** Ill-formed text: well-formed text with a lone high or low surrogate somewhere. */
export const illFormedString: fc.Arbitrary<string> = fc
  .tuple(unicodeString(), fc.constantFrom("\ud800", "\udbff", "\udc00", "\udfff", "\ud83d"), unicodeString())
  .map(([before, lone, after]) => before + lone + after);

const UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

/**
 * A query parameter NAME.
 *
 * EXCLUDED: names with any character RFC 3986 would encode. Both vendors document that the name is encoded like the
 * value, but neither official signer encodes names:
 *   - @alicloud/openapi-util dist/client.js `getAuthorizationQueryString`: `let param = key + '=';` (only the value
 *     goes through `encode`);
 *   - @baiducloud/sdk src/auth.js `queryStringCanonicalization`:
 *     `canonicalQueryString.push(key + '=' + strings.normalize(value));`.
 * Restricted to `A-Z a-z 0-9 - _ . ~`, on which encoding is the identity, so raw and encoded names also sort alike.
 */
export const queryName: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: fc.constantFrom(...UNRESERVED), minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom("Labels.1", "Labels.10", "Labels.2", "1", "10", "9", "a~b", "_") },
);

/**
 * Query parameters: unique names, arbitrary (possibly empty) Unicode values.
 *
 * EXCLUDED: a name given twice. Both official signers take the query as an object (`Object.keys(query)` in
 * @alicloud/openapi-util `getAuthorizationQueryString`, `Object.keys(params)` in @baiducloud/sdk
 * `queryStringCanonicalization`), which cannot hold a repeated name; ours accepts pairs and keeps every value.
 */
export function queryEntries(name: fc.Arbitrary<string> = queryName): fc.Arbitrary<[string, string][]> {
  return fc.uniqueArray(fc.tuple(name, fc.oneof(unicodeString(), fc.constant(""))), {
    maxLength: 6,
    selector: ([key]) => key,
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Header names

const TOKEN = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyz";

/** An RFC 9110 token (a header name's characters), lower case, `minLength` to 8 characters. */
export function token(minLength = 1): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...TOKEN), minLength, maxLength: 8 });
}

/** A header name as it is, or in random letter case: both official signers lower-case names themselves. */
export function randomCase(name: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const mixed = fc
    .tuple(name, fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }))
    .map(([value, upper]) =>
      [...value].map((char, i) => (upper[i % upper.length] ? char.toUpperCase() : char)).join(""),
    );
  return fc.oneof({ weight: 1, arbitrary: name }, { weight: 2, arbitrary: mixed });
}

/**
 * True when no two header names are equal ignoring case.
 *
 * EXCLUDED in both schemes: two headers whose names differ only in case. An HTTP request cannot carry them apart (a
 * `Headers` object combines them as `a, b`); the officials, given a plain object, each do their own thing:
 *   - @alicloud/openapi-util `getAuthorizationHeaders`: `tmp[lowerKey].push(...)` then `tmp[hsKey].sort()` joined by
 *     `,` (sorted, no space, not what is sent);
 *   - @baiducloud/sdk `headersCanonicalization`: one `name:value` line per key, the name listed twice in
 *     signedHeaders.
 */
export function namesUniqueIgnoringCase(names: readonly string[]): boolean {
  return new Set(names.map((name) => name.toLowerCase())).size === names.length;
}

// ---------------------------------------------------------------------------------------------------------------------
// Request-level values (for the `Request` signers)

/**
 * A header value a fetch `Headers` accepts unchanged except for trimming: Latin-1 (a ByteString: code points above
 * U+00FF throw), no NUL, CR or LF (throw); leading and trailing tabs and spaces are stripped by `Headers`, which then
 * equals what both signers' `trim` does to the raw value.
 */
export const headerSafeValue: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(" ", "\t", "\v", "\f", "\u0085", "\u00a0", "!", "*", "'", "%", "/", "é", "ß"),
    },
    {
      weight: 6,
      arbitrary: fc
        .integer({ min: 1, max: 0xff })
        .filter((code) => code !== 0x0a && code !== 0x0d)
        .map((code) => String.fromCharCode(code)),
    },
  ),
  maxLength: 16,
});

/** A non-empty {@link headerSafeValue} that is not all whitespace (an access key id, a nonce, a token). */
export const headerSafeNonBlank: fc.Arbitrary<string> = headerSafeValue.filter((value) => value.trim() !== "");

/**
 * A host: lower-case ASCII DNS labels, a letters-only top label, optionally a port. EXCLUDED (Request tests only):
 * hosts the WHATWG URL parser rewrites (upper case, IDNA, IPv4-looking names, default ports), since the signers sign
 * `url.host` as the runtime sends it; the official signers are given that same `url.host`.
 */
export const host: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(
      fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"), minLength: 1, maxLength: 8 }),
      {
        maxLength: 3,
      },
    ),
    fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"), minLength: 2, maxLength: 6 }),
    fc.option(fc.integer({ min: 1, max: 65535 }).filter((port) => port !== 443)),
  )
  .map(([labels, top, port]) => `${[...labels, top].join(".")}${port === null ? "" : `:${port}`}`);

/** Methods a `Request` keeps as they are (upper case; CONNECT, TRACE and TRACK are forbidden). */
export const requestMethod: fc.Arbitrary<string> = fc.constantFrom(
  "GET",
  "HEAD",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "OPTIONS",
);

/** Any method token, as the pure signers take it (the canonical request uses it as given). */
export const anyMethod: fc.Arbitrary<string> = fc.oneof(
  requestMethod,
  fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"), minLength: 1, maxLength: 10 }),
);

/**
 * A signing time: whole seconds from 1970-01-01T00:00:01Z to 9999-12-31T23:59:59Z.
 *
 * EXCLUDED: the epoch itself: @baiducloud/sdk src/auth.js `getTimestamp`:
 * `var now = timestamp ? new Date(timestamp * 1000) : new Date();` signs at the current time for 0. Years past 9999
 * have no `yyyy-MM-ddTHH:mm:ssZ` form (the format both vendors document).
 */
export const epochSeconds: fc.Arbitrary<number> = fc.integer({ min: 1, max: 253_402_300_799 });

/** A `Date` in the same range, with milliseconds (the signers drop them). */
export const signingDate: fc.Arbitrary<Date> = fc
  .tuple(epochSeconds, fc.integer({ min: 0, max: 999 }))
  .map(([seconds, ms]) => new Date(seconds * 1000 + ms));

/** `YYYY-MM-DDTHH:mm:ssZ` of a time. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** A JSON body (`JSON.stringify` of arbitrary JSON with Unicode strings). */
export const jsonBody: fc.Arbitrary<string> = fc.json({ maxDepth: 3, stringUnit: unicodeUnit });

/**
 * An access key secret: any non-empty Unicode text (it is only ever an HMAC key, as UTF-8).
 *
 * EXCLUDED: empty key ids and secrets. Ours rejects them (TypeError, by contract); the officials sign with an empty
 * key. Neither vendor issues empty credentials.
 */
export const secret: fc.Arbitrary<string> = unicodeString({ minLength: 1, maxLength: 40 });

/** A key id for the pure signers: non-empty Unicode text. */
export const keyId: fc.Arbitrary<string> = unicodeString({ minLength: 1, maxLength: 24 });
