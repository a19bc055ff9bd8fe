// The edge function as a deployable module: `export default { fetch }`, the shape Cloudflare Workers, `deno serve`
// and Bun all run. It has no other export on purpose: workerd takes every export of the main module for an
// entrypoint and refuses to start on anything that is not a handler (a constant, say).
//
//   wrangler deploy src/edge/entry.ts --name cloud-models-edge --compatibility-date 2026-08-01
//   deno serve --allow-net --allow-env src/edge/entry.ts
import { detectEnv, type EdgeEnv } from "./env.ts";
import { createEdgeHandler, type EdgeHandler } from "./handler.ts";

const processWide: { handler?: EdgeHandler } = {};
const perBinding = new WeakMap<object, EdgeHandler>();

/**
 * `fetch(request, env)`: the environment is the Workers `env` binding, else `Deno.env`, else `process.env` (see
 * `detectEnv`). The handler, and its providers, are made once per environment, not per request.
 */
const edge: { fetch(request: Request, bindings?: unknown): Promise<Response> } = {
  fetch(request, bindings) {
    const source = detectEnv(bindings);
    if (source.kind === "binding") {
      let handler = perBinding.get(source.bindings);
      if (handler === undefined) {
        handler = createEdgeHandler({ env: source.bindings as EdgeEnv });
        perBinding.set(source.bindings, handler);
      }
      return handler(request);
    }
    processWide.handler ??= createEdgeHandler({ env: source.read() });
    return processWide.handler(request);
  },
};

export default edge;
