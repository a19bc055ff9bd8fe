import type { ModelError, Provider, SigningDetails } from "./errors.ts";
import { isJsonObject, type ResponseBody } from "./response.ts";
import { type Exchange, toTransportError } from "./transport.ts";

/** Options of {@link callApi}. @internal */
export interface CallApiOptions {
  readonly provider: Provider;
  readonly signal: AbortSignal | undefined;
  /** Makes the call through the provider's exchange (`createExchange`). */
  readonly send: () => Promise<Exchange>;
  /** The error for a non-2xx answer: its JSON body (when it was a JSON object) and what the SDK signed. */
  readonly onHttpError: (
    response: Response,
    body: Record<string, unknown> | undefined,
    signing: SigningDetails | undefined,
  ) => ModelError;
}

/**
 * The part of `getModel` both providers share: make the call, turn a thrown failure into a `ModelError` (`aborted`
 * when the caller's signal fired), and turn an error answer into the provider's own error. The body was read once,
 * by the transport: HTML or a cut-off body becomes a typed error for the provider to raise, not a SyntaxError.
 *
 * @internal shared by the provider packages
 */
export async function callApi(options: CallApiOptions): Promise<{ response: Response; body: ResponseBody }> {
  const { provider, signal } = options;
  const { response, body, signing } = await options.send().catch((cause: unknown) => {
    throw toTransportError(cause, provider, signal);
  });
  if (!response.ok) {
    throw options.onHttpError(response, isJsonObject(body.json) ? body.json : undefined, signing);
  }
  return { response, body };
}
