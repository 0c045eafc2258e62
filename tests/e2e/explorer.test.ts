/**
 * End-to-end: the real server (on a temporary copy of graph-data) and the built web
 * app, driven in Debian's Chromium by playwright-core at a 1280×720 laptop size.
 * Each test saves a screenshot under test-output/e2e/. Seed-graph contents are
 * looked up through the API rather than assumed.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { inkRatio, launchChromium, openPage, screenshot, visit, waitForGraph, type WatchedPage } from "./browser.ts";
import { ROOT, startExplorer, WRITE_HEADERS, type Explorer } from "./server.ts";

let explorer: Explorer;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  explorer = await startExplorer(process.env.PARLEY_E2E_GRAPH);
});
afterAll(async () => {
  await browser?.close();
  await explorer?.close();
});

async function getJSON<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`${explorer.url}${path}`, init);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface SerializedNode { key: string; attributes: { type: string; label: string } }
interface SerializedEdge { key: string; source: string; target: string; attributes: { type: string; evidence: { article: string; sentence: string; sentenceIndex: number }[] } }
const graphJSON = () => getJSON<{ nodes: SerializedNode[]; edges: SerializedEdge[] }>("/api/graph");
const searchKey = async (q: string) => (await getJSON<{ key: string; label: string }[]>(`/api/search?q=${encodeURIComponent(q)}`))[0];

/** Opens the explorer at `query`, runs `fn`, and always saves the screenshot `name`. */
const withPage = (name: string, query: string, fn: (w: WatchedPage) => Promise<void>) => visit(browser, `${explorer.url}/${query}`, name, fn);

const chooseFromAutocomplete = async (page: Page, input: string, text: string) => {
  await page.fill(input, text);
  // Wait for the options of this text: the list may still show the previous search's for a moment,
  // and Enter would then pick one of those (seen once in a clean-clone CI run).
  await page.waitForFunction(
    ([sel, t]) => [...document.querySelectorAll(`${sel} ~ .ac-list .ac-option`)].some((o) => o.textContent?.toLowerCase().includes(t.toLowerCase())),
    [input, text] as const,
  );
  await page.press(input, "Enter");
};

describe("web explorer in Chromium", () => {
  it("draws the graph, fits it on screen, and the legend counts equal the API's", async () => {
    const g = await graphJSON();
    const expected: Record<string, number> = {};
    for (const n of g.nodes) expected[n.attributes.type] = (expected[n.attributes.type] ?? 0) + 1;
    const w = await withPage("01-graph", "", async ({ page }) => {
      const legend = await page.$$eval(".legend-item", (els) => Object.fromEntries(els.map((e) => [e.getAttribute("data-type"), Number(e.getAttribute("data-count"))])));
      for (const [type, count] of Object.entries(legend)) expect(count, type).toBe(expected[type] ?? 0);
      expect(Object.values(legend as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(g.nodes.length);
      expect(await inkRatio(page, "#graph")).toBeGreaterThan(0.005);
      expect(await page.getAttribute("#graph", "data-visible-nodes")).toBe(String(g.nodes.length));
      // The README's screenshot: taken here, before any test posts an article.
      if (process.env.PARLEY_UPDATE_SCREENSHOT) {
        const putin = await searchKey("Putin");
        await page.goto(`${explorer.url}/?node=${putin.key}`);
        await waitForGraph(page);
        await page.waitForTimeout(800);
        await page.screenshot({ path: join(ROOT, "docs", "screenshot.png") });
      }
    });
    expect(w.problems).toEqual([]);
  });

  it("search 'Zelenskyy' (keyboard only) selects Volodymyr Zelensky, shows evidence; back/forward restore views", async () => {
    const zelensky = await searchKey("Zelenskyy");
    expect(zelensky.label).toMatch(/Zelensky/);
    const putin = await searchKey("Putin");
    const w = await withPage("02-search", "", async ({ page }) => {
      await page.keyboard.press("/");
      await page.keyboard.type("Zelenskyy");
      await page.waitForSelector(".ac-option");
      await page.keyboard.press("Enter");
      await page.waitForSelector("#node-title");
      expect(await page.textContent("#node-title")).toContain(zelensky.label);
      expect(new URL(page.url()).searchParams.get("node")).toBe(zelensky.key);
      expect(await page.locator("#panel-details .evidence").count()).toBeGreaterThan(0);
      expect(await page.getAttribute("#graph", "data-emphasis")).toBe("selection");

      await chooseFromAutocomplete(page, "#search-input", "Putin");
      await page.waitForFunction((label) => document.querySelector("#node-title")?.textContent?.includes(label), putin.label);
      await page.goBack();
      await page.waitForFunction((label) => document.querySelector("#node-title")?.textContent?.includes(label), zelensky.label);
      await page.goForward();
      await page.waitForFunction((label) => document.querySelector("#node-title")?.textContent?.includes(label), putin.label);
    });
    expect(w.problems).toEqual([]);
  });

  it("the path finder Rubio → Putin highlights and narrates a path with evidence", async () => {
    const [rubio, putin] = [await searchKey("Rubio"), await searchKey("Putin")];
    await withPage("03-path", "?panel=path", async ({ page }) => {
      await chooseFromAutocomplete(page, "#path-from", "Rubio");
      await chooseFromAutocomplete(page, "#path-to", "Putin");
      await page.click("#path-find");
      await page.waitForSelector("#path-results .hop");
      const route = (await page.textContent("#path-summary"))!.split(" → ");
      expect([route[0], route.at(-1)]).toEqual([rubio.label, putin.label]);
      // Each hop reads "A — relation → B" in the relation's own direction.
      const lines = await page.$$eval("#path-results .hop-line", (els) => els.map((e) => e.textContent ?? ""));
      expect(lines).toHaveLength(route.length - 1);
      lines.forEach((line, i) => {
        expect(line).toMatch(/^.+ — .+ → .+$/);
        expect(line).toContain(route[i]);
        expect(line).toContain(route[i + 1]);
      });
      expect(await page.locator("#path-results .evidence").count()).toBe(lines.length);
      expect(await page.getAttribute("#graph", "data-emphasis")).toBe("path");
      const params = new URL(page.url()).searchParams;
      expect([params.get("from"), params.get("to")]).toEqual([rubio.key, putin.key]);
      // The link alone reproduces the path.
      await page.reload();
      await waitForGraph(page);
      await page.waitForSelector("#path-results .hop");
      expect(await page.getAttribute("#graph", "data-emphasis")).toBe("path");
    });
  });

  it("a console query returns rows and highlights them; a syntax error points at its position", async () => {
    const putin = await searchKey("Putin");
    await withPage("04-console", "?panel=console", async ({ page }) => {
      await page.fill("#query-editor", `MATCH (a {name: '${putin.label}'})-[r]-(b) RETURN a, r, b`);
      await page.press("#query-editor", "Control+Enter");
      await page.waitForSelector("#query-results tbody tr");
      expect(await page.locator("#query-results tbody tr").count()).toBeGreaterThan(0);
      expect(await page.textContent("#query-summary")).toMatch(/highlighted/);
      expect(await page.getAttribute("#graph", "data-emphasis")).toBe("query");
      expect(Number(await page.getAttribute("#graph", "data-emphasized-nodes"))).toBeGreaterThan(1);
      expect(new URL(page.url()).searchParams.get("q")).toContain(putin.label);

      // A path shortcut with no route says why: two entities with no relation between them, at most one hop.
      const served = (await (await fetch(`${explorer.url}/api/graph`)).json()) as { nodes: { key: string; attributes: { label: string } }[]; edges: { source: string; target: string }[] };
      const adjacent = new Set(served.edges.flatMap((e) => [`${e.source} ${e.target}`, `${e.target} ${e.source}`]));
      const [a, b] = served.nodes.flatMap((x) => served.nodes.filter((y) => y.key !== x.key && !adjacent.has(`${x.key} ${y.key}`)).map((y) => [x, y])).find(([x, y]) => !x!.attributes.label.includes('"') && !y!.attributes.label.includes('"'))!;
      await page.fill("#query-editor", `path "${a!.attributes.label}" -> "${b!.attributes.label}" max 1`);
      await page.press("#query-editor", "Control+Enter");
      await page.waitForSelector("#query-notice");
      expect(await page.textContent("#query-notice")).toMatch(/are not connected|^no path within 1 hop: .* are \d+ hops apart/);

      await page.fill("#query-editor", "MATCH (a RETURN a");
      await page.press("#query-editor", "Control+Enter");
      await page.waitForSelector("#query-error");
      expect(await page.getAttribute("#query-error", "data-line")).toBe("1");
      expect(Number(await page.getAttribute("#query-error", "data-column"))).toBeGreaterThan(1);
      expect(await page.textContent("#query-error pre")).toContain("^");
      // History: ↑ brings back the previous query.
      await page.fill("#query-editor", "");
      await page.press("#query-editor", "ArrowUp");
      expect(await page.inputValue("#query-editor")).toBe("MATCH (a RETURN a");
    });
  });

  it("a quote opens its article with that sentence highlighted and in view", async () => {
    const g = await graphJSON();
    const counts = new Map<string, number>();
    for (const e of g.edges) for (const k of [e.source, e.target]) counts.set(k, (counts.get(k) ?? 0) + 1);
    const hub = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    await withPage("05-reader", `?node=${encodeURIComponent(hub)}`, async ({ page }) => {
      const quote = page.locator("#panel-details .evidence").first();
      const sentenceIndex = await quote.getAttribute("data-sentence");
      const quoted = await quote.locator(".evidence-text").textContent();
      await quote.click();
      await page.waitForSelector("#reader[open] .sentence.highlighted");
      const highlighted = page.locator("#reader .sentence.highlighted");
      expect(await highlighted.getAttribute("data-index")).toBe(sentenceIndex);
      expect(quoted).toContain((await highlighted.textContent())!.slice(0, 40));
      expect(await highlighted.isVisible()).toBe(true);
      const inView = await highlighted.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const body = el.closest(".reader-body")!.getBoundingClientRect();
        return r.top >= body.top - 1 && r.bottom <= body.bottom + 1;
      });
      expect(inView).toBe(true);
      await page.keyboard.press("Escape");
      expect(await page.locator("#reader[open]").count()).toBe(0);
    });
  });

  it("an article containing <img src=x onerror=alert(1)> shows that text and runs nothing", async () => {
    const evil = "<img src=x onerror=alert(1)>";
    const posted = await getJSON<{ article: { id: string } }>("/api/articles", {
      method: "POST",
      headers: WRITE_HEADERS,
      body: JSON.stringify({ title: `Talks resume ${evil}`, published: "2025-03-20", outlet: "Test Wire", text: `Marco Rubio met Andriy Yermak in Jeddah. The note said ${evil} and nothing more.\n\nVladimir Putin rejected the proposal.` }),
    });
    const w = await withPage("06-xss", "", async ({ page }) => {
      await page.click(`#panel-details button[data-article="${posted.article.id}"]`);
      await page.waitForSelector("#reader[open] .sentence");
      expect(await page.textContent("#reader-title")).toContain(evil);
      const text = await page.locator("#reader .reader-body").textContent();
      expect(text).toContain(evil);
      expect(await page.locator("#reader img, #reader-title img").count()).toBe(0);
      await page.waitForTimeout(300);
    });
    expect(w.dialogs).toEqual([]);
    expect(w.problems).toEqual([]);
  });

  it("exports a valid GEXF file of the whole graph and a PNG of the view", async () => {
    const g = await graphJSON();
    await withPage("07-export", "?panel=export", async ({ page }) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click('a[data-format="gexf"]')]);
      const file = await download.path();
      const xml = readFileSync(file, "utf8");
      expect(xml.startsWith("<?xml")).toBe(true);
      expect(xml).toContain("<gexf");
      expect(xml.match(/<node /g)?.length).toBe(g.nodes.length);
      execFileSync("xmllint", ["--noout", file]); // throws unless well-formed
      const [png] = await Promise.all([page.waitForEvent("download"), page.click("#export-png")]);
      const bytes = readFileSync(await png.path());
      expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    });
  });

  it("exports what the filters keep, with evidence sentences on request, or the whole graph", async () => {
    await withPage("07b-export-filtered", "?panel=export&xn=location&deg=2", async ({ page }) => {
      const visible = Number(await page.getAttribute("#graph", "data-visible-nodes"));
      expect(await page.textContent("#export-view-count")).toContain(`${visible} entities`);
      await page.check("#export-evidence");
      const [download] = await Promise.all([page.waitForEvent("download"), page.click('a[data-format="gexf"]')]);
      expect(download.suggestedFilename()).toBe("parley-filtered.gexf");
      const xml = readFileSync((await download.path())!, "utf8");
      expect(xml.match(/<node /g)?.length).toBe(visible);
      expect(xml).not.toMatch(/<attvalue for="type" value="location"/);
      expect(xml).toContain('<attribute id="evidence" title="evidence" type="liststring"/>');
      await page.check("#export-scope-all");
      const [whole] = await Promise.all([page.waitForEvent("download"), page.click('a[data-format="nodes-csv"]')]);
      const rows = parseCsv(readFileSync((await whole.path())!, "utf8"), { columns: true }) as { id: string }[];
      expect(rows.map((r) => r.id).sort()).toEqual((await graphJSON()).nodes.map((n) => n.key).sort());
    });
  });

  it("a link reproduces filters and selection; the layout runs in a worker and keeps the page responsive", async () => {
    const putin = await searchKey("Putin");
    await withPage("08-filters-layout", `?node=${putin.key}&xn=location&panel=layout`, async ({ page }) => {
      expect(await page.getAttribute('.legend-item[data-type="location"]', "aria-pressed")).toBe("false");
      expect(await page.getAttribute('.legend-item[data-type="location"]', "data-visible")).toBe("0");
      expect(await page.textContent("#node-title")).toContain(putin.label);
      await page.click("#layout-toggle");
      expect(await page.textContent("#layout-status")).toContain("worker");
      // The main thread keeps answering while FA2 iterates.
      const ticks = await page.evaluate(() => new Promise<number>((done) => {
        let n = 0;
        const end = performance.now() + 1000;
        const tick = () => (performance.now() < end ? (n++, requestAnimationFrame(tick)) : done(n));
        requestAnimationFrame(tick);
      }));
      expect(ticks).toBeGreaterThan(5);
      await page.click("#layout-toggle");
      expect(await page.textContent("#layout-status")).toBe("stopped");
    });
  });
});
