// The workerd entry: GET /?kind=acs3&count=N signs N times and answers whether the signatures matched the vector.
// workerd's clocks stand still while a request computes, so the timing is done from Node, around the request.
import { signMany } from "./runtime-signing.js";

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const ok = await signMany(url.searchParams.get("kind"), Number(url.searchParams.get("count")));
    return new Response(ok ? "ok" : "wrong signature", { status: ok ? 200 : 500 });
  },
};
