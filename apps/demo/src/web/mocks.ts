// The edge function and both clouds, inside the browser, for `pnpm demo:web` and the Chromium test: MSW's service
// worker answers `/api/*` by running the REAL edge handler here, whose signed calls to the clouds' real URLs the
// same worker answers with @cloud-models/mocks' handlers (which check every signature). The page therefore runs the
// exact code path it would against a deployed edge function; only the network is simulated.
//
// The keys below are the mocks' fake test credentials, which open nothing. Real keys never belong in a browser.
import { ENV_NAMES } from "@cloud-models/core";
import { paiTestCredentials, qianfanTestCredentials } from "@cloud-models/mocks";
import { worker } from "@cloud-models/mocks/browser";
import { http } from "msw";
import { createEdgeHandler } from "../edge/handler.ts";

const edge = createEdgeHandler({
  env: {
    [ENV_NAMES.pai.accessKeyId]: paiTestCredentials.accessKeyId,
    [ENV_NAMES.pai.accessKeySecret]: paiTestCredentials.accessKeySecret,
    [ENV_NAMES.qianfan.accessKeyId]: qianfanTestCredentials.accessKeyId,
    [ENV_NAMES.qianfan.accessKeySecret]: qianfanTestCredentials.accessKeySecret,
  },
});

// @cloud-models/mocks/browser's worker answers both clouds; the edge function on this origin's `/api/*` goes in front.
worker.use(http.all("/api/*", ({ request }) => edge(request)));

export { worker };

/** Registers MSW's service worker and waits until it controls the page. */
export async function startMocks(): Promise<void> {
  await worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    // The page's own files come from the dev server; only the API and the clouds are mocked.
    onUnhandledFrame: "bypass",
    quiet: true,
  });
}
