import { asIdString, asNonBlankString, asStringArray, isJsonObject, optional, toIsoUtc } from "@cloud-models/core";
import type {
  QianfanModel,
  QianfanModelDetailResponse,
  QianfanModelVersion,
  QianfanNormalisedVersion,
} from "./types.ts";

/** Qianfan writes Beijing time; a timestamp without an offset is taken as +08:00. */
const QIANFAN_OFFSET = "+08:00";

/**
 * Maps a Qianfan `modelDetail` body (`{ log_id, result }`) to the normalised {@link QianfanModel}. Tolerant: a field
 * of the wrong type is left out of the normalised fields (it stays in `raw`), it never loses the model. `raw` is the
 * body itself, untouched.
 *
 * | Model | Qianfan (`result.*`) |
 * | --- | --- |
 * | `id` | `modelIdStr`, else `String(modelId)` |
 * | `name` | `modelName` (else the id) |
 * | `description` | `description` (left out when blank) |
 * | `createdAt` / `updatedAt` | `createTime` / `modifyTime`, `+08:00` converted to UTC |
 * | `source` | `source` (`UserCreate`, `PlatformPreset`) |
 * | `tags` | `tags` |
 * | `versions` | `modelVersionList`, in order (`version`, `modelVersionIdStr`, …) |
 *
 * @returns `undefined` when the body has no usable model id.
 */
export function toModel(body: QianfanModelDetailResponse): QianfanModel | undefined {
  const result: unknown = body.result;
  if (!isJsonObject(result)) {
    return undefined;
  }
  const id = asIdString(result["modelIdStr"]) ?? asIdString(result["modelId"]);
  if (id === undefined) {
    return undefined;
  }
  const versions = Array.isArray(result["modelVersionList"]) ? result["modelVersionList"] : [];
  return {
    provider: "qianfan",
    id,
    ref: `qianfan:${id}`,
    name: asNonBlankString(result["modelName"]) ?? id,
    ...optional("description", asNonBlankString(result["description"])),
    ...optional("createdAt", toIsoUtc(result["createTime"], QIANFAN_OFFSET)),
    ...optional("updatedAt", toIsoUtc(result["modifyTime"], QIANFAN_OFFSET)),
    ...optional("source", asNonBlankString(result["source"])),
    labels: [],
    tags: asStringArray(result["tags"]),
    versions: versions.filter(isJsonObject).map((version) => toVersion(version as QianfanModelVersion)),
    raw: body,
  };
}

function toVersion(version: QianfanModelVersion): QianfanNormalisedVersion {
  const fields: Record<string, unknown> = version;
  return {
    version: asIdString(fields["version"]) ?? "",
    ...optional("id", asIdString(fields["modelVersionIdStr"]) ?? asIdString(fields["modelVersionId"])),
    ...optional("description", asNonBlankString(fields["description"])),
    ...optional("createdAt", toIsoUtc(fields["createTime"], QIANFAN_OFFSET)),
    ...optional("updatedAt", toIsoUtc(fields["modifyTime"], QIANFAN_OFFSET)),
    raw: version,
  };
}
