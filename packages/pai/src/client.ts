import { createClientFetch, percentEncode } from "@cloud-models/core";
import createClient, { type Client } from "openapi-fetch";
import { type PaiClientOptions, paiTransport } from "./transport.ts";
import type { PaiPaths } from "./types.ts";

export type { PaiClientOptions } from "./transport.ts";

/** The typed openapi-fetch client for PAI `GetModel`. */
export type PaiClient = Client<PaiPaths>;

/**
 * Makes the typed openapi-fetch client for PAI AIWorkSpace, on cloud-models' transport: every attempt is signed
 * with ACS3-HMAC-SHA256, and path parameters are percent-encoded per RFC 3986 so an id can never change the path.
 * It keeps openapi-fetch's non-throwing `{ data, error, response }`; use `paiProvider` for a normalised `Model`.
 *
 * @throws ModelError `invalid_argument` for a malformed `region` or `baseUrl`, `credentials` for a malformed
 * credentials object.
 * @example
 * ```ts
 * const client = createPaiClient({ credentials: { accessKeyId, accessKeySecret }, region: "cn-shanghai" });
 * const { data, error } = await client.GET("/api/v1/models/{ModelId}", { params: { path: { ModelId: "model-x" } } });
 * ```
 * @see https://www.alibabacloud.com/help/en/pai/developer-reference/api-aiworkspace-2021-02-04-getmodel
 */
export function createPaiClient(options: PaiClientOptions): PaiClient {
  const wiring = paiTransport(options);
  return createClient<PaiPaths>({
    baseUrl: wiring.baseUrl,
    fetch: createClientFetch(wiring),
    headers: { accept: "application/json" },
    pathSerializer: (url, params) =>
      url.replace(/\{([^}]+)\}/g, (_, name: string) => percentEncode(String(params[name]))),
  });
}
