// Serves the edge function from Node with node:http: for local use, or any Node host. The handler is the same
// web-standard one Workers and Deno run; this file only turns node:http's request into a `Request` and the
// `Response` back.
//
//   node src/edge/node-server.ts            (PORT, default 8787; HOST, default 127.0.0.1)
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { PROVIDERS, setupClouds } from "./clouds.ts";
import { type EdgeEnv, envFromProcess } from "./env.ts";
import { createEdgeHandler, type EdgeHandler, type EdgeHandlerOptions } from "./handler.ts";

/** Options of {@link startEdgeServer}. */
export interface EdgeServerOptions extends Partial<EdgeHandlerOptions> {
  /** Default 8787; 0 lets the OS pick one. */
  readonly port?: number;
  /** Default `127.0.0.1`: only this machine. Use `0.0.0.0` behind a reverse proxy. */
  readonly hostname?: string;
}

/** A running edge server. */
export interface EdgeServer {
  /** `http://<host>:<port>`. */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Starts the edge function on node:http.
 *
 * @example
 * ```ts
 * const server = await startEdgeServer({ env: envFromProcess(process), port: 8787 });
 * // GET http://127.0.0.1:8787/api/models/pai/<ModelId>
 * ```
 */
export async function startEdgeServer(options: EdgeServerOptions = {}): Promise<EdgeServer> {
  const env = options.env ?? envFromProcess(process);
  const handler = createEdgeHandler({ ...options, env });
  const server = createServer((request, response) => {
    serve(handler, request, response).catch(() => response.destroy());
  });
  const hostname = options.hostname ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8787, hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = hostname.includes(":") ? `[${hostname}]` : hostname;
  return { origin: `http://${host}:${port}`, close: () => close(server) };
}

async function serve(handler: EdgeHandler, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const abort = new AbortController();
  // The caller hung up before the answer was sent: stop the cloud call too.
  response.once("close", () => {
    if (!response.writableFinished) {
      abort.abort();
    }
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      headers.append(name, item);
    }
  }
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const answer = await handler(
    new Request(new URL(request.url ?? "/", `http://${request.headers.host ?? "localhost"}`), {
      method: request.method ?? "GET",
      headers,
      signal: abort.signal,
      ...(hasBody ? { body: Readable.toWeb(request) as ReadableStream, duplex: "half" } : {}),
    }),
  );
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  response.end(Buffer.from(await answer.arrayBuffer()));
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

function describeClouds(env: EdgeEnv): string[] {
  const clouds = setupClouds(env);
  return PROVIDERS.map((provider) => {
    const cloud = clouds[provider];
    const state =
      cloud.state === "ready"
        ? "ready"
        : cloud.state === "missing"
          ? `not configured: set ${cloud.variables.join(" and ")}`
          : `misconfigured: ${cloud.error.message}`;
    return `  ${provider.padEnd(8)} ${state}`;
  });
}

if (import.meta.main) {
  const env = envFromProcess(process);
  const port = Number(env["PORT"] ?? 8787);
  const hostname = typeof env["HOST"] === "string" ? env["HOST"] : "127.0.0.1";
  const server = await startEdgeServer({ env, port, hostname });
  process.stdout.write(
    [`edge function: GET ${server.origin}/api/models/:provider/:id`, ...describeClouds(env), "Ctrl-C to stop", ""].join(
      "\n",
    ),
  );
  const stop = () => {
    server.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
