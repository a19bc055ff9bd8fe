// Load: 1,000 concurrent getModel calls across both clouds against the mocks (every signature checked), first clean,
// then with 10 % of the calls' first attempts failing; retries must recover every call. Heap is measured around each
// run and reported, and the SDK's own retained memory per call is checked with the interceptor out of the way.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createModelRegistry } from "@cloud-models/core";
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
import { getResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, expect, test } from "vitest";

const CALLS = 1_000;
/**
 * Through setupServer, msw's Node interceptor itself keeps about 30 KiB per request it has seen (measured: 0 MiB with
 * the same calls answered by `getResponse`, below), so the ceiling for those runs is generous. The SDK's own memory
 * is checked strictly in the last test.
 */
const HEAP_GROWTH_LIMIT_MIB = 64;
const SDK_HEAP_GROWTH_LIMIT_MIB = 4;
const FAULTS: Scenario[] = [
  { type: "server-error", status: 503 },
  "network-error",
  { type: "throttled", retryAfterMs: 1 },
  "truncated",
];

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/**
 * Heap in use after full collections. Between them the event loop turns, so FinalizationRegistry callbacks (undici
 * drops a Request's abort listeners in one) run and what they release is collected too.
 */
async function heapMiB(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

// One distinct model per call, so each call's attempts can be told apart by id.
const paiModels = Array.from({ length: CALLS / 2 }, (_, i) => ({ ...paiFixtures.model, ModelId: `load-pai-${i}` }));
const qianfanModels = Array.from({ length: CALLS / 2 }, (_, i) => ({
  ...qianfanFixtures.model,
  result: { ...qianfanFixtures.model.result, modelIdStr: `load-qf-${i}` },
}));

/** Fails the first attempt of every tenth id, with a different fault each time, when `enabled`. */
function faultPlan() {
  const seen = new Map<string, number>();
  const state = { enabled: false, injected: 0, attempts: 0 };
  const scenario = (context: ScenarioContext): Scenario | undefined => {
    state.attempts++;
    const id = context.id ?? "";
    const attempt = (seen.get(id) ?? 0) + 1;
    seen.set(id, attempt);
    const index = Number(id.split("-").at(-1));
    if (state.enabled && attempt === 1 && index % 10 === 0) {
      state.injected++;
      return FAULTS[(index / 10) % FAULTS.length];
    }
    return undefined;
  };
  return { state, scenario, reset: () => seen.clear() };
}

const plan = faultPlan();
const server = setupServer(
  ...paiHandlers({ models: paiModels, scenario: plan.scenario }),
  ...qianfanHandlers({ models: qianfanModels, scenario: plan.scenario }),
);
beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterAll(() => server.close());

const registry = createModelRegistry({
  providers: [
    paiProvider({ credentials: paiTestCredentials, retry: { baseDelayMs: 5 } }),
    qianfanProvider({ credentials: qianfanTestCredentials, retry: { baseDelayMs: 5 } }),
  ],
});

const refs = Array.from({ length: CALLS / 2 }, (_, i) => [`pai:load-pai-${i}`, `qianfan:load-qf-${i}`]).flat();

/** Runs every call at once; keeps only the refs served and the failures, so the heap after holds no models. */
async function runAll(): Promise<{ served: Set<string>; failed: unknown[] }> {
  const settled = await Promise.allSettled(refs.map((ref) => registry.getModel(ref)));
  return {
    served: new Set(settled.flatMap((result) => (result.status === "fulfilled" ? [result.value.ref] : []))),
    failed: settled.flatMap((result) => (result.status === "rejected" ? [result.reason] : [])),
  };
}

// Warm-up: the first calls load modules, compile code and fill connection pools; that is not per-call memory.
beforeAll(async () => {
  await Promise.all(refs.slice(0, 100).map((ref) => registry.getModel(ref)));
  plan.state.attempts = 0;
});

test(`${CALLS} concurrent calls across both clouds: no failure`, { timeout: 120_000 }, async () => {
  const before = await heapMiB();
  const { served, failed } = await runAll();
  const after = await heapMiB();
  process.stdout.write(`load: ${CALLS} calls, heap ${before.toFixed(1)} → ${after.toFixed(1)} MiB\n`);
  expect(failed).toEqual([]);
  expect(served).toEqual(new Set(refs));
  expect(plan.state.attempts).toBe(CALLS);
  expect(after - before).toBeLessThan(HEAP_GROWTH_LIMIT_MIB);
});

test(`${CALLS} concurrent calls with 10 % injected faults: retries recover every call`, {
  timeout: 120_000,
}, async () => {
  plan.reset();
  plan.state.enabled = true;
  plan.state.attempts = 0;
  const before = await heapMiB();
  const { served, failed } = await runAll();
  const after = await heapMiB();
  process.stdout.write(
    `load with faults: ${plan.state.injected} faults injected, ${plan.state.attempts} attempts, heap ${before.toFixed(1)} → ${after.toFixed(1)} MiB\n`,
  );
  expect(failed).toEqual([]);
  expect(served).toEqual(new Set(refs));
  expect(plan.state.injected).toBe(CALLS / 10);
  expect(plan.state.attempts).toBe(CALLS + CALLS / 10);
  expect(after - before).toBeLessThan(HEAP_GROWTH_LIMIT_MIB);
});

test("the SDK keeps no memory per call (the mocks answer in process, without msw's interceptor)", {
  timeout: 120_000,
}, async () => {
  // Signature checking off here: the mocks' nonce memory would grow with every call and blur what is measured.
  const handlers = [
    ...paiHandlers({ models: paiModels, credentials: false }),
    ...qianfanHandlers({ models: qianfanModels, credentials: false }),
  ];
  const fetch = async (request: Request) =>
    (await getResponse(handlers, request)) ?? new Response(null, { status: 599 });
  const direct = createModelRegistry({
    providers: [
      paiProvider({ credentials: paiTestCredentials, fetch }),
      qianfanProvider({ credentials: qianfanTestCredentials, fetch }),
    ],
  });
  const round = () => Promise.all(refs.map((ref) => direct.getModel(ref).then((model) => model.ref)));
  // Warm-up at full concurrency: code, caches and the allocator's high-water mark.
  await round();
  await round();
  const readings = [await heapMiB()];
  for (let i = 0; i < 4; i++) {
    expect(new Set(await round())).toEqual(new Set(refs));
    readings.push(await heapMiB());
  }
  process.stdout.write(`sdk only: ${4 * CALLS} calls, heap ${readings.map((mib) => mib.toFixed(1)).join(" → ")} MiB\n`);
  expect((readings.at(-1) as number) - (readings[0] as number)).toBeLessThan(SDK_HEAP_GROWTH_LIMIT_MIB);
});
