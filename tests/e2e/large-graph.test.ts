/**
 * The explorer on a generated graph above the light-rendering threshold
 * (web/src/graph/level-of-detail.ts), in Chromium with software GL: it is drawn
 * light (points, lines) unless `?render=baseline`; a drag across nodes shows no
 * hover emphasis; resting on a node shows it after the rest delay; and the page
 * keeps drawing frames while the camera moves. Frame rates are the bench's
 * business (bench/explorer-frames.ts); this asserts behaviour only.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { generateGraph } from "../../bench/generate-graph.ts";
import { saveGraph } from "../../src/graph/persist.ts";
import { LIGHT_RENDERING_EDGES } from "../../web/src/graph/level-of-detail.ts";
import { launchChromium, visit } from "./browser.ts";
import { startExplorer, type Explorer } from "./server.ts";

let explorer: Explorer;
let browser: Browser;
let hub: string;
const dir = mkdtempSync(join(tmpdir(), "parley-large-"));

beforeAll(async () => {
  const graph = generateGraph({ nodes: 3_000, edges: LIGHT_RENDERING_EDGES * 3, seed: 5 });
  hub = graph.nodes().reduce((best, n) => (graph.degree(n) > graph.degree(best) ? n : best));
  await saveGraph(graph, join(dir, "graph.json"));
  [explorer, browser] = await Promise.all([startExplorer(join(dir, "graph.json")), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await explorer?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Records every value #graph's data-emphasis takes from now on. */
const recordEmphasis = (page: Page) =>
  page.evaluate(`(() => {
    window.__emphasis = [];
    const el = document.querySelector("#graph");
    new MutationObserver(() => window.__emphasis.push(el.dataset.emphasis)).observe(el, { attributes: true, attributeFilter: ["data-emphasis"] });
  })()`);
const recorded = (page: Page) => page.evaluate(`window.__emphasis`) as Promise<string[]>;
const centre = async (page: Page) => {
  const box = (await page.locator("#graph").boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

describe("a large graph in the explorer", () => {
  it("is drawn light, and as before with ?render=baseline", async () => {
    await visit(browser, `${explorer.url}/`, "30-large-light", async ({ page }) => expect(await page.getAttribute("#graph", "data-rendering")).toBe("light"));
    await visit(browser, `${explorer.url}/?render=baseline`, "31-large-baseline", async ({ page }) => expect(await page.getAttribute("#graph", "data-rendering")).toBe("full"));
  });

  it("shows hover emphasis only once the pointer rests on a node, never during a drag", async () => {
    const w = await visit(browser, `${explorer.url}/?node=${hub}`, "32-large-hover", async ({ page }) => {
      await page.waitForSelector("#graph[data-emphasis='selection']");
      await page.waitForTimeout(800); // the camera's focus animation (500 ms) centres the hub
      const c = await centre(page);
      await recordEmphasis(page);

      // A drag that starts on the hub and sweeps across its neighbourhood.
      await page.mouse.move(c.x, c.y);
      await page.mouse.down();
      for (let i = 1; i <= 12; i++) await page.mouse.move(c.x + 15 * Math.sin(i), c.y + 12 * Math.cos(i));
      await page.mouse.up();
      await page.waitForTimeout(400);
      expect(await recorded(page)).not.toContain("hover");

      // The camera moved with the drag: find the hub again by its selection, then rest on it.
      await page.goto(`${explorer.url}/?node=${hub}`);
      await page.waitForSelector("#graph[data-ready='true'][data-emphasis='selection']");
      await page.waitForTimeout(800);
      await recordEmphasis(page);
      await page.mouse.move(c.x + 1, c.y + 1);
      await page.mouse.move(c.x, c.y);
      await page.waitForSelector("#graph[data-emphasis='hover']", { timeout: 5_000 });
      // Leaving the node takes the emphasis back to the selection.
      await page.mouse.move(c.x + 300, c.y + 200);
      await page.waitForSelector("#graph[data-emphasis='selection']", { timeout: 5_000 });
      expect(await recorded(page)).toEqual(["hover", "selection"]);
    });
    expect(w.problems).toEqual([]);
  });

  it("keeps drawing frames while the camera zooms", async () => {
    await visit(browser, `${explorer.url}/`, "33-large-zoom", async ({ page }) => {
      const c = await centre(page);
      await page.mouse.move(c.x, c.y);
      const frames = page.evaluate(`new Promise((done) => { let n = 0; const start = performance.now(); const tick = (now) => { n++; if (now - start < 1500) requestAnimationFrame(tick); else done(n); }; requestAnimationFrame(tick); })`) as Promise<number>;
      for (let i = 0; i < 6; i++) await page.mouse.wheel(0, i % 2 ? 200 : -200);
      expect(await frames).toBeGreaterThan(3);
    });
  });
});
