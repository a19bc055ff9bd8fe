// A browser app's development mocks (type-checked under Bundler resolution only; Node cannot resolve this entry).
import { createWorker, worker } from "@cloud-models/mocks/browser";
import type { SetupWorker } from "msw/browser";

/** Starts the mock clouds in the page, optionally with a failure scenario for PAI. */
export async function enableMocks(slowPai = false): Promise<SetupWorker> {
  const chosen = slowPai ? createWorker({ pai: { scenario: { type: "slow", ms: 1500 } } }) : worker;
  await chosen.start({ onUnhandledFrame: "bypass" });
  return chosen;
}
