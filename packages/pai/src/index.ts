export { createPaiClient, type PaiClient, type PaiClientOptions } from "./client.ts";
export { PAI_API_VERSION, PAI_DEFAULT_REGION } from "./constants.ts";
export { type PaiProviderOptions, paiProvider } from "./provider.ts";
export { toModel } from "./to-model.ts";
export type {
  PaiComponents,
  PaiErrorResponse,
  PaiGetModelResponse,
  PaiLabel,
  PaiModel,
  PaiModelVersion,
  PaiNormalisedVersion,
  PaiPaths,
} from "./types.ts";
