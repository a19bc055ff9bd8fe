// A tiny HTTP server on 127.0.0.1 that answers like PAI GetModel and Qianfan modelDetail with the packages' fixtures,
// after recomputing each request's signature with core's own signers and refusing a bad one. Node only: the harnesses
// start it (in-process, or around a Deno/Bun child), and every runtime's real `fetch` reaches it over a real socket.
// It also serves static files (the Chromium page and its bundle).
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { acs3Authorization, bceV1Authorization } from "@cloud-models/core";
import { paiFixtures } from "@cloud-models/pai/fixtures";
import { qianfanFixtures } from "@cloud-models/qianfan/fixtures";
import { LOOPBACK_CREDENTIALS, type LoopbackStats, QIANFAN_NOT_FOUND_LOG_ID, STATS_PATH } from "./protocol.ts";

/** A file the server hands out as it is. */
export interface StaticFile {
  readonly contentType: string;
  readonly body: string | Uint8Array;
}

/** Options of {@link startLoopbackServer}. */
export interface LoopbackServerOptions {
  /** Files by exact path (e.g. `/` and `/smoke.js`); looked up on every request, so they may be added later. */
  readonly files?: Map<string, StaticFile>;
  /** How long to wait for the socket to listen; default 10 s. */
  readonly startTimeoutMs?: number;
}

/** A running loopback server. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly stats: LoopbackStats;
  /** Closes every connection and the socket. */
  close(): Promise<void>;
}

const PAI_MODEL_PATH = /^\/api\/v1\/models\/([^/]+)$/;
const QIANFAN_DETAIL_PATH = "/wenxinworkshop/modelrepo/modelDetail";
const PAI_HOST_ID = "aiworkspace.loopback.invalid";
/** How far a signing time may be from the server's clock (ACS3 allows 15 minutes). */
const MAX_SKEW_MS = 15 * 60 * 1000;

/** Starts the server on 127.0.0.1 with a port the OS picks. */
export async function startLoopbackServer(options: LoopbackServerOptions = {}): Promise<LoopbackServer> {
  const files = options.files ?? new Map<string, StaticFile>();
  const stats: LoopbackStats = {
    pai: { verified: 0, rejected: 0 },
    qianfan: { verified: 0, rejected: 0 },
    userAgents: [],
    remoteAddresses: [],
  };
  const server = createServer((request, response) => {
    handle(request, response, files, stats).catch((error: unknown) => {
      if (!response.headersSent) {
        send(response, 500, { "content-type": "text/plain" }, `loopback server error: ${String(error)}`);
      } else {
        response.destroy();
      }
    });
  });
  server.keepAliveTimeout = 1000;
  const timeoutMs = options.startTimeoutMs ?? 10_000;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`loopback server did not listen within ${timeoutMs} ms`)),
      timeoutMs,
    );
    server.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    server.listen(0, "127.0.0.1", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  files: Map<string, StaticFile>,
  stats: LoopbackStats,
): Promise<void> {
  const target = request.url ?? "/";
  const queryAt = target.indexOf("?");
  // The raw path, percent-encoding untouched: that is what the client signed.
  const rawPath = queryAt === -1 ? target : target.slice(0, queryAt);
  const query = new URLSearchParams(queryAt === -1 ? "" : target.slice(queryAt + 1));
  const body = await readBody(request);
  const method = request.method ?? "GET";

  if (method === "GET" && rawPath === STATS_PATH) {
    send(response, 200, { "content-type": "application/json", "cache-control": "no-store" }, JSON.stringify(stats));
    return;
  }
  const file = method === "GET" ? files.get(rawPath) : undefined;
  if (file) {
    send(response, 200, { "content-type": file.contentType, "cache-control": "no-store" }, file.body);
    return;
  }

  const paiMatch = PAI_MODEL_PATH.exec(rawPath);
  if (method === "GET" && paiMatch) {
    note(stats, request);
    const refusal = await verifyAcs3(request, method, rawPath, query, body);
    if (refusal !== undefined) {
      stats.pai.rejected += 1;
      sendJson(response, 400, acsRequestId(refusal["RequestId"]), refusal);
      return;
    }
    stats.pai.verified += 1;
    const id = decodeURIComponent(paiMatch[1] as string);
    if (id === paiFixtures.model.ModelId) {
      sendJson(response, 200, acsRequestId(paiFixtures.model.RequestId), paiFixtures.model);
    } else {
      sendJson(response, 404, acsRequestId(paiFixtures.notFound.RequestId), paiFixtures.notFound);
    }
    return;
  }

  if (method === "POST" && rawPath === QIANFAN_DETAIL_PATH) {
    note(stats, request);
    const refusal = await verifyBceV1(request, method, rawPath, query);
    if (refusal !== undefined) {
      stats.qianfan.rejected += 1;
      // BCE's IAM layer answers with an empty body and the reason in headers.
      send(
        response,
        401,
        {
          "x-bce-request-id": "00000000-0000-4000-8000-0000loopback",
          "x-bce-error-code": refusal.code,
          "x-bce-error-message": refusal.message,
        },
        "",
      );
      return;
    }
    stats.qianfan.verified += 1;
    const modelId = readModelId(body);
    const known = [qianfanFixtures.model, qianfanFixtures.sdkModel].find(
      (fixture) =>
        modelId !== undefined && (fixture.result.modelIdStr === modelId || String(fixture.result.modelId) === modelId),
    );
    if (known) {
      sendJson(response, 200, {}, known);
    } else {
      sendJson(
        response,
        200,
        {},
        { error_code: 336001, error_msg: "model not exist", log_id: QIANFAN_NOT_FOUND_LOG_ID },
      );
    }
    return;
  }

  send(response, 404, { "content-type": "text/plain" }, `loopback server: no route for ${method} ${rawPath}`);
}

/** A PAI error body, or `undefined` when the ACS3 signature is right. */
async function verifyAcs3(
  request: IncomingMessage,
  method: string,
  rawPath: string,
  query: URLSearchParams,
  body: Uint8Array<ArrayBuffer>,
): Promise<Record<string, string> | undefined> {
  const refuse = (code: string, message: string) => ({
    RequestId: crypto.randomUUID().toUpperCase(),
    HostId: PAI_HOST_ID,
    Code: code,
    Message: message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${code}`,
  });
  const authorization = header(request, "authorization");
  const parsed = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(
    authorization ?? "",
  );
  if (!parsed) {
    return refuse("IncompleteSignature", `missing or malformed ACS3 Authorization: ${JSON.stringify(authorization)}`);
  }
  const [, accessKeyId, signedList] = parsed as unknown as [string, string, string];
  if (accessKeyId !== LOOPBACK_CREDENTIALS.pai.accessKeyId) {
    return refuse("InvalidAccessKeyId.NotFound", `unknown AccessKey ID ${accessKeyId}`);
  }
  const signed = signedList.split(";");
  const required = [
    "host",
    "x-acs-action",
    "x-acs-content-sha256",
    "x-acs-date",
    "x-acs-signature-nonce",
    "x-acs-version",
  ];
  const acsHeaders = Object.keys(request.headers).filter((name) => name.startsWith("x-acs-"));
  const unsigned = [...required, ...acsHeaders].filter((name) => !signed.includes(name));
  if (unsigned.length > 0) {
    return refuse("IncompleteSignature", `headers not signed: ${unsigned.join(", ")}`);
  }
  if (header(request, "x-acs-action") !== "GetModel" || header(request, "x-acs-version") !== "2021-02-04") {
    return refuse("InvalidAction.NotFound", "expected x-acs-action GetModel, x-acs-version 2021-02-04");
  }
  if (header(request, "x-acs-content-sha256") !== createHash("sha256").update(body).digest("hex")) {
    return refuse("ContentSHA256NotMatched", "x-acs-content-sha256 is not the SHA-256 of the body");
  }
  const date = Date.parse(header(request, "x-acs-date") ?? "");
  if (!Number.isFinite(date) || Math.abs(Date.now() - date) > MAX_SKEW_MS) {
    return refuse("InvalidTimeStamp.Expired", `x-acs-date ${header(request, "x-acs-date")} is not within 15 minutes`);
  }
  const headers = Object.fromEntries(signed.map((name) => [name, header(request, name) ?? ""]));
  const expected = await acs3Authorization({
    method,
    pathname: rawPath,
    query,
    headers,
    body: body.byteLength === 0 ? null : body,
    accessKeyId,
    accessKeySecret: LOOPBACK_CREDENTIALS.pai.accessKeySecret,
  });
  if (expected.authorization !== authorization) {
    return refuse(
      "SignatureDoesNotMatch",
      `Specified signature is not matched with our calculation. server string to sign is:${expected.stringToSign}`,
    );
  }
  return undefined;
}

/** A BCE IAM refusal, or `undefined` when the bce-auth-v1 signature is right. */
async function verifyBceV1(
  request: IncomingMessage,
  method: string,
  rawPath: string,
  query: URLSearchParams,
): Promise<{ code: string; message: string } | undefined> {
  const authorization = header(request, "authorization");
  const parsed = /^bce-auth-v1\/([^/]+)\/([^/]+)\/(\d+)\/([^/]*)\/([0-9a-f]{64})$/.exec(authorization ?? "");
  if (!parsed) {
    return { code: "AccessDenied", message: "missing or malformed bce-auth-v1 Authorization" };
  }
  const [, accessKeyId, timestamp, expiration, signedList] = parsed as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (accessKeyId !== LOOPBACK_CREDENTIALS.qianfan.accessKeyId) {
    return { code: "InvalidAccessKeyId", message: `unknown access key ${accessKeyId}` };
  }
  const signed = signedList.split(";");
  if (!signed.includes("host") || !signed.includes("x-bce-date") || header(request, "x-bce-date") !== timestamp) {
    return { code: "AccessDenied", message: "host and x-bce-date must be signed, x-bce-date equal to the timestamp" };
  }
  const signedAt = Date.parse(timestamp);
  if (
    !Number.isFinite(signedAt) ||
    Date.now() - signedAt > Number(expiration) * 1000 ||
    signedAt - Date.now() > MAX_SKEW_MS
  ) {
    return { code: "RequestExpired", message: `signed at ${timestamp}, valid ${expiration} s` };
  }
  // Every header as received: bce-auth-v1 always signs x-bce-*, so one the client left out makes a mismatch.
  const headers = Object.fromEntries(Object.keys(request.headers).map((name) => [name, header(request, name) ?? ""]));
  const expected = await bceV1Authorization({
    method,
    path: rawPath,
    query,
    headers,
    accessKeyId,
    secretAccessKey: LOOPBACK_CREDENTIALS.qianfan.accessKeySecret,
    timestamp,
    expirationInSeconds: Number(expiration),
    headersToSign: signed,
  });
  if (expected.authorization !== authorization) {
    return { code: "SignatureDoesNotMatch", message: "The request signature we calculated does not match" };
  }
  return undefined;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

function note(stats: LoopbackStats, request: IncomingMessage): void {
  const agent = header(request, "user-agent") ?? "";
  if (!stats.userAgents.includes(agent)) {
    stats.userAgents.push(agent);
  }
  const address = request.socket.remoteAddress ?? "?";
  if (!stats.remoteAddresses.includes(address)) {
    stats.remoteAddresses.push(address);
  }
}

function readModelId(body: Uint8Array): string | undefined {
  try {
    const json: unknown = JSON.parse(new TextDecoder().decode(body));
    const id = typeof json === "object" && json !== null ? (json as Record<string, unknown>)["modelId"] : undefined;
    return typeof id === "string" || typeof id === "number" ? String(id) : undefined;
  } catch {
    return undefined;
  }
}

async function readBody(request: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Uint8Array);
  }
  // A copy on its own ArrayBuffer (a Buffer may sit in a shared pool): what BufferSource wants.
  return new Uint8Array(Buffer.concat(chunks));
}

function acsRequestId(id: string | undefined): Record<string, string> {
  return id === undefined ? {} : { "x-acs-request-id": id };
}

function sendJson(response: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  send(response, status, { ...headers, "content-type": "application/json;charset=utf-8" }, JSON.stringify(body));
}

function send(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Uint8Array,
): void {
  response.writeHead(status, { ...headers, "content-length": String(Buffer.byteLength(body)) });
  response.end(body);
}
