// A deliberately bad entry: the guard must flag it (node:crypto is a Node built-in).
import { createHash } from "node:crypto";

export const emptyHash = createHash("sha256").digest("hex");
