// The yardstick: openapi-fetch alone, one typed GET as an app makes it.
import createClient from "openapi-fetch";

export function getModel(id) {
  return createClient({ baseUrl: "https://aiworkspace.cn-hangzhou.aliyuncs.com" }).GET("/api/v1/models/{ModelId}", {
    params: { path: { ModelId: id } },
  });
}
