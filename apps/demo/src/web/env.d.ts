/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The edge function's origin, e.g. `https://models.example.workers.dev`; unset: MSW stands in for it. */
  readonly VITE_EDGE_URL?: string;
  /** The PAI model the page shows first (vite.config.ts defaults it to the mocks' seed model). */
  readonly VITE_PAI_MODEL_ID: string;
  /** The Qianfan model the page shows first (vite.config.ts defaults it to the mocks' seed model). */
  readonly VITE_QIANFAN_MODEL_ID: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
