import { displayWidth, padEnd, wrapLine } from "./text-width.ts";

/** Options of {@link renderTable}. */
export interface TableOptions {
  /** The widest a value column may be, in display columns; longer cells wrap. Default 48. */
  readonly maxColumnWidth?: number;
  /** Wraps the header cells in this (e.g. ANSI bold); must not change their display width. */
  readonly styleHeader?: (text: string) => string;
}

/**
 * Renders a box-drawn table: a header row, then one row per entry of `rows`. The first column holds the labels;
 * cells may hold several lines (`\n`) and long lines wrap. Widths count CJK characters as two columns, so Chinese
 * names line up in a terminal.
 *
 * @example
 * ```ts
 * renderTable(["", "PAI"], [["name", "情感分析"]]);
 * // ┌──────┬──────────┐
 * // │      │ PAI      │
 * // ├──────┼──────────┤
 * // │ name │ 情感分析 │
 * // └──────┴──────────┘
 * ```
 */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: TableOptions = {},
): string {
  const maxWidth = options.maxColumnWidth ?? 48;
  const style = options.styleHeader ?? ((text: string) => text);
  const columnCount = header.length;
  const split = (row: readonly string[]): string[][] =>
    Array.from({ length: columnCount }, (_, column) =>
      (row[column] ?? "").split("\n").flatMap((line) => (column === 0 ? [line] : wrapLine(line, maxWidth))),
    );
  const headerCells = split(header);
  const bodyCells = rows.map(split);
  const widths = Array.from({ length: columnCount }, (_, column) =>
    Math.max(...[headerCells, ...bodyCells].flatMap((row) => (row[column] ?? []).map(displayWidth))),
  );

  const lines = (cells: string[][], styleCell: (text: string) => string): string[] => {
    const height = Math.max(...cells.map((cell) => cell.length));
    return Array.from(
      { length: height },
      (_, line) =>
        `│ ${cells.map((cell, column) => styleCell(padEnd(cell[line] ?? "", widths[column] ?? 0))).join(" │ ")} │`,
    );
  };
  const rule = (left: string, middle: string, right: string) =>
    `${left}${widths.map((width) => "─".repeat(width + 2)).join(middle)}${right}`;

  return [
    rule("┌", "┬", "┐"),
    ...lines(headerCells, style),
    rule("├", "┼", "┤"),
    ...bodyCells.flatMap((cells) => lines(cells, (text) => text)),
    rule("└", "┴", "┘"),
  ].join("\n");
}
