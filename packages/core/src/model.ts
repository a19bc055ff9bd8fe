import type { Provider } from "./errors.ts";

/** A provider-qualified model reference as a string: `pai:<id>` or `qianfan:<id>`. */
export type ModelRefString = `${Provider}:${string}`;

/** A provider-qualified model reference as an object. */
export interface ModelRef {
  readonly provider: Provider;
  readonly id: string;
}

/** A `key`/`value` label (PAI `Labels`). */
export interface ModelLabel {
  readonly key: string;
  readonly value: string;
}

/**
 * One version of a model, normalised.
 *
 * PAI returns only its `LatestVersion`; Qianfan its whole `modelVersionList`, in the cloud's order.
 */
export interface ModelVersion<TRaw = unknown> {
  /** The version's name: PAI `VersionName`, Qianfan `version`. */
  readonly version: string;
  /** The version's own id where the cloud has one (Qianfan `modelVersionIdStr`). */
  readonly id?: string;
  readonly description?: string;
  /** ISO 8601 UTC, exactly as `Date.prototype.toISOString()` prints it. */
  readonly createdAt?: string;
  /** ISO 8601 UTC, exactly as `Date.prototype.toISOString()` prints it. */
  readonly updatedAt?: string;
  /** The untouched vendor payload of this version. */
  readonly raw: TRaw;
}

/**
 * A model from either cloud, in one shape.
 *
 * Everything the cloud returned is kept in `raw`, unknown fields included; the other fields are the ones that mean
 * the same on both clouds. Optional fields are absent (not `undefined`) when the cloud did not say.
 */
export interface Model<TProvider extends Provider = Provider, TRaw = unknown, TVersionRaw = unknown> {
  readonly provider: TProvider;
  /** The vendor's model id: PAI `ModelId`; Qianfan `modelIdStr` (else `String(modelId)`). */
  readonly id: string;
  /** `<provider>:<id>`, accepted by `ModelRegistry.getModel`. */
  readonly ref: `${TProvider}:${string}`;
  readonly name: string;
  readonly description?: string;
  /** ISO 8601 UTC, exactly as `Date.prototype.toISOString()` prints it. */
  readonly createdAt?: string;
  /** ISO 8601 UTC, exactly as `Date.prototype.toISOString()` prints it. */
  readonly updatedAt?: string;
  /** Where the model comes from: PAI `Origin` (e.g. `ModelScope`), Qianfan `source` (e.g. `UserCreate`). */
  readonly source?: string;
  /** The problem it solves: PAI `Task` (e.g. `text-classification`). */
  readonly task?: string;
  /** The field it belongs to: PAI `Domain` (e.g. `nlp`, `cv`). */
  readonly domain?: string;
  /** Key/value labels (PAI `Labels`); empty when the cloud has none. */
  readonly labels: readonly ModelLabel[];
  /** Plain tags (Qianfan `tags`); empty when the cloud has none. */
  readonly tags: readonly string[];
  readonly versions: readonly ModelVersion<TVersionRaw>[];
  /** The untouched vendor payload. */
  readonly raw: TRaw;
}

// Ranges checked by the pattern (hours 00-23, minutes and seconds 00-59); the day against its month below.
const ISO_8601 =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,9}))?)?(?:(Z)|([+-]\d\d):?([0-5]\d))?$/i;

/**
 * Converts a vendor timestamp to ISO 8601 UTC as `Date.prototype.toISOString()` prints it, or `undefined` when the
 * value is not an ISO 8601 date-time (a tolerant mapping never loses the model over one bad field).
 *
 * @param defaultOffset the offset assumed when the value carries none: `Z` (PAI documents UTC) or `+08:00` (Qianfan
 * writes Beijing time)
 * @example toIsoUtc("2023-09-22T22:41:11+08:00") // "2023-09-22T14:41:11.000Z"
 */
export function toIsoUtc(
  value: unknown,
  defaultOffset: "Z" | `${"+" | "-"}${string}:${string}` = "Z",
): string | undefined {
  if (typeof value !== "string") {
    return undefined;
  }
  const match = ISO_8601.exec(value.trim());
  if (!match) {
    return undefined;
  }
  const [, year, month, day, hours, minutes, seconds = "00", fraction = "", zulu, zoneHours, zoneMinutes] = match;
  const zone = zulu ? "Z" : zoneHours ? `${zoneHours}:${zoneMinutes}` : defaultOffset;
  // Checked here, not left to Date's parser, which rolls a day past the month's end over (30 February is 2 March).
  // The month's length: February's by the leap-year rule; else 31 for odd months to July and even ones from August.
  const y = Number(year);
  const m = Number(month);
  if (Number(day) > (m === 2 ? (y % 4 || (y % 100 === 0 && y % 400) ? 28 : 29) : 30 + ((m + (m >> 3)) & 1))) {
    return undefined;
  }
  // Date.parse is only specified for exactly this form: milliseconds with three digits and a `±HH:mm` offset.
  const local = `${year}-${month}-${day}T${hours}:${minutes}:${seconds}.${fraction.padEnd(3, "0").slice(0, 3)}`;
  if (zone === "Z") {
    // Already UTC and checked: printed as is. A Date costs a few µs per timestamp, a visible share of a getModel.
    return `${local}Z`;
  }
  const parsed = new Date(`${local}${zone}`);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}
