import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// One run over every workspace package; each folder is a project (its own vitest.config.ts when it has one).
// Core's signing tests run twice: on the node:crypto twin (packages/core/vitest.config.ts, as Node resolves `#crypto`)
// and here on the WebCrypto file (as every other runtime resolves it).
export default defineConfig({
  test: {
    projects: [
      "packages/*",
      "apps/*",
      "tests/*",
      {
        extends: "./packages/core/vitest.config.ts",
        root: "./packages/core",
        test: { name: "core (webcrypto)", include: ["src/signing/**/*.test.ts"] },
        resolve: {
          alias: [
            {
              find: /^#crypto$/,
              replacement: fileURLToPath(new URL("./packages/core/src/signing/crypto.ts", import.meta.url)),
            },
          ],
        },
      },
    ],
  },
});
