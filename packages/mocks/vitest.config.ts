import { defineProject } from "vitest/config";

// Only for the type tests: `*.test-d.ts` prove the handlers stay tied to the generated OpenAPI types, and vitest
// runs them through tsc only when typecheck is on.
export default defineProject({
  test: {
    name: "@cloud-models/mocks",
    typecheck: { enabled: true, tsconfig: "./tsconfig.json", include: ["src/**/*.test-d.ts"] },
  },
});
