import { describe, expect, test } from "vitest";
import { paiFixtures } from "./fixtures.ts";
import { toModel } from "./to-model.ts";
import type { PaiGetModelResponse } from "./types.ts";

const seed = paiFixtures.model;

describe("toModel on the seed example", () => {
  const model = toModel(seed);

  test("maps the normalised fields", () => {
    expect(model).toEqual({
      provider: "pai",
      id: "model-rbvg5wzljz****ks92",
      ref: "pai:model-rbvg5wzljz****ks92",
      name: "情感分析",
      description: "通用情感分析。",
      createdAt: "2021-01-30T12:51:33.028Z",
      updatedAt: "2021-01-30T12:51:33.028Z",
      source: "ModelScope",
      task: "text-classification",
      domain: "cv",
      labels: [{ key: "env", value: "test" }],
      tags: [],
      versions: [
        {
          version: "0.1.0",
          description: "情感分析。",
          createdAt: "2021-01-21T17:12:35.000Z",
          updatedAt: "2021-01-21T17:12:35.000Z",
          raw: seed.LatestVersion,
        },
      ],
      raw: seed,
    });
  });

  test("every field of the payload is kept in raw, untouched", () => {
    const keys = Object.keys(seed);
    // The seed documents 22 response elements; all of them are in the example.
    expect(keys).toHaveLength(22);
    expect(model.raw).toBe(seed);
    expect(JSON.parse(JSON.stringify(model.raw))).toEqual(JSON.parse(JSON.stringify(paiFixtures.model)));
    expect(model.versions[0]?.raw).toBe(seed.LatestVersion);
  });

  test("timestamps are exactly what toISOString prints", () => {
    for (const value of [model.createdAt, model.updatedAt, model.versions[0]?.createdAt]) {
      expect(new Date(value as string).toISOString()).toBe(value);
    }
  });
});

describe("toModel is tolerant", () => {
  test("fields the cloud adds later are kept in raw", () => {
    const body = { ...seed, BrandNewField: { nested: [1, 2] } } as PaiGetModelResponse;
    expect((toModel(body).raw as Record<string, unknown>)["BrandNewField"]).toEqual({ nested: [1, 2] });
  });

  test("a wrong-typed optional field is left out, the model is kept", () => {
    const body = {
      ModelId: "m-1",
      ModelName: 42,
      ModelDescription: ["x"],
      GmtCreateTime: "not a date",
      GmtModifiedTime: 1700000000,
      Origin: null,
      Labels: "env=test",
      LatestVersion: "0.1.0",
    } as unknown as PaiGetModelResponse;
    expect(toModel(body)).toEqual({
      provider: "pai",
      id: "m-1",
      ref: "pai:m-1",
      name: "m-1",
      labels: [],
      tags: [],
      versions: [],
      raw: body,
    });
  });

  test("malformed labels are skipped one by one; a nameless latest version is 'latest'", () => {
    const body = {
      ModelId: "m-2",
      Labels: [{ Key: "a", Value: "1" }, null, { Value: "orphan" }, { Key: "b" }],
      LatestVersion: { GmtCreateTime: "2024-01-01T00:00:00Z" },
    } as unknown as PaiGetModelResponse;
    const model = toModel(body);
    expect(model.labels).toEqual([
      { key: "a", value: "1" },
      { key: "b", value: "" },
    ]);
    expect(model.versions).toEqual([
      { version: "latest", createdAt: "2024-01-01T00:00:00.000Z", raw: body.LatestVersion },
    ]);
  });
});
