import type { Model } from "@cloud-models/core";

const ROWS: [string, (model: Model) => string][] = [
  ["ref", (model) => model.ref],
  ["name", (model) => model.name],
  ["provider", (model) => model.provider],
  ["created", (model) => model.createdAt ?? "—"],
  ["updated", (model) => model.updatedAt ?? "—"],
  ["source", (model) => model.source ?? "—"],
  ["task", (model) => [model.domain, model.task].filter(Boolean).join(" / ") || "—"],
  ["versions", (model) => model.versions.map((version) => version.version).join(", ") || "—"],
];

/** Display width: CJK and emoji take two columns in a terminal. */
function width(text: string): number {
  let columns = 0;
  for (const char of text) {
    columns +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u.test(
        char,
      )
        ? 2
        : 1;
  }
  return columns;
}

function pad(text: string, columns: number): string {
  return text + " ".repeat(Math.max(0, columns - width(text)));
}

/** Renders models side by side, one column per model. */
export function renderTable(models: readonly Model[]): string {
  const header = ["", ...models.map((model) => model.provider.toUpperCase())];
  const body = ROWS.map(([label, cell]) => [label, ...models.map(cell)]);
  const rows = [header, ...body];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => width(row[column] ?? ""))));
  const line = (row: string[]) => `│ ${row.map((cell, column) => pad(cell, widths[column] ?? 0)).join(" │ ")} │`;
  const rule = (left: string, middle: string, right: string) =>
    `${left}${widths.map((columns) => "─".repeat(columns + 2)).join(middle)}${right}`;
  return [rule("┌", "┬", "┐"), line(header), rule("├", "┼", "┤"), ...body.map(line), rule("└", "┴", "┘")].join("\n");
}
