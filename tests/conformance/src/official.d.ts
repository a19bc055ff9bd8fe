// Types for the two modules of @baiducloud/sdk@1.0.7 the harness calls (the package ships no types for them). Only
// what official.ts uses; signatures as in node_modules/@baiducloud/sdk/src/auth.js and src/strings.js.
// (@alicloud/openapi-util ships its own dist/client.d.ts.)

declare module "@baiducloud/sdk/src/auth.js" {
  /** `module.exports = Auth` in src/auth.js. */
  class Auth {
    constructor(ak: string, sk: string);
    /** Returns the bce-auth-v1 authorization string. `timestamp` is in epoch seconds (0 or absent: now). */
    generateAuthorization(
      method: string,
      resource: string,
      params: Readonly<Record<string, string>> | null,
      headers: Readonly<Record<string, string>> | null,
      timestamp: number,
      expirationInSeconds?: number | null,
      headersToSign?: readonly string[] | null,
    ): string;
    /** Hex HMAC-SHA256 of `data` under `key`. */
    hash(data: string, key: string): string;
    generateCanonicalUri(url: string): string;
    queryStringCanonicalization(params: Readonly<Record<string, string>>): string;
    /** `[canonicalHeaders, signedHeaderNames]`. */
    headersCanonicalization(
      headers: Readonly<Record<string, string>>,
      headersToSign?: readonly string[] | null,
    ): [string, string[]];
  }
  export default Auth;
}

declare module "@baiducloud/sdk/src/strings.js" {
  /** encodeURIComponent, then `!'()*` percent-encoded; with `encodingSlash === false`, `%2F` turned back into `/`. */
  export function normalize(value: string, encodingSlash?: boolean): string;
  export function trim(value: string | null | undefined): string;
}
