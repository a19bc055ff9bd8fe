import type { Model, Provider } from "@cloud-models/core";
import { renderTable, type TableOptions } from "./table.ts";

/** How each cloud is named for people. */
export const CLOUD_NAMES: Readonly<Record<Provider, string>> = {
  pai: "Alibaba Cloud PAI",
  qianfan: "Baidu Qianfan",
};

const NONE = "—";

/** `2023-12-15T08:18:39.000Z` → `2023-12-15 08:18:39 UTC`. */
export function formatTimestamp(iso: string | undefined): string {
  if (iso === undefined) {
    return NONE;
  }
  return `${iso.replace("T", " ").replace(/\.\d+Z$|Z$/, "")} UTC`;
}

type Row = readonly [label: string, cell: (model: Model) => string];

const ROWS: readonly Row[] = [
  ["name", (model) => model.name],
  ["id", (model) => model.id],
  ["provider", (model) => model.provider],
  ["description", (model) => model.description ?? NONE],
  ["created", (model) => formatTimestamp(model.createdAt)],
  ["updated", (model) => formatTimestamp(model.updatedAt)],
  [
    "versions",
    (model) =>
      model.versions
        .map((version) => `${version.version}${version.createdAt ? ` (${version.createdAt.slice(0, 10)})` : ""}`)
        .join("\n") || NONE,
  ],
  ["task", (model) => [model.task, model.domain && `domain ${model.domain}`].filter(Boolean).join(", ") || NONE],
  ["source", (model) => model.source ?? NONE],
  [
    "labels",
    (model) => [...model.labels.map((label) => `${label.key}=${label.value}`), ...model.tags].join(", ") || NONE,
  ],
];

/**
 * The models side by side, one column per model, one row per normalised field. A row no model has a value for is
 * left out.
 */
export function renderModelTable(models: readonly Model[], options: TableOptions = {}): string {
  const header = ["", ...models.map((model) => CLOUD_NAMES[model.provider] ?? model.provider)];
  const rows = ROWS.map(([label, cell]) => [label, ...models.map(cell)]).filter((row) =>
    row.slice(1).some((value) => value !== NONE),
  );
  return renderTable(header, rows, options);
}
