import { asNonBlankString, asString, isJsonObject, type ModelLabel, optional, toIsoUtc } from "@cloud-models/core";
import type { PaiGetModelResponse, PaiModel, PaiModelVersion, PaiNormalisedVersion } from "./types.ts";

/**
 * Maps a PAI `GetModel` body to the normalised {@link PaiModel}. Tolerant: a field of the wrong type is left out of
 * the normalised fields (it stays in `raw`), it never loses the model. `raw` is the body itself, untouched.
 *
 * | Model | PAI |
 * | --- | --- |
 * | `id` | `ModelId` |
 * | `name` | `ModelName` (else `ModelId`) |
 * | `description` | `ModelDescription` |
 * | `createdAt` / `updatedAt` | `GmtCreateTime` / `GmtModifiedTime`, as UTC |
 * | `source` / `task` / `domain` | `Origin` / `Task` / `Domain` |
 * | `labels` | `Labels` (`Key`/`Value`) |
 * | `versions` | `[LatestVersion]` when present |
 *
 * @example
 * ```ts
 * const model = toModel(body); // model.ref === "pai:model-rbvg5wzljz****ks92"
 * ```
 */
export function toModel(body: PaiGetModelResponse): PaiModel {
  const id = body.ModelId;
  return {
    provider: "pai",
    id,
    ref: `pai:${id}`,
    name: asNonBlankString(body.ModelName) ?? id,
    ...optional("description", asNonBlankString(body.ModelDescription)),
    ...optional("createdAt", toIsoUtc(body.GmtCreateTime)),
    ...optional("updatedAt", toIsoUtc(body.GmtModifiedTime)),
    ...optional("source", asNonBlankString(body.Origin)),
    ...optional("task", asNonBlankString(body.Task)),
    ...optional("domain", asNonBlankString(body.Domain)),
    labels: toLabels(body.Labels),
    tags: [],
    versions: isJsonObject(body.LatestVersion) ? [toVersion(body.LatestVersion)] : [],
    raw: body,
  };
}

function toVersion(version: PaiModelVersion): PaiNormalisedVersion {
  return {
    // PAI only returns the latest version; a nameless one is still the latest.
    version: asNonBlankString(version.VersionName) ?? "latest",
    ...optional("description", asNonBlankString(version.VersionDescription)),
    ...optional("createdAt", toIsoUtc(version.GmtCreateTime)),
    ...optional("updatedAt", toIsoUtc(version.GmtModifiedTime)),
    raw: version,
  };
}

function toLabels(labels: unknown): ModelLabel[] {
  if (!Array.isArray(labels)) {
    return [];
  }
  return labels.flatMap((label: unknown) => {
    if (!isJsonObject(label)) {
      return [];
    }
    const key = asString(label["Key"]);
    return key === undefined ? [] : [{ key, value: asString(label["Value"]) ?? "" }];
  });
}
