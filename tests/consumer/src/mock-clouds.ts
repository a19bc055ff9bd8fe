// How the consumer's Node programs reach the mock clouds. Where msw 3's Node interception runs (Node ≥ 22.12), the
// ready `server` of `@cloud-models/mocks/node`; on Node 20 (msw's interceptors need `Promise.withResolvers`), the
// runtime-neutral handlers answer through a `globalThis.fetch` put in place here, which the providers look up on
// every call.
import { handlers } from "@cloud-models/mocks";
import { getResponse } from "msw";
import { readmeModelHandlers } from "./app.js";

/** The mock clouds, answering until `close()`. */
export interface MockClouds {
  /** How requests are intercepted, for the summary line. */
  readonly via: string;
  close(): void;
}

/** Starts answering both clouds' endpoints; a request no handler matches fails. */
export async function startMockClouds(): Promise<MockClouds> {
  const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) {
    const { server } = await import("@cloud-models/mocks/node");
    server.use(...readmeModelHandlers());
    server.listen({ onUnhandledFrame: "error" });
    return { via: "@cloud-models/mocks/node server", close: () => server.close() };
  }
  const all = [...readmeModelHandlers(), ...handlers];
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await getResponse(all, request);
    if (!response) {
      throw new TypeError(`no mock handler for ${request.method} ${request.url}`);
    }
    return response;
  };
  return {
    via: "@cloud-models/mocks handlers via getResponse",
    close: () => {
      globalThis.fetch = original;
    },
  };
}
