import { ENV_NAMES } from "@cloud-models/core";
import { paiTestCredentials, qianfanTestCredentials } from "@cloud-models/mocks";

/** The mocks' fake test credentials, as the environment variables the demo reads. */
export const TEST_CREDENTIALS_ENV: Readonly<Record<string, string>> = {
  [ENV_NAMES.pai.accessKeyId]: paiTestCredentials.accessKeyId,
  [ENV_NAMES.pai.accessKeySecret]: paiTestCredentials.accessKeySecret,
  [ENV_NAMES.qianfan.accessKeyId]: qianfanTestCredentials.accessKeyId,
  [ENV_NAMES.qianfan.accessKeySecret]: qianfanTestCredentials.accessKeySecret,
};

/** Every secret value the tests put in an environment: none may ever appear in any output. */
export const TEST_SECRETS: readonly string[] = [
  paiTestCredentials.accessKeySecret,
  qianfanTestCredentials.accessKeySecret,
];
