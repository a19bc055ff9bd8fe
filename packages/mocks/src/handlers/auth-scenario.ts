import type { ResolvedAnswer } from "../scenarios.ts";
import type { AuthFailure } from "../signature/auth-failure.ts";

/** The auth failure an auth scenario simulates, or `undefined` for any other scenario. @internal */
export function authFailureOf(answer: ResolvedAnswer | undefined): AuthFailure | undefined {
  switch (answer?.type) {
    case "signature-mismatch":
      return { kind: "signature-mismatch" };
    case "invalid-access-key":
      return { kind: "unknown-key" };
    case "access-denied":
      return { kind: "access-denied" };
    case "expired":
      return { kind: "expired" };
    default:
      return undefined;
  }
}
