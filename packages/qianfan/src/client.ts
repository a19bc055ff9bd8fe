import { createClientFetch } from "@cloud-models/core";
import createClient, { type Client } from "openapi-fetch";
import { type QianfanClientOptions, qianfanTransport } from "./transport.ts";
import type { QianfanPaths } from "./types.ts";

export type { QianfanClientOptions } from "./transport.ts";

/** The typed openapi-fetch client for Qianfan `modelDetail`. */
export type QianfanClient = Client<QianfanPaths>;

/**
 * Makes the typed openapi-fetch client for the Qianfan model repository, on cloud-models' transport: every attempt
 * is signed with bce-auth-v1 (`host`, `content-type` and `x-bce-*` headers signed). It keeps openapi-fetch's
 * non-throwing `{ data, error, response }` — note that Qianfan answers errors with HTTP 200 and an `error_code`, so
 * check `data` for it; `qianfanProvider` does that for you.
 *
 * @throws ModelError `invalid_argument` for a malformed `baseUrl`, `credentials` for a malformed credentials object.
 * @example
 * ```ts
 * const client = createQianfanClient({ credentials: { accessKeyId, accessKeySecret } });
 * const { data } = await client.POST("/wenxinworkshop/modelrepo/modelDetail", { body: { modelId: "am-txtetnsfq9sb" } });
 * ```
 * @see https://cloud.baidu.com/doc/WENXINWORKSHOP/s/Mlnv9hc7d
 */
export function createQianfanClient(options: QianfanClientOptions): QianfanClient {
  const wiring = qianfanTransport(options);
  return createClient<QianfanPaths>({
    baseUrl: wiring.baseUrl,
    fetch: createClientFetch(wiring),
    headers: { accept: "application/json" },
  });
}
