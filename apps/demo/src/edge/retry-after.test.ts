import { describe, expect, test } from "vitest";
import { createRetryAfterTracker } from "./retry-after.ts";

function answering(headers: Record<string, string>) {
  return async () => new Response(null, { status: 429, headers });
}

describe("createRetryAfterTracker", () => {
  test("PAI's x-acs-retry-after is in milliseconds, rounded up to whole seconds", async () => {
    let now = 1_000_000;
    const tracker = createRetryAfterTracker(() => now);
    expect(tracker.secondsLeft()).toBeUndefined();
    await tracker.wrap(answering({ "x-acs-retry-after": "2500" }))(new Request("https://cloud.example/"));
    expect(tracker.secondsLeft()).toBe(3);
    now += 2_000;
    expect(tracker.secondsLeft()).toBe(1);
    now += 5_000;
    expect(tracker.secondsLeft()).toBe(1);
    now += 10_000;
    expect(tracker.secondsLeft()).toBeUndefined();
  });

  test("a standard Retry-After in seconds or as an HTTP date", async () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    const tracker = createRetryAfterTracker(() => now);
    await tracker.wrap(answering({ "retry-after": "7" }))(new Request("https://cloud.example/"));
    expect(tracker.secondsLeft()).toBe(7);
    await tracker.wrap(answering({ "retry-after": "Thu, 01 Jan 2026 00:00:30 GMT" }))(
      new Request("https://cloud.example/"),
    );
    expect(tracker.secondsLeft()).toBe(30);
  });

  test("answers without a hint change nothing", async () => {
    const tracker = createRetryAfterTracker();
    await tracker.wrap(async () => new Response("ok"))(new Request("https://cloud.example/"));
    expect(tracker.secondsLeft()).toBeUndefined();
  });
});
