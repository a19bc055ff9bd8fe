import { ModelError, type Provider } from "./errors.ts";

/**
 * An access key pair, optionally with a temporary security token (Alibaba STS, Baidu STS).
 *
 * Both clouds use the same shape here: Baidu calls the secret `secretAccessKey` (SK) and Alibaba
 * `accessKeySecret`; cloud-models names it `accessKeySecret` for both.
 */
export interface Credentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string | undefined;
}

/**
 * Where a client gets its credentials: a fixed object, or a function called before every signed attempt (return
 * fresh STS credentials from it; cache them yourself if fetching them is costly).
 */
export type CredentialsSource = Credentials | (() => Credentials | Promise<Credentials>);

/**
 * Resolves a {@link CredentialsSource} and checks its shape.
 *
 * @throws ModelError `credentials` when the source throws or returns something that is not a key pair. The message
 * names the field at fault, never its value.
 */
export async function resolveCredentials(source: CredentialsSource, provider: Provider): Promise<Credentials> {
  let credentials: unknown;
  try {
    credentials = typeof source === "function" ? await source() : source;
  } catch (cause) {
    throw new ModelError(`${provider} credentials provider failed`, { code: "credentials", provider, cause });
  }
  const problem = describeCredentialsProblem(credentials);
  if (problem) {
    throw new ModelError(`${provider} credentials are invalid: ${problem}`, { code: "credentials", provider });
  }
  return credentials as Credentials;
}

/**
 * Checks a {@link CredentialsSource} when a client is made: a function is taken as it is (it is checked on each
 * call), an object must be a valid key pair now.
 *
 * @throws ModelError `credentials`
 */
export function assertCredentialsSource(source: unknown, provider: Provider): asserts source is CredentialsSource {
  if (typeof source === "function") {
    return;
  }
  const problem = describeCredentialsProblem(source);
  if (problem) {
    throw new ModelError(`${provider} credentials are invalid: ${problem}`, { code: "credentials", provider });
  }
}

function describeCredentialsProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) {
    return "expected an object with accessKeyId and accessKeySecret";
  }
  const { accessKeyId, accessKeySecret, securityToken } = value as Record<string, unknown>;
  if (typeof accessKeyId !== "string" || accessKeyId.trim() === "") {
    return "accessKeyId must be a non-empty string";
  }
  if (typeof accessKeySecret !== "string" || accessKeySecret.trim() === "") {
    return "accessKeySecret must be a non-empty string";
  }
  if (securityToken !== undefined && (typeof securityToken !== "string" || securityToken.trim() === "")) {
    return "securityToken, when given, must be a non-empty string";
  }
  return undefined;
}

/** The variable names {@link credentialsFromEnv} reads. */
export const ENV_NAMES: {
  readonly pai: { readonly accessKeyId: string; readonly accessKeySecret: string; readonly securityToken: string };
  readonly qianfan: { readonly accessKeyId: string; readonly accessKeySecret: string; readonly securityToken: string };
} = {
  pai: {
    accessKeyId: "ALIBABA_CLOUD_ACCESS_KEY_ID",
    accessKeySecret: "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
    securityToken: "ALIBABA_CLOUD_SECURITY_TOKEN",
  },
  qianfan: {
    accessKeyId: "QIANFAN_ACCESS_KEY",
    accessKeySecret: "QIANFAN_SECRET_KEY",
    securityToken: "QIANFAN_SECURITY_TOKEN",
  },
};

/** What {@link credentialsFromEnv} found: a cloud is `undefined` when none of its variables is set. */
export interface EnvCredentials {
  readonly pai: Credentials | undefined;
  readonly qianfan: Credentials | undefined;
}

/**
 * Reads both clouds' credentials from an environment object the caller passes: a Workers `env` binding,
 * `Deno.env.toObject()`, or Node's environment object. The SDK itself never reads the environment.
 *
 * Alibaba: `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET`, optional `ALIBABA_CLOUD_SECURITY_TOKEN`.
 * Qianfan: `QIANFAN_ACCESS_KEY`, `QIANFAN_SECRET_KEY`, optional `QIANFAN_SECURITY_TOKEN`.
 *
 * @throws ModelError `credentials` when a cloud's variables are only partly set (the message names the missing
 * variable, never a value).
 * @example
 * ```ts
 * // In a Cloudflare Worker: export default { fetch(request, env) { … credentialsFromEnv(env) … } }
 * const { pai, qianfan } = credentialsFromEnv(env);
 * ```
 */
export function credentialsFromEnv(env: Readonly<Record<string, unknown>>): EnvCredentials {
  return { pai: readPair(env, "pai"), qianfan: readPair(env, "qianfan") };
}

function readPair(env: Readonly<Record<string, unknown>>, provider: Provider): Credentials | undefined {
  const names = ENV_NAMES[provider];
  const read = (name: string): string | undefined => {
    const value = env[name];
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  };
  const accessKeyId = read(names.accessKeyId);
  const accessKeySecret = read(names.accessKeySecret);
  const securityToken = read(names.securityToken);
  if (accessKeyId === undefined && accessKeySecret === undefined && securityToken === undefined) {
    return undefined;
  }
  const missing =
    accessKeyId === undefined ? names.accessKeyId : accessKeySecret === undefined ? names.accessKeySecret : undefined;
  if (missing !== undefined) {
    throw new ModelError(`${provider} credentials are incomplete: ${missing} is not set`, {
      code: "credentials",
      provider,
    });
  }
  return securityToken === undefined
    ? { accessKeyId: accessKeyId as string, accessKeySecret: accessKeySecret as string }
    : { accessKeyId: accessKeyId as string, accessKeySecret: accessKeySecret as string, securityToken };
}
