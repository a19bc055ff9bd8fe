// A Node backend on the SDK alone (no mocks, no msw), checked by tsconfig.node-no-dom.json without the DOM lib.
import { createModelRegistry, credentialsFromEnv, type Model, ModelError } from "@cloud-models/core";
import { paiProvider } from "@cloud-models/pai";
import { qianfanProvider } from "@cloud-models/qianfan";

/** Looks a ref up with the credentials of the process environment; `undefined` when the model does not exist. */
export async function lookUp(ref: string, signal?: AbortSignal): Promise<Model | undefined> {
  const { pai, qianfan } = credentialsFromEnv(process.env);
  if (!pai || !qianfan) {
    throw new Error("credentials are not set");
  }
  const registry = createModelRegistry({
    providers: [paiProvider({ credentials: pai }), qianfanProvider({ credentials: qianfan, deadlineMs: 5_000 })],
  });
  try {
    return await registry.getModel(ref, signal ? { signal } : {});
  } catch (error) {
    if (ModelError.isInstance(error) && error.code === "not_found") {
      return undefined;
    }
    throw error;
  }
}
