import {
  assertModelId,
  callApi,
  createExchange,
  type GetModelOptions,
  invalidResponseError,
  isJsonObject,
  type ModelProvider,
  percentEncode,
} from "@cloud-models/core";
import { PAI_GET_MODEL_ACTION } from "./constants.ts";
import { paiHttpError } from "./errors.ts";
import { toModel } from "./to-model.ts";
import { type PaiClientOptions, paiTransport } from "./transport.ts";
import type { PaiGetModelResponse, PaiModel } from "./types.ts";

/** Options of {@link paiProvider}: the same as the client's. */
export type PaiProviderOptions = PaiClientOptions;

/**
 * The PAI model provider: `getModel(id)` validates the id, calls `GetModel` and returns a normalised
 * {@link PaiModel}, throwing `ModelError` on any failure. Plug it into `createModelRegistry`, or use it alone.
 *
 * @throws ModelError when the options are malformed (`invalid_argument`, `credentials`).
 * @example
 * ```ts
 * import { paiProvider } from "@cloud-models/pai";
 *
 * const pai = paiProvider({ credentials: { accessKeyId, accessKeySecret }, region: "cn-hangzhou" });
 * const model = await pai.getModel("model-rbvg5wzljzjhc9ks92");
 * console.log(model.name, model.versions[0]?.version);
 * ```
 */
export function paiProvider(options: PaiProviderOptions): ModelProvider<PaiModel> {
  const { baseUrl, sign, transport } = paiTransport(options);
  // The transport without openapi-fetch: one request, its body read once (the typed client is `createPaiClient`).
  const exchange = createExchange(transport);
  return {
    name: "pai",
    async getModel(id: string, getOptions?: GetModelOptions): Promise<PaiModel> {
      assertModelId(id, "pai");
      const signal = getOptions?.signal;
      const { response, body } = await callApi({
        provider: "pai",
        signal,
        // The id is percent-encoded per RFC 3986, so it can never change the path. Each attempt signs the request
        // in parts and makes one `Request` of them.
        send: () =>
          exchange({
            signal,
            build: async (attemptSignal, { now }) => {
              const url = new URL(`${baseUrl}/api/v1/models/${percentEncode(id)}`);
              const headers = new Headers({ accept: "application/json" });
              const details = await sign({ method: "GET", url, headers, body: null }, now);
              return { request: new Request(url, { headers, signal: attemptSignal }), details };
            },
          }),
        onHttpError: (answer, errorBody, signing) =>
          paiHttpError({ status: answer.status, body: errorBody, headers: answer.headers, signing }),
      });
      if (!isJsonObject(body.json) || typeof body.json["ModelId"] !== "string" || body.json["ModelId"] === "") {
        throw invalidResponseError({
          provider: "pai",
          operation: PAI_GET_MODEL_ACTION,
          response,
          body,
          problem: "the body has no ModelId",
          requestIdHeader: "x-acs-request-id",
        });
      }
      return toModel(body.json as PaiGetModelResponse);
    },
  };
}
