/**
 * End-to-end, in Chromium on the seed graph: the Tables tab (entities and
 * relations of the filtered view, sortable, paged, CSV download, and no critical
 * or serious accessibility violations by axe-core), and the console's downloads
 * and relationship cells that open their evidence.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium, visit, type WatchedPage } from "./browser.ts";
import { startExplorer, type Explorer } from "./server.ts";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

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

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core run inside the page (evaluated through the devtools protocol, so the page's strict CSP does not block it). */
async function axeViolations(page: Page, selector: string): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document.querySelector(sel)!, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, selector);
}

const tableKeys = (page: Page) => page.$$eval("#data-table tbody tr", (rows) => rows.map((r) => r.getAttribute("data-key")));

describe("Tables tab and console downloads, in Chromium", () => {
  it("lists the filtered entities, sorts by keyboard, downloads CSV, and passes axe-core", async () => {
    const w = await withPage("26-tables", "?panel=tables&xn=location", async ({ page }) => {
      await page.waitForSelector("#data-table");
      const visible = Number(await page.getAttribute("#graph", "data-visible-nodes"));
      expect(Number(await page.getAttribute("#data-table", "data-rows"))).toBe(visible);
      expect(await page.$$eval("#data-table tbody tr", (rows) => rows.length)).toBe(Math.min(visible, 100));
      const types = await page.$$eval("#data-table tbody tr td:nth-child(2)", (cells) => cells.map((c) => c.textContent));
      expect(types).not.toContain("location");
      // Sorted by relations shown, most first.
      const degrees = await page.$$eval("#data-table tbody tr td:nth-child(3)", (cells) => cells.map((c) => Number(c.textContent)));
      expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
      expect(await page.getAttribute('#data-table th[data-column="degree"]', "aria-sort")).toBe("descending");

      // Keyboard: focus the Entity header's sort button and press Enter: A→Z.
      await page.focus('#data-table th[data-column="label"] button');
      await page.keyboard.press("Enter");
      await page.waitForSelector('#data-table th[data-column="label"][aria-sort="ascending"]');
      const labels = await page.$$eval("#data-table tbody th", (cells) => cells.map((c) => c.textContent!));
      expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: "base", numeric: true })));

      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#table-download")]);
      expect(download.suggestedFilename()).toBe("parley-entities.csv");
      const rows = parseCsv(readFileSync((await download.path())!, "utf8"), { columns: true }) as Record<string, string>[];
      expect(rows.slice(0, labels.length).map((r) => r.Entity)).toEqual(labels);
      expect(rows).toHaveLength(visible);

      const violations = await axeViolations(page, "#panel-tables");
      const bad = violations.filter((v) => v.impact === "critical" || v.impact === "serious");
      expect(bad, JSON.stringify(bad, null, 2)).toEqual([]);
    });
    expect(w.problems).toEqual([]);
  });

  it("lists relations with their sentences, pages through them, and a row's entity opens its details", async () => {
    await withPage("27-tables-relations", "?panel=tables", async ({ page }) => {
      await page.check("#table-kind-relations");
      await page.waitForSelector('#data-table[data-kind="relations"]');
      const total = Number(await page.getAttribute("#data-table", "data-rows"));
      const served = (await (await fetch(`${explorer.url}/api/graph`)).json()) as { edges: { key: string; attributes: { evidence: { sentence: string }[] } }[] };
      expect(total).toBe(served.edges.length);
      const first = await tableKeys(page);
      const edge = served.edges.find((e) => e.key === first[0])!;
      expect(await page.textContent(`#data-table tr[data-key="${first[0]!}"] td.sentences q`)).toBe(edge.attributes.evidence[0]!.sentence);
      if (total > 100) {
        await page.click('.pager >> nth=0 >> [data-page="next"]');
        const second = await tableKeys(page);
        expect(second[0]).not.toBe(first[0]);
        expect(new Set([...first, ...second]).size).toBe(first.length + second.length);
      }
      const violations = await axeViolations(page, "#panel-tables");
      expect(violations.filter((v) => v.impact === "critical" || v.impact === "serious")).toEqual([]);
      const source = page.locator("#data-table tbody th button[data-node]").first();
      const key = await source.getAttribute("data-node");
      await source.click();
      await page.waitForFunction((k) => new URL(location.href).searchParams.get("node") === k, key);
    });
  });

  it("console results download as CSV and JSON, and a relationship cell opens its evidence", async () => {
    const query = "MATCH (a)-[r:REJECTED]->(b) RETURN a.name AS who, r, b.name AS what ORDER BY who, what";
    const w = await withPage("28-console-downloads", `?panel=console&q=${encodeURIComponent(query)}`, async ({ page }) => {
      await page.waitForSelector("#query-results tbody tr");
      const shown = await page.$$eval("#query-results tbody tr", (rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent)));
      const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#query-download-csv")]);
      expect(csv.suggestedFilename()).toBe("parley-query.csv");
      const rows = parseCsv(readFileSync((await csv.path())!, "utf8")) as string[][];
      expect(rows[0]).toEqual(["who", "r", "what"]);
      expect(rows.slice(1)).toEqual(shown);
      const [json] = await Promise.all([page.waitForEvent("download"), page.click("#query-download-json")]);
      const data = JSON.parse(readFileSync((await json.path())!, "utf8")) as { columns: string[]; rows: { kind?: string; key?: string }[][] };
      expect(data.columns).toEqual(["who", "r", "what"]);
      expect(data.rows).toHaveLength(shown.length);
      const edgeKey = data.rows[0]![1]!.key!;
      expect(data.rows[0]![1]!.kind).toBe("relationship");
      await page.click(`#query-results button[data-edge="${edgeKey}"]`);
      await page.waitForSelector("#query-evidence .evidence");
      expect(await page.textContent("#query-evidence-title")).toContain(shown[0]![0]!);
      // The quote opens its article, as everywhere else.
      await page.click("#query-evidence .evidence >> nth=0");
      await page.waitForSelector("#reader[open] .sentence.highlighted", { timeout: 10_000 });
    });
    expect(w.problems).toEqual([]);
  });
});
