// Which clouds the environment configures, and their providers. Shared by the edge function and the CLI's --live
// mode, so both read the same variables the same way.
import {
  type Credentials,
  credentialsFromEnv,
  ENV_NAMES,
  type FetchLike,
  ModelError,
  type ModelProvider,
  type Provider,
  type TransportTuning,
} from "@cloud-models/core";
import { paiProvider } from "@cloud-models/pai";
import { qianfanProvider } from "@cloud-models/qianfan";
import type { EdgeEnv } from "./env.ts";

/** The clouds, in display order. */
export const PROVIDERS: readonly Provider[] = ["pai", "qianfan"];

/** Variables besides the credentials (`ENV_NAMES` of `@cloud-models/core`). */
export const SETTING_NAMES = {
  /** PAI region, e.g. `cn-shanghai`; default `cn-hangzhou`. */
  paiRegion: "PAI_REGION",
  /** Send PAI calls here instead of `https://aiworkspace.<region>.aliyuncs.com`: for tests and proxies. */
  paiBaseUrl: "PAI_BASE_URL",
  /** Send Qianfan calls here instead of `https://qianfan.baidubce.com`: for tests and proxies. */
  qianfanBaseUrl: "QIANFAN_BASE_URL",
} as const;

/** What the environment says about one cloud. */
export type CloudStatus =
  | { readonly state: "ready"; readonly provider: ModelProvider }
  /** Credentials are not set: `variables` names the ones to set. */
  | { readonly state: "missing"; readonly variables: readonly string[] }
  /** Set, but unusable (a malformed region or base URL): `error` says why, without values. */
  | { readonly state: "invalid"; readonly error: ModelError };

/** Options of {@link setupClouds}. */
export interface CloudSetupOptions {
  /** The PAI region; wins over `PAI_REGION`. */
  readonly region?: string | undefined;
  /** The `fetch` each provider sends with, per cloud (default: `globalThis.fetch`, looked up on every call). */
  readonly fetch?: Partial<Record<Provider, FetchLike>> | undefined;
  /** Retries and timeouts of every call. */
  readonly transport?: TransportTuning | undefined;
}

/**
 * Reads both clouds' configuration from `env` and makes a provider for each cloud that has credentials. Never
 * throws: a cloud that cannot be used says why in its {@link CloudStatus}.
 *
 * @example
 * ```ts
 * const clouds = setupClouds(process.env);
 * if (clouds.pai.state === "ready") console.log((await clouds.pai.provider.getModel("model-x")).name);
 * ```
 */
export function setupClouds(env: EdgeEnv, options: CloudSetupOptions = {}): Record<Provider, CloudStatus> {
  const read = (name: string): string | undefined => {
    const value = env[name];
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  };
  const status = (provider: Provider, make: (common: CommonOptions) => ModelProvider): CloudStatus => {
    const names = ENV_NAMES[provider];
    const missing = [names.accessKeyId, names.accessKeySecret].filter((name) => read(name) === undefined);
    if (missing.length > 0) {
      return { state: "missing", variables: missing };
    }
    try {
      // Only this cloud's variables, so a half-set other cloud cannot fail this one.
      const credentials = credentialsFromEnv(pick(env, Object.values(names)))[provider];
      if (credentials === undefined) {
        return { state: "missing", variables: missing };
      }
      const fetch = options.fetch?.[provider];
      return { state: "ready", provider: make({ ...options.transport, credentials, ...(fetch ? { fetch } : {}) }) };
    } catch (error) {
      const modelError = ModelError.isInstance(error)
        ? error
        : new ModelError(`${provider}: cannot be set up`, { code: "invalid_argument", provider, cause: error });
      return { state: "invalid", error: modelError };
    }
  };
  return {
    pai: status("pai", (common) =>
      paiProvider({
        ...common,
        region: options.region ?? read(SETTING_NAMES.paiRegion),
        baseUrl: read(SETTING_NAMES.paiBaseUrl),
      }),
    ),
    qianfan: status("qianfan", (common) => qianfanProvider({ ...common, baseUrl: read(SETTING_NAMES.qianfanBaseUrl) })),
  };
}

type CommonOptions = TransportTuning & {
  readonly credentials: Credentials;
  readonly fetch?: FetchLike;
};

/**
 * The secret values in `env` (access key secrets and security tokens of both clouds), to scrub from anything shown.
 * The SDK never puts them in messages; this is a second line of defence.
 */
export function secretsIn(env: EdgeEnv): string[] {
  return PROVIDERS.flatMap((provider) => [ENV_NAMES[provider].accessKeySecret, ENV_NAMES[provider].securityToken])
    .map((name) => env[name])
    .filter((value): value is string => typeof value === "string" && value.trim().length >= 4)
    .map((value) => value.trim());
}

/** `text` with every secret replaced by `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((result, secret) => result.split(secret).join("[redacted]"), text);
}

function pick(env: EdgeEnv, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((name) => [name, env[name]]));
}

/** Whether `value` names a cloud. */
export function isProvider(value: string): value is Provider {
  return (PROVIDERS as readonly string[]).includes(value);
}
