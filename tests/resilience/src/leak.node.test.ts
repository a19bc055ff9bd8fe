// Secrets never leak: every error path is triggered with marked secrets and security tokens, and everything a caller
// can observe of the error — message, toString, stack, JSON, util.inspect (hidden fields too), the whole cause chain,
// the signing details — and anything written to the console is scanned for the markers.
import { inspect } from "node:util";
import {
  type Credentials,
  createModelRegistry,
  credentialsFromEnv,
  ModelError,
  type ModelProvider,
} from "@cloud-models/core";
import { paiFixtures, paiHandlers, qianfanFixtures, qianfanHandlers, type Scenario } from "@cloud-models/mocks";
import { paiProvider } from "@cloud-models/pai";
import { qianfanProvider } from "@cloud-models/qianfan";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";

const SECRET = "SECRETMARKER7f3a";
const TOKEN = "TOKENMARKER9c1e";
const MARKERS = [SECRET, TOKEN, encodeURIComponent(`${TOKEN}/+=`)];

/** Fake, marked credentials: the mocks check signatures against these same values. */
const pai: Credentials = {
  accessKeyId: "FAKE_LEAK_PAI_ID",
  accessKeySecret: `pai-${SECRET}`,
  securityToken: `${TOKEN}/+=`,
};
const qianfan: Credentials = {
  accessKeyId: "FAKE_LEAK_QF_ID",
  accessKeySecret: `qf-${SECRET}`,
  securityToken: `${TOKEN}/+=`,
};

const server = setupServer();
const consoleOutput: string[] = [];
beforeAll(() => {
  server.listen({ onUnhandledFrame: "error" });
  for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleOutput.push(args.map((arg) => inspect(arg, { depth: 10 })).join(" "));
    });
  }
});
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  vi.restoreAllMocks();
});

/** Everything observable of a thrown value, its cause chain included. */
function observable(error: unknown, depth = 0): string {
  if (depth > 8 || error === undefined || error === null) {
    return "";
  }
  const parts = [String(error), inspect(error, { depth: 10, showHidden: true, getters: true })];
  if (error instanceof Error) {
    parts.push(error.message, error.stack ?? "");
  }
  try {
    parts.push(JSON.stringify(error) ?? "");
  } catch {
    // A value that does not serialise has nothing more to show.
  }
  if (ModelError.isInstance(error)) {
    parts.push(JSON.stringify(error.signing ?? {}));
  }
  if (typeof error === "object" && "cause" in error) {
    parts.push(observable((error as { cause?: unknown }).cause, depth + 1));
  }
  return parts.join("\n");
}

async function expectNoLeak(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(ModelError.isInstance(error)).toBe(true);
  const text = observable(error);
  for (const marker of MARKERS) {
    expect(text).not.toContain(marker);
  }
  return error as ModelError;
}

const scenarios: Scenario[] = [
  "not-found",
  "signature-mismatch",
  "invalid-access-key",
  "access-denied",
  "expired",
  { type: "throttled", retryAfterMs: 1 },
  { type: "server-error", status: 502 },
  "truncated",
  "network-error",
];

describe.each([
  {
    name: "pai",
    handlers: (options: object) => paiHandlers({ credentials: pai, ...options }),
    provider: (options: object = {}) => paiProvider({ credentials: pai, retry: { baseDelayMs: 1 }, ...options }),
    id: paiFixtures.model.ModelId,
  },
  {
    name: "qianfan",
    handlers: (options: object) => qianfanHandlers({ credentials: qianfan, ...options }),
    provider: (options: object = {}) =>
      qianfanProvider({ credentials: qianfan, retry: { baseDelayMs: 1 }, ...options }),
    id: qianfanFixtures.model.result.modelIdStr as string,
  },
])("$name", (cloud) => {
  test.each(scenarios)("scenario %j", async (scenario) => {
    server.use(...cloud.handlers({ scenario }));
    await expectNoLeak(cloud.provider().getModel(cloud.id));
  });

  test("a real signature mismatch (the cloud knows another secret) carries the signed request, token redacted", async () => {
    const accessKeyId = cloud.name === "pai" ? pai.accessKeyId : qianfan.accessKeyId;
    server.use(...cloud.handlers({ credentials: { accessKeyId, accessKeySecret: "another-secret" } }));
    const error = await expectNoLeak(cloud.provider().getModel(cloud.id));
    expect(error.code).toBe("unauthorized");
    expect(error.signing?.canonicalRequest).toContain("[redacted]");
  });

  test("timeouts, aborts and bad input", async () => {
    server.use(...cloud.handlers({ scenario: { type: "slow", ms: 1_000 } }));
    await expectNoLeak(cloud.provider({ timeoutMs: 20, retry: false }).getModel(cloud.id));
    await expectNoLeak(cloud.provider({ deadlineMs: 30 }).getModel(cloud.id));
    await expectNoLeak(cloud.provider().getModel(cloud.id, { signal: AbortSignal.abort() }));
    await expectNoLeak(cloud.provider().getModel(""));
    await expectNoLeak(cloud.provider().getModel(".."));
  });

  test("credentials that fail or are malformed", async () => {
    const failing = async (): Promise<Credentials> => {
      throw new Error("sts refused");
    };
    await expectNoLeak(cloud.provider({ credentials: failing }).getModel(cloud.id));
    const malformed = async () => ({ accessKeyId: "", accessKeySecret: `x-${SECRET}` }) as Credentials;
    await expectNoLeak(cloud.provider({ credentials: malformed }).getModel(cloud.id));
    let thrown: unknown;
    try {
      cloud.provider({ credentials: { accessKeyId: " ", accessKeySecret: SECRET, securityToken: TOKEN } });
    } catch (error) {
      thrown = error;
    }
    await expectNoLeak(Promise.reject(thrown));
  });
});

test("the registry's own errors and credentialsFromEnv", async () => {
  const registry = createModelRegistry({ providers: [paiProvider({ credentials: pai }) as ModelProvider] });
  await expectNoLeak(registry.getModel("qianfan:x"));
  await expectNoLeak(registry.getModel("no-colon"));
  await expectNoLeak(
    (async () => credentialsFromEnv({ QIANFAN_SECRET_KEY: SECRET, ALIBABA_CLOUD_SECURITY_TOKEN: TOKEN }))(),
  );
});

test("nothing was written to the console, and no marker in what was", () => {
  const text = consoleOutput.join("\n");
  for (const marker of MARKERS) {
    expect(text).not.toContain(marker);
  }
  expect(consoleOutput).toEqual([]);
});
