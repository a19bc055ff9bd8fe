/** The one ACS3 signature algorithm cloud-models implements (`ACS3-HMAC-SM3` and `ACS3-RSA-SHA256` are not). */
export const ACS3_ALGORITHM = "ACS3-HMAC-SHA256";

/** The version tag that starts every bce-auth-v1 auth string. */
export const BCE_AUTH_VERSION = "bce-auth-v1";

/** How long a bce-auth-v1 signature stays valid when the caller does not say: 30 minutes, as in `@baiducloud/sdk`. */
export const BCE_DEFAULT_EXPIRATION_SECONDS = 1800;

/**
 * The headers `@baiducloud/sdk` signs when it is given no `headersToSign` (every `x-bce-*` header is signed too).
 *
 * @see https://cloud.baidu.com/doc/Reference/s/njwvz1yfu
 */
export const BCE_SDK_HEADERS_TO_SIGN: readonly string[] = ["host", "content-length", "content-type", "content-md5"];

/**
 * The headers `signBceV1` signs by default (every `x-bce-*` header is signed too). No `content-length` or
 * `content-md5`: a fetch `Request` cannot carry `content-length` in browsers and runtimes may send the body chunked,
 * so a signed length would not match what goes on the wire. The Qianfan Python SDK signs this same set.
 */
export const BCE_REQUEST_HEADERS_TO_SIGN: readonly string[] = ["host", "content-type"];
