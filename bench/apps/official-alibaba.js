// Alibaba's official stack for one GetModel: @alicloud/openapi-core, the generic client that
// @alicloud/aiworkspace20210204 is generated on (that package is not in this registry). getModel is written as the
// generated client writes it (ROA, GET /api/v1/models/{ModelId}, AK auth).
import OpenApi, { $OpenApiUtil } from "@alicloud/openapi-core";

/** RFC 3986, as @darabonba/typescript URL.percentEncode (the generated client encodes path parameters with it). */
function percentEncode(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

export async function getModel(id, { accessKeyId, accessKeySecret, endpoint, protocol = "HTTPS" }) {
  const client = new OpenApi.default({ accessKeyId, accessKeySecret, endpoint, protocol, regionId: "cn-hangzhou" });
  const params = new $OpenApiUtil.Params({
    action: "GetModel",
    version: "2021-02-04",
    protocol,
    pathname: `/api/v1/models/${percentEncode(id)}`,
    method: "GET",
    authType: "AK",
    style: "ROA",
    reqBodyType: "json",
    bodyType: "json",
  });
  return client.callApi(params, new $OpenApiUtil.OpenApiRequest({}), {});
}
