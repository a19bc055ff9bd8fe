import { ENV_NAMES } from "@cloud-models/core";
import { SETTING_NAMES } from "./edge/clouds.ts";

/** Two columns, the second aligned, indented by two spaces. */
function columns(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}   ${right}`.trimEnd()).join("\n");
}

/** The `--help` text. */
export function helpText(seeds: { readonly pai: string; readonly qianfan: string }): string {
  const { pai, qianfan } = ENV_NAMES;
  return `cloud-models demo: one model from each cloud, side by side

Usage
  pnpm demo [options] [ref...]              (from the repository root)
  node src/cli.ts [options] [ref...]        (from apps/demo, Node >= 22.18)

  Without --live it starts the built-in mocks in this process: no keys, no network. The requests are
  still signed (with fake keys) and checked by the mocks the way the clouds check them.

Arguments
${columns([
  ["ref", "a model: pai:<ModelId> or qianfan:<modelId>"],
  ["", `default (mocks only): ${seeds.pai} ${seeds.qianfan}`],
])}

Options
${columns([
  ["--live", "call the real clouds with credentials from the environment (refs required)"],
  ["--json", "print the normalised models as JSON instead of a table"],
  ["--region <id>", `PAI region (default ${SETTING_NAMES.paiRegion}, else cn-hangzhou)`],
  ["-h, --help", "show this help"],
])}

Environment (--live; secrets are never printed)
${columns([
  [`${pai.accessKeyId}, ${pai.accessKeySecret}`, "for pai: refs"],
  [pai.securityToken, "optional: an STS token"],
  [`${qianfan.accessKeyId}, ${qianfan.accessKeySecret}`, "for qianfan: refs"],
  [qianfan.securityToken, "optional: an STS token"],
  [SETTING_NAMES.paiRegion, "PAI region"],
  [`${SETTING_NAMES.paiBaseUrl}, ${SETTING_NAMES.qianfanBaseUrl}`, "other endpoints: for tests and proxies"],
])}

Exit codes
${columns([
  ["0", "every model was fetched"],
  ["1", "a call failed (not found, refused, throttled, network…): one line per failure on stderr"],
  ["2", "usage or configuration error (bad option or ref, missing credentials)"],
])}

Examples
  pnpm demo
  pnpm demo --json | jq -r '.[].name'
  pnpm demo qianfan:am-txtetnsfq9sb
  export ${pai.accessKeyId}=… ${pai.accessKeySecret}=…
  pnpm demo --live --region cn-shanghai pai:<ModelId>
`;
}
