import { describe, expect, test } from "vitest";
import { toIsoUtc } from "./model.ts";

describe("toIsoUtc", () => {
  test.each([
    ["2021-01-30T12:51:33.028Z", "Z", "2021-01-30T12:51:33.028Z"],
    ["2021-01-21T17:12:35Z", "Z", "2021-01-21T17:12:35.000Z"],
    ["2023-09-22T22:41:11+08:00", "Z", "2023-09-22T14:41:11.000Z"],
    ["2023-12-15T00:18:39+08:00", "Z", "2023-12-14T16:18:39.000Z"],
    ["2023-12-15T16:18:39+0800", "Z", "2023-12-15T08:18:39.000Z"],
    ["2023-12-15 16:18:39", "+08:00", "2023-12-15T08:18:39.000Z"],
    ["2023-12-15T16:18", "Z", "2023-12-15T16:18:00.000Z"],
    ["2023-12-15T16:18:39.123456789-05:30", "Z", "2023-12-15T21:48:39.123Z"],
    ["  2021-01-30T12:51:33Z ", "Z", "2021-01-30T12:51:33.000Z"],
  ] as const)("%s (default %s) → %s", (input, offset, expected) => {
    expect(toIsoUtc(input, offset)).toBe(expected);
    expect(new Date(expected).toISOString()).toBe(expected);
  });

  test.each([undefined, null, 1700000000, "", "yesterday", "2023-13-45T99:99:99Z", "2023-09-22", {}])(
    "%s is not a date-time",
    (input) => {
      expect(toIsoUtc(input)).toBeUndefined();
    },
  );
});
