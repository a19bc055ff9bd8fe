// What the figures were measured on.
import { readFileSync } from "node:fs";
import os from "node:os";

function cpuModel() {
  try {
    // os.cpus() may say only "AMD EPYC"; /proc/cpuinfo has the same, plus the flags we do not need.
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((candidate) => candidate.startsWith("model name"));
    return line?.split(":")[1]?.trim() ?? os.cpus()[0]?.model ?? "unknown";
  } catch {
    return os.cpus()[0]?.model ?? "unknown";
  }
}

export function describeMachine() {
  return {
    cpu: cpuModel(),
    cores: os.availableParallelism(),
    ramGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    loadAverage: os.loadavg().map((value) => value.toFixed(2)),
  };
}
