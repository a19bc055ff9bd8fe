import {
  assertModelId,
  callApi,
  createExchange,
  type GetModelOptions,
  invalidResponseError,
  isJsonObject,
  type ModelProvider,
} from "@cloud-models/core";
import { QIANFAN_MODEL_DETAIL_OPERATION } from "./constants.ts";
import { qianfanHttpError, qianfanVendorError } from "./errors.ts";
import { toModel } from "./to-model.ts";
import { type QianfanClientOptions, qianfanTransport } from "./transport.ts";
import type { QianfanModel, QianfanModelDetailResponse } from "./types.ts";

/** Options of {@link qianfanProvider}: the same as the client's. */
export type QianfanProviderOptions = QianfanClientOptions;

/**
 * The Qianfan model provider: `getModel(id)` validates the id, calls `modelDetail` (sending the id as a string, as
 * the API asks) and returns a normalised {@link QianfanModel}. Every failure is a `ModelError`, including Qianfan's
 * HTTP 200 answers that carry an `error_code`, and IAM failures that come as headers on an empty body.
 *
 * @throws ModelError when the options are malformed (`invalid_argument`, `credentials`).
 * @example
 * ```ts
 * import { qianfanProvider } from "@cloud-models/qianfan";
 *
 * const qianfan = qianfanProvider({ credentials: { accessKeyId: ak, accessKeySecret: sk } });
 * const model = await qianfan.getModel("am-txtetnsfq9sb");
 * console.log(model.name, model.versions.map((v) => v.version));
 * ```
 */
export function qianfanProvider(options: QianfanProviderOptions): ModelProvider<QianfanModel> {
  const { baseUrl, sign, transport } = qianfanTransport(options);
  // The transport without openapi-fetch: one request, its body read once (the typed client is `createQianfanClient`).
  const exchange = createExchange(transport);
  const endpoint = `${baseUrl}/wenxinworkshop/modelrepo/modelDetail`;
  return {
    name: "qianfan",
    async getModel(id: string, getOptions?: GetModelOptions): Promise<QianfanModel> {
      assertModelId(id, "qianfan");
      const signal = getOptions?.signal;
      const { response, body } = await callApi({
        provider: "qianfan",
        signal,
        // The id travels in a JSON body, as openapi-fetch would send it: it can never change the path.
        // Each attempt signs the request in parts and makes one `Request` of them, so no body is cloned or read.
        send: () =>
          exchange({
            signal,
            build: async (attemptSignal, { now }) => {
              const url = new URL(endpoint);
              const headers = new Headers({ accept: "application/json", "content-type": "application/json" });
              const body = JSON.stringify({ modelId: id });
              const details = await sign({ method: "POST", url, headers, body }, now);
              return { request: new Request(url, { method: "POST", headers, body, signal: attemptSignal }), details };
            },
          }),
        onHttpError: (answer, errorBody, signing) =>
          qianfanHttpError(answer.status, errorBody, answer.headers, signing),
      });
      if (isJsonObject(body.json) && body.json["error_code"] !== undefined) {
        throw qianfanVendorError(body.json, response.status, response.headers);
      }
      const model = isJsonObject(body.json) ? toModel(body.json as QianfanModelDetailResponse) : undefined;
      if (!model) {
        throw invalidResponseError({
          provider: "qianfan",
          operation: QIANFAN_MODEL_DETAIL_OPERATION,
          response,
          body,
          problem: "the body has no result with a model id",
          requestIdHeader: "x-bce-request-id",
        });
      }
      return model;
    },
  };
}
