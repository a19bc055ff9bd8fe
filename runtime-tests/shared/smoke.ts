// The one smoke suite every runtime runs. Web standards only (fetch, Request, crypto.subtle): no `node:` import,
// no runtime global. It imports the BUILT packages by name (their `dist/`), as an npm user would.
import {
  acs3Authorization,
  bceV1Authorization,
  createModelRegistry,
  type Model,
  ModelError,
  signAcs3,
  signBceV1,
} from "@cloud-models/core";
import { paiProvider } from "@cloud-models/pai";
import { paiFixtures } from "@cloud-models/pai/fixtures";
import { qianfanProvider } from "@cloud-models/qianfan";
import { qianfanFixtures } from "@cloud-models/qianfan/fixtures";
// The public signing vectors have one home, core's test fixtures (they are not published); every bundler and runtime
// used here inlines or loads JSON with this import attribute.
import vectors from "../../packages/core/src/signing/__fixtures__/signing-vectors.json" with { type: "json" };
import {
  type CloudStats,
  LOOPBACK_CREDENTIALS,
  type LoopbackStats,
  QIANFAN_NOT_FOUND_LOG_ID,
  STATS_PATH,
  UNKNOWN_MODEL_ID,
} from "./protocol.ts";

/** One smoke check: its name, whether it passed, and what it saw. */
export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail?: string;
}

/** Options of {@link runSmoke}. */
export interface SmokeOptions {
  /** The loopback server's origin, e.g. `http://127.0.0.1:40123`; the providers send there with the real `fetch`. */
  readonly baseUrl: string;
}

/** What every harness prints on one line before this JSON, so the runner can count the checks. */
export const SUMMARY_PREFIX = "@@smoke ";

/** The summary line a harness prints: `@@smoke {"runtime":…,"version":…,"checks":[…]}`. */
export function summaryLine(runtime: string, version: string, checks: readonly CheckResult[]): string {
  return `${SUMMARY_PREFIX}${JSON.stringify({ runtime, version, checks })}`;
}

/**
 * Runs every check once, in order, and returns their results; it never throws (a check that throws fails).
 *
 * - the 16 public signing vectors through `acs3Authorization` / `bceV1Authorization` (every stage of `expected`);
 * - `signAcs3` / `signBceV1` on a real `Request`, with the time and nonce of a vector;
 * - `getModel` through `paiProvider`, `qianfanProvider` and `createModelRegistry`, answered by the loopback server;
 * - one typed not-found error and one refused signature per cloud;
 * - the loopback server's own count of the signatures it verified and refused.
 */
export async function runSmoke(options: SmokeOptions): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const run = async (name: string, body: () => Promise<string | undefined>): Promise<void> => {
    results.push(await check(name, body));
  };
  const baseUrl = options.baseUrl.replace(/\/+$/, "");

  await run("environment: fetch, Request and crypto.subtle are there", async () => {
    assert(typeof fetch === "function", "no global fetch");
    assert(typeof Request === "function", "no global Request");
    assert(typeof globalThis.crypto?.subtle?.importKey === "function", "no crypto.subtle (not a secure context?)");
    return undefined;
  });

  for (const vector of vectors.acs3) {
    await run(`acs3 vector ${vector.id}`, async () =>
      sameStages(await acs3Authorization(vector.input), vector.expected),
    );
  }
  for (const vector of vectors.bceV1) {
    await run(`bceV1 vector ${vector.id}`, async () =>
      sameStages(await bceV1Authorization(vector.input), vector.expected),
    );
  }

  await run("signAcs3 on a Request = acs3-pub-02 GetModel", async () => {
    const { input, expected } = findVector(vectors.acs3, "acs3-pub-02");
    const request = new Request(`https://${input.host}${input.pathname}`, { headers: { accept: "application/json" } });
    const signed = await signAcs3(
      request,
      { accessKeyId: input.accessKeyId, accessKeySecret: input.accessKeySecret },
      { action: input.action, version: input.version, now: new Date(input.date), nonce: input.nonce },
    );
    assert(signed instanceof Request, "signAcs3 did not return a Request");
    equal(signed.headers.get("x-acs-date"), input.date, "x-acs-date");
    equal(signed.headers.get("x-acs-signature-nonce"), input.nonce, "x-acs-signature-nonce");
    equal(signed.headers.get("x-acs-content-sha256"), expected.hashedPayload, "x-acs-content-sha256");
    equal(signed.headers.get("authorization"), expected.authorization, "Authorization");
    return "Authorization equals the vector's";
  });

  await run("signAcs3 on a POST Request with a UTF-8 JSON body = acs3-pub-07", async () => {
    const { input, expected } = findVector(vectors.acs3, "acs3-pub-07");
    const request = new Request(`https://${input.host}${input.pathname}`, {
      method: input.method,
      headers: { accept: "application/json", "content-type": "application/json; charset=utf-8" },
      body: input.body,
    });
    const signed = await signAcs3(
      request,
      { accessKeyId: input.accessKeyId, accessKeySecret: input.accessKeySecret },
      { action: input.action, version: input.version, now: new Date(input.date), nonce: input.nonce },
    );
    equal(signed.headers.get("x-acs-content-sha256"), expected.hashedPayload, "x-acs-content-sha256");
    equal(signed.headers.get("authorization"), expected.authorization, "Authorization");
    equal(await signed.text(), input.body, "the body sent");
    return "Authorization and body hash equal the vector's";
  });

  await run("signBceV1 on a Request = bce-pub-03 modelDetail, python style, 300 s", async () => {
    const { input, expected } = findVector(vectors.bceV1, "bce-pub-03");
    const request = new Request(`https://${input.host}${input.path}`, {
      method: input.method,
      headers: { "content-type": "application/json" },
      body: input.body,
    });
    const signed = await signBceV1(
      request,
      { accessKeyId: input.accessKeyId, accessKeySecret: input.secretAccessKey },
      { now: new Date(input.timestampEpochSeconds * 1000), expirationInSeconds: input.expirationInSeconds },
    );
    assert(signed instanceof Request, "signBceV1 did not return a Request");
    equal(signed.headers.get("x-bce-date"), input.timestamp, "x-bce-date");
    equal(signed.headers.get("authorization"), expected.authorization, "Authorization");
    equal(await signed.text(), input.body, "the body sent");
    return "Authorization equals the vector's";
  });

  await run("signAcs3 / signBceV1 leave the caller's Request unread (as documented)", async () => {
    const body = JSON.stringify({ modelId: "am-txtetnsfq9sb", note: "千帆 ✓" });
    const init = { method: "POST", headers: { "content-type": "application/json" }, body };
    const forAcs3 = new Request("https://aiworkspace.cn-hangzhou.aliyuncs.com/api/v1/models/m-1", init);
    const forBce = new Request("https://qianfan.baidubce.com/wenxinworkshop/modelrepo/modelDetail", init);
    await signAcs3(forAcs3, LOOPBACK_CREDENTIALS.pai, { action: "GetModel", version: "2021-02-04" });
    await signBceV1(forBce, LOOPBACK_CREDENTIALS.qianfan);
    const used = [...(forAcs3.bodyUsed ? ["signAcs3"] : []), ...(forBce.bodyUsed ? ["signBceV1"] : [])];
    assert(used.length === 0, `the original Request's body is used after ${used.join(" and ")}`);
    equal(await forAcs3.text(), body, "the original body after signAcs3");
    equal(await forBce.text(), body, "the original body after signBceV1");
    return "bodyUsed false, body readable";
  });

  const pai = paiProvider({ credentials: LOOPBACK_CREDENTIALS.pai, baseUrl });
  const qianfan = qianfanProvider({ credentials: LOOPBACK_CREDENTIALS.qianfan, baseUrl });
  const registry = createModelRegistry({ providers: [pai, qianfan] });
  const paiId = present(paiFixtures.model.ModelId, "paiFixtures.model.ModelId");
  const qianfanId = present(qianfanFixtures.model.result.modelIdStr, "qianfanFixtures.model.result.modelIdStr");

  let before: LoopbackStats | undefined;
  await run("loopback server reachable", async () => {
    before = await readStats(baseUrl);
    return baseUrl;
  });

  await run("paiProvider.getModel over loopback", async () => expectPaiModel(await pai.getModel(paiId)));
  await run("qianfanProvider.getModel over loopback", async () =>
    expectQianfanModel(await qianfan.getModel(qianfanId)),
  );
  await run(`registry.getModel("pai:…")`, async () => expectPaiModel(await registry.getModel(`pai:${paiId}`)));
  await run(`registry.getModel("qianfan:…")`, async () =>
    expectQianfanModel(await registry.getModel(`qianfan:${qianfanId}`)),
  );

  await run("pai: unknown model → ModelError not_found (404, InvalidModel.NotFound)", async () => {
    const error = await rejectionOf(registry.getModel(`pai:${UNKNOWN_MODEL_ID}`));
    expectModelError(error, {
      code: "not_found",
      provider: "pai",
      status: 404,
      vendorCode: present(paiFixtures.notFound.Code, "paiFixtures.notFound.Code"),
      requestId: present(paiFixtures.notFound.RequestId, "paiFixtures.notFound.RequestId"),
      retryable: false,
    });
    return describeError(error);
  });
  await run("qianfan: unknown model → ModelError not_found (200, error_code 336001)", async () => {
    const error = await rejectionOf(registry.getModel(`qianfan:${UNKNOWN_MODEL_ID}`));
    expectModelError(error, {
      code: "not_found",
      provider: "qianfan",
      status: 200,
      vendorCode: "336001",
      requestId: QIANFAN_NOT_FOUND_LOG_ID,
      retryable: false,
    });
    return describeError(error);
  });

  await run("pai: wrong secret → server refuses the signature → ModelError unauthorized", async () => {
    const wrong = paiProvider({
      credentials: { ...LOOPBACK_CREDENTIALS.pai, accessKeySecret: "not-the-secret" },
      baseUrl,
    });
    const error = await rejectionOf(wrong.getModel(paiId));
    expectModelError(error, {
      code: "unauthorized",
      provider: "pai",
      status: 400,
      vendorCode: "SignatureDoesNotMatch",
    });
    return describeError(error);
  });
  await run("qianfan: wrong secret → server refuses the signature → ModelError unauthorized", async () => {
    const wrong = qianfanProvider({
      credentials: { ...LOOPBACK_CREDENTIALS.qianfan, accessKeySecret: "not-the-secret" },
      baseUrl,
    });
    const error = await rejectionOf(wrong.getModel(qianfanId));
    expectModelError(error, {
      code: "unauthorized",
      provider: "qianfan",
      status: 401,
      vendorCode: "SignatureDoesNotMatch",
    });
    return describeError(error);
  });

  await run("loopback server verified every signature: 3 good and 1 bad per cloud", async () => {
    assert(before !== undefined, "the server was not reachable at the start");
    const after = await readStats(baseUrl);
    const pai = delta(after.pai, before.pai);
    const qianfan = delta(after.qianfan, before.qianfan);
    const seen = `pai ${pai.verified}+${pai.rejected}, qianfan ${qianfan.verified}+${qianfan.rejected}`;
    assert(pai.verified === 3 && pai.rejected === 1, `pai: expected 3 verified + 1 refused, saw ${seen}`);
    assert(qianfan.verified === 3 && qianfan.rejected === 1, `qianfan: expected 3 verified + 1 refused, saw ${seen}`);
    return `${seen}; user-agent ${after.userAgents.map((agent) => JSON.stringify(agent)).join(", ")}`;
  });

  return results;
}

async function check(name: string, body: () => Promise<string | undefined>): Promise<CheckResult> {
  try {
    const detail = await body();
    return detail === undefined ? { name, ok: true } : { name, ok: true, detail };
  } catch (error) {
    return { name, ok: false, detail: errorText(error) };
  }
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    return `${error.name}: ${error.message}`;
  }
  return String(error);
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) {
    throw new Error(message);
  }
}

/** A fixture field the checks rely on (optional in the wire types). */
function present<TValue>(value: TValue | undefined, what: string): TValue {
  assert(value !== undefined, `the fixture has no ${what}`);
  return value;
}

function equal(actual: unknown, expected: unknown, what: string): void {
  if (actual !== expected) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** Every key of a vector's `expected` must be in the result with exactly that value. */
function sameStages(result: object, expected: Readonly<Record<string, string>>): string {
  const actual = result as Record<string, unknown>;
  const wrong = Object.keys(expected).filter((stage) => actual[stage] !== expected[stage]);
  if (wrong.length > 0) {
    const first = wrong[0] as string;
    throw new Error(
      `stages differ: ${wrong.join(", ")} (${first}: expected ${JSON.stringify(expected[first])}, got ${JSON.stringify(actual[first])})`,
    );
  }
  return `${Object.keys(expected).length} stages equal`;
}

function findVector<TVector extends { readonly id: string }>(list: readonly TVector[], prefix: string): TVector {
  const found = list.find((vector) => vector.id.startsWith(prefix));
  assert(found !== undefined, `no signing vector ${prefix}`);
  return found;
}

function expectPaiModel(model: Model): string {
  const fixture = paiFixtures.model;
  equal(model.provider, "pai", "provider");
  equal(model.id, fixture.ModelId, "id");
  equal(model.ref, `pai:${fixture.ModelId}`, "ref");
  equal(model.name, fixture.ModelName, "name");
  equal(model.createdAt, new Date(present(fixture.GmtCreateTime, "GmtCreateTime")).toISOString(), "createdAt");
  equal(model.versions.length, 1, "versions.length");
  equal(model.versions[0]?.version, fixture.LatestVersion?.VersionName, "versions[0].version");
  equal((model.raw as { RequestId?: unknown }).RequestId, fixture.RequestId, "raw.RequestId");
  return `${model.ref} "${model.name}" v${model.versions[0]?.version}`;
}

function expectQianfanModel(model: Model): string {
  const { result } = qianfanFixtures.model;
  equal(model.provider, "qianfan", "provider");
  equal(model.id, result.modelIdStr, "id");
  equal(model.ref, `qianfan:${result.modelIdStr}`, "ref");
  equal(model.name, result.modelName, "name");
  equal(model.createdAt, new Date(present(result.createTime, "createTime")).toISOString(), "createdAt (+08:00 → UTC)");
  const versions = (result.modelVersionList ?? []).map((version) => version.version);
  equal(model.versions.map((version) => version.version).join(","), versions.join(","), "versions");
  equal((model.raw as { log_id?: unknown }).log_id, qianfanFixtures.model.log_id, "raw.log_id");
  return `${model.ref} "${model.name}" versions ${versions.join(",")}`;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection, but it resolved");
}

interface ExpectedError {
  readonly code: string;
  readonly provider: string;
  readonly status: number;
  readonly vendorCode: string;
  readonly requestId?: string;
  readonly retryable?: boolean;
}

function expectModelError(error: unknown, expected: ExpectedError): asserts error is ModelError {
  if (!ModelError.isInstance(error)) {
    throw new Error(`not a ModelError: ${errorText(error)}`);
  }
  assert(error instanceof ModelError, "ModelError.isInstance but not instanceof ModelError in the same realm");
  assert(error instanceof Error, "a ModelError is not an Error");
  equal(error.name, "ModelError", "name");
  for (const [field, value] of Object.entries(expected)) {
    equal((error as unknown as Record<string, unknown>)[field], value, field);
  }
  for (const secret of [LOOPBACK_CREDENTIALS.pai.accessKeySecret, LOOPBACK_CREDENTIALS.qianfan.accessKeySecret]) {
    assert(!JSON.stringify(error.toJSON()).includes(secret), "a secret appears in the error");
  }
}

function describeError(error: ModelError): string {
  return `${error.code} status=${error.status} vendorCode=${error.vendorCode} requestId=${error.requestId}`;
}

async function readStats(baseUrl: string): Promise<LoopbackStats> {
  const response = await fetch(`${baseUrl}${STATS_PATH}`);
  if (!response.ok) {
    throw new Error(`GET ${STATS_PATH}: HTTP ${response.status}`);
  }
  return (await response.json()) as LoopbackStats;
}

function delta(after: CloudStats, before: CloudStats): CloudStats {
  return { verified: after.verified - before.verified, rejected: after.rejected - before.rejected };
}
