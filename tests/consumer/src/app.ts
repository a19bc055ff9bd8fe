// The public API of the four packages as an npm user writes it, against nothing but what the tarballs ship.
// Runtime-neutral (no Node globals): scripts/release-dry-run.sh type-checks it under `moduleResolution` NodeNext and
// Bundler, and `run.ts` runs it on Node. The `@ts-expect-error` lines fail the check if a public type goes `any`.
import {
  createModelRegistry,
  type FetchLike,
  type Model,
  ModelError,
  type ModelErrorCode,
  type ModelRegistry,
  type RetryOptions,
} from "@cloud-models/core";
import {
  createHandlers,
  paiFixtures,
  paiHandlers,
  paiTestCredentials,
  qianfanFixtures,
  qianfanHandlers,
  qianfanTestCredentials,
  type Scenario,
} from "@cloud-models/mocks";
import { type PaiGetModelResponse, type PaiModel, paiProvider } from "@cloud-models/pai";
import { paiFixtures as paiSeed } from "@cloud-models/pai/fixtures";
import { type QianfanModel, type QianfanModelDetailResponse, qianfanProvider } from "@cloud-models/qianfan";
import { qianfanFixtures as qianfanSeed } from "@cloud-models/qianfan/fixtures";
import type { HttpHandler } from "msw";

/** A model from either cloud, `raw` typed per cloud. */
export type CloudModel = PaiModel | QianfanModel;

/** The seed models the mocks serve, by the ids the API references show. */
export const SEEDS = {
  pai: { id: "model-rbvg5wzljz****ks92", name: "情感分析" },
  qianfan: { id: "am-txtetnsfq9sb", name: "chatglm32k_v10" },
} as const;

/** The PAI id the READMEs use (the root README's too); {@link readmeModelHandlers} serves it. */
export const PAI_README_ID = "model-rbvg5wzljzjhc9ks92";

/** PAI handlers that also serve {@link PAI_README_ID}; put them before the defaults. */
export function readmeModelHandlers(): HttpHandler[] {
  const readmeModel: PaiGetModelResponse = { ...paiFixtures.model, ModelId: PAI_README_ID };
  return paiHandlers({ models: [readmeModel] });
}

/** One registry over both clouds, signing with the mocks' fake test credentials. */
export function createRegistry(fetch?: FetchLike): ModelRegistry<CloudModel> {
  const retry: RetryOptions = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 };
  const transport = fetch ? { retry, fetch } : { retry };
  return createModelRegistry({
    providers: [
      paiProvider({ credentials: paiTestCredentials, region: "cn-shanghai", ...transport }),
      qianfanProvider({ credentials: qianfanTestCredentials, timeoutMs: 5_000, ...transport }),
    ],
  });
}

/** The vendor's own id from `raw`, read after narrowing on `provider`. */
export function vendorId(model: CloudModel): string {
  switch (model.provider) {
    case "pai":
      return model.raw.ModelId;
    case "qianfan":
      return model.raw.result.modelIdStr ?? String(model.raw.result.modelId);
  }
}

/** A one-line account of a failure: the `ModelError` fields a caller switches on, or `undefined` for anything else. */
export function describeError(error: unknown): { code: ModelErrorCode; line: string } | undefined {
  if (!ModelError.isInstance(error)) {
    return undefined;
  }
  const status: number | undefined = error.status;
  const vendorCode: string | undefined = error.vendorCode;
  const line = `${error.provider ?? "-"} ${error.code} ${status ?? "-"} ${vendorCode ?? "-"} retryable=${error.retryable}`;
  return { code: error.code, line };
}

/** True when the mocks' fixtures are the providers' own objects (one copy of each package installed). */
export function fixturesShared(): boolean {
  return paiFixtures === paiSeed && qianfanFixtures === qianfanSeed;
}

/** Handlers with scenarios, typed by the mocks' options. */
export function scenarioHandlers(): HttpHandler[] {
  const slow: Scenario = { type: "slow", ms: 5, answer: "not-found" };
  const unsigned = createHandlers({ pai: { credentials: false }, qianfan: { credentials: false } });
  return [
    ...unsigned,
    ...paiHandlers({ scenarios: { "model-slow": slow }, delayMs: 5 }),
    ...qianfanHandlers({ scenario: ({ call }) => (call === 1 ? "network-error" : undefined) }),
  ];
}

/** Compile-time checks of the public types; never called. */
export function typeChecks(model: CloudModel, registry: ModelRegistry<CloudModel>, error: unknown): void {
  const provider: "pai" | "qianfan" = model.provider;
  const base: Model = model;
  // @ts-expect-error `raw` is a union until `provider` is checked
  const unnarrowed: string = model.raw.ModelId;
  if (model.provider === "pai") {
    // @ts-expect-error a PAI payload has no Qianfan `result`
    const wrongCloud: unknown = model.raw.result;
    const version: string | undefined = model.versions[0]?.raw.VersionName;
    void [wrongCloud, version];
  }
  // @ts-expect-error a ref needs a known provider
  void registry.getModel({ provider: "openai", id: "gpt" });
  // @ts-expect-error credentials are required
  paiProvider({ region: "cn-hangzhou" });
  // @ts-expect-error `code` is a closed union
  const bogus: ModelErrorCode = "nope";
  if (ModelError.isInstance(error)) {
    const json: { code: ModelErrorCode; retryable: boolean } = error.toJSON();
    void json;
  }
  const fixtures: [PaiGetModelResponse, QianfanModelDetailResponse] = [paiSeed.model, qianfanSeed.model];
  void [provider, base, unnarrowed, bogus, fixtures];
}
