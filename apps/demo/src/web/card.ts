// Model cards, built with the DOM (never innerHTML: names and descriptions come from the clouds).
import type { Model, Provider } from "@cloud-models/core";
import type { ModelResult } from "./api.ts";

const CLOUDS: Readonly<Record<Provider, string>> = { pai: "Alibaba Cloud PAI", qianfan: "Baidu Qianfan" };

/** Headlines for the edge function's error codes; the message says the rest. */
const ERROR_TITLES: Readonly<Record<string, string>> = {
  not_found: "No such model",
  unauthorized: "The cloud refused the proxy's keys",
  not_configured: "This cloud is not configured",
  throttled: "Throttled: try again shortly",
  timeout: "The cloud took too long",
  network: "The cloud is unreachable",
  unreachable: "The edge function is unreachable",
};

type Child = Node | string | null | undefined | false;

/** A small `createElement` with attributes and children. */
function h(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child);
    }
  }
  return element;
}

/** `2023-12-15T08:18:39.000Z` → `2023-12-15 08:18 UTC`. */
function formatDate(iso: string | undefined): string | undefined {
  return iso === undefined ? undefined : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function header(provider: Provider): HTMLElement {
  return h("div", { class: "card-cloud" }, h("span", { class: `badge badge-${provider}` }, CLOUDS[provider]));
}

/** The empty card shown while a model loads. */
export function loadingCard(provider: Provider, id: string): HTMLElement {
  return h(
    "article",
    { class: "card", "data-provider": provider, "data-state": "loading", "aria-busy": "true" },
    header(provider),
    h("div", { class: "skeleton skeleton-title" }),
    h("p", { class: "card-id" }, h("code", {}, `${provider}:${id}`)),
    h("div", { class: "skeleton" }),
    h("div", { class: "skeleton skeleton-short" }),
  );
}

/** The card for what the edge function answered. */
export function resultCard(provider: Provider, id: string, result: ModelResult): HTMLElement {
  const footer = h(
    "p",
    { class: "card-call" },
    h("code", {}, `GET ${new URL(result.url, location.href).pathname}`),
    ` → ${result.status || "no answer"} · ${result.ms} ms`,
  );
  if (!result.ok) {
    return h(
      "article",
      { class: "card card-error", "data-provider": provider, "data-state": "error", "data-code": result.code },
      header(provider),
      h("h2", { class: "card-name" }, ERROR_TITLES[result.code] ?? "Could not load this model"),
      h("p", { class: "card-id" }, h("code", {}, `${provider}:${id}`)),
      h("p", { class: "error-code" }, h("span", { class: "chip chip-error" }, result.code)),
      h("p", { class: "error-message" }, result.message),
      result.requestId !== undefined &&
        !result.message.includes(result.requestId) &&
        h("p", { class: "card-muted" }, `request id ${result.requestId}`),
      footer,
    );
  }
  return modelCard(result.model, footer);
}

function modelCard(model: Model, footer: HTMLElement): HTMLElement {
  const facts: [string, string | undefined][] = [
    ["Created", formatDate(model.createdAt)],
    ["Updated", formatDate(model.updatedAt)],
    ["Source", model.source],
    ["Task", model.task],
    ["Domain", model.domain],
  ];
  const labels = [...model.labels.map((label) => `${label.key}=${label.value}`), ...model.tags];
  return h(
    "article",
    { class: "card", "data-provider": model.provider, "data-state": "ready" },
    header(model.provider),
    h("h2", { class: "card-name", lang: /\p{Script=Han}/u.test(model.name) ? "zh" : "en" }, model.name),
    h("p", { class: "card-id" }, h("code", {}, model.ref)),
    model.description !== undefined && h("p", { class: "card-description" }, model.description),
    h(
      "dl",
      { class: "facts" },
      ...facts
        .filter((fact): fact is [string, string] => fact[1] !== undefined)
        .flatMap(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]),
    ),
    model.versions.length > 0 &&
      h(
        "section",
        { class: "versions" },
        h("h3", {}, model.versions.length === 1 ? "Version" : `Versions (${model.versions.length})`),
        h(
          "ul",
          {},
          ...model.versions.map((version) =>
            h(
              "li",
              {},
              h("span", { class: "chip" }, version.version),
              version.createdAt !== undefined && h("span", { class: "card-muted" }, version.createdAt.slice(0, 10)),
              version.description !== undefined && h("span", { class: "version-description" }, version.description),
            ),
          ),
        ),
      ),
    labels.length > 0 &&
      h("p", { class: "labels" }, ...labels.map((label) => h("span", { class: "chip chip-label" }, label))),
    footer,
  );
}
