export { createQianfanClient, type QianfanClient, type QianfanClientOptions } from "./client.ts";
export { QIANFAN_DEFAULT_BASE_URL } from "./constants.ts";
export { type QianfanProviderOptions, qianfanProvider } from "./provider.ts";
export { toModel } from "./to-model.ts";
export type {
  QianfanComponents,
  QianfanErrorResponse,
  QianfanModel,
  QianfanModelDetail,
  QianfanModelDetailResponse,
  QianfanModelVersion,
  QianfanNormalisedVersion,
  QianfanPaths,
} from "./types.ts";
