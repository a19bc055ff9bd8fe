import { describe, expect, test } from "vitest";
import { assertScenarioOptions, planScenario, type Scenario, type ScenarioContext } from "./scenarios.ts";

const context = (id: string | undefined, call = 1): ScenarioContext => ({
  provider: "pai",
  id,
  call,
  request: new Request("https://example.test/"),
});

describe("planScenario", () => {
  test("no scenario, or ok, is a normal answer without a wait", () => {
    expect(planScenario({}, context("m"))).toEqual({ delayMs: 0, answer: undefined });
    expect(planScenario({ scenario: "ok" }, context("m"))).toEqual({ delayMs: 0, answer: undefined });
  });

  test("defaults: throttled waits 1000 ms, server-error is a 503, slow waits delayMs else 2000 ms", () => {
    expect(planScenario({ scenario: "throttled" }, context("m")).answer).toEqual({
      type: "throttled",
      retryAfterMs: 1000,
    });
    expect(planScenario({ scenario: "server-error" }, context("m")).answer).toEqual({
      type: "server-error",
      status: 503,
    });
    expect(planScenario({ scenario: "slow" }, context("m"))).toEqual({ delayMs: 2000, answer: undefined });
    expect(planScenario({ scenario: "slow", delayMs: 5 }, context("m"))).toEqual({ delayMs: 5, answer: undefined });
    expect(planScenario({ scenario: { type: "slow", ms: 7, answer: "truncated" }, delayMs: 5 }, context("m"))).toEqual({
      delayMs: 7,
      answer: { type: "truncated" },
    });
  });

  test("the id's scenario wins over the general one; other ids and no id fall back to it", () => {
    const options = { scenario: "throttled", scenarios: { a: "ok", b: "not-found" } } as const;
    expect(planScenario(options, context("a")).answer).toBeUndefined();
    expect(planScenario(options, context("b")).answer).toEqual({ type: "not-found" });
    expect(planScenario(options, context("c")).answer?.type).toBe("throttled");
    expect(planScenario(options, context(undefined)).answer?.type).toBe("throttled");
    // Only own entries: an id named like an Object.prototype member is just an id.
    expect(planScenario({ scenarios: {} }, context("toString")).answer).toBeUndefined();
  });

  test("a function decides per call", () => {
    const scenario = ({ call }: ScenarioContext): Scenario | undefined =>
      call % 2 === 0 ? "network-error" : undefined;
    expect(planScenario({ scenario }, context("m", 1)).answer).toBeUndefined();
    expect(planScenario({ scenario }, context("m", 2)).answer).toEqual({ type: "network-error" });
  });

  test("a function returning an unknown scenario throws instead of answering normally", () => {
    expect(() => planScenario({ scenario: () => "thottled" as Scenario }, context("m"))).toThrow(/unknown scenario/);
  });
});

describe("assertScenarioOptions", () => {
  test("accepts every scenario", () => {
    const all: Scenario[] = [
      "ok",
      "not-found",
      "signature-mismatch",
      "invalid-access-key",
      "access-denied",
      "expired",
      "throttled",
      { type: "throttled", retryAfterMs: 1 },
      "server-error",
      { type: "server-error", status: 500 },
      "truncated",
      "network-error",
      "slow",
      { type: "slow", ms: 1, answer: "server-error" },
    ];
    for (const scenario of all) {
      expect(() => assertScenarioOptions({ scenario, scenarios: { m: scenario } })).not.toThrow();
    }
  });

  test("refuses a typo or a slow inside a slow, naming where it is", () => {
    expect(() => assertScenarioOptions({ scenario: "throttle" as Scenario })).toThrow(/^scenario is not/);
    expect(() => assertScenarioOptions({ scenarios: { m: { type: "slow", answer: "slow" as never } } })).toThrow(
      /scenarios\["m"\]/,
    );
    expect(() => assertScenarioOptions({ delayMs: -1 })).toThrow(TypeError);
  });
});
