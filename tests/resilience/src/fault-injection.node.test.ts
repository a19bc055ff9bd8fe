// Fault injection through the real providers against @cloud-models/mocks: each fault, the attempts made, a fresh
// signature per attempt, the waits honoured, and the final error or success.
import { ModelError } from "@cloud-models/core";
import {
  paiFixtures,
  paiHandlers,
  paiTestCredentials,
  qianfanFixtures,
  qianfanHandlers,
  qianfanTestCredentials,
  type Scenario,
  type ScenarioContext,
} from "@cloud-models/mocks";
import { paiProvider } from "@cloud-models/pai";
import { qianfanProvider } from "@cloud-models/qianfan";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

const PAI_ID = paiFixtures.model.ModelId;
const QIANFAN_ID = qianfanFixtures.model.result.modelIdStr as string;

/** Records what each attempt carried, and plays `plan[n]` on attempt n+1 (then "ok"). */
function recordAttempts(plan: (Scenario | undefined)[]) {
  const attempts: { authorization: string; date: string; nonce: string | null; sentAt: number }[] = [];
  const scenario = (context: ScenarioContext): Scenario | undefined => {
    const { headers } = context.request;
    attempts.push({
      authorization: headers.get("authorization") ?? "",
      date: headers.get("x-acs-date") ?? headers.get("x-bce-date") ?? "",
      nonce: headers.get("x-acs-signature-nonce"),
      sentAt: Date.now(),
    });
    return plan[attempts.length - 1];
  };
  return { attempts, scenario };
}

/**
 * Every attempt was signed for itself. ACS3 carries a random nonce, so each signature differs. bce-auth-v1 has no
 * nonce and its date has one-second resolution, so two attempts in the same second may sign identically; what shows a
 * fresh signature there is that each attempt's x-bce-date is the time it was sent.
 */
function expectSignedAfresh(cloud: "pai" | "qianfan", attempts: ReturnType<typeof recordAttempts>["attempts"]) {
  if (cloud === "pai") {
    expect(new Set(attempts.map((attempt) => attempt.nonce)).size).toBe(attempts.length);
    expect(new Set(attempts.map((attempt) => attempt.authorization)).size).toBe(attempts.length);
  }
  for (const attempt of attempts) {
    expect(Math.abs(Date.parse(attempt.date) - attempt.sentAt)).toBeLessThan(1_500);
  }
}

async function rejection(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(ModelError.isInstance(error)).toBe(true);
  return error as ModelError;
}

const clouds = [
  {
    name: "pai",
    use: (scenario: (context: ScenarioContext) => Scenario | undefined) => server.use(...paiHandlers({ scenario })),
    provider: (options: object = {}) => paiProvider({ credentials: paiTestCredentials, ...options }),
    id: PAI_ID,
    seedName: "情感分析",
  },
  {
    name: "qianfan",
    use: (scenario: (context: ScenarioContext) => Scenario | undefined) => server.use(...qianfanHandlers({ scenario })),
    provider: (options: object = {}) => qianfanProvider({ credentials: qianfanTestCredentials, ...options }),
    id: QIANFAN_ID,
    seedName: "chatglm32k_v10",
  },
] as const;

describe.each(clouds)("$name", (cloud) => {
  const transient: [string, Scenario][] = [
    ["server-error", { type: "server-error", status: 503 }],
    ["network-error", "network-error"],
    ["throttled", { type: "throttled", retryAfterMs: 1 }],
    ["truncated", "truncated"],
  ];

  test.each(transient)("one %s, then success: two attempts, each signed afresh", async (_name, fault) => {
    const { attempts, scenario } = recordAttempts([fault]);
    cloud.use(scenario);
    const model = await cloud.provider({ retry: { baseDelayMs: 1 } }).getModel(cloud.id);
    expect(model.name).toBe(cloud.seedName);
    expect(attempts).toHaveLength(2);
    expectSignedAfresh(cloud.name, attempts);
  });

  test.each(transient)("%s on every attempt: maxAttempts made, then a retryable typed error", async (_name, fault) => {
    const { attempts, scenario } = recordAttempts([fault, fault, fault, fault]);
    cloud.use(scenario);
    const error = await rejection(cloud.provider({ retry: { baseDelayMs: 1, maxAttempts: 3 } }).getModel(cloud.id));
    expect(attempts).toHaveLength(3);
    expect(error.provider).toBe(cloud.name);
    expect(error.retryable).toBe(true);
    expect(["http", "network", "throttled", "invalid_response"]).toContain(error.code);
    expectSignedAfresh(cloud.name, attempts);
  });

  test.each<Scenario>(["not-found", "signature-mismatch", "invalid-access-key", "access-denied"])(
    "%s is final: one attempt",
    async (fault) => {
      const { attempts, scenario } = recordAttempts([fault, fault]);
      cloud.use(scenario);
      const error = await rejection(cloud.provider().getModel(cloud.id));
      expect(attempts).toHaveLength(1);
      expect(error.retryable).toBe(false);
    },
  );

  test("retry: false makes a single attempt", async () => {
    const { attempts, scenario } = recordAttempts(["network-error"]);
    cloud.use(scenario);
    expect((await rejection(cloud.provider({ retry: false }).getModel(cloud.id))).code).toBe("network");
    expect(attempts).toHaveLength(1);
  });

  test("a slow answer past timeoutMs is a timeout, and the retry is served", async () => {
    const { attempts, scenario } = recordAttempts([{ type: "slow", ms: 2_000 }]);
    cloud.use(scenario);
    const model = await cloud.provider({ timeoutMs: 100, retry: { baseDelayMs: 1 } }).getModel(cloud.id);
    expect(model.name).toBe(cloud.seedName);
    expect(attempts).toHaveLength(2);
  });

  test("the caller's abort during a slow answer: aborted, no retry", async () => {
    const { attempts, scenario } = recordAttempts([{ type: "slow", ms: 2_000 }]);
    cloud.use(scenario);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(cloud.provider().getModel(cloud.id, { signal: controller.signal }));
    expect(error.code).toBe("aborted");
    expect(attempts).toHaveLength(1);
  });
});

describe("waits are honoured (fake timers)", () => {
  test("PAI x-acs-retry-after: the retry is not sent before the wait is over, and is signed after it", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const { attempts, scenario } = recordAttempts([{ type: "throttled", retryAfterMs: 4_000 }]);
    server.use(...paiHandlers({ scenario }));
    const pending = paiProvider({ credentials: paiTestCredentials }).getModel(PAI_ID);

    await vi.waitFor(() => expect(attempts).toHaveLength(1));
    await vi.advanceTimersByTimeAsync(3_900);
    expect(attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    await vi.waitFor(() => expect(attempts).toHaveLength(2));
    expect((await pending).name).toBe("情感分析");
    // Signed after the wait: its x-acs-date is at least 4 s after the first one's.
    const [first, second] = attempts.map((attempt) => Date.parse(attempt.date));
    expect((second as number) - (first as number)).toBeGreaterThanOrEqual(4_000);
  });

  test("Qianfan error_code 18: exponential backoff between attempts", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const { attempts, scenario } = recordAttempts(["throttled", "throttled"]);
    server.use(...qianfanHandlers({ scenario }));
    const pending = qianfanProvider({
      credentials: qianfanTestCredentials,
      retry: { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 10_000 },
    }).getModel(QIANFAN_ID);
    await vi.waitFor(() => expect(attempts).toHaveLength(1));
    // Full jitter: the first wait is under 1 s, the second under 2 s.
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(attempts).toHaveLength(2));
    await vi.advanceTimersByTimeAsync(2_000);
    await vi.waitFor(() => expect(attempts).toHaveLength(3));
    expect((await pending).name).toBe("chatglm32k_v10");
  });
});

describe("clock skew against the mocks' own clock", () => {
  test.each(clouds)("$name: a cloud an hour ahead, 20 concurrent calls on one client all succeed", async (cloud) => {
    const ahead = () => new Date(Date.now() + 3_600_000);
    let calls = 0;
    const handlers =
      cloud.name === "pai"
        ? paiHandlers({ now: ahead, scenario: () => void calls++ })
        : qianfanHandlers({ now: ahead, scenario: () => void calls++ });
    server.use(...handlers);
    const provider = cloud.provider();
    const models = await Promise.all(Array.from({ length: 20 }, () => provider.getModel(cloud.id)));
    expect(models.every((model) => model.name === cloud.seedName)).toBe(true);
    // Each call was refused at most once before the client learnt the cloud's clock.
    expect(calls).toBeLessThanOrEqual(40);
    // The client keeps the offset: a later call is served at the first attempt.
    calls = 0;
    await provider.getModel(cloud.id);
    expect(calls).toBe(1);
  });
});
