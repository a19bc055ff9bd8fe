import { describe, expect, expectTypeOf, test } from "vitest";
import { rejection } from "./__fixtures__/rejection.ts";
import type { Model } from "./model.ts";
import type { GetModelOptions, ModelProvider } from "./provider.ts";
import { createModelRegistry, parseRef } from "./registry.ts";

type RawA = { a: number };
type RawB = { b: string };

function fakeProvider<P extends "pai" | "qianfan", R>(name: P, raw: R) {
  const calls: { id: string; options: GetModelOptions | undefined }[] = [];
  const provider: ModelProvider<Model<P, R>> = {
    name,
    async getModel(id, options) {
      calls.push({ id, options });
      return { provider: name, id, ref: `${name}:${id}`, name: id, labels: [], tags: [], versions: [], raw };
    },
  };
  return { provider, calls };
}

describe("createModelRegistry", () => {
  test("dispatches string and object refs to the right provider, passing the options through", async () => {
    const pai = fakeProvider("pai", { a: 1 } as RawA);
    const qianfan = fakeProvider("qianfan", { b: "x" } as RawB);
    const registry = createModelRegistry({ providers: [pai.provider, qianfan.provider] });
    expect(registry.providers).toEqual(["pai", "qianfan"]);

    const controller = new AbortController();
    const a = await registry.getModel("pai:model-1", { signal: controller.signal });
    expect(a.ref).toBe("pai:model-1");
    expect(pai.calls).toEqual([{ id: "model-1", options: { signal: controller.signal } }]);

    const b = await registry.getModel({ provider: "qianfan", id: "am-1" });
    expect(b.ref).toBe("qianfan:am-1");
    expect(qianfan.calls.map((call) => call.id)).toEqual(["am-1"]);

    // The union is narrowed by `provider`, so `raw` is typed per cloud.
    expectTypeOf(a).toEqualTypeOf<Model<"pai", RawA> | Model<"qianfan", RawB>>();
    if (b.provider === "qianfan") {
      expectTypeOf(b.raw).toEqualTypeOf<RawB>();
      expect(b.raw.b).toBe("x");
    }
  });

  test("the id is everything after the first colon", async () => {
    const pai = fakeProvider("pai", {});
    const registry = createModelRegistry({ providers: [pai.provider] });
    await registry.getModel("pai:ns:model:1");
    expect(pai.calls[0]?.id).toBe("ns:model:1");
  });

  test("an unknown provider is a typed error that lists the configured ones", async () => {
    const registry = createModelRegistry({ providers: [fakeProvider("pai", {}).provider] });
    const error = await rejection(registry.getModel("qianfan:am-1"));
    expect(error.code).toBe("unknown_provider");
    expect(error.message).toContain('"qianfan"');
    expect(error.message).toContain("pai");
    const other = await rejection(registry.getModel({ provider: "openai" as never, id: "x" }));
    expect(other.code).toBe("unknown_provider");
  });

  test.each([["no-colon"], [":id"], [""], [42], [null], [{ provider: "pai" }], [{ provider: "", id: "x" }]])(
    "a malformed ref %j is invalid_argument",
    async (ref) => {
      const registry = createModelRegistry({ providers: [fakeProvider("pai", {}).provider] });
      expect((await rejection(registry.getModel(ref as never))).code).toBe("invalid_argument");
    },
  );

  test("a provider given twice is refused", () => {
    expect(() =>
      createModelRegistry({ providers: [fakeProvider("pai", {}).provider, fakeProvider("pai", {}).provider] }),
    ).toThrow(/given twice/);
  });
});

test("parseRef", () => {
  expect(parseRef("qianfan:am-txtetnsfq9sb")).toEqual({ provider: "qianfan", id: "am-txtetnsfq9sb" });
  expect(parseRef("pai:")).toEqual({ provider: "pai", id: "" });
});
