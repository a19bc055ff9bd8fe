// Qianfan alone: one modelDetail through the provider (normalised Model, ModelError, retries, bce-auth-v1 signing).
import { qianfanProvider } from "@cloud-models/qianfan";

export function getModel(id, credentials) {
  return qianfanProvider({ credentials }).getModel(id);
}
