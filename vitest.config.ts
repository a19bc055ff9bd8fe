import { defineConfig } from "vitest/config";

// One run over every workspace package; each folder is a project (its own vitest.config.ts when it has one).
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*", "tests/*"],
  },
});
