// The dry run's check, as a consumer runs it: start the mock clouds, look both seed models up through one registry,
// check the typed errors, print one line. Exits non-zero on any failure. Runs on Node 20 and Node 24.
import { createRegistry, describeError, fixturesShared, PAI_README_ID, SEEDS, vendorId } from "./app.js";
import { startMockClouds } from "./mock-clouds.js";

const failures: string[] = [];
let passed = 0;

function check(name: string, ok: boolean, detail: string): void {
  if (ok) {
    passed += 1;
  } else {
    failures.push(`${name}: ${detail}`);
  }
}

async function expectError(ref: string, code: string): Promise<void> {
  const error = await registry.getModel(ref).then(
    (model) => model,
    (caught: unknown) => caught,
  );
  const described = describeError(error);
  check(`${ref} → ${code}`, described?.code === code, described?.line ?? `not a ModelError: ${String(error)}`);
}

const clouds = await startMockClouds();
const registry = createRegistry();
let names = "";
try {
  const pai = await registry.getModel(`pai:${SEEDS.pai.id}`);
  check("pai seed", pai.name === SEEDS.pai.name, pai.name);
  check("pai raw narrowed", pai.provider === "pai" && vendorId(pai) === SEEDS.pai.id, vendorId(pai));

  const qianfan = await registry.getModel({ provider: "qianfan", id: SEEDS.qianfan.id });
  check("qianfan seed", qianfan.name === SEEDS.qianfan.name, qianfan.name);
  check(
    "qianfan raw narrowed",
    qianfan.provider === "qianfan" && vendorId(qianfan) === SEEDS.qianfan.id,
    vendorId(qianfan),
  );
  check("qianfan createdAt in UTC", qianfan.createdAt === "2023-12-15T08:18:39.000Z", String(qianfan.createdAt));
  names = `pai "${pai.name}", qianfan "${qianfan.name}"`;

  const readme = await registry.getModel(`pai:${PAI_README_ID}`);
  check("README id served", readme.id === PAI_README_ID, readme.id);

  await expectError("pai:model-does-not-exist", "not_found");
  await expectError("qianfan:am-does-not-exist", "not_found");
  await expectError("pai:   ", "invalid_argument");
  await expectError("openai:gpt", "unknown_provider");
  check("one copy of each package", fixturesShared(), "the mocks' fixtures are not the providers' objects");
} catch (error) {
  failures.push(`unexpected failure: ${describeError(error)?.line ?? String(error)}`);
} finally {
  clouds.close();
}

const total = passed + failures.length;
process.stdout.write(
  `consumer on node ${process.versions.node} (${clouds.via}): ${passed}/${total} checks passed — ${names || "no models"}, not_found typed on both clouds\n`,
);
if (failures.length > 0) {
  process.stderr.write(`${failures.map((failure) => `  ✗ ${failure}`).join("\n")}\n`);
  process.exitCode = 1;
}
