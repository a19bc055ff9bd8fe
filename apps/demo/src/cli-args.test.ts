import { describe, expect, test } from "vitest";
import { parseCliArgs, UsageError } from "./cli-args.ts";

describe("parseCliArgs", () => {
  test("defaults: mocks, table, no refs", () => {
    expect(parseCliArgs([])).toEqual({ help: false, live: false, json: false, region: undefined, refs: [] });
  });

  test("options and refs, duplicates dropped, ids kept whole (everything after the first colon)", () => {
    const options = parseCliArgs(["--live", "--json", "--region", "cn-shanghai", "pai:m-1", "qianfan:a:b", "pai:m-1"]);
    expect(options).toMatchObject({ live: true, json: true, region: "cn-shanghai" });
    expect(options.refs).toEqual([
      { provider: "pai", id: "m-1", ref: "pai:m-1" },
      { provider: "qianfan", id: "a:b", ref: "qianfan:a:b" },
    ]);
  });

  test("a leading -- (from `pnpm demo -- …`) is ignored; -h is --help", () => {
    expect(parseCliArgs(["--", "-h"]).help).toBe(true);
  });

  test.each([
    [["--nope"], /unknown option '--nope'/],
    [["--region"], /argument missing/],
    [["x"], /invalid ref "x"/],
    [["aws:x"], /unknown cloud "aws"/],
    [["qianfan: "], /no model id/],
  ])("%j is a usage error", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
