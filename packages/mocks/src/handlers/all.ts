import type { HttpHandler } from "msw";
import { type PaiMockOptions, paiHandlers } from "./pai.ts";
import { type QianfanMockOptions, qianfanHandlers } from "./qianfan.ts";

/** Options of {@link createHandlers}: each cloud's own. */
export interface MockHandlersOptions {
  readonly pai?: PaiMockOptions | undefined;
  readonly qianfan?: QianfanMockOptions | undefined;
}

/**
 * A fresh set of handlers for both clouds.
 *
 * @example
 * ```ts
 * const unsigned = createHandlers({ pai: { credentials: false }, qianfan: { credentials: false } });
 * ```
 */
export function createHandlers(options: MockHandlersOptions = {}): HttpHandler[] {
  return [...paiHandlers(options.pai), ...qianfanHandlers(options.qianfan)];
}

/**
 * The handlers of both clouds with their defaults: the seed models, signature checking with the fake test
 * credentials, no scenario. `@cloud-models/mocks/node`'s `server` and `/browser`'s `worker` are made from these.
 *
 * @example
 * ```ts
 * import { handlers } from "@cloud-models/mocks";
 * import { setupServer } from "msw/node";
 *
 * const server = setupServer(...handlers);
 * ```
 */
export const handlers: HttpHandler[] = createHandlers();
