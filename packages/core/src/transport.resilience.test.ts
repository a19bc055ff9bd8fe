import { describe, expect, test } from "vitest";
import { rejection } from "./__fixtures__/rejection.ts";
import { createClockOffset } from "./transport/clock.ts";
import { type AttemptVerdict, createTransport, type SignContext, signingDetailsOf } from "./transport.ts";

const URL_ = "https://aiworkspace.cn-hangzhou.aliyuncs.com/api/v1/models/m-1";
const LOCAL_NOW = Date.parse("2026-03-01T00:00:00.000Z");

/** A scripted cloud: answers each attempt from `answers` in turn and records what happened, in order. */
function harness(answers: ((request: Request) => Response | Promise<Response>)[], extra: object = {}) {
  const events: string[] = [];
  const signed: SignContext[] = [];
  const sent: Request[] = [];
  const waits: number[] = [];
  let clockMs = LOCAL_NOW;
  const transport = createTransport({
    provider: "pai",
    sign: async (request, context) => {
      signed.push(context);
      events.push(`sign#${context.attempt}`);
      const headers = new Headers(request.headers);
      headers.set("x-signed-at", context.now.toISOString());
      headers.set("x-nonce", `nonce-${signed.length}`);
      return { request: new Request(request, { headers }), details: { canonicalRequest: `CR#${context.attempt}` } };
    },
    fetch: async (request) => {
      sent.push(request);
      events.push(`send#${sent.length}`);
      const answer = answers[Math.min(sent.length, answers.length) - 1];
      if (!answer) {
        throw new Error("no answer scripted");
      }
      return answer(request);
    },
    testing: {
      random: () => 0.5,
      now: () => clockMs,
      sleep: async (ms) => {
        waits.push(ms);
        events.push(`wait ${ms}`);
        clockMs += ms;
      },
    },
    ...extra,
  });
  return { transport, events, signed, sent, waits };
}

const ok = () => Response.json({ ok: true });
const status =
  (code: number, headers: HeadersInit = {}) =>
  () =>
    new Response("<html>busy</html>", { status: code, headers });
const networkError = () => {
  throw new TypeError("fetch failed");
};

describe("retries", () => {
  test("a 503 then success: two attempts, each signed afresh right before it is sent, never before the wait", async () => {
    const { transport, events, sent } = harness([status(503), ok]);
    const response = await transport(new Request(URL_));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    // Full jitter with random() = 0.5 under a 200 ms ceiling.
    expect(events).toEqual(["sign#1", "send#1", "wait 100", "sign#2", "send#2"]);
    expect(sent.map((request) => request.headers.get("x-nonce"))).toEqual(["nonce-1", "nonce-2"]);
    // The second signature carries the time after the wait.
    expect(sent.map((request) => request.headers.get("x-signed-at"))).toEqual([
      "2026-03-01T00:00:00.000Z",
      "2026-03-01T00:00:00.100Z",
    ]);
  });

  test("network errors are retried up to maxAttempts, then thrown as a network error", async () => {
    const { transport, sent, waits } = harness([networkError]);
    const error = await rejection(transport(new Request(URL_)));
    expect(error).toMatchObject({ code: "network", provider: "pai", retryable: true });
    expect(sent).toHaveLength(3);
    expect(waits).toEqual([100, 200]);
  });

  test("maxAttempts and the backoff settings are honoured", async () => {
    const { transport, sent, waits } = harness([networkError], {
      retry: { maxAttempts: 5, baseDelayMs: 10, maxDelayMs: 30 },
    });
    await rejection(transport(new Request(URL_)));
    expect(sent).toHaveLength(5);
    expect(waits).toEqual([5, 10, 15, 15]);
  });

  test("retry: false makes one attempt", async () => {
    const { transport, sent } = harness([status(503)], { retry: false });
    expect((await transport(new Request(URL_))).status).toBe(503);
    expect(sent).toHaveLength(1);
  });

  test("after the last attempt the last answer is handed back for the provider to map", async () => {
    const { transport, sent } = harness([status(500), status(502), status(504)]);
    expect((await transport(new Request(URL_))).status).toBe(504);
    expect(sent).toHaveLength(3);
  });

  test.each([400, 401, 403, 404, 409, 422])("a %i is not retried by default", async (code) => {
    const { transport, sent } = harness([status(code), ok]);
    expect((await transport(new Request(URL_))).status).toBe(code);
    expect(sent).toHaveLength(1);
  });

  test("Retry-After (seconds) and x-acs-retry-after (ms) are honoured", async () => {
    const seconds = harness([status(429, { "retry-after": "3" }), ok]);
    await seconds.transport(new Request(URL_));
    expect(seconds.waits).toEqual([3_000]);

    const millis = harness([status(429, { "x-acs-retry-after": "1234" }), ok]);
    await millis.transport(new Request(URL_));
    expect(millis.waits).toEqual([1_234]);
  });

  test("a wait that would pass the deadline is not made: the answer is handed back at once, Retry-After and all", async () => {
    const { transport, sent, waits } = harness([status(429, { "retry-after": "60" }), ok], { deadlineMs: 5_000 });
    const response = await transport(new Request(URL_));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("60");
    expect(sent).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  test("a backoff that would pass the deadline is not made: the last error is thrown at once", async () => {
    const { transport, sent, waits } = harness([networkError, ok], {
      deadlineMs: 1_000,
      retry: { maxAttempts: 3, baseDelayMs: 4_000 },
    });
    const error = await rejection(transport(new Request(URL_)));
    expect(error).toMatchObject({ code: "network", retryable: true });
    expect(sent).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  test("the provider's classify decides on vendor codes in a 200", async () => {
    const classify = (_response: Response, body: string): AttemptVerdict =>
      body.includes('"error_code":18') ? { kind: "retry" } : { kind: "done" };
    const { transport, sent } = harness([() => Response.json({ error_code: 18 }), ok], { classify });
    expect(await (await transport(new Request(URL_))).json()).toEqual({ ok: true });
    expect(sent).toHaveLength(2);
  });

  test("the caller's body is sent whole on every attempt", async () => {
    const bodies: string[] = [];
    const { transport } = harness([
      async (request) => {
        bodies.push(await request.text());
        return new Response(null, { status: 503 });
      },
      async (request) => {
        bodies.push(await request.text());
        return ok();
      },
    ]);
    await transport(new Request(URL_, { method: "POST", body: '{"modelId":"am-1"}' }));
    expect(bodies).toEqual(['{"modelId":"am-1"}', '{"modelId":"am-1"}']);
  });
});

describe("clock skew", () => {
  const skewed = (serverTime: string) => () =>
    Response.json({ Code: "InvalidTimeStamp.Expired" }, { status: 400, headers: { date: serverTime } });
  const classify = (response: Response): AttemptVerdict =>
    response.status === 400 ? { kind: "clock-skew" } : { kind: "done" };

  test("learns the cloud's clock from Date, re-signs with it and retries at once", async () => {
    const { transport, signed, waits } = harness([skewed("Sun, 01 Mar 2026 01:00:00 GMT"), ok], { classify });
    expect((await transport(new Request(URL_))).status).toBe(200);
    expect(signed.map((context) => context.now.toISOString())).toEqual([
      "2026-03-01T00:00:00.000Z",
      "2026-03-01T01:00:00.000Z",
    ]);
    expect(waits).toEqual([]);
  });

  test("corrects only once per call", async () => {
    const { transport, sent } = harness([skewed("Sun, 01 Mar 2026 01:00:00 GMT")], { classify });
    expect((await transport(new Request(URL_))).status).toBe(400);
    expect(sent).toHaveLength(2);
  });

  test("without a usable Date, or with a clock that already agrees, the answer is final", async () => {
    const noDate = harness([() => new Response("{}", { status: 400 }), ok], { classify });
    expect((await noDate.transport(new Request(URL_))).status).toBe(400);
    expect(noDate.sent).toHaveLength(1);

    const agrees = harness([skewed("Sun, 01 Mar 2026 00:00:00 GMT"), ok], { classify });
    expect((await agrees.transport(new Request(URL_))).status).toBe(400);
    expect(agrees.sent).toHaveLength(1);
  });

  test("the learnt offset is shared by the client's later and concurrent calls", async () => {
    const clock = createClockOffset();
    const { transport, signed } = harness([skewed("Sun, 01 Mar 2026 00:10:00 GMT"), ok], {
      classify,
      testing: { clock, now: () => LOCAL_NOW, sleep: async () => undefined, random: () => 0 },
    });
    await transport(new Request(URL_));
    expect(clock.get()).toBe(10 * 60 * 1000);
    await Promise.all([transport(new Request(URL_)), transport(new Request(URL_))]);
    expect(signed.slice(2).map((context) => context.now.toISOString())).toEqual([
      "2026-03-01T00:10:00.000Z",
      "2026-03-01T00:10:00.000Z",
    ]);
  });
});

describe("timeouts and aborts", () => {
  /** A fetch that never answers until its signal fires. */
  const hang = (request: Request) =>
    new Promise<Response>((_, reject) => {
      if (request.signal.aborted) {
        reject(request.signal.reason);
      }
      request.signal.addEventListener("abort", () => reject(request.signal.reason));
    });

  test("an attempt past timeoutMs is a retryable timeout; the last one is thrown", async () => {
    const { transport, sent } = harness([hang], { timeoutMs: 20 });
    const error = await rejection(transport(new Request(URL_)));
    expect(error).toMatchObject({ code: "timeout", provider: "pai", retryable: true });
    expect(sent).toHaveLength(3);
  });

  test("a slow first attempt times out and the retry succeeds", async () => {
    const { transport, sent } = harness([hang, ok], { timeoutMs: 20 });
    expect((await transport(new Request(URL_))).status).toBe(200);
    expect(sent).toHaveLength(2);
  });

  test("the overall deadline stops everything, with a non-retryable timeout, and aborts the request in flight", async () => {
    const sent: Request[] = [];
    const transport = createTransport({
      provider: "qianfan",
      sign: async (request) => request,
      fetch: (request) => {
        sent.push(request);
        return hang(request);
      },
      timeoutMs: 1_000,
      deadlineMs: 30,
    });
    const error = await rejection(transport(new Request(URL_)));
    expect(error).toMatchObject({ code: "timeout", provider: "qianfan", retryable: false });
    expect(sent.map((request) => request.signal.reason)).toEqual([error]);
  });

  test("an attempt's timeout aborts that attempt's request, and only it", async () => {
    const sent: Request[] = [];
    const transport = createTransport({
      provider: "pai",
      sign: async (request) => request,
      fetch: (request) => {
        sent.push(request);
        return sent.length === 1 ? hang(request) : Promise.resolve(ok());
      },
      retry: { maxAttempts: 2, baseDelayMs: 0 },
      timeoutMs: 20,
    });
    expect((await transport(new Request(URL_))).status).toBe(200);
    expect(sent.map((request) => request.signal.aborted)).toEqual([true, false]);
    expect(sent[0]?.signal.reason).toMatchObject({ code: "timeout", retryable: true });
  });

  test("the caller's abort during a backoff wait stops at once: aborted, no more attempts", async () => {
    const controller = new AbortController();
    let attempts = 0;
    const transport = createTransport({
      provider: "pai",
      sign: async (request) => request,
      fetch: async () => {
        attempts++;
        setTimeout(() => controller.abort(new Error("user left")), 5);
        return new Response(null, { status: 503 });
      },
      retry: { baseDelayMs: 10_000, maxDelayMs: 10_000 },
      testing: { random: () => 1 },
    });
    const error = await rejection(transport(new Request(URL_, { signal: controller.signal })));
    expect(error).toMatchObject({ code: "aborted", retryable: false });
    expect(attempts).toBe(1);
  });

  test("the caller's abort while an attempt is in flight is aborted, not a timeout, and not retried", async () => {
    const controller = new AbortController();
    let attempts = 0;
    let inFlight: AbortSignal | undefined;
    const transport = createTransport({
      provider: "pai",
      sign: async (request) => request,
      fetch: (request) => {
        attempts++;
        inFlight = request.signal;
        setTimeout(() => controller.abort(), 5);
        return hang(request);
      },
      timeoutMs: 1_000,
    });
    const error = await rejection(transport(new Request(URL_, { signal: controller.signal })));
    expect(error.code).toBe("aborted");
    expect(attempts).toBe(1);
    // Aborted by the caller's abort itself, at once, not later by the attempt's timeout.
    expect(inFlight?.reason).toBe(controller.signal.reason);
  });

  test("an abort that lands while the request is being signed sends nothing", async () => {
    const controller = new AbortController();
    let sends = 0;
    const transport = createTransport({
      provider: "pai",
      sign: async (request) => {
        controller.abort();
        return request;
      },
      fetch: async () => {
        sends++;
        return new Response();
      },
    });
    expect((await rejection(transport(new Request(URL_, { signal: controller.signal })))).code).toBe("aborted");
    expect(sends).toBe(0);
  });
});

describe("bodies", () => {
  test("a body over maxBodyBytes is refused, not retried", async () => {
    const { transport, sent } = harness([() => new Response("x".repeat(2_000))], { maxBodyBytes: 1_000 });
    const error = await rejection(transport(new Request(URL_)));
    expect(error).toMatchObject({ code: "invalid_response", retryable: false });
    expect(sent).toHaveLength(1);
  });

  test("a declared content-length over the limit is refused before reading", async () => {
    const stream = new ReadableStream({
      pull() {
        throw new Error("must not be read");
      },
    });
    const { transport } = harness([() => new Response(stream, { headers: { "content-length": "999999999" } })]);
    expect((await rejection(transport(new Request(URL_)))).code).toBe("invalid_response");
  });

  test("the signing details of the attempt that answered are kept with the response", async () => {
    const { transport } = harness([status(503), status(503), ok]);
    const response = await transport(new Request(URL_));
    expect(signingDetailsOf(response)).toEqual({ canonicalRequest: "CR#3" });
  });
});

test("options are checked when the transport is made", () => {
  const sign = async (request: Request) => request;
  expect(() => createTransport({ provider: "pai", sign, timeoutMs: 0 })).toThrow(TypeError);
  expect(() => createTransport({ provider: "pai", sign, deadlineMs: -1 })).toThrow(TypeError);
  expect(() => createTransport({ provider: "pai", sign, retry: { maxAttempts: 0 } })).toThrow(TypeError);
});
