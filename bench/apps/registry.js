// The budgeted app: one registry over both clouds, as an app ships it (normalisation, errors, retries, signing).
import { createModelRegistry } from "@cloud-models/core";
import { paiProvider } from "@cloud-models/pai";
import { qianfanProvider } from "@cloud-models/qianfan";

export function getModel(ref, credentials) {
  const registry = createModelRegistry({
    providers: [paiProvider({ credentials: credentials.pai }), qianfanProvider({ credentials: credentials.qianfan })],
  });
  return registry.getModel(ref);
}
