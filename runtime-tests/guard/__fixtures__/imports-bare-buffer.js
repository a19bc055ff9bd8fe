// A deliberately bad entry: the guard must flag it (`buffer`, without `node:`, is still the Node built-in).
// biome-ignore lint/style/useNodejsImportProtocol: the bare name is the point of this fixture
import { Buffer } from "buffer";

export const hello = Buffer.from("hello").toString("base64");
