import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Node resolves `#crypto` to the node:crypto twin; so do these tests, from src (no build needed). The root config
// runs the signing tests a second time on the WebCrypto file.
export default defineConfig({
  test: { name: "core" },
  resolve: {
    alias: [
      { find: /^#crypto$/, replacement: fileURLToPath(new URL("./src/signing/crypto.node.ts", import.meta.url)) },
    ],
  },
});
