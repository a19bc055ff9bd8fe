import { ENV_NAMES, type Model, ModelError, type ModelProvider, type Provider } from "@cloud-models/core";
import { paiTestCredentials, qianfanTestCredentials } from "@cloud-models/mocks";
import { paiProvider } from "@cloud-models/pai";
import { qianfanProvider } from "@cloud-models/qianfan";
import { type CliOptions, type CliRef, parseCliArgs, UsageError } from "./cli-args.ts";
import { helpText } from "./cli-help.ts";
import { redact, secretsIn, setupClouds } from "./edge/clouds.ts";
import type { EdgeEnv } from "./edge/env.ts";
import { renderModelTable } from "./model-table.ts";
import { SEED_IDS } from "./seeds.ts";

/** Exit codes, as `--help` documents them. */
export const EXIT = { ok: 0, callFailed: 1, usage: 2 } as const;

/** The seed models the mocks serve: the default refs. */
export const SEED_REFS = { pai: `pai:${SEED_IDS.pai}`, qianfan: `qianfan:${SEED_IDS.qianfan}` } as const;

/** Where the CLI reads and writes. */
export interface CliIo {
  readonly env: EdgeEnv;
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean | undefined };
  readonly stderr: { write(text: string): unknown };
}

type Providers = Partial<Record<Provider, ModelProvider>>;

/** Runs the demo CLI and resolves to its exit code. Never throws; never prints a stack trace or a secret. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const secrets = secretsIn(io.env);
  const fail = (code: number, message: string): number => {
    io.stderr.write(`error: ${oneLine(redact(message, secrets))}\n`);
    return code;
  };
  try {
    let options: CliOptions;
    try {
      options = parseCliArgs(argv);
    } catch (error) {
      if (error instanceof UsageError) {
        return fail(EXIT.usage, `${error.message} (see --help)`);
      }
      throw error;
    }
    if (options.help) {
      io.stdout.write(helpText(SEED_REFS));
      return EXIT.ok;
    }
    return options.live ? await live(options, io, fail) : await mocked(options, io, fail);
  } catch (error) {
    const message = ModelError.isInstance(error) || error instanceof Error ? error.message : String(error);
    return fail(EXIT.callFailed, `unexpected failure: ${message}`);
  }
}

type Fail = (code: number, message: string) => number;

async function live(options: CliOptions, io: CliIo, fail: Fail): Promise<number> {
  if (options.refs.length === 0) {
    return fail(EXIT.usage, "--live needs the models to fetch, e.g. pai:<ModelId> qianfan:<modelId> (see --help)");
  }
  const clouds = setupClouds(io.env, { region: options.region });
  const needed = [...new Set(options.refs.map((ref) => ref.provider))];
  const missing = needed.flatMap((provider) => {
    const cloud = clouds[provider];
    return cloud.state === "missing" ? cloud.variables : [];
  });
  if (missing.length > 0) {
    return fail(EXIT.usage, `--live needs credentials in the environment: ${missing.join(", ")} not set`);
  }
  const providers: Providers = {};
  for (const provider of needed) {
    const cloud = clouds[provider];
    if (cloud.state === "invalid") {
      return fail(EXIT.usage, cloud.error.message);
    }
    if (cloud.state === "ready") {
      providers[provider] = cloud.provider;
    }
  }
  return show(options.refs, providers, options, io, fail, undefined);
}

async function mocked(options: CliOptions, io: CliIo, fail: Fail): Promise<number> {
  let providers: Providers;
  try {
    const region = options.region;
    providers = {
      pai: paiProvider({ credentials: paiTestCredentials, region }),
      qianfan: qianfanProvider({ credentials: qianfanTestCredentials }),
    };
  } catch (error) {
    return fail(EXIT.usage, ModelError.isInstance(error) ? error.message : String(error));
  }
  const refs: readonly CliRef[] =
    options.refs.length > 0
      ? options.refs
      : [
          { provider: "pai", id: SEED_IDS.pai, ref: SEED_REFS.pai },
          { provider: "qianfan", id: SEED_IDS.qianfan, ref: SEED_REFS.qianfan },
        ];
  // Loaded only here: --live never loads msw/node, so nothing in it can intercept a live call.
  const { server } = await import("@cloud-models/mocks/node");
  server.listen({ onUnhandledFrame: "error" });
  try {
    return await show(refs, providers, options, io, fail, MOCK_NOTE);
  } finally {
    server.close();
  }
}

async function show(
  refs: readonly CliRef[],
  providers: Providers,
  options: CliOptions,
  io: CliIo,
  fail: Fail,
  note: string | undefined,
): Promise<number> {
  const results = await Promise.allSettled(
    refs.map(async (ref) => {
      const provider = providers[ref.provider];
      if (provider === undefined) {
        throw new ModelError(`no ${ref.provider} provider`, { code: "unknown_provider" });
      }
      return provider.getModel(ref.id);
    }),
  );
  const models: Model[] = [];
  let failed = 0;
  results.forEach((result, index) => {
    const ref = refs[index]?.ref ?? "?";
    if (result.status === "fulfilled") {
      models.push(result.value);
      return;
    }
    failed += 1;
    fail(EXIT.callFailed, `${ref}: ${describe(result.reason, options.live)}`);
  });
  if (failed > 0) {
    return EXIT.callFailed;
  }
  if (options.json) {
    io.stdout.write(`${JSON.stringify(models, null, 2)}\n`);
    return EXIT.ok;
  }
  const color = io.stdout.isTTY === true && io.env["NO_COLOR"] === undefined;
  const table = renderModelTable(models, color ? { styleHeader: (text) => `\u001b[1m${text}\u001b[22m` } : {});
  io.stdout.write(`${table}\n`);
  if (note !== undefined) {
    io.stdout.write(color ? `\n\u001b[2m${note}\u001b[22m\n` : `\n${note}\n`);
  }
  return EXIT.ok;
}

function describe(error: unknown, live: boolean): string {
  if (!ModelError.isInstance(error)) {
    return error instanceof Error ? error.message : String(error);
  }
  const what = error.code === "not_found" ? "not found" : error.code.replace(/_/g, " ");
  const hint =
    live && error.code === "unauthorized" && error.provider !== undefined
      ? ` (check ${ENV_NAMES[error.provider].accessKeyId} and ${ENV_NAMES[error.provider].accessKeySecret})`
      : "";
  return `${what}: ${error.message}${hint}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

const MOCK_NOTE = [
  "Served by the built-in mocks (@cloud-models/mocks) inside this process: every request was signed with fake",
  "keys and checked the way the clouds check it, and nothing left this machine. To call the real clouds:",
  "",
  ...aligned([
    [`export ${ENV_NAMES.pai.accessKeyId}=… ${ENV_NAMES.pai.accessKeySecret}=…`, "# Alibaba Cloud PAI"],
    [`export ${ENV_NAMES.qianfan.accessKeyId}=… ${ENV_NAMES.qianfan.accessKeySecret}=…`, "# Baidu Qianfan"],
    ["pnpm demo --live pai:<ModelId> qianfan:<modelId>", "# see --help"],
  ]),
].join("\n");

function aligned(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([command]) => command.length));
  return rows.map(([command, comment]) => `  ${command.padEnd(width)}   ${comment}`);
}
