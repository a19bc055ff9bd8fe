// The demo page: asks the edge function for one model of each cloud and shows them as two cards.
//
// With VITE_EDGE_URL unset (`pnpm demo:web`, the tests), MSW's service worker stands in for the edge function (see
// mocks.ts), and the build contains the mocks. With VITE_EDGE_URL set at build time, the page calls that edge
// function and the mocks are left out of the bundle.
import type { Provider } from "@cloud-models/core";
import { fetchModel } from "./api.ts";
import { loadingCard, resultCard } from "./card.ts";
import "./style.css";

const EDGE_URL = import.meta.env.VITE_EDGE_URL ?? "";
const DEFAULT_IDS: Readonly<Record<Provider, string>> = {
  pai: import.meta.env.VITE_PAI_MODEL_ID,
  qianfan: import.meta.env.VITE_QIANFAN_MODEL_ID,
};
const PROVIDERS: readonly Provider[] = ["pai", "qianfan"];

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) {
    throw new Error(`#${id} is missing from index.html`);
  }
  return found as T;
}

async function showModels(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const ids = Object.fromEntries(
    PROVIDERS.map((provider) => [provider, params.get(provider)?.trim() || DEFAULT_IDS[provider]]),
  ) as Record<Provider, string>;
  const form = element<HTMLFormElement>("refs");
  for (const provider of PROVIDERS) {
    const input = form.elements.namedItem(provider);
    if (input instanceof HTMLInputElement) {
      input.value = ids[provider];
    }
  }
  const cards = element("cards");
  cards.replaceChildren(...PROVIDERS.map((provider) => loadingCard(provider, ids[provider])));
  await Promise.all(
    PROVIDERS.map(async (provider, index) => {
      const result = await fetchModel(EDGE_URL, provider, ids[provider]);
      cards.children[index]?.replaceWith(resultCard(provider, ids[provider], result));
    }),
  );
  document.body.dataset["state"] = "ready";
}

async function start(): Promise<void> {
  const mode = element("mode");
  const footnote = element("footnote");
  if (EDGE_URL === "") {
    const { startMocks } = await import("./mocks.ts");
    await startMocks();
    mode.textContent = "mocked · MSW service worker";
    mode.dataset["mode"] = "mocked";
    footnote.textContent =
      "Mocked: MSW's service worker answers /api/models/… by running the real edge function in this page, " +
      "and answers its signed calls to PAI and Qianfan with @cloud-models/mocks (fake keys, every signature checked). " +
      "Nothing leaves the browser.";
  } else {
    mode.textContent = `live · ${new URL(EDGE_URL).host}`;
    mode.dataset["mode"] = "live";
    footnote.textContent = `Live: the models come from the edge function at ${EDGE_URL}.`;
  }
  element<HTMLFormElement>("refs").addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const params = new URLSearchParams();
    for (const provider of PROVIDERS) {
      params.set(provider, String(data.get(provider) ?? "").trim());
    }
    history.pushState(null, "", `?${params}`);
    void showModels();
  });
  window.addEventListener("popstate", () => void showModels());
  await showModels();
}

start().catch((error: unknown) => {
  const mode = document.getElementById("mode");
  if (mode !== null) {
    mode.textContent = `could not start: ${error instanceof Error ? error.message : String(error)}`;
    mode.dataset["mode"] = "failed";
  }
});
