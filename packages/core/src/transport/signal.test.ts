import { describe, expect, test } from "vitest";
import { anySignal, untilAborted } from "./signal.ts";

describe("anySignal", () => {
  test("fires with the reason of whichever signal fires first", () => {
    const a = new AbortController();
    const b = new AbortController();
    const { signal } = anySignal([a.signal, null, b.signal]);
    expect(signal.aborted).toBe(false);
    b.abort("b first");
    a.abort("a second");
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe("b first");
  });

  test("one signal (the others absent) is used as it is, and fires with it", () => {
    const only = new AbortController();
    const { signal, dispose } = anySignal([undefined, only.signal, null]);
    expect(signal).toBe(only.signal);
    only.abort("stop");
    expect(signal.reason).toBe("stop");
    dispose();
  });

  test("an input already aborted aborts the result at once", () => {
    const { signal } = anySignal([new AbortController().signal, AbortSignal.abort("early")]);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe("early");
  });

  test("after dispose, the inputs no longer reach the result", () => {
    const a = new AbortController();
    const b = new AbortController();
    const { signal, dispose } = anySignal([a.signal, b.signal]);
    dispose();
    a.abort("late");
    expect(signal.aborted).toBe(false);
  });

  test("no signal at all: one that never fires", () => {
    expect(anySignal([null, undefined]).signal.aborted).toBe(false);
  });
});

describe("untilAborted", () => {
  test("settles as the promise does while the signal has not fired", async () => {
    const controller = new AbortController();
    await expect(untilAborted(Promise.resolve("done"), controller.signal)).resolves.toBe("done");
    await expect(untilAborted(Promise.reject(new Error("failed")), controller.signal)).rejects.toThrow("failed");
  });

  test("rejects with the signal's reason when it fires first, and ignores the promise after", async () => {
    const controller = new AbortController();
    let settle: (value: string) => void = () => undefined;
    const pending = untilAborted(new Promise<string>((resolve) => (settle = resolve)), controller.signal);
    controller.abort("stopped");
    await expect(pending).rejects.toBe("stopped");
    settle("too late");
    await expect(untilAborted(new Promise(() => undefined), AbortSignal.abort("already"))).rejects.toBe("already");
  });
});
