// A tiny Cloudflare Worker that runs the smoke module inside workerd and answers with the results as JSON.
// Bundled by workerd/run.mjs with esbuild; SMOKE_BASE_URL is a plain-text binding.
import { runSmoke } from "../shared/smoke.ts";

interface Env {
  readonly SMOKE_BASE_URL: string;
}

export default {
  async fetch(_request: Request, env: Env): Promise<Response> {
    const checks = await runSmoke({ baseUrl: env.SMOKE_BASE_URL });
    return Response.json({
      checks,
      userAgent: navigator.userAgent,
      // With Node APIs off, none of these exist: a module reaching for them would fail here.
      nodeGlobals: ["process", "Buffer", "require"].filter((name) => name in globalThis),
    });
  },
};
