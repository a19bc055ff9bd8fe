// A loopback HTTP server answering PAI GetModel and Qianfan modelDetail with the providers' fixtures, run in its own
// process by e2e.mjs so the client under test has its core to itself. It checks the signatures of the first
// VERIFY_FIRST requests of each cloud from each user-agent (ours and the raw fetch say "node", the officials their
// own) with core's own signers, proof that every client signs correctly, and then only answers, so the measured
// calls pay the same small server cost. Prints `{"origin":…}` once listening.
import { createServer } from "node:http";
import { acs3Authorization, bceV1Authorization } from "@cloud-models/core";
import { paiFixtures } from "@cloud-models/pai/fixtures";
import { qianfanFixtures } from "@cloud-models/qianfan/fixtures";
import { LOOPBACK_CREDENTIALS } from "./loopback-credentials.mjs";

const VERIFY_FIRST = 25;
const PAI_PATH = /^\/api\/v1\/models\/([^/]+)$/;
const QIANFAN_PATH = "/wenxinworkshop/modelrepo/modelDetail";
const stats = { pai: { verified: 0, rejected: 0, answered: 0 }, qianfan: { verified: 0, rejected: 0, answered: 0 } };
/** Requests checked so far, by cloud and user-agent. */
const checked = new Map();
const paiBody = JSON.stringify(paiFixtures.model);
const qianfanBody = JSON.stringify(qianfanFixtures.model);

function pick(headers, names) {
  return Object.fromEntries(names.map((name) => [name, String(headers[name] ?? "")]));
}

async function verifyAcs3(request, path, query, body) {
  const authorization = String(request.headers.authorization ?? "");
  const signed = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(";") ?? [];
  const expected = await acs3Authorization({
    method: request.method,
    pathname: path,
    query,
    headers: pick(request.headers, signed),
    body,
    ...LOOPBACK_CREDENTIALS.pai,
  });
  return expected.authorization === authorization;
}

async function verifyBce(request, path, query) {
  const authorization = String(request.headers.authorization ?? "");
  const [version, accessKeyId, timestamp, expiration, signed] = authorization.split("/");
  if (version !== "bce-auth-v1" || accessKeyId !== LOOPBACK_CREDENTIALS.qianfan.accessKeyId || !signed) {
    return false;
  }
  const names = signed.split(";");
  const expected = await bceV1Authorization({
    method: request.method,
    path,
    query,
    headers: pick(request.headers, names),
    accessKeyId,
    secretAccessKey: LOOPBACK_CREDENTIALS.qianfan.accessKeySecret,
    timestamp,
    expirationInSeconds: Number(expiration),
    headersToSign: names,
  });
  return expected.authorization === authorization;
}

async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function answer(response, status, headers, body) {
  response.writeHead(status, { "content-type": "application/json;charset=utf-8", ...headers });
  response.end(body);
}

async function handle(request, response) {
  const target = request.url ?? "/";
  const queryAt = target.indexOf("?");
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const query = new URLSearchParams(queryAt === -1 ? "" : target.slice(queryAt + 1));
  const body = await readBody(request);
  if (path === "/__stats") {
    answer(response, 200, {}, JSON.stringify({ ...stats, clients: [...checked.keys()] }));
    return;
  }
  const cloud = PAI_PATH.test(path) && request.method === "GET" ? "pai" : path === QIANFAN_PATH ? "qianfan" : undefined;
  if (cloud === undefined) {
    answer(response, 404, {}, JSON.stringify({ Code: "NotFound" }));
    return;
  }
  const count = stats[cloud];
  const client = `${cloud} ${request.headers["user-agent"] ?? ""}`;
  const seen = checked.get(client) ?? 0;
  if (seen < VERIFY_FIRST) {
    checked.set(client, seen + 1);
    const good = cloud === "pai" ? await verifyAcs3(request, path, query, body) : await verifyBce(request, path, query);
    if (!good) {
      count.rejected += 1;
      answer(response, 400, {}, JSON.stringify({ Code: "SignatureDoesNotMatch", Message: "loopback: bad signature" }));
      return;
    }
    count.verified += 1;
  }
  count.answered += 1;
  if (cloud === "pai") {
    answer(response, 200, { "x-acs-request-id": paiFixtures.model.RequestId }, paiBody);
  } else {
    answer(response, 200, { "x-bce-request-id": qianfanFixtures.model.log_id }, qianfanBody);
  }
}

const server = createServer((request, response) => {
  handle(request, response).catch((error) => {
    response.destroy(error);
  });
});
server.keepAliveTimeout = 10_000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ origin: `http://127.0.0.1:${server.address().port}` })}\n`);
});
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
