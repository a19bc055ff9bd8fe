export { normalizeBaseUrl } from "./base-url.ts";
export { type CallApiOptions, callApi } from "./call-api.ts";
export {
  assertCredentialsSource,
  type Credentials,
  type CredentialsSource,
  credentialsFromEnv,
  ENV_NAMES,
  type EnvCredentials,
  resolveCredentials,
} from "./credentials.ts";
export {
  type ErrorMessageParts,
  formatErrorMessage,
  isRetryableStatus,
  ModelError,
  type ModelErrorCode,
  type ModelErrorJSON,
  type ModelErrorOptions,
  type Provider,
  type SigningDetails,
} from "./errors.ts";
export {
  type Model,
  type ModelLabel,
  type ModelRef,
  type ModelRefString,
  type ModelVersion,
  toIsoUtc,
} from "./model.ts";
export { assertModelId } from "./model-id.ts";
export type { GetModelOptions, ModelProvider } from "./provider.ts";
export {
  createModelRegistry,
  type ModelOf,
  type ModelRegistry,
  type ModelRegistryOptions,
  parseRef,
} from "./registry.ts";
export {
  asIdString,
  asNonBlankString,
  asString,
  asStringArray,
  type InvalidResponseInput,
  invalidResponseError,
  isBrokenJson,
  isJsonObject,
  optional,
  parseBody,
  type ResponseBody,
  readResponseBody,
} from "./response.ts";
// The single signing steps and the detailed signers (each @internal in its own JSDoc): for tests and debugging.
export {
  type Acs3CanonicalRequestParts,
  type Acs3Input,
  type Acs3Result,
  type Acs3SignOptions,
  acs3Authorization,
  type BceCanonicalRequestParts,
  type BceV1Input,
  type BceV1Result,
  type BceV1SignOptions,
  bceV1Authorization,
  buildAcs3AuthorizationHeader,
  buildAcs3CanonicalHeaders,
  buildAcs3CanonicalQuery,
  buildAcs3CanonicalRequest,
  buildAcs3StringToSign,
  buildBceAuthStringPrefix,
  buildBceCanonicalHeaders,
  buildBceCanonicalQuery,
  buildBceCanonicalRequest,
  buildBceCanonicalUri,
  type CanonicalHeaders,
  type DateSource,
  percentEncode,
  type QueryInput,
  type SignedRequest,
  signAcs3,
  signAcs3WithDetails,
  signBceV1,
  signBceV1WithDetails,
} from "./signing/index.ts";
export { DEFAULT_RETRY } from "./transport/retry.ts";
export {
  type AttemptVerdict,
  type ClockOffset,
  createExchange,
  createTransport,
  type Exchange,
  type FetchLike,
  type RequestFactory,
  type RetryOptions,
  type SignContext,
  type SignResult,
  signingDetailsOf,
  TRANSPORT_DEFAULTS,
  type TransportOptions,
  type TransportTuning,
  toTransportError,
} from "./transport.ts";
