// Turns the measurements into one markdown table: each figure of ours beside the officials' (or the yardstick),
// the ratio, the budget and whether it is met.
import { formatBytes, formatInt, formatMs, formatRatio } from "./common.mjs";

export const BUDGETS = {
  registryGzip: 6000,
  coldImportRatio: 1.3,
  signingRatio: 1.0,
  endToEndRatio: 1.15,
};

const MET = "✅ met";
const MISSED = "❌ missed";

function verdict(ok) {
  return ok ? MET : MISSED;
}

/** A ratio against a budget, with a third decimal when two would hide which side of the budget it is on. */
function ratioAgainst(value, budget) {
  return Number.isFinite(value) && value.toFixed(2) === budget.toFixed(2) && value !== budget
    ? `${value.toFixed(3)}×`
    : formatRatio(value);
}

function cell(result, format) {
  return result === undefined ? "not measured" : result.error !== undefined ? `— (${result.error})` : format(result);
}

/** Rows of `[measure, ours, official or yardstick, ratio, budget, met]`. */
function rows(results) {
  const out = [];
  const { size, footprints, imports, signing, endToEnd, workerd, chromium } = results;

  if (size) {
    const gz = (id) => size[id]?.gzip;
    const registry = gz("registry");
    const yardstick = size["openapi-fetch"];
    out.push([
      "**Bundle**, browser, min+gzip: registry + pai + qianfan",
      cell(size.registry, (r) => formatBytes(r.gzip)),
      `openapi-fetch alone ${cell(yardstick, (r) => formatBytes(r.gzip))}`,
      formatRatio(registry / yardstick?.gzip),
      `≤ ${formatInt(BUDGETS.registryGzip)} B`,
      registry === undefined ? "—" : verdict(registry <= BUDGETS.registryGzip),
    ]);
    for (const id of ["pai", "qianfan"]) {
      const own = gz(id);
      out.push([
        `**Bundle**, browser: ${id} provider alone`,
        cell(size[id], (r) => formatBytes(r.gzip)),
        "",
        `${formatRatio(own / registry)} of the registry app`,
        `< registry app, ≤ ${formatInt(BUDGETS.registryGzip)} B`,
        own === undefined ? "—" : verdict(own < registry && own <= BUDGETS.registryGzip),
      ]);
    }
    out.push([
      "**Bundle**, browser: core, every export",
      cell(size.core, (r) => formatBytes(r.gzip)),
      "",
      "",
      "report",
      "",
    ]);
    out.push([
      "**Bundle**, officials for the browser",
      "ours bundle (rows above)",
      `Alibaba ${cell(size["alibaba-browser"], (r) => formatBytes(r.gzip))}; Qianfan ${cell(size["qianfan-official-browser"], (r) => formatBytes(r.gzip))}`,
      "",
      "report",
      "",
    ]);
    out.push([
      "**Bundle**, officials for Node, min+gzip",
      "",
      `Alibaba @alicloud/openapi-core ${cell(size["alibaba-node"], (r) => formatBytes(r.gzip))}; @baiducloud/qianfan ${cell(size["qianfan-official-node"], (r) => formatBytes(r.gzip))}`,
      `${formatRatio(registry / size["alibaba-node"]?.gzip)} / ${formatRatio(registry / size["qianfan-official-node"]?.gzip)}`,
      "report",
      "",
    ]);
  }

  if (footprints) {
    const show = (r) => `${formatInt(r.packages)} packages, ${formatBytes(r.bytes)}`;
    out.push([
      "**Install footprint** (dependency closure)",
      cell(footprints.ours, show),
      [
        `openapi-fetch ${cell(footprints["openapi-fetch"], show)}`,
        `@alicloud/openapi-core ${cell(footprints.alibaba, show)}`,
        `@baiducloud/qianfan ${cell(footprints["qianfan-official"], show)}`,
        `@baiducloud/sdk ${cell(footprints["baidu-sdk"], show)}`,
      ].join("; "),
      "",
      "report",
      "",
    ]);
  }

  if (imports) {
    const ours = imports.ours;
    const yardstick = imports["openapi-fetch"];
    const ratio = ours?.median / yardstick?.median;
    const show = (r) => `${formatMs(r.median)} (p90 ${formatMs(r.p90)}; whole process ${formatMs(r.wall)})`;
    out.push([
      `**Cold import** in Node, median of ${ours?.runs ?? "?"} fresh processes: core + pai + qianfan`,
      cell(ours, show),
      `openapi-fetch ${cell(yardstick, show)}`,
      ratioAgainst(ratio, BUDGETS.coldImportRatio),
      `≤ ${formatRatio(BUDGETS.coldImportRatio)} openapi-fetch`,
      Number.isFinite(ratio) ? verdict(ratio <= BUDGETS.coldImportRatio) : "—",
    ]);
    const floor = imports.empty;
    if (floor !== undefined) {
      const above = (r) => `${formatMs(r.median - floor.median)} above the floor`;
      out.push([
        "**Cold import**, context: the floor, an empty package imported the same way (the loader's fixed cost)",
        cell(ours, above),
        `empty package ${cell(floor, show)}; openapi-fetch ${cell(yardstick, above)}`,
        "",
        "report",
        "",
      ]);
    }
    const oneFile = imports["one-file"];
    if (oneFile !== undefined) {
      const oneFileRatio = oneFile.median / yardstick?.median;
      out.push([
        "**Cold import**, context: the same code bundled into one file and one package (what packaging alone could reach)",
        cell(oneFile, show),
        `openapi-fetch ${cell(yardstick, show)}`,
        formatRatio(oneFileRatio),
        "report",
        "",
      ]);
    }
    out.push([
      "**Cold import**: the officials",
      "",
      [
        `@alicloud/openapi-core ${cell(imports.alibaba, show)}`,
        `@baiducloud/qianfan ${cell(imports["qianfan-official"], show)}`,
        `@baiducloud/sdk ${cell(imports["baidu-sdk"], show)}`,
      ].join("; "),
      `${formatRatio(ours?.median / imports.alibaba?.median)} / ${formatRatio(ours?.median / imports["qianfan-official"]?.median)}`,
      "report",
      "",
    ]);
  }

  if (signing) {
    const tasks = signing.tasks ?? {};
    const hz = (id) => tasks[id]?.hz;
    const show = (id) => cell(tasks[id], (r) => `${formatInt(r.hz)}/s`);
    const variants = Object.keys(tasks)
      .filter((id) => id.startsWith("acs3-request-"))
      .map((id) => id.slice("acs3-request-".length));
    for (const [algorithm, official, officialLabel] of [
      ["acs3", "acs3-official", "@alicloud/openapi-util"],
      ["bce", "bce-official", "@baiducloud/sdk"],
    ]) {
      const name = algorithm === "acs3" ? "ACS3 GetModel" : "bce-auth-v1 modelDetail";
      const pure = algorithm === "acs3" ? "acs3Authorization" : "bceV1Authorization";
      const onRequest = algorithm === "acs3" ? "signAcs3" : "signBceV1";
      const officialCell =
        algorithm === "acs3"
          ? `${officialLabel} ${show(official)}; @alicloud/openapi-core ${show("acs3-official-core")}`
          : `${officialLabel} ${show(official)}`;
      for (const variant of variants) {
        const shipped = variant === signing.shipped;
        const ratio = hz(`${algorithm}-${variant}`) / hz(official);
        out.push([
          `**Signing** in Node, ${name}: \`${pure}\`, ${variant === "node" ? "node:crypto twin (crypto.node.ts)" : "WebCrypto (crypto.ts)"}${shipped ? " — what Node loads today" : " — not what Node loads"}`,
          show(`${algorithm}-${variant}`),
          officialCell,
          ratioAgainst(ratio, BUDGETS.signingRatio),
          `≥ ${formatRatio(BUDGETS.signingRatio)}`,
          Number.isFinite(ratio)
            ? `${verdict(ratio >= BUDGETS.signingRatio)}${shipped ? "" : " (not loaded in Node)"}`
            : "—",
        ]);
      }
      for (const variant of variants) {
        out.push([
          `**Signing** in Node, ${name}: \`${onRequest}\` on a \`Request\`, ${variant === "node" ? "node:crypto twin" : "WebCrypto"}`,
          show(`${algorithm}-request-${variant}`),
          "",
          formatRatio(hz(`${algorithm}-request-${variant}`) / hz(official)),
          "report",
          "",
        ]);
      }
    }
  }
  for (const [name, result] of [
    ["workerd", workerd],
    ["Chromium", chromium],
  ]) {
    if (result === undefined) {
      continue;
    }
    const show = (kind) => cell(result, (r) => `${formatInt(r[kind])}/s`);
    out.push([
      `**Signing** in ${name}${result.version ? ` (${result.version})` : ""}, WebCrypto: ACS3 / bce-auth-v1`,
      `${show("acs3")} / ${show("bce")}`,
      "the officials do not run here",
      "",
      "report",
      "",
    ]);
  }

  if (endToEnd) {
    for (const cloud of ["pai", "qianfan"]) {
      const result = endToEnd[cloud];
      if (result === undefined) {
        continue;
      }
      const show = (r) => `p50 ${formatMs(r.p50)}, p90 ${formatMs(r.p90)}`;
      const ratio = result.ours?.p50 / result.raw?.p50;
      out.push([
        `**End to end**, loopback, ${result.ours?.calls ?? "?"} calls: \`${cloud}Provider().getModel\` vs a raw signed \`fetch\``,
        cell(result.ours, show),
        `raw fetch ${cell(result.raw, show)}; official client ${cell(result.official, show)}`,
        ratioAgainst(ratio, BUDGETS.endToEndRatio),
        `p50 ≤ ${formatRatio(BUDGETS.endToEndRatio)} raw`,
        Number.isFinite(ratio) ? verdict(ratio <= BUDGETS.endToEndRatio) : "—",
      ]);
    }
  }
  return out;
}

function escapeCell(text) {
  return String(text).replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** The whole report: machine, table, notes. */
export function renderReport(results, { machine, command, seconds, errors }) {
  const lines = [];
  lines.push(
    `Measured ${machine.date} on ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB.toFixed(0)} GiB RAM, ${machine.os}, Node ${machine.node}`,
  );
  lines.push(
    `(load average at start ${machine.loadAverage.join(" / ")}; \`${command}\` took ${seconds.toFixed(0)} s).`,
  );
  lines.push("");
  lines.push("| measure | ours | officials / yardstick (same run) | ratio | budget | |");
  lines.push("| --- | --- | --- | --- | --- | --- |");
  for (const row of rows(results)) {
    lines.push(`| ${row.map(escapeCell).join(" | ")} |`);
  }
  if (errors.length > 0) {
    lines.push("");
    for (const error of errors) {
      lines.push(`- ${error}`);
    }
  }
  return lines.join("\n");
}
