import type { Model, ModelVersion } from "@cloud-models/core";
import type { components, paths } from "./generated/schema.ts";

/** The generated OpenAPI `paths` of PAI AIWorkSpace `GetModel`. */
export type PaiPaths = paths;
/** The generated OpenAPI `components` of PAI AIWorkSpace `GetModel`. */
export type PaiComponents = components;
/** The body of a successful `GetModel` answer. */
export type PaiGetModelResponse = components["schemas"]["GetModelResponse"];
/** A PAI `ModelVersion` (`LatestVersion`). */
export type PaiModelVersion = components["schemas"]["ModelVersion"];
/** A PAI `{ Key, Value }` label. */
export type PaiLabel = components["schemas"]["Label"];
/** The JSON body of a PAI error answer (4xx/5xx). */
export type PaiErrorResponse = components["schemas"]["ErrorResponse"];
/** A PAI model, normalised; `raw` is the `GetModel` body as the cloud sent it. */
export type PaiModel = Model<"pai", PaiGetModelResponse, PaiModelVersion>;
/** A normalised PAI model version; `raw` is the `LatestVersion` object. */
export type PaiNormalisedVersion = ModelVersion<PaiModelVersion>;
