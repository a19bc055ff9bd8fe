// @cloud-models/mocks: runtime-neutral MSW handlers and fixtures. `./node` adds a ready `setupServer`, `./browser`
// a ready `setupWorker`.
export { paiTestCredentials, qianfanTestCredentials } from "./credentials.ts";
export { paiFixtures, qianfanFixtures } from "./fixtures.ts";
export { createHandlers, handlers, type MockHandlersOptions } from "./handlers/all.ts";
export { type PaiMockOptions, paiHandlers } from "./handlers/pai.ts";
export { type QianfanMockOptions, qianfanHandlers } from "./handlers/qianfan.ts";
export type { MockOptions } from "./options.ts";
export type {
  AnswerScenario,
  Scenario,
  ScenarioContext,
  ScenarioFunction,
  ServerErrorScenario,
  SlowScenario,
  ThrottledScenario,
} from "./scenarios.ts";
