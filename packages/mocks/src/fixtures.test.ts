import { paiFixtures as fromPai } from "@cloud-models/pai/fixtures";
import { qianfanFixtures as fromQianfan } from "@cloud-models/qianfan/fixtures";
import { describe, expect, test } from "vitest";
import { paiFixtures, qianfanFixtures } from "./index.ts";

describe("fixtures", () => {
  test("are the providers' seed objects themselves, not copies", () => {
    expect(paiFixtures).toBe(fromPai);
    expect(qianfanFixtures).toBe(fromQianfan);
  });
});
