import { describe, expect, test } from "vitest";
import { rejection } from "./__fixtures__/rejection.ts";
import { credentialsFromEnv, resolveCredentials } from "./credentials.ts";
import { ModelError } from "./errors.ts";

const FAKE = { accessKeyId: "FAKE_AK_FOR_TESTS", accessKeySecret: "FAKE_SECRET_FOR_TESTS" };

describe("resolveCredentials", () => {
  test("an object, a sync function and an async function", async () => {
    await expect(resolveCredentials(FAKE, "pai")).resolves.toBe(FAKE);
    await expect(resolveCredentials(() => FAKE, "pai")).resolves.toBe(FAKE);
    await expect(resolveCredentials(async () => FAKE, "qianfan")).resolves.toBe(FAKE);
  });

  test("calls the provider every time (fresh STS credentials)", async () => {
    let calls = 0;
    const source = async () => ({ ...FAKE, securityToken: `FAKE_TOKEN_${++calls}` });
    expect((await resolveCredentials(source, "pai")).securityToken).toBe("FAKE_TOKEN_1");
    expect((await resolveCredentials(source, "pai")).securityToken).toBe("FAKE_TOKEN_2");
  });

  test.each([
    [null, "expected an object"],
    [{ accessKeyId: "", accessKeySecret: "s" }, "accessKeyId"],
    [{ accessKeyId: "a" }, "accessKeySecret"],
    [{ accessKeyId: "a", accessKeySecret: "  " }, "accessKeySecret"],
    [{ accessKeyId: "a", accessKeySecret: "s", securityToken: "" }, "securityToken"],
  ])("rejects %j naming the field", async (value, field) => {
    const error = await rejection(resolveCredentials(value as never, "pai"));
    expect(error.code).toBe("credentials");
    expect(error.message).toContain(field);
  });

  test("a failing provider becomes a credentials error with the cause kept", async () => {
    const cause = new Error("sts endpoint down");
    const error = await rejection(
      resolveCredentials(async () => {
        throw cause;
      }, "qianfan"),
    );
    expect(error.code).toBe("credentials");
    expect(error.provider).toBe("qianfan");
    expect(error.cause).toBe(cause);
  });

  test("never puts the secret in the message", async () => {
    const error = await rejection(
      resolveCredentials({ accessKeyId: "", accessKeySecret: "SECRET_MARKER_123" } as never, "pai"),
    );
    expect(`${error.message}${JSON.stringify(error)}`).not.toContain("SECRET_MARKER_123");
  });
});

describe("credentialsFromEnv", () => {
  test("reads both clouds", () => {
    expect(
      credentialsFromEnv({
        ALIBABA_CLOUD_ACCESS_KEY_ID: "FAKE_PAI_AK",
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: "FAKE_PAI_SK",
        ALIBABA_CLOUD_SECURITY_TOKEN: "FAKE_PAI_TOKEN",
        QIANFAN_ACCESS_KEY: "FAKE_QF_AK",
        QIANFAN_SECRET_KEY: "FAKE_QF_SK",
        PATH: "/usr/bin",
      }),
    ).toEqual({
      pai: { accessKeyId: "FAKE_PAI_AK", accessKeySecret: "FAKE_PAI_SK", securityToken: "FAKE_PAI_TOKEN" },
      qianfan: { accessKeyId: "FAKE_QF_AK", accessKeySecret: "FAKE_QF_SK" },
    });
  });

  test("a cloud with no variables is undefined; blank counts as unset", () => {
    expect(credentialsFromEnv({ QIANFAN_ACCESS_KEY: " ", ALIBABA_CLOUD_ACCESS_KEY_ID: "" })).toEqual({
      pai: undefined,
      qianfan: undefined,
    });
  });

  test("a half-set pair names the missing variable, not the value", () => {
    let thrown: unknown;
    try {
      credentialsFromEnv({ QIANFAN_SECRET_KEY: "SECRET_MARKER_456" });
    } catch (error) {
      thrown = error;
    }
    expect(ModelError.isInstance(thrown)).toBe(true);
    expect((thrown as ModelError).code).toBe("credentials");
    expect((thrown as ModelError).message).toContain("QIANFAN_ACCESS_KEY");
    expect((thrown as ModelError).message).not.toContain("SECRET_MARKER_456");
  });
});
