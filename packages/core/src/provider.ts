import type { Model } from "./model.ts";

/** Per-call options of `getModel`. */
export interface GetModelOptions {
  /** Cancels the call (every attempt of it). */
  readonly signal?: AbortSignal | undefined;
}

/**
 * What a cloud plugs into a registry: `paiProvider(…)` and `qianfanProvider(…)` return one.
 *
 * `getModel` validates the id before any request, and throws `ModelError` on every failure.
 */
export interface ModelProvider<TModel extends Model = Model> {
  readonly name: TModel["provider"];
  getModel(id: string, options?: GetModelOptions): Promise<TModel>;
}
