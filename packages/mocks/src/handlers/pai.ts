import { delay, type HttpHandler, HttpResponse, http } from "msw";
import { NONCE_CACHE_LIMIT, PAI_GET_MODEL_URL, PAI_TIME_WINDOW_MS } from "../constants.ts";
import { paiTestCredentials } from "../credentials.ts";
import { paiFixtures } from "../fixtures.ts";
import { type MockOptions, resolveMockOptions } from "../options.ts";
import { htmlServerError } from "../responses/common.ts";
import {
  paiAuthAnswer,
  paiModelAnswer,
  paiNotFoundAnswer,
  paiThrottledAnswer,
  paiTruncatedAnswer,
} from "../responses/pai.ts";
import { assertScenarioOptions, planScenario } from "../scenarios.ts";
import { acs3StringToSignOf, verifyAcs3 } from "../signature/acs3.ts";
import { createNonceCache } from "../signature/nonce-cache.ts";
import { createModelStore } from "../store.ts";
import type { PaiGetModelBody, PaiPathParams, PaiResponseBody } from "../wire.ts";
import { authFailureOf } from "./auth-scenario.ts";

/** Options of {@link paiHandlers}; `models` are `GetModel` bodies, served by `ModelId`. */
export type PaiMockOptions = MockOptions<PaiGetModelBody>;

/**
 * MSW handlers that answer PAI `GetModel` (`GET https://aiworkspace.<region>.aliyuncs.com/api/v1/models/:ModelId`,
 * any region) as PAI does: the stored model, 404 `InvalidModel.NotFound` for any other id, and the scenarios'
 * failures in Alibaba Cloud's error format. With credentials (by default the fake {@link paiTestCredentials}) each
 * request's ACS3-HMAC-SHA256 signature is recomputed and a missing, wrong, stale or replayed one is refused.
 *
 * Each call makes a fresh set: its own store, nonce memory and call count.
 *
 * @example
 * ```ts
 * import { paiFixtures, paiHandlers } from "@cloud-models/mocks";
 *
 * server.use(
 *   ...paiHandlers({
 *     models: [{ ...paiFixtures.model, ModelId: "model-2" }],
 *     scenarios: { "model-2": { type: "throttled", retryAfterMs: 50 } },
 *   }),
 * );
 * ```
 * @see https://www.alibabacloud.com/help/en/pai/developer-reference/api-aiworkspace-2021-02-04-getmodel
 */
export function paiHandlers(options: PaiMockOptions = {}): HttpHandler[] {
  const { credentials, now } = resolveMockOptions(options, paiTestCredentials, "PAI");
  assertScenarioOptions(options);
  const store = createModelStore([paiFixtures.model, ...(options.models ?? [])], (model) => model.ModelId, "PAI");
  const nonces = createNonceCache(NONCE_CACHE_LIMIT, PAI_TIME_WINDOW_MS);
  let calls = 0;

  return [
    http.get<PaiPathParams, never, PaiResponseBody>(PAI_GET_MODEL_URL, async ({ request, params }) => {
      calls += 1;
      const id = params.ModelId;
      const plan = planScenario(options, { provider: "pai", id, call: calls, request: request.clone() });
      if (plan.delayMs > 0) {
        await delay(plan.delayMs);
      }
      const { answer } = plan;
      const context = { url: new URL(request.url), now: now() };

      // A broken connection or gateway answers before anything looks at the signature.
      if (answer?.type === "network-error") {
        return HttpResponse.error();
      }
      if (answer?.type === "server-error") {
        return htmlServerError(answer.status, context.now);
      }

      const simulated = authFailureOf(answer);
      if (simulated !== undefined) {
        const failure =
          simulated.kind === "signature-mismatch"
            ? { ...simulated, stringToSign: await acs3StringToSignOf(request) }
            : simulated;
        return paiAuthAnswer(failure, context);
      }
      if (credentials !== undefined) {
        const failure = await verifyAcs3(request, { credentials, now: context.now, nonces });
        if (failure !== undefined) {
          return paiAuthAnswer(failure, context);
        }
      }

      if (answer?.type === "throttled") {
        return paiThrottledAnswer(answer.retryAfterMs, context);
      }
      const model = answer?.type === "not-found" ? undefined : store.get(id);
      if (model === undefined) {
        return paiNotFoundAnswer(context);
      }
      return answer?.type === "truncated" ? paiTruncatedAnswer(model, context) : paiModelAnswer(model, context);
    }),
  ];
}
