import { describe, expect, test } from "vitest";
import vectors from "./__fixtures__/signing-vectors.json" with { type: "json" };
import { acs3Authorization } from "./acs3.ts";
import { bceV1Authorization } from "./bce-v1.ts";

describe("signing-vectors.json", () => {
  test("holds the whole public set: 8 acs3 and 8 bceV1 cases", () => {
    expect(vectors.schema).toBe("signing-vectors/v1");
    expect(vectors.acs3).toHaveLength(8);
    expect(vectors.bceV1).toHaveLength(8);
  });

  describe.each(vectors.acs3)("acs3 $id", ({ input, expected }) => {
    test("every stage matches @alicloud/openapi-util", async () => {
      const result = await acs3Authorization(input);
      for (const [stage, value] of Object.entries(expected)) {
        expect.soft(result[stage as keyof typeof result], stage).toBe(value);
      }
      expect(result).toEqual(expected);
    });
  });

  describe.each(vectors.bceV1)("bceV1 $id", ({ input, expected }) => {
    test("every stage matches @baiducloud/sdk", async () => {
      const result = await bceV1Authorization(input);
      for (const [stage, value] of Object.entries(expected)) {
        expect.soft(result[stage as keyof typeof result], stage).toBe(value);
      }
      expect(result).toEqual(expected);
    });
  });
});
