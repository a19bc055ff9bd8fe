// Signing throughput, one process, tinybench: ours (both builds of core, one per crypto implementation) beside
// the official signers on the same inputs — the signing vectors' plain GetModel and Qianfan modelDetail cases.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { Bench } from "tinybench";
import { BENCH, CACHE, median, REPO } from "./common.mjs";

const require = createRequire(join(BENCH, "package.json"));
const CORE = join(REPO, "packages", "core");
const VECTORS = join(CORE, "src", "signing", "__fixtures__", "signing-vectors.json");
const ACS3_CASE = "acs3-pub-02-getmodel-plain";
const BCE_CASE = "bce-pub-02-qianfan-modeldetail-js-style";

/**
 * The builds of core to sign with, one per crypto implementation: `webcrypto` is dist/index.js (crypto.ts inlined,
 * what every runtime but Node loads), `node` is dist/index.node.js (the node:crypto twin crypto.node.ts inlined, what
 * the `node` export condition gives).
 */
function coreBuilds() {
  return {
    webcrypto: join(CORE, "dist", "index.js"),
    node: join(CORE, "dist", "index.node.js"),
  };
}

/** Which build of core Node itself loads for `@cloud-models/core`: `node`, `webcrypto`, or the path if neither. */
export function shippedCryptoInNode() {
  const loaded = fileURLToPath(import.meta.resolve("@cloud-models/core"));
  const found = Object.entries(coreBuilds()).find(([, file]) => file === loaded);
  return found === undefined ? loaded : found[0];
}

/**
 * BENCH_CRYPTO_NODE=/path/to/candidate.ts: core's src bundled with `#crypto` replaced by another twin candidate
 * (esbuild compiles it), measured in place of the built twin.
 */
async function bundleCandidate(candidate) {
  mkdirSync(CACHE, { recursive: true });
  const outfile = join(CACHE, "signing-candidate.mjs");
  await build({
    entryPoints: [join(BENCH, "lib", "signing-entry.js")],
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "error",
    plugins: [
      {
        name: "candidate-crypto",
        setup(pluginBuild) {
          pluginBuild.onResolve({ filter: /^@cloud-models\/core$/ }, () => ({ path: join(CORE, "src", "index.ts") }));
          pluginBuild.onResolve({ filter: /^#crypto$/ }, (args) =>
            args.importer.startsWith(join(CORE, "src")) ? { path: candidate } : undefined,
          );
        },
      },
    ],
  });
  return outfile;
}

/** Core's signing API from `file`, a build of core. */
async function loadVariant(file) {
  const { acs3Authorization, bceV1Authorization, signAcs3, signBceV1 } = await import(pathToFileURL(file).href);
  return { acs3Authorization, bceV1Authorization, signAcs3, signBceV1 };
}

function officialAcs3(input) {
  const Util = require("@alicloud/openapi-util").default;
  return () => {
    const payload = Util.hexEncode(Util.hash(Buffer.from(input.body ?? "", "utf8"), "ACS3-HMAC-SHA256"));
    const request = { pathname: input.pathname, method: input.method, query: input.query, headers: input.headers };
    return Util.getAuthorization(request, "ACS3-HMAC-SHA256", payload, input.accessKeyId, input.accessKeySecret);
  };
}

function officialAcs3Core(input) {
  const { OpenApiUtil } = require("@alicloud/openapi-core");
  return () => {
    const payload = OpenApiUtil.hash(Buffer.from(input.body ?? "", "utf8"), "ACS3-HMAC-SHA256").toString("hex");
    const request = { pathname: input.pathname, method: input.method, query: input.query, headers: input.headers };
    return OpenApiUtil.getAuthorization(request, "ACS3-HMAC-SHA256", payload, input.accessKeyId, input.accessKeySecret);
  };
}

function officialBce(input) {
  const { Auth } = require("@baiducloud/sdk");
  const auth = new Auth(input.accessKeyId, input.secretAccessKey);
  return () =>
    auth.generateAuthorization(
      input.method,
      input.path,
      input.query,
      input.headers,
      input.timestampEpochSeconds,
      input.expirationInSeconds,
      input.headersToSign,
    );
}

/** Every task must give the vector's expected Authorization before it is timed. */
async function check(name, task, expected) {
  const result = await task();
  const authorization =
    typeof result === "string" ? result : (result.authorization ?? result.headers?.get("authorization"));
  if (expected !== undefined && authorization !== expected) {
    throw new Error(`${name} signs the vector wrongly: ${authorization}`);
  }
}

/** Runs the signing bench; resolves to `{ tasks: { id: { label, hz, rme } }, shipped, twin }`. */
export async function measureSigning({ timeMs, rounds }) {
  const vectors = JSON.parse(readFileSync(VECTORS, "utf8"));
  const acs3 = vectors.acs3.find((item) => item.id === ACS3_CASE);
  const bce = vectors.bceV1.find((item) => item.id === BCE_CASE);
  // BENCH_CRYPTO_NODE=/path/to/candidate.ts measures another twin candidate in place of the built one.
  const candidate = process.env["BENCH_CRYPTO_NODE"];
  const builds = coreBuilds();
  const twin = candidate ? resolve(candidate) : builds.node;
  const variants = {
    webcrypto: await loadVariant(builds.webcrypto),
    node: await loadVariant(candidate ? await bundleCandidate(twin) : twin),
  };

  const credentials = { accessKeyId: acs3.input.accessKeyId, accessKeySecret: acs3.input.accessKeySecret };
  const bceCredentials = { accessKeyId: bce.input.accessKeyId, accessKeySecret: bce.input.secretAccessKey };
  const now = new Date(acs3.input.date);
  const paiRequest = new Request(`https://${acs3.input.host}${acs3.input.pathname}`, {
    headers: { accept: "application/json" },
  });
  const qianfanRequest = new Request(`https://${bce.input.host}${bce.input.path}`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: bce.input.body,
  });

  const tasks = [
    {
      id: "acs3-official",
      label: "@alicloud/openapi-util getAuthorization",
      fn: officialAcs3(acs3.input),
      expected: acs3.expected.authorization,
    },
    {
      id: "acs3-official-core",
      label: "@alicloud/openapi-core OpenApiUtil.getAuthorization",
      fn: officialAcs3Core(acs3.input),
      expected: acs3.expected.authorization,
    },
    {
      id: "bce-official",
      label: "@baiducloud/sdk Auth.generateAuthorization",
      fn: officialBce(bce.input),
      expected: bce.expected.authorization,
    },
  ];
  for (const [name, api] of Object.entries(variants)) {
    tasks.push(
      {
        id: `acs3-${name}`,
        label: `acs3Authorization (${name})`,
        fn: () => api.acs3Authorization(acs3.input),
        expected: acs3.expected.authorization,
      },
      {
        id: `acs3-request-${name}`,
        label: `signAcs3 on a Request (${name})`,
        fn: () =>
          api.signAcs3(paiRequest, credentials, {
            action: "GetModel",
            version: "2021-02-04",
            now,
            nonce: acs3.input.nonce,
          }),
      },
      {
        id: `bce-${name}`,
        label: `bceV1Authorization (${name})`,
        fn: () => api.bceV1Authorization(bce.input),
        expected: bce.expected.authorization,
      },
      {
        id: `bce-request-${name}`,
        label: `signBceV1 on a Request (${name})`,
        fn: () => api.signBceV1(qianfanRequest, bceCredentials, { now }),
      },
    );
  }
  for (const task of tasks) {
    await check(task.label, task.fn, task.expected);
  }

  // Rounds, each task in turn for a slice of the time, the order rotated every round: a busy moment of the machine
  // then slows every task alike instead of whichever ran during it. The figure is the median round.
  const hz = new Map(tasks.map((task) => [task.id, []]));
  const failures = new Map();
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time: timeMs / rounds, warmup: round === 0, warmupTime: 200 });
    const order = tasks.map((_, index) => tasks[(index + round) % tasks.length]);
    for (const task of order) {
      bench.add(task.id, task.fn);
    }
    await bench.run();
    for (const task of tasks) {
      const { result } = bench.getTask(task.id);
      if (result.state === "completed") {
        hz.get(task.id).push(1000 / result.period);
      } else {
        failures.set(task.id, String(result.error?.message ?? result.state));
      }
    }
  }
  const results = {};
  for (const task of tasks) {
    const values = hz.get(task.id);
    results[task.id] = failures.has(task.id)
      ? { label: task.label, error: failures.get(task.id) }
      : {
          label: task.label,
          hz: median(values),
          min: Math.min(...values),
          max: Math.max(...values),
          rounds: values.length,
        };
  }
  return { tasks: results, shipped: shippedCryptoInNode(), twin };
}
