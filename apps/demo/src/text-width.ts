// Terminal display width of text: CJK ideographs, kana, Hangul, fullwidth forms and emoji take two columns,
// combining marks and zero-width characters none. Enough for model names in Chinese, Japanese or Korean; a full
// implementation would follow Unicode's East Asian Width table (UAX #11) character by character.
// https://www.unicode.org/reports/tr11/

// Combining marks (variation selectors among them) and format characters (zero-width space and joiner, …).
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f680}-\u{1f6ff}\u{1f900}-\u{1f9ff}\u{1fa70}-\u{1faff}\u{20000}-\u{3fffd}]/u;

/** The number of terminal columns `text` takes (one line; no tabs). */
export function displayWidth(text: string): number {
  let columns = 0;
  for (const char of text) {
    if (ZERO_WIDTH.test(char)) {
      continue;
    }
    columns += WIDE.test(char) ? 2 : 1;
  }
  return columns;
}

/** `text` followed by spaces up to `columns` display columns. */
export function padEnd(text: string, columns: number): string {
  return text + " ".repeat(Math.max(0, columns - displayWidth(text)));
}

/**
 * Breaks one line into lines of at most `columns` display columns: at spaces when it can, else anywhere (CJK text
 * has no spaces, and ids must not be lost).
 */
export function wrapLine(line: string, columns: number): string[] {
  if (columns < 1 || displayWidth(line) <= columns) {
    return [line];
  }
  const lines: string[] = [];
  let current = "";
  for (const word of line.split(/(?<= )/)) {
    if (displayWidth(current + word) <= columns) {
      current += word;
      continue;
    }
    if (current.trim() !== "") {
      lines.push(current.trimEnd());
      current = "";
    }
    for (const char of word) {
      if (displayWidth(current + char) > columns) {
        lines.push(current);
        current = "";
      }
      current += char;
    }
  }
  if (current.trim() !== "") {
    lines.push(current.trimEnd());
  }
  return lines;
}
