import { ModelError, type Provider } from "../errors.ts";

/** The largest response body read by default: far more than any model description. */
export const DEFAULT_MAX_BODY_BYTES: number = 8 * 1024 * 1024;

/**
 * Reads a response body into memory, refusing one over `maxBytes` (checked against `content-length` first, then
 * while reading, so a huge or endless body is cut off early).
 *
 * @throws ModelError `invalid_response` when the body is too large; rethrows read failures as they are.
 * @internal
 */
export async function readLimitedBody(
  response: Response,
  maxBytes: number,
  provider: Provider,
): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () =>
    new ModelError(`${provider} response body is larger than ${maxBytes} bytes`, {
      code: "invalid_response",
      provider,
      status: response.status,
      retryable: false,
    });
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (response.body === null) {
    return new Uint8Array(0);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
