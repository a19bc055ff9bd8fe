/**
 * The offset between the cloud's clock and ours, learnt from a response `Date` header when a cloud says the
 * request time is off. One per client, shared by its concurrent requests: a number swap, so racing updates are safe
 * (the last answer wins, and every answer is a valid measurement).
 */
export interface ClockOffset {
  /** Milliseconds to add to the local clock to get the cloud's. */
  get(): number;
  set(offsetMs: number): void;
}

/** A fresh offset of 0. @internal */
export function createClockOffset(): ClockOffset {
  let offset = 0;
  return {
    get: () => offset,
    set: (value) => {
      offset = value;
    },
  };
}

/** The offset a response's `Date` header implies, or `undefined` without a readable one. @internal */
export function offsetFromDateHeader(headers: Headers, localNowMs: number): number | undefined {
  const value = headers.get("date");
  const serverMs = value === null ? Number.NaN : Date.parse(value);
  return Number.isNaN(serverMs) ? undefined : serverMs - localNowMs;
}
