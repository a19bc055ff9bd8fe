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
    ["2024-02-29T23:59:59.999+00:00", "Z", "2024-02-29T23:59:59.999Z"],
    ["2024-01-01T00:10:00-00:30", "Z", "2024-01-01T00:40:00.000Z"],
    ["2024-01-01T05:00:00", "-03:30", "2024-01-01T08:30:00.000Z"],
    ["2023-12-31T23:30:00-01:00", "+08:00", "2024-01-01T00:30:00.000Z"],
    ["0099-06-01T00:00:00Z", "Z", "0099-06-01T00:00:00.000Z"],
    ["2000-02-29T00:00:00Z", "Z", "2000-02-29T00:00:00.000Z"],
    ["2023-01-31T00:00:00Z", "Z", "2023-01-31T00:00:00.000Z"],
    ["2023-06-30T00:00:00Z", "Z", "2023-06-30T00:00:00.000Z"],
    ["2023-07-31T00:00:00Z", "Z", "2023-07-31T00:00:00.000Z"],
    ["2023-08-31T00:00:00Z", "Z", "2023-08-31T00:00:00.000Z"],
    ["2023-12-31T23:59:59.9Z", "Z", "2023-12-31T23:59:59.900Z"],
  ] as const)("%s (default %s) → %s", (input, offset, expected) => {
    expect(toIsoUtc(input, offset)).toBe(expected);
    expect(new Date(expected).toISOString()).toBe(expected);
  });

  test.each([
    undefined,
    null,
    1700000000,
    "",
    "yesterday",
    "2023-13-45T99:99:99Z",
    "2023-09-22",
    {},
    "2023-02-29T00:00:00Z",
    "2023-02-30T00:00:00Z",
    "2023-04-31T12:00:00Z",
    "1900-02-29T12:00:00Z",
    "2023-06-31T12:00:00Z",
    "2023-09-31T12:00:00+08:00",
    "2023-11-31T12:00:00Z",
    "2023-01-00T12:00:00Z",
    "2023-00-10T12:00:00Z",
    "2023-01-01T24:00:00Z",
    "2023-01-01T23:60:00Z",
    "2023-01-01T23:59:60Z",
    "2023-01-01T12:00:00+08:60",
  ])("%s is not a date-time", (input) => {
    expect(toIsoUtc(input)).toBeUndefined();
  });

  test("a malformed default offset gives undefined for a value without its own", () => {
    expect(toIsoUtc("2023-12-15 16:18:39", "+8:00" as "Z")).toBeUndefined();
    expect(toIsoUtc("2023-12-15T16:18:39Z", "+8:00" as "Z")).toBe("2023-12-15T16:18:39.000Z");
  });

  test("agrees with Date on 2,000 real instants, in UTC and at offsets", () => {
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let index = 0; index < 2_000; index++) {
      const instant = new Date(Math.floor(next() * Date.UTC(2100, 0, 1)));
      const iso = instant.toISOString();
      expect(toIsoUtc(iso)).toBe(iso);
      const offsetMinutes = Math.floor(next() * 27 * 60) - 12 * 60;
      const shifted = new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
      const sign = offsetMinutes < 0 ? "-" : "+";
      const magnitude = Math.abs(offsetMinutes);
      const zone = `${sign}${String(Math.floor(magnitude / 60)).padStart(2, "0")}:${String(magnitude % 60).padStart(2, "0")}`;
      expect(toIsoUtc(`${shifted}${zone}`)).toBe(iso);
      expect(toIsoUtc(shifted.replace("T", " "), zone as "Z")).toBe(iso);
    }
  });
});
