// PAI alone: one GetModel through the provider (normalised Model, ModelError, retries, ACS3 signing).
import { paiProvider } from "@cloud-models/pai";

export function getModel(id, credentials) {
  return paiProvider({ credentials }).getModel(id);
}
