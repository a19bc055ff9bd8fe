import { delay, type HttpHandler, HttpResponse, http } from "msw";
import { QIANFAN_MODEL_DETAIL_URL } from "../constants.ts";
import { qianfanTestCredentials } from "../credentials.ts";
import { qianfanFixtures } from "../fixtures.ts";
import { type MockOptions, resolveMockOptions } from "../options.ts";
import { htmlServerError } from "../responses/common.ts";
import {
  qianfanAuthAnswer,
  qianfanModelAnswer,
  qianfanNotFoundAnswer,
  qianfanParamInvalidAnswer,
  qianfanThrottledAnswer,
  qianfanTruncatedAnswer,
} from "../responses/qianfan.ts";
import { assertScenarioOptions, planScenario } from "../scenarios.ts";
import { verifyBceV1 } from "../signature/bce-v1.ts";
import { createModelStore } from "../store.ts";
import type { QianfanModelDetailBody, QianfanModelDetailRequestBody, QianfanResponseBody } from "../wire.ts";
import { authFailureOf } from "./auth-scenario.ts";

/** Options of {@link qianfanHandlers}; `models` are `modelDetail` bodies, served by `result.modelIdStr`. */
export type QianfanMockOptions = MockOptions<QianfanModelDetailBody>;

/**
 * MSW handlers that answer Qianfan `modelDetail` (`POST https://qianfan.baidubce.com/wenxinworkshop/modelrepo/modelDetail`)
 * as Qianfan does: the stored model for `{ "modelId": "am-…" }` (or the numeric id), HTTP 200 with `error_code` for
 * an unknown id, a bad body or throttling, and BCE IAM refusals (4xx, empty body, `X-Bce-Error-*` headers). With
 * credentials (by default the fake {@link qianfanTestCredentials}) each request's bce-auth-v1 signature is
 * recomputed and a missing, wrong or expired one is refused.
 *
 * @example
 * ```ts
 * import { qianfanFixtures, qianfanHandlers } from "@cloud-models/mocks";
 *
 * server.use(...qianfanHandlers({ models: [qianfanFixtures.sdkModel], scenario: "truncated" }));
 * ```
 * @see https://cloud.baidu.com/doc/WENXINWORKSHOP/s/Mlnv9hc7d
 */
export function qianfanHandlers(options: QianfanMockOptions = {}): HttpHandler[] {
  const { credentials, now } = resolveMockOptions(options, qianfanTestCredentials, "Qianfan");
  assertScenarioOptions(options);
  const store = createModelStore([qianfanFixtures.model, ...(options.models ?? [])], qianfanIdOf, "Qianfan");
  let calls = 0;

  return [
    http.post<Record<string, never>, QianfanModelDetailRequestBody, QianfanResponseBody>(
      QIANFAN_MODEL_DETAIL_URL,
      async ({ request }) => {
        calls += 1;
        const requested = await readModelId(request);
        const id = requested === undefined ? undefined : String(requested);
        const plan = planScenario(options, { provider: "qianfan", id, call: calls, request: request.clone() });
        if (plan.delayMs > 0) {
          await delay(plan.delayMs);
        }
        const { answer } = plan;
        const at = now();

        // A broken connection or gateway answers before IAM looks at the signature.
        if (answer?.type === "network-error") {
          return HttpResponse.error();
        }
        if (answer?.type === "server-error") {
          return htmlServerError(answer.status, at);
        }

        const failure =
          authFailureOf(answer) ??
          (credentials === undefined ? undefined : await verifyBceV1(request, { credentials, now: at }));
        if (failure !== undefined) {
          return qianfanAuthAnswer(failure, at);
        }

        if (answer?.type === "throttled") {
          return qianfanThrottledAnswer(at);
        }
        if (id === undefined) {
          return qianfanParamInvalidAnswer(at);
        }
        const model = answer?.type === "not-found" ? undefined : findModel(store, id);
        if (model === undefined) {
          return qianfanNotFoundAnswer(at);
        }
        return answer?.type === "truncated" ? qianfanTruncatedAnswer(model, at) : qianfanModelAnswer(model, at);
      },
    ),
  ];
}

function qianfanIdOf(model: QianfanModelDetailBody): string | undefined {
  const { modelIdStr, modelId } = model.result;
  return modelIdStr ?? (modelId === undefined ? undefined : String(modelId));
}

/** A model by its string id, or by its deprecated numeric id (sent as a number or a string). */
function findModel(store: ReadonlyMap<string, QianfanModelDetailBody>, id: string): QianfanModelDetailBody | undefined {
  return store.get(id) ?? [...store.values()].find((model) => String(model.result.modelId) === id);
}

/** The `modelId` of the request body: a non-blank string or a finite number; `undefined` for anything else. */
async function readModelId(request: Request): Promise<string | number | undefined> {
  let body: unknown;
  try {
    body = JSON.parse(await request.clone().text());
  } catch {
    return undefined;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return undefined;
  }
  const { modelId } = body as Partial<Record<keyof QianfanModelDetailRequestBody, unknown>>;
  if (typeof modelId === "string") {
    return modelId.trim() === "" ? undefined : modelId;
  }
  return typeof modelId === "number" && Number.isFinite(modelId) ? modelId : undefined;
}
