// The seed answers live once, in the provider packages (their mapping tests use them); the mocks serve those same
// objects, never copies.
export { paiFixtures } from "@cloud-models/pai/fixtures";
export { qianfanFixtures } from "@cloud-models/qianfan/fixtures";
