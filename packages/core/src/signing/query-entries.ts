import type { QueryInput } from "./types.ts";

/** The name/value pairs of a query given as an object or as pairs (e.g. a `URLSearchParams`). @internal */
export function toQueryEntries(query: QueryInput): (readonly [string, string])[] {
  return isIterable(query) ? Array.from(query) : Object.entries(query);
}

function isIterable(query: QueryInput): query is Iterable<readonly [string, string]> {
  return typeof (query as Partial<Iterable<unknown>>)[Symbol.iterator] === "function";
}

/** Orders strings by UTF-16 code units, as `Array.prototype.sort` does by default (and both official signers). @internal */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
