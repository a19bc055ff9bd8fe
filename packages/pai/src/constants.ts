/** The AIWorkSpace API version `GetModel` belongs to (`x-acs-version`). */
export const PAI_API_VERSION = "2021-02-04";
/** The region used when none is given. */
export const PAI_DEFAULT_REGION = "cn-hangzhou";
/** The `GetModel` operation name (`x-acs-action`). */
export const PAI_GET_MODEL_ACTION = "GetModel";
