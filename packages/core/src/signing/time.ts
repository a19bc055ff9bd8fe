import type { DateSource } from "./types.ts";

/** The time to sign at: `now` itself, what `now()` returns, or the current time. @internal */
export function resolveDate(now: DateSource | undefined): Date {
  const date = typeof now === "function" ? now() : (now ?? new Date());
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new TypeError("now must be a valid Date (or a function returning one)");
  }
  return date;
}

/** ISO 8601 in UTC to the second, `YYYY-MM-DDTHH:mm:ssZ`: the form both `x-acs-date` and `x-bce-date` take. @internal */
export function toIsoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
