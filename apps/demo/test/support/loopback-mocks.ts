// A tiny HTTP server on 127.0.0.1 that answers as PAI and Qianfan, for runtimes msw cannot reach into (workerd,
// Deno, a child process): give their edge function PAI_BASE_URL=<origin>/pai and QIANFAN_BASE_URL=<origin>/qianfan.
//
// Each request's signature is recomputed with core's signers for the host and path it really came to (the mocks'
// own check assumes the clouds' hosts, which a loopback request cannot carry), then the request is handed, readdressed
// to the cloud, to @cloud-models/mocks' handlers (signature checks off, as done here) with msw's getResponse: the
// answers, errors and scenarios are the mocks' own. A wrong signature gets the mocks' "signature-mismatch" answer.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { acs3Authorization, bceV1Authorization, type Credentials } from "@cloud-models/core";
import {
  createHandlers,
  type PaiMockOptions,
  paiTestCredentials,
  type QianfanMockOptions,
  qianfanTestCredentials,
} from "@cloud-models/mocks";
import { getResponse } from "msw";

const CLOUD_ORIGINS = {
  pai: "https://aiworkspace.cn-hangzhou.aliyuncs.com",
  qianfan: "https://qianfan.baidubce.com",
} as const;

type Cloud = keyof typeof CLOUD_ORIGINS;

/** What the server saw. */
export interface LoopbackStats {
  /** Requests whose signature matched, per cloud. */
  readonly verified: Record<Cloud, number>;
  /** Requests whose signature did not. */
  readonly refused: Record<Cloud, number>;
  /** `user-agent` of every cloud request (tells which runtime's fetch sent it). */
  readonly userAgents: string[];
  /** Remote addresses of every cloud request. */
  readonly remoteAddresses: string[];
}

/** Options of {@link startLoopbackMocks}: the mocks' options per cloud (`credentials` is ignored). */
export interface LoopbackMocksOptions {
  readonly pai?: Omit<PaiMockOptions, "credentials">;
  readonly qianfan?: Omit<QianfanMockOptions, "credentials">;
}

/** A running loopback mock server. */
export interface LoopbackMocks {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** The base URLs to give the providers, as the edge function's env reads them. */
  readonly env: { readonly PAI_BASE_URL: string; readonly QIANFAN_BASE_URL: string };
  readonly stats: LoopbackStats;
  close(): Promise<void>;
}

const CREDENTIALS: Record<Cloud, Credentials> = { pai: paiTestCredentials, qianfan: qianfanTestCredentials };

/** Starts the server on 127.0.0.1, on a port the OS picks. */
export async function startLoopbackMocks(options: LoopbackMocksOptions = {}): Promise<LoopbackMocks> {
  const off = { credentials: false } as const;
  const handlers = createHandlers({ pai: { ...options.pai, ...off }, qianfan: { ...options.qianfan, ...off } });
  const refusals = createHandlers({
    pai: { ...off, scenario: "signature-mismatch" },
    qianfan: { ...off, scenario: "signature-mismatch" },
  });
  const stats: LoopbackStats = {
    verified: { pai: 0, qianfan: 0 },
    refused: { pai: 0, qianfan: 0 },
    userAgents: [],
    remoteAddresses: [],
  };

  const server = createServer((incoming, outgoing) => {
    answer(incoming)
      .then(async (response) => {
        outgoing.writeHead(response.status, Object.fromEntries(response.headers));
        outgoing.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => {
        outgoing.writeHead(500, { "content-type": "text/plain" }).end(`loopback mocks: ${String(error)}`);
      });
  });

  async function answer(incoming: IncomingMessage): Promise<Response> {
    const path = incoming.url ?? "/";
    const cloud: Cloud | undefined = path.startsWith("/pai/")
      ? "pai"
      : path.startsWith("/qianfan/")
        ? "qianfan"
        : undefined;
    if (cloud === undefined) {
      return new Response("loopback mocks: use /pai/… or /qianfan/…", { status: 404 });
    }
    stats.userAgents.push(incoming.headers["user-agent"] ?? "");
    stats.remoteAddresses.push(incoming.socket.remoteAddress ?? "");
    const body = await readBody(incoming);
    const headers = headersOf(incoming);
    const signed = await verify(cloud, incoming.method ?? "GET", new URL(path, "http://loopback"), headers, body);
    (signed ? stats.verified : stats.refused)[cloud] += 1;

    const cloudHeaders = new Headers(headers);
    cloudHeaders.delete("host");
    const request = new Request(CLOUD_ORIGINS[cloud] + path.slice(cloud.length + 1), {
      method: incoming.method ?? "GET",
      headers: cloudHeaders,
      ...(body.byteLength > 0 ? { body } : {}),
    });
    return (
      (await getResponse(signed ? handlers : refusals, request)) ??
      new Response("loopback mocks: no handler", { status: 404 })
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    env: { PAI_BASE_URL: `${origin}/pai`, QIANFAN_BASE_URL: `${origin}/qianfan` },
    stats,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Recomputes the request's signature with the fake test credentials and compares it with the one sent. */
async function verify(
  cloud: Cloud,
  method: string,
  url: URL,
  headers: Record<string, string>,
  body: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  const authorization = headers["authorization"] ?? "";
  const unsigned = Object.fromEntries(Object.entries(headers).filter(([name]) => name !== "authorization"));
  const credentials = CREDENTIALS[cloud];
  if (cloud === "pai") {
    const expected = await acs3Authorization({
      method,
      pathname: url.pathname,
      query: url.searchParams,
      headers: unsigned,
      body: body.byteLength === 0 ? null : body,
      accessKeyId: credentials.accessKeyId,
      accessKeySecret: credentials.accessKeySecret,
    });
    return expected.authorization === authorization;
  }
  // bce-auth-v1/{accessKeyId}/{timestamp}/{expiration}/{signedHeaders}/{signature}
  const [, , timestamp = "", expiration = "", signedHeaders = ""] = authorization.split("/");
  const expected = await bceV1Authorization({
    method,
    path: url.pathname,
    query: url.searchParams,
    headers: unsigned,
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.accessKeySecret,
    timestamp,
    expirationInSeconds: Number(expiration),
    headersToSign: signedHeaders.split(";"),
  });
  return expected.authorization === authorization;
}

function headersOf(incoming: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) {
      headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
  }
  return headers;
}

async function readBody(incoming: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) {
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
