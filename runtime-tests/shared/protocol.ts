// What the smoke module and the loopback server agree on. Web standards only: this file runs in every runtime.

/** Credentials the loopback server accepts. Made-up test values, never real keys. */
export const LOOPBACK_CREDENTIALS = {
  pai: { accessKeyId: "LTAI5tLoopbackSmokeKey", accessKeySecret: "loopback-pai-secret+/=0001" },
  qianfan: { accessKeyId: "b0a1c2d3e4f5a6b7c8d9e0f1a2b3c4d5", accessKeySecret: "loopback-qianfan-secret-0001" },
} as const;

/** A model id neither cloud knows: the loopback server answers it with the cloud's not-found error. */
export const UNKNOWN_MODEL_ID = "model-does-not-exist-404";

/** The `log_id` of the loopback server's Qianfan "model not exist" answer. */
export const QIANFAN_NOT_FOUND_LOG_ID = "3300000404";

/** Where the loopback server reports how many signed requests it verified and refused (GET, unsigned). */
export const STATS_PATH = "/__loopback/stats";

/** Counters per cloud. */
export interface CloudStats {
  /** Requests whose signature the server recomputed and found equal. */
  verified: number;
  /** Requests refused: no, malformed, stale or wrong signature. */
  rejected: number;
}

/** The body of `GET /__loopback/stats`. */
export interface LoopbackStats {
  pai: CloudStats;
  qianfan: CloudStats;
  /** Every distinct `user-agent` seen on an API request ("" when none was sent). */
  userAgents: string[];
  /** Every distinct peer address of an API request. */
  remoteAddresses: string[];
}
