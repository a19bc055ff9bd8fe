import type { Model, ModelVersion } from "@cloud-models/core";
import type { components, paths } from "./generated/schema.ts";

/** The generated OpenAPI `paths` of Qianfan `modelDetail`. */
export type QianfanPaths = paths;
/** The generated OpenAPI `components` of Qianfan `modelDetail`. */
export type QianfanComponents = components;
/** The body of a successful `modelDetail` answer: `{ log_id, result }`. */
export type QianfanModelDetailResponse = components["schemas"]["ModelDetailResponse"];
/** The model itself (`result`). */
export type QianfanModelDetail = components["schemas"]["ModelDetailResult"];
/** One item of `modelVersionList`. */
export type QianfanModelVersion = components["schemas"]["ModelVersion"];
/** Qianfan's error body, sent with HTTP 200: `{ error_code, error_msg, log_id? }`. */
export type QianfanErrorResponse = components["schemas"]["ErrorResponse"];
/** A Qianfan model, normalised; `raw` is the `modelDetail` body (`{ log_id, result }`) as the cloud sent it. */
export type QianfanModel = Model<"qianfan", QianfanModelDetailResponse, QianfanModelVersion>;
/** A normalised Qianfan model version; `raw` is the `modelVersionList` item. */
export type QianfanNormalisedVersion = ModelVersion<QianfanModelVersion>;
