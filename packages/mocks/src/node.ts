// @cloud-models/mocks/node: MSW's Node interception (`msw/node`), ready to listen.
import { type SetupServer, setupServer } from "msw/node";
import { createHandlers, handlers, type MockHandlersOptions } from "./handlers/all.ts";

/**
 * An MSW server answering both clouds with the default {@link handlers}. Start it once per test file; add
 * per-test handlers with `server.use(...)` and drop them with `server.resetHandlers()`.
 *
 * @example
 * ```ts
 * import { server } from "@cloud-models/mocks/node";
 * import { afterAll, afterEach, beforeAll } from "vitest";
 *
 * beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
 * afterEach(() => server.resetHandlers());
 * afterAll(() => server.close());
 * ```
 * @see https://mswjs.io/docs/api/setup-server
 */
export const server: SetupServer = setupServer(...handlers);

/**
 * A new MSW server answering both clouds, with options for each (e.g. signature checking off).
 *
 * @example
 * ```ts
 * const server = createServer({ pai: { credentials: false }, qianfan: { credentials: false } });
 * ```
 */
export function createServer(options?: MockHandlersOptions): SetupServer {
  return setupServer(...createHandlers(options));
}
