// Shared by the bench scripts: paths, output, and the few statistics they need.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH = join(dirname(fileURLToPath(import.meta.url)), "..");
export const REPO = join(BENCH, "..");
export const CACHE = join(BENCH, ".cache");

/** Prints a line on stderr (progress; stdout carries only the table). The lint forbids console in this repo. */
export function progress(line) {
  process.stderr.write(`${line}\n`);
}

/** Prints a line on stdout. */
export function println(line = "") {
  process.stdout.write(`${line}\n`);
}

/** The `p`-th percentile (0–100) of some numbers, by linear interpolation between the nearest ranks. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export function median(values) {
  return percentile(values, 50);
}

/** Whole-number formatting with thousands separators: 12,345. */
export function formatInt(value) {
  return Number.isFinite(value) ? Math.round(value).toLocaleString("en-US") : "—";
}

/** A ratio as `0.93×`. */
export function formatRatio(value) {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : "—";
}

/** Milliseconds with a precision that suits their size: 0.412 ms, 12.3 ms, 476 ms. */
export function formatMs(value) {
  if (!Number.isFinite(value)) {
    return "—";
  }
  if (value < 1) {
    return `${value.toFixed(3)} ms`;
  }
  return value < 100 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

/** Bytes as `1,234 B`, or `12.3 MB` for large amounts. */
export function formatBytes(value) {
  if (!Number.isFinite(value)) {
    return "—";
  }
  return value >= 1_000_000 ? `${(value / 1_000_000).toFixed(1)} MB` : `${formatInt(value)} B`;
}

/** The message of a thrown value, on one line. */
export function messageOf(error) {
  return String(error?.message ?? error)
    .split("\n")[0]
    .slice(0, 300);
}
