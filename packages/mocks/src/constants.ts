/** The PAI `GetModel` URL the handlers answer, in any region (`aiworkspace.<region>.aliyuncs.com`). */
export const PAI_GET_MODEL_URL = "https://aiworkspace.:region.aliyuncs.com/api/v1/models/:ModelId";

/** The Qianfan `modelDetail` URL the handlers answer. */
export const QIANFAN_MODEL_DETAIL_URL = "https://qianfan.baidubce.com/wenxinworkshop/modelrepo/modelDetail";

/** The RAM action `GetModel` needs, as the PAI API reference lists it. */
export const PAI_RAM_ACTION = "paimodel:GetModel";

/**
 * How far `x-acs-date` may be from the server's clock, either way: 15 minutes.
 *
 * @see https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature
 */
export const PAI_TIME_WINDOW_MS: number = 15 * 60_000;

/** How far in the future a bce-auth-v1 timestamp may be before IAM calls the request expired: 15 minutes. */
export const BCE_FUTURE_WINDOW_MS: number = 15 * 60_000;

/** How many ACS3 nonces a handler set remembers (the oldest are forgotten first, and any older than the window). */
export const NONCE_CACHE_LIMIT = 10_000;

/** The wait of the `slow` scenario when neither the scenario nor `delayMs` says: 2 seconds. */
export const DEFAULT_SLOW_MS = 2_000;

/** The `x-acs-retry-after` of the PAI `throttled` scenario when the scenario does not say, in milliseconds. */
export const DEFAULT_RETRY_AFTER_MS = 1_000;

/** The status of the `server-error` scenario when the scenario does not say. */
export const DEFAULT_SERVER_ERROR_STATUS = 503;

/**
 * The `error_code` Qianfan answers for an id the store does not hold. Baidu's reference gives no code for a missing
 * model; 336001 is Qianfan's "invalid argument" code, and the message (`model not exist`) is what
 * `qianfanProvider` recognises as not found.
 */
export const QIANFAN_NOT_FOUND_CODE = 336001;
