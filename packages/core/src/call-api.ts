import type { ModelError, Provider, SigningDetails } from "./errors.ts";
import { isJsonObject, type ResponseBody, readResponseBody } from "./response.ts";
import { signingDetailsOf, toTransportError } from "./transport.ts";

/** What an openapi-fetch call made with `parseAs: "stream"` resolves to, as far as a provider needs it. @internal */
export interface StreamedResult {
  readonly response: Response;
  /** openapi-fetch's reading of an error body: the parsed JSON, else the text. */
  readonly error?: unknown;
}

/** Options of {@link callApi}. @internal */
export interface CallApiOptions {
  readonly provider: Provider;
  readonly signal: AbortSignal | undefined;
  /** Makes the call: the provider's typed openapi-fetch request, with `parseAs: "stream"`. */
  readonly send: () => Promise<StreamedResult>;
  /** The error for a non-2xx answer: its JSON body (when it was a JSON object) and what the SDK signed. */
  readonly onHttpError: (
    response: Response,
    body: Record<string, unknown> | undefined,
    signing: SigningDetails | undefined,
  ) => ModelError;
}

/**
 * The part of `getModel` both providers share: make the call, turn a thrown failure into a `ModelError` (`aborted`
 * when the caller's signal fired), turn an error answer into the provider's own error, and read a success body once
 * (the provider reads it, not openapi-fetch, so HTML or a cut-off body becomes a typed error, not a SyntaxError).
 *
 * @internal shared by the provider packages
 */
export async function callApi(options: CallApiOptions): Promise<{ response: Response; body: ResponseBody }> {
  const { provider, signal } = options;
  const result = await options.send().catch((cause: unknown) => {
    throw toTransportError(cause, provider, signal);
  });
  const { response } = result;
  if (!response.ok) {
    const errorBody = isJsonObject(result.error) ? result.error : undefined;
    throw options.onHttpError(response, errorBody, signingDetailsOf(response));
  }
  return { response, body: await readResponseBody(response, provider, signal) };
}
