import type { Credentials } from "@cloud-models/core";
import type { Scenario, ScenarioFunction } from "./scenarios.ts";

/**
 * Options of `paiHandlers` and `qianfanHandlers` (the same for both; `TModel` is the cloud's success body).
 *
 * @example
 * ```ts
 * paiHandlers({
 *   models: [{ ...paiFixtures.model, ModelId: "model-2", ModelName: "Other" }],
 *   scenarios: { "model-broken": "server-error" },
 * });
 * ```
 */
export interface MockOptions<TModel> {
  /**
   * The key pair a request must be signed with. Default: the cloud's fake test credentials
   * (`paiTestCredentials` / `qianfanTestCredentials`), so signatures are checked unless this is `false`.
   */
  readonly credentials?: Credentials | false | undefined;
  /** Models to serve besides the seed fixture(s); one with the id of a seed (or of an earlier one) replaces it. */
  readonly models?: readonly TModel[] | undefined;
  /** A scenario for every call, or a function choosing one per call (`undefined`: answer normally). */
  readonly scenario?: Scenario | ScenarioFunction | undefined;
  /** A scenario per model id; it wins over `scenario`. */
  readonly scenarios?: Readonly<Record<string, Scenario>> | undefined;
  /** The server's clock, for the signature time window and the `date` header. Default: the current time. */
  readonly now?: (() => Date) | undefined;
  /** The wait of the `slow` scenario when it gives none, in milliseconds. Default 2000. */
  readonly delayMs?: number | undefined;
}

/** The resolved clock and credentials of a handler set. @internal */
export interface ResolvedMockOptions {
  readonly credentials: Credentials | undefined;
  readonly now: () => Date;
}

/** Fills in the defaults and checks what the caller gave. @internal */
export function resolveMockOptions<TModel>(
  options: MockOptions<TModel>,
  testCredentials: Credentials,
  what: string,
): ResolvedMockOptions {
  const credentials = options.credentials === undefined ? testCredentials : options.credentials;
  if (credentials !== false) {
    const { accessKeyId, accessKeySecret } = (credentials ?? {}) as Partial<Credentials>;
    if (
      typeof accessKeyId !== "string" ||
      accessKeyId === "" ||
      typeof accessKeySecret !== "string" ||
      accessKeySecret === ""
    ) {
      throw new TypeError(`${what} mock credentials need a non-empty accessKeyId and accessKeySecret (or false)`);
    }
  }
  const now = options.now ?? (() => new Date());
  return { credentials: credentials === false ? undefined : credentials, now };
}
