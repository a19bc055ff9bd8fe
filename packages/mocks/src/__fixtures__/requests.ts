// Request builders for the handler tests: requests signed as the providers sign them, with the clock and nonce
// under the test's control.
import {
  type Acs3Result,
  type BceV1Result,
  type Credentials,
  percentEncode,
  type SignedRequest,
  signAcs3WithDetails,
  signBceV1WithDetails,
} from "@cloud-models/core";
import { getResponse, type HttpHandler } from "msw";
import { paiTestCredentials, qianfanTestCredentials } from "../credentials.ts";

export const QIANFAN_URL = "https://qianfan.baidubce.com/wenxinworkshop/modelrepo/modelDetail";

export function paiUrl(id: string, region = "cn-hangzhou"): string {
  return `https://aiworkspace.${region}.aliyuncs.com/api/v1/models/${percentEncode(id)}`;
}

export function unsignedPaiRequest(id: string): Request {
  return new Request(paiUrl(id), { headers: { accept: "application/json" } });
}

export interface SignOptions {
  readonly credentials?: Credentials;
  readonly now?: Date;
  readonly nonce?: string;
  readonly region?: string;
}

export function signedPaiRequest(id: string, options: SignOptions = {}): Promise<SignedRequest<Acs3Result>> {
  const request = new Request(paiUrl(id, options.region), { headers: { accept: "application/json" } });
  return signAcs3WithDetails(request, options.credentials ?? paiTestCredentials, {
    action: "GetModel",
    version: "2021-02-04",
    now: options.now,
    nonce: options.nonce,
  });
}

export function unsignedQianfanRequest(body: unknown): Request {
  return new Request(QIANFAN_URL, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export interface BceSignOptions {
  readonly credentials?: Credentials;
  readonly now?: Date;
  readonly expirationInSeconds?: number;
}

export function signedQianfanRequest(body: unknown, options: BceSignOptions = {}): Promise<SignedRequest<BceV1Result>> {
  return signBceV1WithDetails(unsignedQianfanRequest(body), options.credentials ?? qianfanTestCredentials, {
    now: options.now,
    expirationInSeconds: options.expirationInSeconds,
  });
}

/** The handlers' answer to a request; fails the test when no handler matched. */
export async function answer(handlers: HttpHandler[], request: Request): Promise<Response> {
  const response = await getResponse(handlers, request);
  if (response === undefined) {
    throw new Error(`no handler answered ${request.method} ${request.url}`);
  }
  return response;
}

/** A request with one header replaced (after signing, so the signature no longer covers what is sent). */
export function withHeader(request: Request, name: string, value: string | null): Request {
  const headers = new Headers(request.headers);
  if (value === null) {
    headers.delete(name);
  } else {
    headers.set(name, value);
  }
  return new Request(request, { headers });
}
