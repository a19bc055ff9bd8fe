// The signing API of @cloud-models/core. Public: acs3Authorization, bceV1Authorization, signAcs3, signBceV1,
// percentEncode and the types. The build* steps and sign*WithDetails are @internal (see their JSDoc): exported for
// tests, debugging and core's transport (to explain a signature mismatch), not covered by semver.
export {
  type Acs3CanonicalRequestParts,
  acs3Authorization,
  buildAcs3AuthorizationHeader,
  buildAcs3CanonicalHeaders,
  buildAcs3CanonicalQuery,
  buildAcs3CanonicalRequest,
  buildAcs3StringToSign,
} from "./acs3.ts";
export {
  type BceCanonicalRequestParts,
  bceV1Authorization,
  buildBceAuthStringPrefix,
  buildBceCanonicalHeaders,
  buildBceCanonicalQuery,
  buildBceCanonicalRequest,
  buildBceCanonicalUri,
} from "./bce-v1.ts";
export { percentEncode } from "./encode.ts";
export type { RequestParts } from "./request.ts";
export { signAcs3, signAcs3Parts, signAcs3WithDetails } from "./sign-acs3.ts";
export { signBceV1, signBceV1Parts, signBceV1WithDetails } from "./sign-bce-v1.ts";
export type {
  Acs3Input,
  Acs3Result,
  Acs3SignOptions,
  BceV1Input,
  BceV1Result,
  BceV1SignOptions,
  CanonicalHeaders,
  DateSource,
  QueryInput,
  SignedRequest,
} from "./types.ts";
