// PAI's answers: the model, and Alibaba Cloud's error body `{ RequestId, HostId, Code, Message, Recommend }` with
// the request id in `x-acs-request-id` too.
import { HttpResponse } from "msw";
import { PAI_RAM_ACTION } from "../constants.ts";
import { paiFixtures } from "../fixtures.ts";
import type { AuthFailure } from "../signature/auth-failure.ts";
import type { PaiClientErrorBody, PaiGetModelBody } from "../wire.ts";
import { baseHeaders, createPaiRequestId, truncatedJson } from "./common.ts";

/** What every PAI answer is built from. @internal */
export interface PaiAnswerContext {
  readonly url: URL;
  readonly now: Date;
}

/** The `GetModel` answer for a model: its body as stored, `x-acs-request-id` its `RequestId`. @internal */
export function paiModelAnswer(model: PaiGetModelBody, context: PaiAnswerContext): HttpResponse<PaiGetModelBody> {
  return HttpResponse.json(model, { headers: baseHeaders(context.now, { "x-acs-request-id": model.RequestId }) });
}

/** The model's body cut off half-way. @internal */
export function paiTruncatedAnswer(model: PaiGetModelBody, context: PaiAnswerContext): Response {
  return truncatedJson(model, context.now, { "x-acs-request-id": model.RequestId });
}

/** 404 `InvalidModel.NotFound`: the seed's not-found body with a fresh `RequestId` and this host. @internal */
export function paiNotFoundAnswer(context: PaiAnswerContext): HttpResponse<PaiClientErrorBody> {
  const { Code, Message } = paiFixtures.notFound;
  return paiError(404, Code, Message, context);
}

/** 429 `Throttling.User`, with the wait in `x-acs-retry-after` (milliseconds). @internal */
export function paiThrottledAnswer(retryAfterMs: number, context: PaiAnswerContext): HttpResponse<PaiClientErrorBody> {
  return paiError(429, "Throttling.User", "Request was denied due to user flow control.", context, {
    "x-acs-retry-after": String(Math.max(0, Math.round(retryAfterMs))),
  });
}

/**
 * PAI's answer to a request its gateway refuses: the signature, the key, the time, the nonce or the permission.
 * @internal
 */
export function paiAuthAnswer(failure: AuthFailure, context: PaiAnswerContext): HttpResponse<PaiClientErrorBody> {
  switch (failure.kind) {
    case "missing":
      return paiError(400, "IncompleteSignature", incomplete("the request has no Authorization header"), context);
    case "malformed":
      return paiError(400, "IncompleteSignature", incomplete(failure.detail), context);
    case "unsigned-headers":
      return paiError(
        400,
        "IncompleteSignature",
        incomplete(
          `SignedHeaders leaves out ${failure.names.join(", ")} (host, content-type and x-acs-* must be signed)`,
        ),
        context,
      );
    case "unknown-key":
      return paiError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.", context);
    case "signature-mismatch": {
      // Alibaba Cloud shows the string to sign it computed, so a client can compare it with its own.
      const shown = failure.stringToSign === undefined ? "" : ` server string to sign is:${failure.stringToSign}`;
      const detail = failure.detail === undefined ? "" : ` (${failure.detail})`;
      return paiError(
        400,
        "SignatureDoesNotMatch",
        `Specified signature is not matched with our calculation.${shown}${detail}`,
        context,
      );
    }
    case "expired":
      return paiError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.", context);
    case "bad-timestamp":
      return paiError(
        400,
        "InvalidTimeStamp.Format",
        "Specified time stamp or date value is not well formatted.",
        context,
      );
    case "nonce-used":
      return paiError(400, "SignatureNonceUsed", "Specified signature nonce was used already.", context);
    case "access-denied":
      return paiAccessDenied(context);
  }
}

/**
 * 403 `Forbidden.RAM`, as a RAM identity without `paimodel:GetModel` gets it: the message names the action, and
 * `AccessDeniedDetail` (an element Alibaba Cloud adds to RAM denials, beyond the spec's error body) says more.
 */
function paiAccessDenied(context: PaiAnswerContext): HttpResponse<PaiClientErrorBody> {
  return paiError(
    403,
    "Forbidden.RAM",
    `User not authorized to operate on the specified resource, or this API doesn't support RAM. Action: ${PAI_RAM_ACTION}`,
    context,
    {},
    {
      AccessDeniedDetail: {
        AuthAction: PAI_RAM_ACTION,
        AuthResource: "*",
        AuthPrincipalType: "SubUser",
        NoPermissionType: "ImplicitDeny",
        PolicyType: "AccountLevelIdentityBasedPolicy",
      },
    },
  );
}

function incomplete(detail: string): string {
  return `The request signature does not conform to Aliyun standards: ${detail}.`;
}

/** An Alibaba Cloud error answer with a fresh request id, in the body and in `x-acs-request-id`. */
function paiError(
  status: number,
  code: string,
  message: string,
  context: PaiAnswerContext,
  headers: Readonly<Record<string, string>> = {},
  extra: Readonly<Record<string, unknown>> = {},
): HttpResponse<PaiClientErrorBody> {
  const requestId = createPaiRequestId();
  const body: PaiClientErrorBody = {
    RequestId: requestId,
    HostId: context.url.host,
    Code: code,
    Message: message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=AIWorkSpace&requestId=${requestId}`,
  };
  return HttpResponse.json<PaiClientErrorBody>(
    { ...extra, ...body },
    { status, headers: baseHeaders(context.now, { ...headers, "x-acs-request-id": requestId }) },
  );
}
