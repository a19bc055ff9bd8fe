/**
 * A signal that fires when any of `signals` fires, with that signal's reason. `AbortSignal.any` where the runtime
 * has it, else the same by hand. Call `dispose` when done, to drop the listeners. @internal
 */
export function anySignal(signals: readonly (AbortSignal | null | undefined)[]): {
  signal: AbortSignal;
  dispose: () => void;
} {
  const present = signals.filter((signal): signal is AbortSignal => signal != null);
  const [only] = present;
  if (only !== undefined && present.length === 1) {
    // One signal is its own "any" (a call without a caller's signal): no controller, no listener.
    return { signal: only, dispose: () => undefined };
  }
  const controller = new AbortController();
  const listeners: [AbortSignal, () => void][] = [];
  for (const signal of present) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    const listener = () => controller.abort(signal.reason);
    signal.addEventListener("abort", listener, { once: true });
    listeners.push([signal, listener]);
  }
  return {
    signal: controller.signal,
    dispose: () => {
      for (const [signal, listener] of listeners) {
        signal.removeEventListener("abort", listener);
      }
    },
  };
}

/** Resolves after `ms`, or rejects with the signal's reason when it fires first. @internal */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Settles as `promise` does, or rejects with the signal's reason as soon as it fires, whichever comes first: for
 * work that takes no signal (a credentials function, a signer), so a deadline or an abort still ends the wait. What
 * `promise` does later is ignored. @internal
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) {
      onAbort();
    } else {
      signal.addEventListener("abort", onAbort, { once: true });
    }
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
