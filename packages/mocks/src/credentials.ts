import type { Credentials } from "@cloud-models/core";

/**
 * Obviously fake Alibaba Cloud credentials: what the PAI handlers accept by default. Sign with them (pass them to
 * `paiProvider`) and the mock serves; any other key is refused as PAI would refuse it.
 *
 * @example
 * ```ts
 * const pai = paiProvider({ credentials: paiTestCredentials });
 * ```
 */
export const paiTestCredentials: Credentials = {
  accessKeyId: "FAKE_PAI_ACCESS_KEY_ID",
  accessKeySecret: "FAKE_PAI_ACCESS_KEY_SECRET_FOR_TESTS",
};

/**
 * Obviously fake Baidu AI Cloud AK/SK: what the Qianfan handlers accept by default.
 *
 * @example
 * ```ts
 * const qianfan = qianfanProvider({ credentials: qianfanTestCredentials });
 * ```
 */
export const qianfanTestCredentials: Credentials = {
  accessKeyId: "FAKE_QIANFAN_ACCESS_KEY",
  accessKeySecret: "FAKE_QIANFAN_SECRET_KEY_FOR_TESTS",
};
