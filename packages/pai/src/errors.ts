import {
  type AttemptVerdict,
  asNonBlankString,
  callError,
  isJsonObject,
  type ModelError,
  type ModelErrorCode,
  type SigningDetails,
} from "@cloud-models/core";
import { PAI_GET_MODEL_ACTION } from "./constants.ts";

/** PAI error codes that mean the caller is not allowed in (bad key, bad signature, RAM denial). */
const UNAUTHORIZED =
  /^(SignatureDoesNotMatch|IncompleteSignature|InvalidAccessKeyId|InvalidAccessKeySecret|InvalidSecurityToken|Forbidden|NoPermission|AccessDenied|InvalidTimeStamp|SignatureNonceUsed|MissingSecurityToken|InvalidAuthorization)/;
/** PAI error codes that mean "slow down". */
const THROTTLED = /^Throttling/;
/** Transient server-side codes. */
const TRANSIENT = /^(ServiceUnavailable|InternalError|ServiceTimeout)/;
/** The request time is outside the cloud's window: a clock problem, fixed by re-signing with the cloud's time. */
const CLOCK_SKEW = /^(InvalidTimeStamp|RequestTimeTooSkewed|RequestTimeTooSkew)/;
/** A nonce the cloud has seen already: a fresh signature (new nonce) fixes it. */
const NONCE_USED = /^SignatureNonceUsed/;

/** What a PAI error answer is made into. @internal */
export interface PaiErrorInput {
  readonly status: number;
  /** The parsed JSON body, when the body was JSON. */
  readonly body: unknown;
  readonly headers: Headers;
  readonly operation?: string;
  /** What the SDK signed: attached on a signature mismatch. */
  readonly signing?: SigningDetails | undefined;
}

/**
 * Turns a PAI error answer (4xx/5xx, JSON `{ RequestId, HostId, Code, Message, Recommend }` or anything else) into a
 * `ModelError`: `not_found` for 404 / `*.NotFound` model codes, `unauthorized` for key, signature and permission
 * codes, `throttled` for 429 / `Throttling*`, else `http`.
 */
export function paiHttpError(input: PaiErrorInput): ModelError {
  const body = isJsonObject(input.body) ? input.body : {};
  const vendorCode = asNonBlankString(body["Code"]);
  const vendorMessage = asNonBlankString(body["Message"]);
  const requestId = asNonBlankString(body["RequestId"]) ?? input.headers.get("x-acs-request-id") ?? undefined;
  const code = classify(input.status, vendorCode);
  const transient = vendorCode !== undefined && (THROTTLED.test(vendorCode) || TRANSIENT.test(vendorCode));
  return callError({
    code,
    provider: "pai",
    operation: input.operation ?? PAI_GET_MODEL_ACTION,
    status: input.status,
    vendorCode,
    vendorMessage,
    requestId,
    retryable: transient || undefined,
    signing: vendorCode?.startsWith("SignatureDoesNotMatch") ? input.signing : undefined,
    reason: input.body === undefined ? "non-JSON error body" : undefined,
    headers: input.headers,
  });
}

function classify(status: number, vendorCode: string | undefined): ModelErrorCode {
  if (vendorCode !== undefined && UNAUTHORIZED.test(vendorCode)) {
    return "unauthorized";
  }
  if (status === 429 || (vendorCode !== undefined && THROTTLED.test(vendorCode))) {
    return "throttled";
  }
  if (status === 401 || status === 403) {
    return "unauthorized";
  }
  if (status === 404 || (vendorCode !== undefined && /NotFound$|NotExist/.test(vendorCode))) {
    return "not_found";
  }
  return "http";
}

/**
 * What the transport should do with a PAI answer: re-sign on a clock-skew code, retry throttling, transient codes,
 * a reused nonce, 408, 429, 5xx and a success whose body is not whole JSON; hand anything else back. @internal
 */
export function classifyPaiAnswer(response: Response, body: string, json: unknown): AttemptVerdict {
  if (response.ok) {
    // A success whose body does not parse was cut off or mangled on the way: the next attempt may come out whole.
    return json === undefined && body.trim() !== "" ? { kind: "retry" } : { kind: "done" };
  }
  const vendorCode = isJsonObject(json) ? asNonBlankString(json["Code"]) : undefined;
  if (vendorCode !== undefined && CLOCK_SKEW.test(vendorCode)) {
    return { kind: "clock-skew" };
  }
  if (
    vendorCode !== undefined &&
    (THROTTLED.test(vendorCode) || TRANSIENT.test(vendorCode) || NONCE_USED.test(vendorCode))
  ) {
    return { kind: "retry" };
  }
  const { status } = response;
  if (vendorCode !== undefined && UNAUTHORIZED.test(vendorCode)) {
    return { kind: "done" };
  }
  return status === 408 || status === 429 || status >= 500 ? { kind: "retry" } : { kind: "done" };
}
