import { createModelRegistry } from "@cloud-models/core";
import { paiProvider } from "@cloud-models/pai";
import { qianfanProvider } from "@cloud-models/qianfan";
import { offlineFetch } from "./offline-fetch.ts";
import { renderTable } from "./table.ts";

// Obviously fake keys: the offline fetch checks nothing, the requests are still signed the real way.
const FAKE = { accessKeyId: "FAKE_DEMO_KEY_ID", accessKeySecret: "FAKE_DEMO_SECRET" };

const registry = createModelRegistry({
  providers: [
    paiProvider({ credentials: FAKE, fetch: offlineFetch }),
    qianfanProvider({ credentials: FAKE, fetch: offlineFetch }),
  ],
});

const models = await Promise.all([
  registry.getModel("pai:model-rbvg5wzljz****ks92"),
  registry.getModel("qianfan:am-txtetnsfq9sb"),
]);

const json = process.argv.includes("--json");
process.stdout.write(
  json
    ? `${JSON.stringify(models, null, 2)}\n`
    : `${renderTable(models)}\n\nServed in process from the API references' examples: no keys, no network.\n`,
);
