/**
 * Debian's Chromium driven by playwright-core (no browser download): launch with
 * the flags the project agreed on, open pages that record console errors, CSP
 * violations and dialogs (an `alert` from injected markup must never happen), and
 * save a screenshot per test under test-output/e2e/.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.PARLEY_CHROMIUM ?? "/usr/bin/chromium";
export const SCREENSHOT_DIR = join(process.cwd(), "test-output", "e2e");

export class BrowserMissingError extends Error {
  override name = "BrowserMissingError";
}

/** `extraArgs` are for measurements only (e.g. ANGLE SwiftShader); the tests use the agreed flags alone. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new BrowserMissingError(`e2e: Chromium not found at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` (.ci/run does), or set PARLEY_CHROMIUM.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", ...extraArgs],
  });
}

export interface WatchedPage {
  page: Page;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
  /** Dialogs (alert/confirm/prompt) the page tried to open. */
  dialogs: string[];
}

export async function openPage(browser: Browser, url: string, viewport = { width: 1280, height: 720 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  return { page, problems, dialogs };
}

/** Waits until sigma has drawn its first frame. */
export async function waitForGraph(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForSelector("#graph[data-ready='true']", { timeout });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Opens `url`, waits for the graph, runs `fn`, and always saves the screenshot `name` and closes the page. */
export async function visit(browser: Browser, url: string, name: string, fn: (w: WatchedPage) => Promise<void>): Promise<WatchedPage> {
  const w = await openPage(browser, url);
  try {
    await waitForGraph(w.page);
    await fn(w);
  } finally {
    await screenshot(w.page, name).catch(() => {});
    await w.page.context().close();
  }
  return w;
}

/** Share of pixels in a screenshot of `selector` that are not (near-)white, counted in the page itself. */
export async function inkRatio(page: Page, selector: string): Promise<number> {
  const png = await page.locator(selector).screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) ink++;
    return ink / (data.length / 4);
  }, png.toString("base64"));
}
