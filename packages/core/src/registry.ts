import { ModelError, type Provider } from "./errors.ts";
import type { Model, ModelRef } from "./model.ts";
import type { GetModelOptions, ModelProvider } from "./provider.ts";

/** The model type a provider returns. */
export type ModelOf<TProvider> = TProvider extends ModelProvider<infer TModel> ? TModel : never;

/** Options of {@link createModelRegistry}. */
export interface ModelRegistryOptions<TProviders extends readonly ModelProvider<Model>[]> {
  /** The clouds to serve, at most one per provider name. */
  readonly providers: TProviders;
}

/** Looks models up across the configured clouds. */
export interface ModelRegistry<TModel extends Model = Model> {
  /** The provider names this registry serves. */
  readonly providers: readonly Provider[];
  /**
   * Fetches one model by ref: `"pai:<id>"` / `"qianfan:<id>"` (the id is everything after the first `:`), or
   * `{ provider, id }`.
   *
   * @throws ModelError `invalid_argument` for a malformed ref, `unknown_provider` for a provider not configured,
   * and whatever the provider throws.
   */
  getModel(ref: string | ModelRef, options?: GetModelOptions): Promise<TModel>;
}

/**
 * Makes a registry over the given providers.
 *
 * @example
 * ```ts
 * const registry = createModelRegistry({
 *   providers: [paiProvider({ credentials: pai }), qianfanProvider({ credentials: qianfan })],
 * });
 * const model = await registry.getModel("qianfan:am-txtetnsfq9sb");
 * if (model.provider === "qianfan") console.log(model.raw.trainType);
 * ```
 */
export function createModelRegistry<const TProviders extends readonly ModelProvider<Model>[]>(
  options: ModelRegistryOptions<TProviders>,
): ModelRegistry<ModelOf<TProviders[number]>> {
  const byName = new Map<string, ModelProvider<Model>>();
  for (const provider of options.providers) {
    if (byName.has(provider.name)) {
      throw new ModelError(`createModelRegistry: provider "${provider.name}" is given twice`, {
        code: "invalid_argument",
        provider: provider.name,
      });
    }
    byName.set(provider.name, provider);
  }
  return {
    providers: [...byName.keys()] as Provider[],
    async getModel(ref, getOptions) {
      const { provider, id } = parseRef(ref);
      const target = byName.get(provider);
      if (!target) {
        const known = [...byName.keys()].join(", ") || "none";
        throw new ModelError(`no provider "${provider}" in this registry (configured: ${known})`, {
          code: "unknown_provider",
        });
      }
      return (await target.getModel(id, getOptions)) as ModelOf<TProviders[number]>;
    },
  };
}

/**
 * Splits a model ref into provider and id, without checking that the provider exists.
 *
 * @throws ModelError `invalid_argument` when the ref is neither `"<provider>:<id>"` nor `{ provider, id }`.
 */
export function parseRef(ref: unknown): { provider: string; id: string } {
  if (typeof ref === "string") {
    const colon = ref.indexOf(":");
    if (colon > 0) {
      return { provider: ref.slice(0, colon), id: ref.slice(colon + 1) };
    }
    throw new ModelError(`invalid model ref ${JSON.stringify(ref)}: expected "<provider>:<id>", e.g. "pai:model-x"`, {
      code: "invalid_argument",
    });
  }
  if (typeof ref === "object" && ref !== null) {
    const { provider, id } = ref as Record<string, unknown>;
    if (typeof provider === "string" && provider !== "" && typeof id === "string") {
      return { provider, id };
    }
  }
  throw new ModelError("invalid model ref: expected a string or { provider, id }", { code: "invalid_argument" });
}
