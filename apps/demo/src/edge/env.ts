// Thin adapters from each runtime's environment to the one plain object the edge function reads. The handler itself
// never touches `process`, `Deno` or a Workers binding: it is given an EdgeEnv.

/**
 * Environment variables by name. Values that are not strings (a Workers KV or D1 binding, say) are ignored by the
 * readers.
 */
export type EdgeEnv = Readonly<Record<string, unknown>>;

/** The part of `Deno` the adapter uses (`Deno.env.toObject()` needs `--allow-env`). */
export interface DenoLike {
  readonly env: { toObject(): Record<string, string> };
}

/** The part of Node's (or Bun's) `process` the adapter uses. */
export interface ProcessLike {
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * A Cloudflare Workers `env` binding (the second argument of `fetch(request, env, ctx)`): vars and secrets set with
 * `wrangler secret put` appear on it as strings.
 *
 * @example
 * ```ts
 * export default { fetch: (request: Request, env: unknown) => createEdgeHandler({ env: envFromWorkers(env) })(request) };
 * ```
 */
export function envFromWorkers(bindings: unknown): EdgeEnv {
  return typeof bindings === "object" && bindings !== null ? (bindings as EdgeEnv) : {};
}

/**
 * Deno's environment, read once.
 *
 * @example
 * ```ts
 * Deno.serve(createEdgeHandler({ env: envFromDeno(Deno) }));
 * ```
 */
export function envFromDeno(deno: DenoLike): EdgeEnv {
  return deno.env.toObject();
}

/**
 * Node's (or Bun's) `process.env`.
 *
 * @example
 * ```ts
 * const handler = createEdgeHandler({ env: envFromProcess(process) });
 * ```
 */
export function envFromProcess(process: ProcessLike): EdgeEnv {
  return process.env;
}

type RuntimeGlobals = { Deno?: DenoLike; Bun?: unknown; process?: ProcessLike };

/** Where the module's default export finds its environment. */
export type EnvSource =
  /** A Workers binding: one per deployment, passed with every request. */
  | { readonly kind: "binding"; readonly bindings: object }
  /** The process's own environment (Deno, Node, Bun, Vercel): read once. */
  | { readonly kind: "process"; read(): EdgeEnv };

/**
 * The environment of whatever runtime this is, for the module's default export: Deno's `Deno.env` (under
 * `deno serve`, whose second `fetch` argument is connection info, not an env); under Bun, `process.env` (Bun's
 * second argument is its server); else the Workers binding when one is passed; else `process.env` (Node, Vercel);
 * else nothing.
 */
export function detectEnv(bindings?: unknown): EnvSource {
  const runtime = globalThis as RuntimeGlobals;
  const deno = runtime.Deno;
  if (deno?.env !== undefined) {
    return { kind: "process", read: () => envFromDeno(deno) };
  }
  if (runtime.Bun === undefined && typeof bindings === "object" && bindings !== null) {
    return { kind: "binding", bindings };
  }
  const process = runtime.process;
  if (process?.env !== undefined) {
    return { kind: "process", read: () => envFromProcess(process) };
  }
  return { kind: "process", read: () => ({}) };
}
