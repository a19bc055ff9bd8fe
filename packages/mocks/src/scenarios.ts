import { DEFAULT_RETRY_AFTER_MS, DEFAULT_SERVER_ERROR_STATUS, DEFAULT_SLOW_MS } from "./constants.ts";

/**
 * `throttled`, with the wait PAI asks for. PAI answers 429 `Throttling.User` with `x-acs-retry-after` set to
 * `retryAfterMs` (milliseconds, default 1000); Qianfan answers HTTP 200 `error_code` 18 and names no wait.
 */
export interface ThrottledScenario {
  readonly type: "throttled";
  readonly retryAfterMs?: number | undefined;
}

/** `server-error`, with the status to answer: an HTML page from the gateway (default 503). */
export interface ServerErrorScenario {
  readonly type: "server-error";
  readonly status?: 500 | 502 | 503 | 504 | undefined;
}

/**
 * `slow`: wait `ms` (default the handlers' `delayMs`, else 2000), then answer as `answer` says (default: normally).
 * The answer is named `answer`, not `then`, so a scenario object is never mistaken for a promise.
 */
export interface SlowScenario {
  readonly type: "slow";
  readonly ms?: number | undefined;
  readonly answer?: AnswerScenario | undefined;
}

/**
 * How a handler answers, besides waiting. Each answer is the vendor's own, in its exact format:
 *
 * | scenario | PAI | Qianfan |
 * | --- | --- | --- |
 * | `"ok"` | the model (or not-found); overrides a broader scenario | same |
 * | `"not-found"` | 404 `InvalidModel.NotFound` | 200 `error_code` 336001 `model not exist` |
 * | `"signature-mismatch"` | 400 `SignatureDoesNotMatch` | 401 `SignatureDoesNotMatch` (headers, empty body) |
 * | `"invalid-access-key"` | 404 `InvalidAccessKeyId.NotFound` | 401 `InvalidAccessKeyId` |
 * | `"access-denied"` | 403 `Forbidden.RAM`, naming `paimodel:GetModel` | 403 `AccessDenied` |
 * | `"expired"` | 400 `InvalidTimeStamp.Expired` | 403 `RequestExpired` |
 * | `"throttled"` | 429 `Throttling.User`, `x-acs-retry-after` | 200 `error_code` 18 (QPS limit) |
 * | `"server-error"` | 503 HTML page | 503 HTML page |
 * | `"truncated"` | 200 JSON cut off half-way | same |
 * | `"network-error"` | the connection fails (`fetch` rejects) | same |
 *
 * The auth answers are given even to a correctly signed request; `network-error` and `server-error` come before
 * any signature check, as a failing gateway would.
 */
export type AnswerScenario =
  | "ok"
  | "not-found"
  | "signature-mismatch"
  | "invalid-access-key"
  | "access-denied"
  | "expired"
  | "throttled"
  | ThrottledScenario
  | "server-error"
  | ServerErrorScenario
  | "truncated"
  | "network-error";

/**
 * What a handler should do with a call: an {@link AnswerScenario}, or `"slow"` / {@link SlowScenario} to wait
 * first.
 *
 * @example
 * ```ts
 * server.use(...paiHandlers({ scenario: "throttled" }));                                // every call
 * server.use(...paiHandlers({ scenarios: { "model-1": { type: "server-error", status: 502 } } })); // one id
 * server.use(...qianfanHandlers({ scenario: ({ call }) => (call === 1 ? "network-error" : undefined) }));
 * ```
 */
export type Scenario = AnswerScenario | "slow" | SlowScenario;

/** What a scenario function is told about a call. */
export interface ScenarioContext {
  readonly provider: "pai" | "qianfan";
  /** The model id asked for (PAI: the path; Qianfan: `modelId` of the body, as a string), if there is one. */
  readonly id: string | undefined;
  /** 1 for the first call this handler set answers, then 2, 3… */
  readonly call: number;
  /** A copy of the request. */
  readonly request: Request;
}

/** Decides the scenario of one call; `undefined` means a normal answer. */
export type ScenarioFunction = (context: ScenarioContext) => Scenario | undefined;

/** A scenario with its defaults filled in. @internal */
export type ResolvedAnswer =
  | { readonly type: "not-found" | "signature-mismatch" | "invalid-access-key" | "access-denied" | "expired" }
  | { readonly type: "truncated" | "network-error" }
  | { readonly type: "throttled"; readonly retryAfterMs: number }
  | { readonly type: "server-error"; readonly status: number };

/** What to do with one call: wait `delayMs`, then answer as `answer` says (`undefined`: normally). @internal */
export interface ScenarioPlan {
  readonly delayMs: number;
  readonly answer: ResolvedAnswer | undefined;
}

/** The scenario options of the handlers. @internal */
export interface ScenarioOptions {
  readonly scenario?: Scenario | ScenarioFunction | undefined;
  readonly scenarios?: Readonly<Record<string, Scenario>> | undefined;
  readonly delayMs?: number | undefined;
}

/**
 * Picks the scenario of a call: the id's entry in `scenarios` first, then `scenario` (called when a function).
 * @internal
 */
export function planScenario(options: ScenarioOptions, context: ScenarioContext): ScenarioPlan {
  const byId = context.id === undefined ? undefined : ownEntry(options.scenarios, context.id);
  const general = typeof options.scenario === "function" ? options.scenario(context) : options.scenario;
  if (general !== undefined && !isScenario(general)) {
    // Thrown inside the handler, MSW answers 500 and names the error: louder than answering normally.
    throw new TypeError(`the scenario function returned an unknown scenario: ${JSON.stringify(general)}`);
  }
  const scenario = byId ?? general;
  if (scenario === "slow" || (typeof scenario === "object" && scenario.type === "slow")) {
    const slow: SlowScenario = scenario === "slow" ? { type: "slow" } : scenario;
    return { delayMs: slow.ms ?? options.delayMs ?? DEFAULT_SLOW_MS, answer: resolveAnswer(slow.answer) };
  }
  return { delayMs: 0, answer: resolveAnswer(scenario) };
}

/** Checks scenario options when the handlers are made, so a typo fails the test setup, not a request. @internal */
export function assertScenarioOptions(options: ScenarioOptions): void {
  const check = (scenario: Scenario | undefined, where: string): void => {
    if (scenario !== undefined && !isScenario(scenario)) {
      throw new TypeError(`${where} is not a known scenario: ${JSON.stringify(scenario)}`);
    }
  };
  if (typeof options.scenario !== "function") {
    check(options.scenario, "scenario");
  }
  for (const [id, scenario] of Object.entries(options.scenarios ?? {})) {
    check(scenario, `scenarios[${JSON.stringify(id)}]`);
  }
  if (options.delayMs !== undefined && !(Number.isFinite(options.delayMs) && options.delayMs >= 0)) {
    throw new TypeError("delayMs must be a number of milliseconds, 0 or more");
  }
}

const NAMES: ReadonlySet<string> = new Set([
  "ok",
  "not-found",
  "signature-mismatch",
  "invalid-access-key",
  "access-denied",
  "expired",
  "throttled",
  "server-error",
  "truncated",
  "network-error",
]);

function isScenario(value: unknown): value is Scenario {
  if (typeof value === "string") {
    return value === "slow" || NAMES.has(value);
  }
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const { type, answer } = value as { type?: unknown; answer?: unknown };
  if (type === "slow") {
    return (
      answer === undefined ||
      (isScenario(answer) && answer !== "slow" && (answer as { type?: unknown }).type !== "slow")
    );
  }
  return type === "throttled" || type === "server-error";
}

function resolveAnswer(scenario: AnswerScenario | undefined): ResolvedAnswer | undefined {
  if (scenario === undefined || scenario === "ok") {
    return undefined;
  }
  if (scenario === "throttled") {
    return { type: "throttled", retryAfterMs: DEFAULT_RETRY_AFTER_MS };
  }
  if (scenario === "server-error") {
    return { type: "server-error", status: DEFAULT_SERVER_ERROR_STATUS };
  }
  if (typeof scenario === "string") {
    return { type: scenario };
  }
  if (scenario.type === "throttled") {
    return { type: "throttled", retryAfterMs: scenario.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS };
  }
  return { type: "server-error", status: scenario.status ?? DEFAULT_SERVER_ERROR_STATUS };
}

function ownEntry(record: Readonly<Record<string, Scenario>> | undefined, key: string): Scenario | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
