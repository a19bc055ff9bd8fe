// Baidu's official Qianfan SDK for one modelDetail: consoleAction signs with bce-auth-v1 (IAM AK/SK) and POSTs.
import { consoleAction, setEnvVariable } from "@baiducloud/qianfan";

export function getModel(id, { accessKeyId, accessKeySecret, baseUrl }) {
  setEnvVariable("QIANFAN_ACCESS_KEY", accessKeyId);
  setEnvVariable("QIANFAN_SECRET_KEY", accessKeySecret);
  if (baseUrl !== undefined) {
    setEnvVariable("QIANFAN_CONSOLE_API_BASE_URL", baseUrl);
  }
  return consoleAction({ base_api_route: "/wenxinworkshop/modelrepo/modelDetail", data: { modelId: id } });
}
