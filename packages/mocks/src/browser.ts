// @cloud-models/mocks/browser: MSW's Service Worker interception (`msw/browser`), ready to start.
import { type SetupWorker, setupWorker } from "msw/browser";
import { createHandlers, handlers, type MockHandlersOptions } from "./handlers/all.ts";

/**
 * An MSW worker answering both clouds with the default {@link handlers}. Serve `mockServiceWorker.js` first
 * (`npx msw init public`), then `await worker.start()` before the app's first request.
 *
 * @example
 * ```ts
 * if (import.meta.env.DEV) {
 *   const { worker } = await import("@cloud-models/mocks/browser");
 *   await worker.start({ onUnhandledFrame: "bypass" });
 * }
 * ```
 * @see https://mswjs.io/docs/api/setup-worker
 */
export const worker: SetupWorker = setupWorker(...handlers);

/**
 * A new MSW worker answering both clouds, with options for each.
 *
 * @example
 * ```ts
 * const worker = createWorker({ pai: { scenario: "slow", delayMs: 1500 } });
 * await worker.start();
 * ```
 */
export function createWorker(options?: MockHandlersOptions): SetupWorker {
  return setupWorker(...createHandlers(options));
}
