// `node --import ./out/preload.js sample.js`: the README samples run unchanged against the mock clouds.
import { startMockClouds } from "./mock-clouds.js";

await startMockClouds();
