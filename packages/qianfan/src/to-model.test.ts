import { describe, expect, test } from "vitest";
import { qianfanFixtures } from "./fixtures.ts";
import { toModel } from "./to-model.ts";
import type { QianfanModelDetailResponse } from "./types.ts";

const seed = qianfanFixtures.model;

describe("toModel on the seed examples", () => {
  test("maps the HTTP example, +08:00 converted to UTC, versions in order", () => {
    const [v2, v1] = seed.result.modelVersionList ?? [];
    expect(toModel(seed)).toEqual({
      provider: "qianfan",
      id: "am-txtetnsfq9sb",
      ref: "qianfan:am-txtetnsfq9sb",
      name: "chatglm32k_v10",
      createdAt: "2023-12-15T08:18:39.000Z",
      updatedAt: "2023-12-28T03:33:07.000Z",
      source: "UserCreate",
      labels: [],
      tags: [],
      versions: [
        {
          version: "2",
          id: "amv-sxw7atka4jk0",
          description: "clc_test_publish_chatglm32k_v10",
          createdAt: "2023-12-15T08:30:06.000Z",
          updatedAt: "2024-01-04T08:10:45.000Z",
          raw: v2,
        },
        {
          version: "1",
          id: "amv-dh7vgw3wacyy",
          createdAt: "2023-12-15T08:18:39.000Z",
          updatedAt: "2024-01-04T08:10:45.000Z",
          raw: v1,
        },
      ],
      raw: seed,
    });
  });

  test("maps the SDK example", () => {
    const model = toModel(qianfanFixtures.sdkModel);
    expect(model).toMatchObject({
      id: "am-txtetxxxq9sb",
      name: "强化_bloom",
      createdAt: "2023-09-22T14:41:11.000Z",
      versions: [{ version: "1", id: "amv-sxw7xxxa4jk0", updatedAt: "2023-09-22T14:43:13.000Z" }],
    });
  });

  test("every field is kept in raw, untouched (log_id included)", () => {
    const model = toModel(seed);
    expect(model?.raw).toBe(seed);
    expect(model?.raw.log_id).toBe("2268019247");
    expect(Object.keys(seed.result)).toEqual([
      "modelId",
      "modelIdStr",
      "modelName",
      "source",
      "modelType",
      "createUserId",
      "createUser",
      "createTime",
      "modifyTime",
      "description",
      "trainType",
      "languageSupport",
      "expansion",
      "modelVersionList",
    ]);
    expect(model?.versions.map((version) => version.raw)).toEqual(seed.result.modelVersionList);
  });
});

describe("toModel is tolerant", () => {
  test("falls back to the numeric modelId, keeps tags, drops a blank description", () => {
    const body = {
      log_id: "1",
      result: { modelId: 456, modelName: "m", description: "  ", tags: ["a", 1, "b"], modelVersionList: "x" },
    } as unknown as QianfanModelDetailResponse;
    expect(toModel(body)).toEqual({
      provider: "qianfan",
      id: "456",
      ref: "qianfan:456",
      name: "m",
      labels: [],
      tags: ["a", "b"],
      versions: [],
      raw: body,
    });
  });

  test("a wrong-typed optional field does not lose the model or its versions", () => {
    const body = {
      log_id: 7,
      result: {
        modelIdStr: "am-1",
        modelName: 3,
        createTime: "soon",
        modelVersionList: [null, { version: 2, modelVersionId: 9, createTime: "2024-01-01 08:00:00" }],
      },
    } as unknown as QianfanModelDetailResponse;
    expect(toModel(body)?.versions).toEqual([
      { version: "2", id: "9", createdAt: "2024-01-01T00:00:00.000Z", raw: body.result.modelVersionList?.[1] },
    ]);
    expect(toModel(body)?.name).toBe("am-1");
  });

  test.each([{}, { result: null }, { result: { modelName: "no id" } }])("no model id in %j → undefined", (body) => {
    expect(toModel(body as QianfanModelDetailResponse)).toBeUndefined();
  });
});
