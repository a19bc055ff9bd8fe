import { paiFixtures } from "@cloud-models/pai/fixtures";
import { qianfanFixtures } from "@cloud-models/qianfan/fixtures";

/**
 * A `fetch` that answers both clouds from the API references' own examples, in process: no keys, no network.
 * It stands in until the demo runs on `@cloud-models/mocks`.
 */
export async function offlineFetch(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (request.method === "GET" && url.pathname.startsWith("/api/v1/models/")) {
    const id = decodeURIComponent(url.pathname.slice("/api/v1/models/".length));
    return Response.json({ ...paiFixtures.model, ModelId: id });
  }
  if (request.method === "POST" && url.pathname === "/wenxinworkshop/modelrepo/modelDetail") {
    return Response.json(qianfanFixtures.model);
  }
  return new Response("not found", { status: 404 });
}
