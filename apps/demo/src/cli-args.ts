import { parseArgs } from "node:util";
import { ModelError, type Provider, parseRef } from "@cloud-models/core";
import { isProvider, PROVIDERS } from "./edge/clouds.ts";

/** A model asked for on the command line. */
export interface CliRef {
  readonly provider: Provider;
  readonly id: string;
  /** As typed: `pai:<id>`. */
  readonly ref: string;
}

/** What the command line asks for. */
export interface CliOptions {
  readonly help: boolean;
  readonly live: boolean;
  readonly json: boolean;
  readonly region: string | undefined;
  /** The refs given, in order, without duplicates (may be empty). */
  readonly refs: readonly CliRef[];
}

/** A command line that cannot be run: exit code 2. The message is one line. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/**
 * Parses the arguments after `node src/cli.ts`. A leading `--` (what `pnpm demo -- --json` passes on) is dropped.
 *
 * @throws UsageError for an unknown option, a missing option value, or a ref that is not `pai:<id>` / `qianfan:<id>`.
 */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const args = argv[0] === "--" ? argv.slice(1) : [...argv];
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    // node:util's messages run on with advice about `--`; the first sentence is the point.
    const message = error instanceof Error ? (error.message.split(/\.(\s|$)/)[0] ?? error.message) : String(error);
    throw new UsageError(message.charAt(0).toLowerCase() + message.slice(1));
  }
  const { values, positionals } = parsed;
  const refs = new Map<string, CliRef>();
  for (const text of positionals) {
    const ref = toRef(text);
    refs.set(`${ref.provider}:${ref.id}`, ref);
  }
  return {
    help: values.help ?? false,
    live: values.live ?? false,
    json: values.json ?? false,
    region: values.region,
    refs: [...refs.values()],
  };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: "boolean", short: "h" },
      live: { type: "boolean" },
      json: { type: "boolean" },
      region: { type: "string" },
    },
  });
}

function toRef(text: string): CliRef {
  let parts: { provider: string; id: string };
  try {
    parts = parseRef(text);
  } catch (error) {
    const reason = ModelError.isInstance(error) ? error.message : String(error);
    throw new UsageError(reason.replace(/^invalid model ref/, "invalid ref"));
  }
  if (!isProvider(parts.provider)) {
    throw new UsageError(
      `unknown cloud ${JSON.stringify(parts.provider)} in ${JSON.stringify(text)}: use ${PROVIDERS.map((provider) => `${provider}:<id>`).join(" or ")}`,
    );
  }
  if (parts.id.trim() === "") {
    throw new UsageError(`no model id in ${JSON.stringify(text)}: use ${parts.provider}:<id>`);
  }
  return { provider: parts.provider, id: parts.id, ref: text };
}
