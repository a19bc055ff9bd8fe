import {
  type AttemptVerdict,
  asIdString,
  asNonBlankString,
  type CallErrorInput,
  callError,
  isJsonObject,
  type ModelError,
  type ModelErrorCode,
  type SigningDetails,
} from "@cloud-models/core";
import { QIANFAN_MODEL_DETAIL_OPERATION } from "./constants.ts";

/**
 * Qianfan `error_code`s by meaning, from Baidu's error-code reference.
 * @see https://cloud.baidu.com/doc/WENXINWORKSHOP/s/tlmyncueh
 */
const UNAUTHORIZED_CODES: ReadonlySet<number> = new Set([6, 13, 14, 15, 110, 111]);
/** QPS / RPM / TPM limits: worth a retry after a wait. */
const THROTTLED_RETRYABLE_CODES: ReadonlySet<number> = new Set([4, 18, 336501, 336502]);
/** Daily and total quotas: throttled, but a retry now will not help. */
const THROTTLED_FINAL_CODES: ReadonlySet<number> = new Set([17, 19]);
/** Transient service errors. */
const TRANSIENT_CODES: ReadonlySet<number> = new Set([2, 336000, 336100]);
/**
 * BCE IAM error codes of a refused request. Baidu's error table gives some of them HTTP 400, so the code decides,
 * not the status. @see https://cloud.baidu.com/doc/Reference/s/Njwvz1wot
 */
const IAM_UNAUTHORIZED_CODES: ReadonlySet<string> = new Set([
  "SignatureDoesNotMatch",
  "InvalidAccessKeyId",
  "InvalidHTTPAuthHeader",
  "AccessDenied",
  "RequestExpired",
]);
/** Qianfan has no documented not-found code for `modelDetail`: the message says it. */
const NOT_FOUND_MESSAGE = /not\s*(?:exist|found)|does\s*not\s*exist|不存在/i;

/** Turns Qianfan's `{ error_code, error_msg, log_id }` (sent with HTTP 200) into a `ModelError`. @internal */
export function qianfanVendorError(body: Record<string, unknown>, status: number, headers: Headers): ModelError {
  const numeric = typeof body["error_code"] === "number" ? body["error_code"] : Number(body["error_code"]);
  const vendorCode = asIdString(body["error_code"]);
  const vendorMessage = asNonBlankString(body["error_msg"]);
  const requestId = asIdString(body["log_id"]) ?? headers.get("x-bce-request-id") ?? undefined;
  let code: ModelErrorCode = "http";
  if (UNAUTHORIZED_CODES.has(numeric)) {
    code = "unauthorized";
  } else if (THROTTLED_RETRYABLE_CODES.has(numeric) || THROTTLED_FINAL_CODES.has(numeric)) {
    code = "throttled";
  } else if (vendorMessage !== undefined && NOT_FOUND_MESSAGE.test(vendorMessage)) {
    code = "not_found";
  }
  const retryable = THROTTLED_RETRYABLE_CODES.has(numeric) || TRANSIENT_CODES.has(numeric);
  return build({ code, status, vendorCode, vendorMessage, requestId, retryable, headers });
}

/**
 * Turns a non-2xx answer into a `ModelError`. BCE's IAM layer answers auth failures with an empty body and
 * `X-Bce-Error-Code` / `X-Bce-Error-Message` headers; other errors may carry `{ code, message, requestId }` or
 * `{ error_code, error_msg }` JSON. @internal
 */
export function qianfanHttpError(
  status: number,
  body: unknown,
  headers: Headers,
  signing?: SigningDetails,
): ModelError {
  if (isJsonObject(body) && body["error_code"] !== undefined) {
    return qianfanVendorError(body, status, headers);
  }
  const json = isJsonObject(body) ? body : {};
  const vendorCode = headers.get("x-bce-error-code") ?? asNonBlankString(json["code"]);
  const vendorMessage = headers.get("x-bce-error-message") ?? asNonBlankString(json["message"]);
  const requestId = headers.get("x-bce-request-id") ?? asNonBlankString(json["requestId"]);
  let code: ModelErrorCode = "http";
  if ((vendorCode !== undefined && IAM_UNAUTHORIZED_CODES.has(vendorCode)) || status === 401 || status === 403) {
    code = "unauthorized";
  } else if (status === 429) {
    code = "throttled";
  } else if (status === 404) {
    code = "not_found";
  }
  return build({
    code,
    status,
    vendorCode,
    vendorMessage,
    requestId,
    signing: vendorCode === "SignatureDoesNotMatch" ? signing : undefined,
    reason: body === undefined && vendorCode === undefined ? "no error details in the answer" : undefined,
    headers,
  });
}

/** A Qianfan `ModelError`, its message made from its fields. */
function build(input: Omit<CallErrorInput, "provider" | "operation">): ModelError {
  return callError({ ...input, provider: "qianfan", operation: QIANFAN_MODEL_DETAIL_OPERATION });
}

/** BCE IAM codes that mean the request time is outside its window. */
const CLOCK_SKEW_CODES: ReadonlySet<string> = new Set(["RequestExpired", "RequestTimeTooSkewed"]);

/**
 * What the transport should do with a Qianfan answer: re-sign when IAM says the request expired; retry the
 * retryable `error_code`s of a 200 (QPS limits, "try again", service unavailable), a 200 whose body is not whole
 * JSON, and 408, 429 and 5xx; hand anything else back. @internal
 */
export function classifyQianfanAnswer(response: Response, body: string, json: unknown): AttemptVerdict {
  const fields = isJsonObject(json) ? json : {};
  if (response.ok) {
    if (json === undefined && body.trim() !== "") {
      // Cut off or mangled on the way: the next attempt may come out whole.
      return { kind: "retry" };
    }
    const code = readErrorCode(fields["error_code"]);
    return code !== undefined && (THROTTLED_RETRYABLE_CODES.has(code) || TRANSIENT_CODES.has(code))
      ? { kind: "retry" }
      : { kind: "done" };
  }
  const iamCode = response.headers.get("x-bce-error-code") ?? asNonBlankString(fields["code"]);
  if (iamCode !== undefined && CLOCK_SKEW_CODES.has(iamCode)) {
    return { kind: "clock-skew" };
  }
  const { status } = response;
  return status === 408 || status === 429 || status >= 500 ? { kind: "retry" } : { kind: "done" };
}

function readErrorCode(code: unknown): number | undefined {
  return typeof code === "number" ? code : typeof code === "string" && /^\d+$/.test(code) ? Number(code) : undefined;
}
