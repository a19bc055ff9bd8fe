import { afterEach, describe, expect, test, vi } from "vitest";
import { detectEnv, envFromDeno, envFromProcess, envFromWorkers } from "./env.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the adapters", () => {
  test("Workers: the binding object itself; anything else is empty", () => {
    const bindings = { QIANFAN_ACCESS_KEY: "k" };
    expect(envFromWorkers(bindings)).toBe(bindings);
    expect(envFromWorkers(undefined)).toEqual({});
  });

  test("Deno: Deno.env.toObject()", () => {
    expect(envFromDeno({ env: { toObject: () => ({ A: "1" }) } })).toEqual({ A: "1" });
  });

  test("Node: process.env", () => {
    expect(envFromProcess({ env: { B: "2" } })).toEqual({ B: "2" });
  });
});

describe("detectEnv", () => {
  test("Node with no binding: process.env, read when asked", () => {
    const source = detectEnv(undefined);
    expect(source.kind).toBe("process");
    expect(source.kind === "process" && source.read()).toBe(process.env);
  });

  test("a binding object (Workers): the binding", () => {
    const bindings = { A: "1" };
    expect(detectEnv(bindings)).toEqual({ kind: "binding", bindings });
  });

  test("Deno: Deno.env, even when a second argument (deno serve's connection info) is passed", () => {
    vi.stubGlobal("Deno", { env: { toObject: () => ({ FROM: "deno" }) } });
    const source = detectEnv({ remoteAddr: {} });
    expect(source.kind === "process" && source.read()).toEqual({ FROM: "deno" });
  });

  test("Bun: process.env, not Bun's server object", () => {
    vi.stubGlobal("Bun", {});
    expect(detectEnv({ port: 3000 }).kind).toBe("process");
  });
});
