import { defineProject } from "vitest/config";

// One run covers the CLI (spawned), the edge function in Node, Deno and workerd, and the web page in Chromium.
// test/deno/ holds the Deno test file, run by `deno test` from test/edge-deno.test.ts, not by vitest.
export default defineProject({
  test: {
    name: "demo",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["test/deno/**", "node_modules/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
