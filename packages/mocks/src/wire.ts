// The wire types the handlers answer with, taken from the generated OpenAPI `paths` of each spec: a change to a
// spec changes these, and the handlers stop compiling where they no longer match.
import type { PaiPaths } from "@cloud-models/pai";
import type { QianfanPaths } from "@cloud-models/qianfan";

type PaiGetModel = PaiPaths["/api/v1/models/{ModelId}"]["get"];
type QianfanModelDetail = QianfanPaths["/wenxinworkshop/modelrepo/modelDetail"]["post"];

/** The names of a type's own keys, without those of an index signature. */
type KnownKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

/** The body of PAI's `GetModel` 200 answer. */
export type PaiGetModelBody = PaiGetModel["responses"][200]["content"]["application/json"];

/** The JSON body of PAI's 4xx answers. */
export type PaiClientErrorBody = PaiGetModel["responses"]["4XX"]["content"]["application/json"];

/** What the PAI handler may answer as JSON: the model or an error body. */
export type PaiResponseBody = PaiGetModelBody | PaiClientErrorBody;

/** The path parameters of the PAI handler: the spec's `ModelId`, and the region from the host. */
export type PaiPathParams = {
  ModelId: PaiGetModel["parameters"]["path"]["ModelId"];
  region: string;
};

/** The JSON body of a Qianfan `modelDetail` request. */
export type QianfanModelDetailRequestBody = QianfanModelDetail["requestBody"]["content"]["application/json"];

/** What Qianfan answers with HTTP 200: the model, or an `error_code` body. */
export type QianfanResponseBody = QianfanModelDetail["responses"][200]["content"]["application/json"];

/** The model half of {@link QianfanResponseBody}. */
export type QianfanModelDetailBody = Exclude<QianfanResponseBody, { error_code: number }>;

/** The `error_code` half of {@link QianfanResponseBody}. */
export type QianfanErrorBody = Extract<QianfanResponseBody, { error_code: number }>;

/** The response headers the spec names for a BCE IAM failure (4xx with an empty body). */
export type QianfanIamErrorHeaderName = KnownKeys<QianfanModelDetail["responses"]["4XX"]["headers"]>;

/** Those headers, all set. */
export type QianfanIamErrorHeaders = { readonly [K in QianfanIamErrorHeaderName]-?: string };

/** What the spec says a 4xx IAM failure carries as a body: nothing. */
export type QianfanIamErrorContent = QianfanModelDetail["responses"]["4XX"]["content"];
