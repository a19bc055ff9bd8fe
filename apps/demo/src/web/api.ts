import type { Model, Provider } from "@cloud-models/core";

/** What the edge function answered for one model. */
export type ModelResult =
  | { readonly ok: true; readonly model: Model; readonly url: string; readonly status: number; readonly ms: number }
  | {
      readonly ok: false;
      readonly url: string;
      /** The HTTP status, or 0 when the edge function could not be reached. */
      readonly status: number;
      readonly ms: number;
      readonly code: string;
      readonly message: string;
      readonly requestId?: string | undefined;
    };

/**
 * Asks the edge function for one model: `GET <edge>/api/models/:provider/:id`. Never throws: a failure is a
 * result, with the edge function's error `code` and `message` when it sent them (`unreachable` when it could not
 * be reached at all).
 */
export async function fetchModel(edgeUrl: string, provider: Provider, id: string): Promise<ModelResult> {
  const url = `${edgeUrl.replace(/\/+$/, "")}/api/models/${provider}/${encodeURIComponent(id)}`;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" } });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      url,
      status: 0,
      ms: elapsed(),
      code: "unreachable",
      message: `the edge function is unreachable: ${message}`,
    };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok && isModel(body)) {
    return { ok: true, model: body, url, status: response.status, ms: elapsed() };
  }
  const error = isObject(body) && isObject(body["error"]) ? body["error"] : {};
  return {
    ok: false,
    url,
    status: response.status,
    ms: elapsed(),
    code: typeof error["code"] === "string" ? error["code"] : "invalid_response",
    message: typeof error["message"] === "string" ? error["message"] : `HTTP ${response.status} without an error body`,
    requestId: typeof error["requestId"] === "string" ? error["requestId"] : undefined,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isModel(value: unknown): value is Model {
  return isObject(value) && typeof value["id"] === "string" && typeof value["name"] === "string";
}
