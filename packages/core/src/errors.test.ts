import { describe, expect, test } from "vitest";
import { callError, formatErrorMessage, isRetryableStatus, ModelError, ModelHttpError } from "./errors.ts";

describe("ModelError", () => {
  test("carries its fields and the cause", () => {
    const cause = new Error("boom");
    const error = new ModelError("pai GetModel failed: 404 InvalidModel.NotFound", {
      code: "not_found",
      provider: "pai",
      operation: "GetModel",
      status: 404,
      vendorCode: "InvalidModel.NotFound",
      requestId: "REQ-1",
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ModelError");
    expect(error.code).toBe("not_found");
    expect(error.provider).toBe("pai");
    expect(error.status).toBe(404);
    expect(error.vendorCode).toBe("InvalidModel.NotFound");
    expect(error.requestId).toBe("REQ-1");
    expect(error.retryable).toBe(false);
    expect(error.cause).toBe(cause);
  });

  test("retryable follows the status unless told otherwise", () => {
    expect(new ModelError("x", { code: "http", status: 503 }).retryable).toBe(true);
    expect(new ModelError("x", { code: "throttled", status: 429 }).retryable).toBe(true);
    expect(new ModelError("x", { code: "http", status: 400 }).retryable).toBe(false);
    expect(new ModelError("x", { code: "network" }).retryable).toBe(false);
    expect(new ModelError("x", { code: "http", status: 200, retryable: true }).retryable).toBe(true);
  });

  test("isInstance works across copies of the class (a marker, not instanceof)", () => {
    const error = new ModelError("x", { code: "http" });
    expect(ModelError.isInstance(error)).toBe(true);
    // A ModelError made by another copy of the package has the same marker but another prototype.
    const foreign = Object.create(Error.prototype) as Record<symbol, unknown>;
    foreign[Symbol.for("cloud-models.ModelError")] = true;
    expect(ModelError.isInstance(foreign)).toBe(true);
    expect(ModelError.isInstance(new Error("x"))).toBe(false);
    expect(ModelError.isInstance({ code: "http" })).toBe(false);
    expect(ModelError.isInstance(null)).toBe(false);
    expect(ModelError.isInstance("ModelError")).toBe(false);
  });

  test("toJSON is a plain object of the public fields", () => {
    const error = new ModelError("m", { code: "http", provider: "qianfan", vendorCode: "336001", status: 200 });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "ModelError",
      code: "http",
      message: "m",
      provider: "qianfan",
      vendorCode: "336001",
      status: 200,
      retryable: false,
    });
  });
});

describe("formatErrorMessage", () => {
  test("status, vendor code, message and request id", () => {
    expect(
      formatErrorMessage({
        provider: "pai",
        operation: "GetModel",
        status: 404,
        vendorCode: "InvalidModel.NotFound",
        vendorMessage: "The model does not exist.",
        requestId: "5A14FA81",
      }),
    ).toBe("pai GetModel failed: 404 InvalidModel.NotFound: The model does not exist. (requestId=5A14FA81)");
  });

  test("adds the reason", () => {
    expect(formatErrorMessage({ provider: "pai", operation: "GetModel", status: 502, reason: "non-JSON body" })).toBe(
      "pai GetModel failed: 502, non-JSON body",
    );
    expect(formatErrorMessage({ provider: "qianfan", operation: "modelDetail", reason: "body is not JSON" })).toBe(
      "qianfan modelDetail failed: body is not JSON",
    );
  });
});

describe("callError", () => {
  test("formats the message from the fields and keeps the cloud's wait hint", () => {
    const error = callError({
      code: "throttled",
      provider: "pai",
      operation: "GetModel",
      status: 429,
      vendorCode: "Throttling.User",
      headers: new Headers({ "x-acs-retry-after": "250" }),
    });
    expect(error).toMatchObject({ code: "throttled", status: 429, retryable: true, retryAfterMs: 250 });
    expect(error.message).toBe("pai GetModel failed: 429 Throttling.User");
    expect(error.toJSON().retryAfterMs).toBe(250);
  });

  test("is a ModelHttpError: a ModelError with its own guard, named ModelError", () => {
    const error = callError({ code: "not_found", provider: "pai", operation: "GetModel", status: 404 });
    expect(error).toBeInstanceOf(ModelHttpError);
    expect(error).toBeInstanceOf(ModelError);
    expect(ModelHttpError.isInstance(error)).toBe(true);
    expect(ModelError.isInstance(error)).toBe(true);
    expect(error.name).toBe("ModelError");
    const plain = new ModelError("pai request failed: network error", { code: "network", provider: "pai" });
    expect(ModelHttpError.isInstance(plain)).toBe(false);
    expect(ModelHttpError.isInstance(null)).toBe(false);
    // Across realms and duplicate installs: the marker, not the prototype.
    const foreign: Record<symbol, unknown> = {};
    foreign[Symbol.for("cloud-models.ModelHttpError")] = true;
    expect(ModelHttpError.isInstance(foreign)).toBe(true);
  });

  test("no hint, no retryAfterMs; the headers and the reason are not fields", () => {
    const error = callError({
      code: "http",
      provider: "qianfan",
      operation: "modelDetail",
      status: 200,
      reason: "the body is not JSON",
      headers: new Headers({ "content-type": "text/html" }),
    });
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.message).toBe("qianfan modelDetail failed: the body is not JSON");
    expect(Object.keys(error.toJSON())).not.toContain("headers");
    expect(Object.keys(error.toJSON())).not.toContain("reason");
  });
});

test("isRetryableStatus", () => {
  expect([408, 409, 425, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
  expect([200, 400, 401, 403, 404, 422].some(isRetryableStatus)).toBe(false);
});

test("signing details are kept and serialised", () => {
  const signing = { canonicalRequest: "GET\n/", stringToSign: "ACS3-HMAC-SHA256\nabc" };
  const error = new ModelError("m", { code: "unauthorized", signing });
  expect(error.signing).toBe(signing);
  expect(error.toJSON().signing).toEqual(signing);
});
