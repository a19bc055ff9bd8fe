import { fileURLToPath } from "node:url";
import { msw } from "msw/vite";
import { defineConfig } from "vite";
import { SEED_IDS } from "./src/seeds.ts";

const demo = fileURLToPath(new URL(".", import.meta.url));

// The web page (src/web). Without VITE_EDGE_URL the page runs MSW's service worker in place of the edge function
// (dev server and build alike): msw's Vite plugin serves /mockServiceWorker.js in dev and writes it into the build,
// so the worker script is never copied into the repository. With VITE_EDGE_URL the page calls that edge function,
// and neither the mocks nor the worker script are built.
export default defineConfig(() => {
  const live = Boolean(process.env["VITE_EDGE_URL"]);
  return {
    root: fileURLToPath(new URL("./src/web", import.meta.url)),
    envDir: demo,
    plugins: live ? [] : [msw({ mode: "worker-only" })],
    define: {
      // The models shown first: the mocks' seeds unless VITE_PAI_MODEL_ID / VITE_QIANFAN_MODEL_ID say otherwise.
      "import.meta.env.VITE_PAI_MODEL_ID": JSON.stringify(process.env["VITE_PAI_MODEL_ID"] || SEED_IDS.pai),
      "import.meta.env.VITE_QIANFAN_MODEL_ID": JSON.stringify(process.env["VITE_QIANFAN_MODEL_ID"] || SEED_IDS.qianfan),
    },
    build: {
      outDir: fileURLToPath(new URL("./dist", import.meta.url)),
      emptyOutDir: true,
      target: "es2022",
    },
    server: { host: "127.0.0.1", port: 5173 },
    preview: { host: "127.0.0.1", port: 4173 },
  };
});
