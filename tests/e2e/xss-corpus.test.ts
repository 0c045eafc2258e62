/**
 * Issue 7 item 6: a corpus of XSS payloads (tests/fixtures/xss-payloads.json) placed
 * in article text, titles and outlets, node keys, labels and aliases, edge labels and
 * evidence, console queries, the search box and the URL executes nothing in the
 * explorer, and shows up as literal text wherever it is displayed (Analyze and Tables included). Two pages only
 * (Chromium is heavy here): one walks every view with the CSP switched off, so the
 * DOM building itself is what is tested; one restores payload-laden URLs and reads
 * a posted article under the server's real CSP.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium, screenshot, waitForGraph } from "./browser.ts";
import { aliasOf, articleId, dateOf, DIGEST, HUB, PAYLOADS, startXssExplorer, titleOf } from "./xss-fixture.ts";
import { openXssPage, type XssPage } from "./xss-watch.ts";
import { WRITE_HEADERS } from "./server.ts";

let explorer: Awaited<ReturnType<typeof startXssExplorer>>;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  explorer = await startXssExplorer();
});
afterAll(async () => {
  await browser?.close();
  await explorer?.close();
});

const texts = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ""));
/** A Cypher string literal holding `s` exactly. */
const literal = (s: string) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

/** Types `text` into an autocomplete and waits until its first option is `label` (or shows `alias`). */
async function autocomplete(page: Page, input: string, text: string, expect: { label?: string; alias?: string }) {
  await page.fill(input, text);
  await page.waitForFunction(
    ({ list, label, alias }) => {
      const first = document.querySelector(`#${list} .ac-option`);
      if (!first) return false;
      return (label === undefined || first.querySelector(".ac-label")?.textContent === label) && (alias === undefined || first.querySelector(".ac-alias")?.textContent === `“${alias}”`);
    },
    { list: `${input.slice(1)}-list`, ...expect },
  );
}

async function runQuery(page: Page, query: string, outcome: "#query-results" | "#query-error") {
  await page.fill("#query-editor", query);
  await page.press("#query-editor", "Control+Enter");
  await page.waitForSelector(`#query-output ${outcome}`);
}

/** Moves the mouse onto the node the camera just centred (a selection is focused) and waits for the hover emphasis. */
async function hoverCentre(page: Page) {
  await page.waitForTimeout(700); // the camera's focus animation is 500 ms
  const box = (await page.locator("#graph").boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector("#graph[data-emphasis='hover']");
  await page.mouse.move(box.x + 5, box.y + 5);
}

/**
 * Opens a watched page at `path`, waits for the graph, runs `fn`, then asserts that no
 * payload ran (no __xss call, no dialog, no console/page error or CSP violation) and
 * that no markup the explorer never makes reached the DOM; always saves a screenshot.
 */
async function withXssPage(name: string, path: string, bypassCSP: boolean, fn: (page: Page) => Promise<void>): Promise<XssPage> {
  const w = await openXssPage(browser, `${explorer.url}${path}`, { bypassCSP });
  try {
    await waitForGraph(w.page);
    await fn(w.page);
    await w.page.waitForTimeout(300); // room for a late handler (onerror, SVG animation begin)
    expect(w.hits, "window.__xss was called by these payload ids").toEqual([]);
    expect(w.dialogs).toEqual([]);
    expect(w.problems).toEqual([]);
    expect(await w.audit(), "markup the explorer never creates reached the DOM").toEqual([]);
  } finally {
    await screenshot(w.page, name).catch(() => {});
    await w.page.context().close();
  }
  return w;
}

describe("XSS corpus in the explorer", () => {
  it("has at least 20 distinct payloads, each reporting its own id if it ever ran", () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(PAYLOADS.map((p) => p.payload)).size).toBe(PAYLOADS.length);
    expect(new Set(PAYLOADS.map((p) => p.class)).size).toBe(PAYLOADS.length);
    // Its id in clear, or inside the base64 of the data: URL.
    for (const p of PAYLOADS) expect(p.payload.includes(String(p.id)) || p.payload.includes(";base64,"), p.class).toBe(true);
  });

  it("the watcher notices payloads that do run or land as markup (self-check, on a page without the explorer)", async () => {
    const w = await openXssPage(browser, `${explorer.url}/api/health`, { bypassCSP: true });
    try {
      const injected = [2, 10, 37, 7].map((id) => PAYLOADS[id - 1].payload).join("");
      await w.page.evaluate((html) => document.body.insertAdjacentHTML("beforeend", html), injected);
      await w.page.waitForFunction(() => document.querySelector("details[open]"));
      await w.page.waitForTimeout(300);
      expect([...w.hits].sort((a, b) => a - b)).toEqual([2, 10]);
      expect(w.dialogs).toEqual(["alert: 37"]);
      const audit = (await w.audit()).join("\n");
      for (const seen of ["element <img>", "handler onerror on <img>", "handler ontoggle on <details>", "href=javascript:__xss(7) on <a>"]) expect(audit).toContain(seen);
    } finally {
      await w.page.context().close();
    }
  });

  it("every view shows the payloads as text and runs none of them, even with the CSP off", async () => {
    const labels = PAYLOADS.map((p) => p.payload);
    const last = PAYLOADS.at(-1)!;
    const w = await withXssPage("09-xss-corpus", "/", true, async (page) => {
      // Home: every article as "title · outlet · date".
      const listed = (await texts(page, "#panel-details .article-list button")).join("\n");
      for (const p of PAYLOADS) expect(listed).toContain(`${titleOf(p)} · ${p.payload}`);

      // Search box: each payload typed (as its alias); the option shows label and matched alias;
      // choosing it opens the node panel (label, aliases, articles) and puts its key in the URL.
      // (Raw labels are typed into the path finder's boxes below.)
      for (const p of PAYLOADS) {
        await autocomplete(page, "#search-input", aliasOf(p), { label: p.payload, alias: aliasOf(p) });
        await page.press("#search-input", "Enter");
        await page.waitForFunction((label) => document.querySelector("#node-title")?.textContent === label, p.payload);
        expect(new URL(page.url()).searchParams.get("node")).toBe(p.payload);
        expect(await texts(page, "#panel-details .node-aliases li")).toEqual([aliasOf(p)]);
        expect(await texts(page, "#panel-details .node-articles button")).toEqual([`${titleOf(p)} · ${p.payload} · ${dateOf(p)}`, `Digest of every payload · XSS Wire · ${dateOf({ id: 0 })}`]);
      }
      await hoverCentre(page); // sigma draws the payload as the hover label (canvas, never DOM)

      // Node panel of the hub: every payload node, edge label and evidence quote.
      await autocomplete(page, "#search-input", "XSS hub", { label: "XSS hub" });
      await page.press("#search-input", "Enter");
      await page.waitForFunction(() => document.querySelector("#node-title")?.textContent === "XSS hub");
      expect((await texts(page, "#panel-details .relation-head button")).sort()).toEqual([...labels].sort());
      const headings = await texts(page, "#panel-details .relation-group h4");
      expect(headings.length).toBeGreaterThan(1);
      for (const h of headings) expect(labels.some((l) => h.startsWith(`${l} →`))).toBe(true);
      const marks = await texts(page, "#panel-details .evidence mark");
      for (const l of labels) expect(marks.filter((m) => m === l)).toHaveLength(2);
      await hoverCentre(page);

      // Evidence → reader: the digest (all payloads, one highlighted), then each payload's own article.
      const digest = page.locator(`#panel-details .evidence[data-article="${DIGEST}"]`).first();
      const index = await digest.getAttribute("data-sentence");
      await digest.click();
      await page.waitForSelector("#reader[open] .sentence.highlighted");
      expect(await page.getAttribute("#reader .sentence.highlighted", "data-index")).toBe(index);
      const digestText = (await texts(page, "#reader .sentence")).join("\n");
      for (const p of PAYLOADS) expect(digestText).toContain(`Delegate ${p.id} wrote ${p.payload} in the note`);
      await page.keyboard.press("Escape");
      for (const p of PAYLOADS) {
        await page.click(`#panel-details .evidence[data-article="${articleId(p)}"]`);
        await page.waitForFunction((title) => document.querySelector("#reader[open] #reader-title")?.textContent === title, titleOf(p));
        expect(await page.textContent("#reader .reader-meta")).toBe(`${p.payload} · ${dateOf(p)}`);
        expect(await texts(page, "#reader .sentence")).toEqual([`The envoy quoted ${p.payload} during the talks.`, `A second line repeats ${p.payload} for the record.`]);
        await page.keyboard.press("Escape");
      }

      // Path finder along the met_with chain: labels in the summary, edge labels in each hop.
      await page.click("#tab-path");
      await page.click("#panel-path .path-types summary");
      await page.check('#panel-path input[data-type="met_with"]');
      let ends: string[] = [];
      for (let i = 0; i < PAYLOADS.length - 1; i += 5) {
        const chain = labels.slice(i, Math.min(i + 6, labels.length));
        ends = [chain[0], chain.at(-1)!];
        await autocomplete(page, "#path-from", chain[0], { label: chain[0] });
        await page.press("#path-from", "Enter");
        await autocomplete(page, "#path-to", chain.at(-1)!, { label: chain.at(-1) });
        await page.press("#path-to", "Enter");
        await page.click("#path-find");
        await page.waitForFunction((summary) => document.querySelector("#path-summary")?.textContent === summary, chain.join(" → "));
        expect(await texts(page, "#path-results .hop-line")).toEqual(chain.slice(0, -1).map((l, j) => `${l} — ${l} → ${chain[j + 1]}`));
        const quotes = await texts(page, "#path-results .evidence mark");
        expect(quotes).toEqual(chain.slice(0, -1));
      }
      // Any relation type: two 2-hop routes (along the chain, through the hub), listed as alternatives.
      await page.uncheck('#panel-path input[data-type="met_with"]');
      await page.click("#path-find");
      await page.waitForSelector("#path-results .alternatives .alt:nth-child(2)");
      expect(await texts(page, "#path-results .alternatives .alt")).toContain(`${ends[0]} → XSS hub → ${ends[1]}`);

      // Console: names, aliases and evidence as table cells; every payload as a literal; errors with a caret.
      await page.click("#tab-console");
      await runQuery(page, "MATCH (n) WHERE n.name <> 'XSS hub' RETURN n.name AS name, n.aliases AS aliases, n AS node", "#query-results");
      const rows = await page.$$eval("#query-results tbody tr", (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? "")));
      expect(rows.map((r) => r[0]).sort()).toEqual([...labels].sort());
      for (const r of rows) expect(r[1]).toBe(`[aka ${r[0]}]`);
      expect((await page.$$eval("#query-results button[data-node]", (bs) => bs.map((b) => b.getAttribute("data-node")))).sort()).toEqual([...labels].sort());
      await runQuery(page, "MATCH ()-[r:MET_WITH]->() RETURN DISTINCT r.label AS label", "#query-results");
      expect((await texts(page, "#query-results tbody td")).sort()).toEqual(labels.slice(0, -1).sort());
      await runQuery(page, `RETURN ${PAYLOADS.map((p) => `${literal(p.payload)} AS c${p.id}`).join(", ")}`, "#query-results");
      expect(await texts(page, "#query-results tbody td")).toEqual(labels);
      expect(await texts(page, "#query-results th")).toEqual(PAYLOADS.map((p) => `c${p.id}`));
      for (const p of PAYLOADS) {
        const query = `MATCH (a)\nRETURN a ${p.payload}`;
        await runQuery(page, query, "#query-error");
        const line = Number(await page.getAttribute("#query-error", "data-line"));
        const pre = await page.textContent("#query-error pre");
        expect(pre, p.class).toMatch(/\n *\^$/);
        expect(pre!.split("\n")[0]).toBe(query.split("\n")[line - 1]);
      }
      expect(new URL(page.url()).searchParams.get("q")).toBe(`MATCH (a)\nRETURN a ${last.payload}`);

      // Analyze: brokers and communities name payload entities, as text.
      await page.click("#tab-analyze");
      await page.waitForSelector("#analyze-brokers li[data-broker]");
      const named = [...(await texts(page, "#analyze-brokers button[data-node]")), ...(await texts(page, "#analyze-communities button[data-node]"))];
      expect(named.length).toBeGreaterThan(1);
      for (const n of named) expect([...labels, "XSS hub"]).toContain(n);
      expect(named.some((n) => labels.includes(n))).toBe(true);

      // Tables: every payload entity as a row header; its relations' sentences quoted; the CSV gives them back exactly.
      await page.click("#tab-tables");
      await page.waitForSelector('#data-table[data-kind="entities"]');
      expect((await texts(page, "#data-table tbody th")).sort()).toEqual([...labels, "XSS hub"].sort());
      const [entitiesCsv] = await Promise.all([page.waitForEvent("download"), page.click("#table-download")]);
      const entityRows = parseCsv(readFileSync((await entitiesCsv.path())!, "utf8"), { columns: true }) as Record<string, string>[];
      expect(entityRows.map((r) => r.Entity).sort()).toEqual([...labels, "XSS hub"].sort());
      await page.check("#table-kind-relations");
      await page.waitForSelector('#data-table[data-kind="relations"]');
      const sentences = (await texts(page, "#data-table td.sentences q")).join("\n");
      for (const p of PAYLOADS) expect(sentences).toContain(p.payload);

      // Exports: the downloads escape the payloads; the PNG draws them.
      await page.click("#tab-export");
      for (const format of ["gexf", "graphml", "json"]) {
        const [download] = await Promise.all([page.waitForEvent("download"), page.click(`a[data-format="${format}"]`)]);
        const file = (await download.path())!;
        const body = readFileSync(file, "utf8");
        if (format === "json") expect(JSON.parse(body).nodes.map((n: { key: string }) => n.key).sort()).toEqual([HUB, ...labels].sort());
        else {
          execFileSync("xmllint", ["--noout", file]); // throws unless well-formed
          expect(body).not.toMatch(/<(script|img|svg|iframe)\b/i);
          expect(body).toContain("&lt;script&gt;__xss(1)&lt;/script&gt;");
        }
      }
      const [png] = await Promise.all([page.waitForEvent("download"), page.click("#export-png")]);
      expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe("PNG");

      // The URL restores the last view (console error on the last payload); back walks the views.
      await page.reload();
      await waitForGraph(page);
      await page.waitForSelector("#query-error pre", { state: "attached" }); // the console tab is not the open one
      expect(await page.inputValue("#query-editor")).toBe(`MATCH (a)\nRETURN a ${last.payload}`);
      for (let i = 0; i < 6; i++) await page.goBack();
    });
    // The browser's own notes on the console's rejected queries (400), and nothing else, were set aside.
    expect(w.apiErrors.length).toBeGreaterThan(0);
    for (const e of w.apiErrors) expect(e).toMatch(/status of 400 .*\/api\/query/);
  }, 300_000);

  it("payload-laden URLs and a posted payload article run nothing under the real CSP", async () => {
    const csp = (await fetch(`${explorer.url}/`)).headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self'/);
    const [node, from, to, hash] = [PAYLOADS[4], PAYLOADS[0], PAYLOADS[2], PAYLOADS.find((p) => p.class === "URL-hash injection")!];
    const query = `MATCH (a {name: ${literal(node.payload)}})-[r]-(b) RETURN a, r, b, ${literal(PAYLOADS[1].payload)} AS note`;
    const params = new URLSearchParams({ node: node.payload, from: from.payload, to: to.payload, ptypes: "met_with", q: query, panel: "console" });
    await withXssPage("10-xss-url-csp", `/?${params}${hash.payload}`, false, async (page) => {
      await page.waitForSelector("#query-results tbody tr");
      expect(await page.textContent("#node-title")).toBe(node.payload);
      expect(await page.inputValue("#query-editor")).toBe(query);
      expect(await texts(page, "#query-results tbody tr td:last-child")).toContain(PAYLOADS[1].payload);
      expect(await page.textContent("#path-summary")).toBe([from, PAYLOADS[1], to].map((p) => p.payload).join(" → "));
      expect(decodeURIComponent(new URL(page.url()).hash)).toBe(hash.payload);

      // Names that are not in the graph, junk in every other parameter.
      const junk = PAYLOADS[5].payload;
      const bad = new URLSearchParams({ node: `missing ${junk}`, from: junk, to: `${junk} too`, panel: junk, xn: junk, xe: junk, since: junk, deg: junk, alt: junk });
      await page.goto(`${explorer.url}/?${bad}#${PAYLOADS[6].payload}`);
      await waitForGraph(page);
      expect(await page.textContent("#panel-details")).toContain(`No entity “missing ${junk}” in this graph.`);
      await page.click("#tab-path");
      await page.waitForFunction((j) => document.querySelector("#panel-path [role=status]")?.textContent?.includes(j), junk);

      // A posted article (the graph is rebuilt from the corpus): title, outlet and text in the reader.
      const picks = PAYLOADS.slice(0, 8);
      const res = await fetch(`${explorer.url}/api/articles`, {
        method: "POST",
        headers: WRITE_HEADERS,
        body: JSON.stringify({ title: `Posted ${picks[0].payload}`, outlet: picks[1].payload, published: "2025-04-01", text: `Marco Rubio met Andriy Yermak in Jeddah.\n\n${picks.map((p) => `The memo said ${p.payload} twice`).join(".\n\n")}.` }),
      });
      expect(res.status).toBe(201);
      const posted = ((await res.json()) as { article: { id: string } }).article.id;
      await page.goto(`${explorer.url}/`);
      await waitForGraph(page);
      await page.click(`#panel-details button[data-article="${posted}"]`);
      await page.waitForFunction((t) => document.querySelector("#reader[open] #reader-title")?.textContent === t, `Posted ${picks[0].payload}`);
      expect(await page.textContent("#reader .reader-meta")).toBe(`${picks[1].payload} · 2025-04-01`);
      const body = (await texts(page, "#reader .sentence")).join("\n");
      for (const p of picks) expect(body).toContain(`The memo said ${p.payload} twice`);
    });
  }, 120_000);
});
