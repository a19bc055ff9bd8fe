import { describe, expect, test } from "vitest";
import { sleep } from "./signal.ts";

describe("sleep", () => {
  test("resolves after the wait when nothing stops it", async () => {
    await expect(sleep(1, new AbortController().signal)).resolves.toBeUndefined();
    await expect(sleep(1)).resolves.toBeUndefined();
  });

  test("rejects with the signal's reason when it fires first, or has already", async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort("stopped");
    await expect(pending).rejects.toBe("stopped");
    await expect(sleep(60_000, AbortSignal.abort("already"))).rejects.toBe("already");
  });
});
