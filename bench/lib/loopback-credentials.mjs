// The key pairs the loopback server accepts: made-up values, never real keys.
export const LOOPBACK_CREDENTIALS = {
  pai: { accessKeyId: "LTAI5tBenchLoopbackKey", accessKeySecret: "bench-pai-secret+/=0001" },
  qianfan: { accessKeyId: "b0a1c2d3e4f5a6b7c8d9e0f1a2b3c4d5", accessKeySecret: "bench-qianfan-secret-0001" },
};
