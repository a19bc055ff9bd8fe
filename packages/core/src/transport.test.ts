import { afterEach, describe, expect, test, vi } from "vitest";
import { rejection } from "./__fixtures__/rejection.ts";
import { ModelError } from "./errors.ts";
import { createExchange, createTransport, type SignContext } from "./transport.ts";

const URL_ = "https://aiworkspace.cn-hangzhou.aliyuncs.com/api/v1/models/m-1";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("createTransport", () => {
  test("signs the request right before sending it", async () => {
    const seen: Request[] = [];
    const transport = createTransport({
      provider: "pai",
      sign: async (request) => {
        const headers = new Headers(request.headers);
        headers.set("authorization", "signed");
        return new Request(request, { headers });
      },
      fetch: async (request) => {
        seen.push(request);
        return new Response("{}", { status: 200 });
      },
    });
    const response = await transport(new Request(URL_));
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers.get("authorization")).toBe("signed");
    expect(seen[0]?.url).toBe(URL_);
  });

  test("signs a clone, so the caller's body is still readable", async () => {
    const original = new Request("https://qianfan.baidubce.com/x", { method: "POST", body: '{"modelId":"am-1"}' });
    const transport = createTransport({
      provider: "qianfan",
      sign: async (request) => new Request(request, { body: await request.arrayBuffer() }),
      fetch: async (request) => new Response(await request.text()),
    });
    expect(await (await transport(original)).text()).toBe('{"modelId":"am-1"}');
    expect(await original.text()).toBe('{"modelId":"am-1"}');
  });

  test("looks globalThis.fetch up at call time, not when created", async () => {
    const transport = createTransport({ provider: "pai", sign: async (request) => request });
    const stub = vi.fn(async () => new Response("late", { status: 200 }));
    vi.stubGlobal("fetch", stub);
    expect(await (await transport(new Request(URL_))).text()).toBe("late");
    expect(stub).toHaveBeenCalledTimes(1);
  });

  test("a fetch failure is a retryable network error with the cause kept", async () => {
    const cause = new TypeError("fetch failed");
    const transport = createTransport({
      provider: "qianfan",
      retry: false,
      sign: async (request) => request,
      fetch: async () => {
        throw cause;
      },
    });
    const error = await rejection(transport(new Request(URL_)));
    expect(error.code).toBe("network");
    expect(error.provider).toBe("qianfan");
    expect(error.retryable).toBe(true);
    expect(error.cause).toBe(cause);
  });

  test("a ModelError from sign passes through; anything else becomes a signing error", async () => {
    const credentialsError = new ModelError("no creds", { code: "credentials", provider: "pai" });
    const fetch = vi.fn(async () => new Response());
    const failing = createTransport({
      provider: "pai",
      sign: async () => {
        throw credentialsError;
      },
      fetch,
    });
    expect(await rejection(failing(new Request(URL_)))).toBe(credentialsError);

    const broken = createTransport({
      provider: "pai",
      sign: async () => {
        throw new TypeError("crypto.subtle is undefined");
      },
      fetch,
    });
    const error = await rejection(broken(new Request(URL_)));
    expect(error.code).toBe("signing");
    expect(error.message).toContain("crypto.subtle is undefined");
    expect(fetch).not.toHaveBeenCalled();
  });

  test("an aborted signal is an aborted error, before and during the send", async () => {
    const fetch = vi.fn(async (request: Request) => {
      await new Promise((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason)));
      return new Response();
    });
    const transport = createTransport({ provider: "pai", sign: async (request) => request, fetch });

    const before = new AbortController();
    before.abort();
    expect((await rejection(transport(new Request(URL_, { signal: before.signal })))).code).toBe("aborted");
    expect(fetch).not.toHaveBeenCalled();

    const during = new AbortController();
    const pending = transport(new Request(URL_, { signal: during.signal }));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    during.abort();
    const error = await rejection(pending);
    expect(error.code).toBe("aborted");
    expect(error.retryable).toBe(false);
  });
});

describe("a signer that never settles (a hung credentials function)", () => {
  const hung = () => new Promise<never>(() => undefined);

  test("the deadline still ends the call, before anything is sent", async () => {
    const fetch = vi.fn(async () => Response.json({}));
    const transport = createTransport({ provider: "pai", deadlineMs: 30, sign: hung, fetch });
    const error = await rejection(transport(new Request(URL_)));
    expect(error).toMatchObject({ code: "timeout", provider: "pai", retryable: false });
    expect(error.message).toBe("pai request timed out: the call took longer than 30 ms");
    expect(fetch).not.toHaveBeenCalled();
  });

  test("the caller's abort still ends the call, a factory's as well", async () => {
    const fetch = vi.fn(async () => Response.json({}));
    const exchange = createExchange({ provider: "qianfan", sign: hung, fetch });
    const caller = new AbortController();
    const pending = exchange({ signal: caller.signal, build: hung });
    caller.abort(new Error("user left"));
    const error = await rejection(pending);
    expect(error).toMatchObject({ code: "aborted", provider: "qianfan" });
    expect((error.cause as Error).message).toBe("user left");
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("a fetch that ignores the signal", () => {
  test("one that never answers: the attempt times out, retryably, and the retry is sent", async () => {
    let calls = 0;
    const transport = createTransport({
      provider: "pai",
      timeoutMs: 20,
      retry: { maxAttempts: 2, baseDelayMs: 0 },
      sign: async (request) => request,
      fetch: () => (++calls === 1 ? new Promise<Response>(() => undefined) : Promise.resolve(Response.json({ a: 1 }))),
    });
    const response = await transport(new Request(URL_));
    expect(await response.json()).toEqual({ a: 1 });
    expect(calls).toBe(2);
  });

  test("a body that never ends: the attempt times out", async () => {
    const endless = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined) });
    const exchange = createExchange({
      provider: "qianfan",
      timeoutMs: 20,
      retry: false,
      fetch: async () => new Response(endless),
    });
    const error = await rejection(exchange({ build: async (signal) => ({ request: new Request(URL_, { signal }) }) }));
    expect(error).toMatchObject({ code: "timeout", provider: "qianfan", retryable: true });
    expect(error.message).toBe("qianfan request timed out: an attempt took longer than 20 ms");
  });
});

describe("createExchange with a request factory", () => {
  test("the factory signs each attempt itself, its request is sent as built, and the body is read once", async () => {
    const contexts: SignContext[] = [];
    const built: Request[] = [];
    const sent: Request[] = [];
    const sign = vi.fn(async (request: Request) => request);
    const exchange = createExchange({
      provider: "qianfan",
      retry: { maxAttempts: 2, baseDelayMs: 0 },
      sign,
      testing: { now: () => Date.UTC(2026, 0, 2, 3, 4, 5) },
      fetch: async (request) =>
        sent.push(request) === 1 ? new Response("busy", { status: 503 }) : Response.json({ modelId: "m-1" }),
    });
    const result = await exchange({
      build: async (signal, context) => {
        contexts.push(context);
        const request = new Request(URL_, {
          method: "POST",
          headers: { authorization: `attempt ${context.attempt}` },
          body: '{"modelId":"m-1"}',
          signal,
        });
        built.push(request);
        return { request, details: { canonicalRequest: `attempt ${context.attempt}` } };
      },
    });
    expect(sign).not.toHaveBeenCalled();
    expect(contexts.map(({ attempt, now }) => [attempt, now.toISOString()])).toEqual([
      [1, "2026-01-02T03:04:05.000Z"],
      [2, "2026-01-02T03:04:05.000Z"],
    ]);
    // No Request around the built one: it already carried the attempt's signal.
    expect(sent).toEqual(built);
    expect(sent[1]).toBe(built[1]);
    expect(sent[1]?.headers.get("authorization")).toBe("attempt 2");
    expect(await sent[1]?.text()).toBe('{"modelId":"m-1"}');
    expect(result.body).toMatchObject({ isJson: true, json: { modelId: "m-1" } });
    expect(result.signing).toEqual({ canonicalRequest: "attempt 2" });
    expect(result.response.status).toBe(200);
  });

  test("a factory that throws fails the call: a ModelError as it is, anything else as a signing error", async () => {
    const fetch = vi.fn(async () => Response.json({}));
    const exchange = createExchange({ provider: "pai", sign: async (request) => request, fetch });
    const refused = new ModelError("pai credentials are invalid: nope", { code: "credentials", provider: "pai" });
    expect(
      await rejection(
        exchange({
          build: async () => {
            throw refused;
          },
        }),
      ),
    ).toBe(refused);
    const error = await rejection(
      exchange({
        build: async () => {
          throw new TypeError("no key");
        },
      }),
    );
    expect(error).toMatchObject({ code: "signing", provider: "pai", retryable: false });
    expect(error.message).toBe("pai request could not be signed: TypeError: no key");
    expect(fetch).not.toHaveBeenCalled();
  });

  test("the attempt's timeout reaches fetch through the built request's signal", async () => {
    const exchange = createExchange({
      provider: "pai",
      retry: false,
      timeoutMs: 20,
      sign: async (request) => request,
      fetch: (request) =>
        new Promise((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason))),
    });
    const error = await rejection(exchange({ build: async (signal) => ({ request: new Request(URL_, { signal }) }) }));
    expect(error).toMatchObject({ code: "timeout", retryable: true });
  });

  test("a body that breaks off is a retryable network error, and the next attempt comes out whole", async () => {
    const breaking = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"a":'));
            controller.error(new TypeError("terminated"));
          },
        }),
      );
    const once = createExchange({
      provider: "pai",
      retry: false,
      sign: async (request) => request,
      fetch: async () => breaking(),
    });
    const error = await rejection(once({ build: async (signal) => ({ request: new Request(URL_, { signal }) }) }));
    expect(error).toMatchObject({ code: "network", retryable: true });

    let calls = 0;
    const twice = createExchange({
      provider: "pai",
      retry: { maxAttempts: 2, baseDelayMs: 0 },
      sign: async (request) => request,
      fetch: async () => (++calls === 1 ? breaking() : Response.json({ a: 1 })),
    });
    const result = await twice({ build: async (signal) => ({ request: new Request(URL_, { signal }) }) });
    expect(result.body.json).toEqual({ a: 1 });
    expect(calls).toBe(2);
  });

  test("the caller's signal aborts the call", async () => {
    const caller = new AbortController();
    const exchange = createExchange({
      provider: "pai",
      sign: async (request) => request,
      fetch: (request) =>
        new Promise((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason))),
    });
    const pending = exchange({
      signal: caller.signal,
      build: async (signal) => ({ request: new Request(URL_, { signal }) }),
    });
    caller.abort();
    expect((await rejection(pending)).code).toBe("aborted");
  });
});
