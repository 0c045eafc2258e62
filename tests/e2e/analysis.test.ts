/**
 * End-to-end, in Chromium against the real server on the seed graph: the Analyze
 * tab (statistics from a web worker, checked against graphology's libraries run
 * here on the same graph; size and color by them, kept in the URL), the path
 * tab's hop limit and its "not connected" answer, and the details panel that
 * starts at the top for every new selection, and the timeline replay.
 */
import { UndirectedGraph } from "graphology";
import betweennessModule from "graphology-metrics/centrality/betweenness.js";
import louvainModule from "graphology-communities-louvain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { seededRandom } from "../../src/graph/metrics.ts";
import { launchChromium, visit, type WatchedPage } from "./browser.ts";
import { startExplorer, type Explorer } from "./server.ts";

const betweenness = betweennessModule as unknown as typeof import("graphology-metrics/centrality/betweenness.js").default;
const louvain = louvainModule as unknown as typeof import("graphology-communities-louvain").default;

let explorer: Explorer;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  explorer = await startExplorer();
});
afterAll(async () => {
  await browser?.close();
  await explorer?.close();
});

const withPage = (name: string, query: string, fn: (w: WatchedPage) => Promise<void>) => visit(browser, `${explorer.url}/${query}`, name, fn);

interface Served {
  nodes: { key: string; attributes: { label: string } }[];
  edges: { source: string; target: string; attributes: { weight: number } }[];
}

/** The served graph's ties, built here independently of the page: undirected, parallel weights summed, no self-loops. */
async function servedTies(): Promise<{ ties: UndirectedGraph; served: Served }> {
  const served = (await (await fetch(`${explorer.url}/api/graph`)).json()) as Served;
  const ties = new UndirectedGraph();
  for (const n of served.nodes) ties.addNode(n.key);
  for (const e of served.edges) if (e.source !== e.target) ties.updateEdge(e.source, e.target, (a) => ({ weight: ((a.weight as number | undefined) ?? 0) + e.attributes.weight }));
  return { ties, served };
}

const keyOf = async (name: string) => ((await (await fetch(`${explorer.url}/api/search?q=${encodeURIComponent(name)}`)).json()) as { key: string }[])[0]!.key;

const ready = (page: Page) => page.waitForSelector('#panel-analyze[data-state="ready"]', { timeout: 30_000 });

describe("Analyze tab, path limits and the details panel, in Chromium", () => {
  it("ranks the brokers and counts the communities as graphology's libraries do, and sizes and colors by them", async () => {
    const { ties } = await servedTies();
    const between = betweenness(ties, { getEdgeWeight: null, normalized: true });
    const topBroker = Object.entries(between).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const communities = louvain.detailed(ties, { getEdgeWeight: "weight", rng: seededRandom(1), resolution: 1 });
    const w = await withPage("20-analyze", "?panel=analyze", async ({ page }) => {
      await ready(page);
      expect(await page.getAttribute("#analyze-brokers li[data-broker]", "data-broker")).toBe(topBroker);
      expect(await page.textContent("#communities-title")).toBe(`Communities (${communities.count})`);
      expect(await page.textContent("#analyze-status")).toMatch(new RegExp(`^${ties.order} entities, ${(await servedTies()).served.edges.length} relations: computed in \\d+ ms \\(betweenness exact\\)`));
      expect(await page.getAttribute("#graph", "data-sizes")).toBe("graph");
      await page.selectOption("#analyze-size", "betweenness");
      await page.selectOption("#analyze-color", "community");
      await page.waitForSelector('#graph[data-sizes="analysis"][data-colors="analysis"]');
      expect(await page.textContent("#legend-note")).toContain("communities");
      const url = new URL(page.url());
      expect(url.searchParams.get("size")).toBe("betweenness");
      expect(url.searchParams.get("color")).toBe("community");
      // A broker's name selects it.
      await page.click(`#analyze-brokers button[data-node="${topBroker}"]`);
      expect(new URL(page.url()).searchParams.get("node")).toBe(topBroker);
    });
    expect(w.problems).toEqual([]);
  });

  it("a link with size and color by statistics draws them at once, without opening the tab", async () => {
    const w = await withPage("21-analyze-link", "?size=pagerank&color=community", async ({ page }) => {
      await page.waitForSelector('#graph[data-sizes="analysis"][data-colors="analysis"]', { timeout: 30_000 });
      expect(await page.inputValue("#analyze-size")).toBe("pagerank");
    });
    expect(w.problems).toEqual([]);
  });

  it("filters change what is analyzed", async () => {
    await withPage("22-analyze-filtered", "?panel=analyze&xn=location", async ({ page }) => {
      await ready(page);
      const visible = Number(await page.getAttribute("#graph", "data-visible-nodes"));
      expect(await page.textContent("#analyze-status")).toMatch(new RegExp(`^${visible} entities`));
      await page.click('.legend-item[data-type="location"]');
      await page.waitForFunction((n) => document.querySelector("#analyze-status")?.textContent?.startsWith(`${n} entities`), Number(await page.getAttribute('.legend-item[data-type="location"]', "data-count")) + visible);
    });
  });

  it("the path tab tells 'not connected' from 'no path within N hops', and keeps the limit in the URL", async () => {
    const [gerasimov, putin, rubio] = await Promise.all([keyOf("Gerasimov"), keyOf("Putin"), keyOf("Rubio")]);
    await withPage("23-path-not-connected", `?panel=path&from=${gerasimov}&to=${putin}`, async ({ page }) => {
      await page.waitForFunction(() => /not connected/.test(document.querySelector("#panel-path [role=status]")?.textContent ?? ""));
    });
    await withPage("24-path-hops", `?panel=path&from=${rubio}&to=${putin}`, async ({ page }) => {
      await page.waitForSelector("#path-summary");
      const hops = (await page.textContent("#path-summary"))!.split(" → ").length - 1;
      expect(hops).toBeGreaterThan(1);
      await page.fill("#path-hops", String(hops - 1));
      await page.click("#path-find");
      await page.waitForFunction((n) => (document.querySelector("#panel-path [role=status]")?.textContent ?? "").includes(`No path within ${n} hop`), hops - 1);
      expect(await page.textContent("#panel-path [role=status]")).toContain(`they are ${hops} hops apart. Raise the hop limit`);
      expect(new URL(page.url()).searchParams.get("hops")).toBe(String(hops - 1));
      // Out of range: the browser's own form validation stops it, and the view is unchanged.
      await page.fill("#path-hops", "0");
      await page.click("#path-find");
      expect(await page.$eval("#path-hops", (el) => (el as HTMLInputElement).validity.rangeUnderflow)).toBe(true);
      expect(new URL(page.url()).searchParams.get("hops")).toBe(String(hops - 1));
    });
  });

  it("the details panel starts at the top for each new selection", async () => {
    const putin = await keyOf("Putin");
    await withPage("25-details-scroll", `?node=${putin}`, async ({ page }) => {
      const panel = page.locator("#panel-details");
      await panel.evaluate((el) => (el.scrollTop = el.scrollHeight));
      expect(await panel.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
      // A related entity, clicked from far down the list.
      const related = page.locator("#panel-details button[data-node]").last();
      await related.scrollIntoViewIfNeeded();
      const key = await related.getAttribute("data-node");
      await related.click();
      await page.waitForFunction((k) => new URL(location.href).searchParams.get("node") === k, key);
      expect(await panel.evaluate((el) => el.scrollTop)).toBe(0);
      expect(await page.isVisible("#panel-details h2")).toBe(true);
    });
  });

  it("the timeline replay grows the graph date by date, then shows everything again", async () => {
    const served = (await (await fetch(`${explorer.url}/api/graph`)).json()) as { nodes: unknown[]; edges: { attributes: { firstSeen?: string; lastSeen?: string } }[] };
    const dates = [...new Set(served.edges.flatMap((e) => [e.attributes.firstSeen, e.attributes.lastSeen]).filter((d): d is string => Boolean(d)))].sort();
    expect(dates.length).toBeGreaterThan(1);
    await withPage("29-replay", "?panel=filters", async ({ page }) => {
      const visible = async () => Number(await page.getAttribute("#graph", "data-visible-nodes"));
      await page.click("#date-play");
      await page.waitForFunction((d) => new URL(location.href).searchParams.get("until") === d, dates[0]);
      expect(await page.textContent("#date-play")).toContain("Stop");
      const seen = [await visible()];
      // Sample while it plays (one step a second), until it ends by itself.
      while ((await page.textContent("#date-play"))!.includes("Stop")) {
        await page.waitForTimeout(250);
        seen.push(await visible());
      }
      expect(seen[0]).toBeLessThan(served.nodes.length);
      for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]!);
      expect(new Set(seen).size).toBeGreaterThan(1);
      expect(seen.at(-1)).toBe(served.nodes.length);
      expect(new URL(page.url()).searchParams.get("until")).toBeNull();
    });
  }, 60_000);
});
