import type { Provider } from "@cloud-models/core";
import { paiFixtures, qianfanFixtures } from "@cloud-models/mocks";

/**
 * The ids of the models the mocks serve by default (the seed examples of the two API references): what the demo
 * shows when it is given none.
 */
export const SEED_IDS: Readonly<Record<Provider, string>> = {
  pai: paiFixtures.model.ModelId,
  qianfan: qianfanFixtures.model.result.modelIdStr ?? String(qianfanFixtures.model.result.modelId),
};

/** The seed models' names, as the table and the web page show them. */
export const SEED_NAMES: Readonly<Record<Provider, string>> = {
  pai: paiFixtures.model.ModelName ?? SEED_IDS.pai,
  qianfan: qianfanFixtures.model.result.modelName ?? SEED_IDS.qianfan,
};
