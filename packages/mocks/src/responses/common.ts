// Answer pieces both clouds share: request ids, the gateway's HTML error page, a cut-off JSON body.

const STATUS_TEXT: Readonly<Record<number, string>> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Temporarily Unavailable",
  504: "Gateway Time-out",
};

/** A fresh PAI-style request id: an upper-case UUID. @internal */
export function createPaiRequestId(): string {
  return crypto.randomUUID().toUpperCase();
}

/** A fresh BCE request id (`X-Bce-Request-Id`): a lower-case UUID. @internal */
export function createBceRequestId(): string {
  return crypto.randomUUID();
}

/** A fresh Qianfan `log_id`: a 10-digit decimal string, like the reference's `2268019247`. @internal */
export function createQianfanLogId(): string {
  const [value = 0] = crypto.getRandomValues(new Uint32Array(1));
  return String(1_000_000_000 + (value % 9_000_000_000));
}

/**
 * The headers every answer carries: `date` from the mock's clock, as a server sends it (a client that corrects its
 * clock skew learns the mock's time from it). @internal
 */
export function baseHeaders(now: Date, extra: Readonly<Record<string, string>> = {}): Headers {
  const headers = new Headers(extra);
  headers.set("date", now.toUTCString());
  return headers;
}

/** A 5xx answer as a load balancer sends it: an HTML page, not JSON. @internal */
export function htmlServerError(status: number, now: Date): Response {
  const title = `${status} ${STATUS_TEXT[status] ?? "Server Error"}`;
  const page = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>gateway</center>\r\n</body>\r\n</html>\r\n`;
  return new Response(page, {
    status,
    headers: baseHeaders(now, { "content-type": "text/html" }),
  });
}

/**
 * A 200 whose JSON body stops half-way, as when a connection drops after the headers: `content-type` says JSON,
 * the text does not parse. @internal
 */
export function truncatedJson(body: unknown, now: Date, extra: Readonly<Record<string, string>>): Response {
  const text = JSON.stringify(body);
  return new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), {
    status: 200,
    headers: baseHeaders(now, { ...extra, "content-type": "application/json" }),
  });
}
