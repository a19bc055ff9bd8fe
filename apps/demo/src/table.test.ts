import { describe, expect, test } from "vitest";
import { renderTable } from "./table.ts";
import { displayWidth } from "./text-width.ts";

describe("renderTable", () => {
  test("lines CJK cells up with ASCII ones", () => {
    const table = renderTable(["", "PAI", "QIANFAN"], [["name", "情感分析", "chatglm32k_v10"]]);
    expect(table).toBe(
      [
        "┌──────┬──────────┬────────────────┐",
        "│      │ PAI      │ QIANFAN        │",
        "├──────┼──────────┼────────────────┤",
        "│ name │ 情感分析 │ chatglm32k_v10 │",
        "└──────┴──────────┴────────────────┘",
      ].join("\n"),
    );
  });

  test("multi-line and wrapped cells keep every line the same width", () => {
    const table = renderTable(
      ["", "A", "B"],
      [
        ["versions", "2\n1", "0.1.0"],
        ["description", "a rather long description that must wrap", "—"],
      ],
      { maxColumnWidth: 12 },
    );
    const widths = new Set(table.split("\n").map(displayWidth));
    expect(widths.size).toBe(1);
    expect(table).toContain("│ versions    │ 2           │ 0.1.0 │");
    expect(table).toContain("│             │ 1           │       │");
    expect(table).toContain("│ description │ a rather    │ —     │");
    // 3 rules and a header, 2 lines of versions, 5 of description.
    expect(table.split("\n")).toHaveLength(4 + 2 + 5);
  });

  test("styles the header without breaking the layout", () => {
    const table = renderTable(["", "X"], [["a", "b"]], { styleHeader: (text) => `<${text}>` });
    expect(table.split("\n")[1]).toBe("│ < > │ <X> │");
  });
});
