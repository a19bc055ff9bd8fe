/**
 * An access key pair, optionally with a temporary security token (Alibaba STS, Baidu STS).
 *
 * Both clouds use the same shape here: Baidu calls the secret `secretAccessKey` (SK) and Alibaba
 * `accessKeySecret`; cloud-models names it `accessKeySecret` for both.
 */
export interface Credentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string | undefined;
}
