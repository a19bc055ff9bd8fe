// The web page in real Chromium (the system /usr/bin/chromium, driven by playwright-core): built by Vite, served
// from 127.0.0.1, with MSW's service worker standing in for the edge function. The test waits for both cards,
// checks they show the seed models, and saves a screenshot to test-results/web.png.
//
// Nothing may leave loopback: Chromium resolves no host name at all (--host-resolver-rules), and every request
// to another origin must have been answered by the service worker.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page, type Response } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, expect, test } from "vitest";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../../scripts/chromium.mjs";
import { SEED_IDS, SEED_NAMES } from "../src/seeds.ts";
import { type StaticServer, startStaticServer } from "./support/static-server.ts";

const DEMO = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT_DIR = join(DEMO, ".cache/web-test");
const RESULTS = join(DEMO, "test-results");
const CHROMIUM = CHROMIUM_PATH;
const ARGS = [
  ...CHROMIUM_ARGS,
  // No DNS: a request to any host name fails unless the service worker answers it.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
];

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let userDataDir: string;
const responses: Response[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh (apt-get install chromium)`);
  }
  await build({
    configFile: join(DEMO, "vite.config.ts"),
    logLevel: "silent",
    build: { outDir: OUT_DIR, emptyOutDir: true },
  });
  server = await startStaticServer(OUT_DIR);
  userDataDir = await mkdtemp(join(tmpdir(), "demo-chromium-"));
  // A persistent context is the only kind with a user-data-dir of our choosing: a fresh, empty profile.
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: [...ARGS],
    headless: true,
    viewport: { width: 1120, height: 900 },
    colorScheme: "light",
  });
  browser = context.browser() as Browser;
  context.on("response", (response) => responses.push(response));
  context.on("weberror", (error) => pageErrors.push(error.error().message));
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  if (userDataDir) {
    rmSync(userDataDir, { recursive: true, force: true });
  }
});

async function openPage(search = ""): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.origin}/${search}`);
  await page.locator("body[data-state=ready]").waitFor({ timeout: 15_000 });
  return page;
}

test("both cards show the seed models through the mocked edge function; screenshot saved", async () => {
  const page = await openPage();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  expect(await page.locator("#mode").getAttribute("data-mode")).toBe("mocked");

  const pai = page.locator('.card[data-provider="pai"]');
  const qianfan = page.locator('.card[data-provider="qianfan"]');
  expect(await pai.getAttribute("data-state")).toBe("ready");
  expect(await qianfan.getAttribute("data-state")).toBe("ready");
  expect(await pai.locator(".card-name").textContent()).toBe(SEED_NAMES.pai);
  expect(await qianfan.locator(".card-name").textContent()).toBe(SEED_NAMES.qianfan);
  expect(await pai.locator(".card-id").textContent()).toBe(`pai:${SEED_IDS.pai}`);
  expect(await qianfan.locator(".card-id").textContent()).toBe(`qianfan:${SEED_IDS.qianfan}`);
  expect(await qianfan.locator(".versions li").count()).toBe(2);
  expect(await pai.locator(".card-call").textContent()).toContain("→ 200");

  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, "web.png"), fullPage: true });
  expect(existsSync(join(RESULTS, "web.png"))).toBe(true);
});

test("an unknown id shows the edge function's not_found error in its card", async () => {
  const page = await openPage("?pai=model-does-not-exist");
  const pai = page.locator('.card[data-provider="pai"]');
  expect(await pai.getAttribute("data-state")).toBe("error");
  expect(await pai.getAttribute("data-code")).toBe("not_found");
  expect(await pai.locator(".card-call").textContent()).toContain("→ 404");
  expect(await page.locator('.card[data-provider="qianfan"] .card-name').textContent()).toBe(SEED_NAMES.qianfan);
  await page.screenshot({ path: join(RESULTS, "web-not-found.png"), fullPage: true });
});

test("the API and the clouds were answered by the service worker; nothing left loopback", () => {
  const urls = responses.map((response) => new URL(response.url()));
  const api = responses.filter((response) => new URL(response.url()).pathname.startsWith("/api/models/"));
  const clouds = responses.filter((response) => new URL(response.url()).hostname !== "127.0.0.1");
  expect(api.length).toBeGreaterThanOrEqual(4);
  expect(clouds.map((response) => new URL(response.url()).hostname).sort()).toEqual(
    expect.arrayContaining(["aiworkspace.cn-hangzhou.aliyuncs.com", "qianfan.baidubce.com"]),
  );
  for (const response of [...api, ...clouds]) {
    expect(response.fromServiceWorker(), response.url()).toBe(true);
  }
  expect(urls.every((url) => url.hostname === "127.0.0.1" || clouds.some((c) => c.url() === url.href))).toBe(true);
  // The static server saw the page's files, never an API call.
  expect(server.requested.some((path) => path.startsWith("/api/"))).toBe(false);
  expect(pageErrors).toEqual([]);
});
