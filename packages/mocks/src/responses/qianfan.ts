// Qianfan's answers: business results and errors with HTTP 200 (`{ log_id, result }` / `{ error_code, error_msg,
// log_id }`), and the BCE IAM gateway's refusals: 4xx, an empty body, the error in `X-Bce-Error-*` headers.
import { HttpResponse } from "msw";
import { QIANFAN_NOT_FOUND_CODE } from "../constants.ts";
import { qianfanFixtures } from "../fixtures.ts";
import type { AuthFailure } from "../signature/auth-failure.ts";
import type { QianfanErrorBody, QianfanIamErrorHeaders, QianfanModelDetailBody } from "../wire.ts";
import { baseHeaders, createBceRequestId, createQianfanLogId, truncatedJson } from "./common.ts";

/** The model's answer, as stored. @internal */
export function qianfanModelAnswer(model: QianfanModelDetailBody, now: Date): HttpResponse<QianfanModelDetailBody> {
  return HttpResponse.json(model, { headers: baseHeaders(now, { "x-bce-request-id": createBceRequestId() }) });
}

/** The model's body cut off half-way. @internal */
export function qianfanTruncatedAnswer(model: QianfanModelDetailBody, now: Date): Response {
  return truncatedJson(model, now, { "x-bce-request-id": createBceRequestId() });
}

/** HTTP 200 `error_code` 336001 `model not exist`. @internal */
export function qianfanNotFoundAnswer(now: Date): HttpResponse<QianfanErrorBody> {
  return qianfanError({ error_code: QIANFAN_NOT_FOUND_CODE, error_msg: "model not exist" }, now);
}

/** HTTP 200 `error_code` 18: the QPS limit. @internal */
export function qianfanThrottledAnswer(now: Date): HttpResponse<QianfanErrorBody> {
  return qianfanError({ error_code: 18, error_msg: "Open api qps request limit reached" }, now);
}

/** The seed's `param invalid` error, for a body without a usable `modelId`. @internal */
export function qianfanParamInvalidAnswer(now: Date): HttpResponse<QianfanErrorBody> {
  return qianfanError(qianfanFixtures.paramInvalid, now);
}

/**
 * The BCE IAM gateway's refusal: an empty body, the code and message in `X-Bce-Error-Code` / `X-Bce-Error-Message`,
 * the request id in `X-Bce-Request-Id`. Statuses follow the spec: 401 for a signature or key the gateway cannot
 * accept, 403 for a request outside its validity period or a key without the permission. @internal
 */
export function qianfanAuthAnswer(failure: AuthFailure, now: Date): Response {
  switch (failure.kind) {
    case "missing":
    case "malformed":
    case "bad-timestamp":
      return iamError(
        401,
        "InvalidHTTPAuthHeader",
        "The HTTP authorization header is invalid. Consult the service documentation for details.",
        now,
      );
    case "unknown-key":
      return iamError(401, "InvalidAccessKeyId", "The Access Key ID you provided does not exist in our records.", now);
    case "unsigned-headers":
    case "signature-mismatch":
    case "nonce-used":
      return iamError(
        401,
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided. Check your Secret Access Key and signing method. Consult the service documentation for details.",
        now,
      );
    case "expired":
      return iamError(
        403,
        "RequestExpired",
        `Request has expired. Timestamp date is ${failure.timestamp ?? now.toISOString()}.`,
        now,
      );
    case "access-denied":
      return iamError(403, "AccessDenied", "Access denied.", now);
  }
}

function iamError(status: number, code: string, message: string, now: Date): Response {
  const iam: QianfanIamErrorHeaders = { "X-Bce-Error-Code": code, "X-Bce-Error-Message": message };
  return new Response(null, {
    status,
    headers: baseHeaders(now, { ...iam, "X-Bce-Request-Id": createBceRequestId() }),
  });
}

function qianfanError(error: QianfanErrorBody, now: Date): HttpResponse<QianfanErrorBody> {
  const logId = error.log_id ?? createQianfanLogId();
  return HttpResponse.json<QianfanErrorBody>(
    { ...error, log_id: logId },
    { headers: baseHeaders(now, { "x-bce-request-id": createBceRequestId() }) },
  );
}
