/**
 * The models a handler set serves, by id: the seed fixtures first, then the caller's `models`, a later model
 * replacing an earlier one with the same id. @internal
 */
export function createModelStore<TModel>(
  models: readonly TModel[],
  idOf: (model: TModel) => string | undefined,
  what: string,
): ReadonlyMap<string, TModel> {
  const store = new Map<string, TModel>();
  for (const model of models) {
    const id = idOf(model);
    if (id === undefined || id === "") {
      throw new TypeError(`every ${what} model needs an id`);
    }
    store.set(id, model);
  }
  return store;
}
