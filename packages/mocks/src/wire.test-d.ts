// The handlers' types come from the generated OpenAPI `paths`: these checks fail to compile when a spec change
// moves them apart.
import type { PaiErrorResponse, PaiGetModelResponse } from "@cloud-models/pai";
import type { QianfanErrorResponse, QianfanModelDetailResponse } from "@cloud-models/qianfan";
import { HttpResponse, http } from "msw";
import { describe, expectTypeOf, test } from "vitest";
import type { PaiMockOptions } from "./handlers/pai.ts";
import type { QianfanMockOptions } from "./handlers/qianfan.ts";
import { paiModelAnswer, paiNotFoundAnswer } from "./responses/pai.ts";
import { qianfanModelAnswer, qianfanNotFoundAnswer } from "./responses/qianfan.ts";
import type {
  PaiClientErrorBody,
  PaiGetModelBody,
  PaiPathParams,
  PaiResponseBody,
  QianfanErrorBody,
  QianfanIamErrorContent,
  QianfanIamErrorHeaderName,
  QianfanModelDetailBody,
  QianfanModelDetailRequestBody,
} from "./wire.ts";

describe("PAI wire types", () => {
  test("bodies are the spec's GetModel 200 and 4XX bodies", () => {
    expectTypeOf<PaiGetModelBody>().toEqualTypeOf<PaiGetModelResponse>();
    expectTypeOf<PaiClientErrorBody>().toEqualTypeOf<PaiErrorResponse>();
    expectTypeOf<PaiPathParams["ModelId"]>().toEqualTypeOf<string>();
  });

  test("answers are typed HttpResponses of those bodies", () => {
    expectTypeOf(paiModelAnswer).returns.toEqualTypeOf<HttpResponse<PaiGetModelBody>>();
    expectTypeOf(paiNotFoundAnswer).returns.toEqualTypeOf<HttpResponse<PaiClientErrorBody>>();
    expectTypeOf(paiModelAnswer).parameter(0).toEqualTypeOf<PaiGetModelResponse>();
  });

  test("a resolver typed as the PAI handler's refuses a body the spec does not describe", () => {
    http.get<PaiPathParams, never, PaiResponseBody>("https://aiworkspace.:region.aliyuncs.com/x", () =>
      // @ts-expect-error `Code`/`Message` or `RequestId`/`ModelId` are required
      HttpResponse.json({ ModelName: "no id" }),
    );
  });

  test("models must be GetModel bodies", () => {
    expectTypeOf<NonNullable<PaiMockOptions["models"]>>().toEqualTypeOf<readonly PaiGetModelResponse[]>();
    // @ts-expect-error a Qianfan body is not a PAI model
    const wrong: PaiMockOptions = { models: [{ log_id: "1", result: {} }] };
    expectTypeOf(wrong).not.toBeAny();
  });
});

describe("Qianfan wire types", () => {
  test("the 200 body is the model or the error_code body; the request carries modelId", () => {
    expectTypeOf<QianfanModelDetailBody>().toEqualTypeOf<QianfanModelDetailResponse>();
    expectTypeOf<QianfanErrorBody>().toEqualTypeOf<QianfanErrorResponse>();
    expectTypeOf<QianfanModelDetailRequestBody>().toEqualTypeOf<{ modelId: string | number }>();
    expectTypeOf(qianfanModelAnswer).returns.toEqualTypeOf<HttpResponse<QianfanModelDetailResponse>>();
    expectTypeOf(qianfanNotFoundAnswer).returns.toEqualTypeOf<HttpResponse<QianfanErrorResponse>>();
  });

  test("IAM refusals: the headers the spec names, and no body", () => {
    expectTypeOf<QianfanIamErrorHeaderName>().toEqualTypeOf<"X-Bce-Error-Code" | "X-Bce-Error-Message">();
    expectTypeOf<QianfanIamErrorContent>().toEqualTypeOf<undefined>();
  });

  test("models must be modelDetail bodies", () => {
    expectTypeOf<NonNullable<QianfanMockOptions["models"]>>().toEqualTypeOf<readonly QianfanModelDetailResponse[]>();
    // @ts-expect-error a PAI body is not a Qianfan model
    const wrong: QianfanMockOptions = { models: [{ RequestId: "r", ModelId: "m" }] };
    expectTypeOf(wrong).not.toBeAny();
  });
});
