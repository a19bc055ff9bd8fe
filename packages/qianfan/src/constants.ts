/** Qianfan's endpoint. */
export const QIANFAN_DEFAULT_BASE_URL = "https://qianfan.baidubce.com";
/** The operation name used in errors. */
export const QIANFAN_MODEL_DETAIL_OPERATION = "modelDetail";
