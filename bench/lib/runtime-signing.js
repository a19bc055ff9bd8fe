// Runs inside workerd and Chromium (bundled for the browser by runtimes.mjs): signs the signing vectors' GetModel /
// modelDetail cases with the BUILT core, as those runtimes load it (WebCrypto). Web APIs only.
import { acs3Authorization, bceV1Authorization } from "@cloud-models/core";
import vectors from "../../packages/core/src/signing/__fixtures__/signing-vectors.json";

const CASES = {
  acs3: vectors.acs3.find((item) => item.id === "acs3-pub-02-getmodel-plain"),
  bce: vectors.bceV1.find((item) => item.id === "bce-pub-02-qianfan-modeldetail-js-style"),
};

function signer(kind) {
  const { input } = CASES[kind];
  return kind === "acs3" ? () => acs3Authorization(input) : () => bceV1Authorization(input);
}

/** Signs `count` times in a row; resolves to whether the last Authorization matched the vector. */
export async function signMany(kind, count) {
  const sign = signer(kind);
  let result;
  for (let index = 0; index < count; index++) {
    result = await sign();
  }
  return result === undefined || result.authorization === CASES[kind].expected.authorization;
}

/** Signs for about `ms` milliseconds; resolves to signatures per second (needs a clock that moves: not workerd). */
export async function signaturesPerSecond(kind, ms) {
  const sign = signer(kind);
  const started = performance.now();
  let count = 0;
  let elapsed = 0;
  do {
    await sign();
    count += 1;
    elapsed = performance.now() - started;
  } while (elapsed < ms);
  return (count * 1000) / elapsed;
}
