/**
 * Issue 15 end-to-end: curation through the explorer in Chromium, on a temporary
 * copy of the seed graph. Through the page alone (write-key prompt included):
 * merge "White Home" into "White House", mark one evidence item of an edge as a
 * wrong reading, rename an entity; each shows without a reload (the page follows
 * /api/events). Then the server is restarted on the same data folder, and again
 * after a `parley build` of it, and all three still hold; undoing the rename in
 * the history panel brings the old name back, live, and an undo by another
 * client reaches the open page through the event stream. A second server takes XSS
 * corpus strings in edit reasons, rename labels and an add-relation quote: they
 * show as text and run nothing. Seed-graph contents are looked up through the API.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium, openPage, screenshot, visit, waitForGraph, type WatchedPage } from "./browser.ts";
import { E2E_WRITE_KEY, ROOT, startExplorer, WRITE_HEADERS, type Explorer } from "./server.ts";
import { PAYLOADS } from "./xss-fixture.ts";
import { openXssPage } from "./xss-watch.ts";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface SerializedNode { key: string; attributes: { type: string; label: string; aliases: string[] } }
interface Ev { article: string; sentence: string; sentenceIndex: number }
interface SerializedEdge { key: string; source: string; target: string; attributes: { type: string; evidence: Ev[] } }
interface EditRecord { id: number; op: string; status: string; summary: string; reason: string; author: string; params: Record<string, unknown> }

async function getJSON<T>(base: string, path: string): Promise<T> {
  const res = await fetch(`${base}${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
const graphOf = (base: string) => getJSON<{ nodes: SerializedNode[]; edges: SerializedEdge[] }>(base, "/api/graph");
const editsOf = async (base: string) => (await getJSON<{ edits: EditRecord[] }>(base, "/api/edits?limit=100")).edits;
const searchOf = (base: string, q: string) => getJSON<{ key: string; label: string }[]>(base, `/api/search?q=${encodeURIComponent(q)}`);
const byLabel = (g: { nodes: SerializedNode[] }, label: string) => g.nodes.find((n) => n.attributes.label === label);
const sentenceId = (e: Pick<Ev, "article" | "sentenceIndex">) => `${e.article}#${e.sentenceIndex}`;
const texts = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ""));
const titleIs = (page: Page, label: string) => page.waitForFunction((l) => document.querySelector("#node-title")?.textContent === l, label);

/** The browser's own console note on an API refusal (a 4xx the page shows in a form), which openPage counts as a problem. */
const apiRefusal = (p: string) => /Failed to load resource: the server responded with a status of 4\d\d/.test(p);

/**
 * Clicks a write's submit button and waits for `done`; if the write-key prompt
 * opens first (the first write of this origin in this tab), answers it.
 */
async function write(page: Page, submit: string, done: () => Promise<unknown>, author = "e2e curator"): Promise<void> {
  await page.click(submit);
  const asked = page.waitForSelector("#write-key[open]", { timeout: 20_000 }).then(() => "asked" as const);
  asked.catch(() => {});
  const finished = done().then(() => "done" as const);
  if ((await Promise.race([asked, finished])) === "asked") {
    await page.fill("#write-key-input", E2E_WRITE_KEY);
    await page.fill("#write-key-author", author);
    await page.click("#write-key-submit");
    await page.waitForSelector("#write-key[open]", { state: "detached" });
  }
  await finished;
}

/** Types into an autocomplete and picks the option whose label is `label`. */
async function choose(page: Page, input: string, text: string, label: string) {
  await page.fill(input, text);
  await page.waitForFunction(
    ([list, l]) => [...document.querySelectorAll(`#${list} .ac-option .ac-label`)].some((o) => o.textContent === l),
    [`${input.slice(1)}-list`, label] as const,
  );
  await page.click(`#${input.slice(1)}-list .ac-option:has(.ac-label:text-is("${label}"))`);
}

/** A relation to mark: two or more distinct evidence sentences (so it stays), away from the entities the other edits touch. */
function pickEdge(g: { edges: SerializedEdge[] }, avoid: Set<string>): SerializedEdge {
  const edge = g.edges.find((e) => !avoid.has(e.source) && !avoid.has(e.target) && new Set(e.attributes.evidence.map(sentenceId)).size >= 2);
  if (!edge) throw new Error("curation e2e: the seed graph has no relation with two evidence sentences");
  return edge;
}

describe("curation in the explorer", () => {
  let explorer: Explorer;
  afterAll(async () => {
    await explorer?.close();
  });

  /** Opens a page of the current server, runs `fn`, saves a screenshot, closes it; API refusals aside, nothing may go wrong. */
  async function withPage(name: string, query: string, fn: (w: WatchedPage) => Promise<void>): Promise<WatchedPage> {
    const w = await visit(browser, `${explorer.url}/${query}`, name, fn);
    expect(w.problems.filter((p) => !apiRefusal(p))).toEqual([]);
    expect(w.dialogs).toEqual([]);
    return w;
  }

  /** Closes the server but keeps its data folder, then serves that folder again. */
  async function restart(): Promise<void> {
    await explorer.server.close();
    explorer = await startExplorer(undefined, explorer.dataDir);
  }

  it("merges, rejects a reading and renames through the page; all hold after a restart and a rebuild; undo from the history", async () => {
    explorer = await startExplorer();
    const g = await graphOf(explorer.url);
    const home = byLabel(g, "White Home");
    const house = byLabel(g, "White House");
    expect(home, "the seed graph's misread “White Home”").toBeDefined();
    expect(house).toBeDefined();
    const renamed = byLabel(g, "Worldwide Atomic Vitality Company") ?? byLabel(g, "Sebastien Lecorny");
    expect(renamed, "an entity with a garbled name to rename").toBeDefined();
    const newLabel = renamed!.attributes.label.startsWith("Worldwide") ? "International Atomic Energy Agency" : "Sébastien Lecornu";
    const edge = pickEdge(g, new Set([home!.key, house!.key, renamed!.key]));
    const wrong = edge.attributes.evidence[0];
    const source = g.nodes.find((n) => n.key === edge.source)!;
    const sentencesBefore = new Set(edge.attributes.evidence.map(sentenceId)).size;

    await withPage("11-curation-edits", `?node=${encodeURIComponent(home!.key)}`, async ({ page }) => {
      // Merge: the first write asks for the key; the selection follows into White House.
      await page.click("#entity-merge");
      await choose(page, "#merge-into", "White House", "White House");
      await page.fill("#merge-form-reason", "a misreading of “White House”");
      await write(page, "#merge-form-submit", () => titleIs(page, "White House"));
      expect(new URL(page.url()).searchParams.get("node")).toBe(house!.key);
      expect(await page.evaluate(() => sessionStorage.getItem("parley.writeKey"))).toBe(E2E_WRITE_KEY);
      expect(await page.evaluate(() => sessionStorage.getItem("parley.author"))).toBe("e2e curator");
      expect(byLabel(await graphOf(explorer.url), "White Home")).toBeUndefined();

      // Wrong reading: the quote button still opens the reader; the action beside it drops that one item.
      await chooseNode(page, source);
      const item = `#panel-details .relation[data-edge="${edge.key}"]`;
      const quote = `${item} .evidence[data-article="${wrong.article}"][data-sentence="${wrong.sentenceIndex}"]`;
      await page.click(quote);
      await page.waitForSelector("#reader[open] .sentence.highlighted");
      await page.keyboard.press("Escape");
      expect(await page.textContent(`${item} .weight`)).toMatch(new RegExp(`^${sentencesBefore} sentences · \\d+ articles?$`));
      await page.click(`${item} .evidence-reject[data-article="${wrong.article}"][data-sentence="${wrong.sentenceIndex}"]`);
      await page.fill(`${item} .evidence-reject-form input`, "the sentence says no such thing");
      await write(page, `${item} .evidence-reject-form button[type=submit]`, () => page.waitForSelector(quote, { state: "detached" }));
      expect(await page.textContent(`${item} .weight`)).toMatch(new RegExp(`^${sentencesBefore - 1} sentences? · `));

      // Rename (the key is stored now: no prompt).
      await chooseNode(page, renamed!);
      await page.click("#entity-rename");
      await page.fill("#rename-label", newLabel);
      await write(page, "#rename-form-submit", () => titleIs(page, newLabel));
      expect(await page.locator("#write-key[open]").count()).toBe(0);
    });
    await expectEditsHold("13-curation-served");

    // The same data folder served again, then rebuilt with `parley build` and served again.
    await restart();
    await expectEditsHold("14-curation-restarted");
    await explorer.server.close();
    const dir = explorer.dataDir;
    execFileSync("node", [join(ROOT, "bin", "parley.mjs"), "build", "--articles", join(dir, "articles"), "--lexicon", join(dir, "lexicon"), "--out", join(dir, "graph.json")], { cwd: ROOT, stdio: "pipe" });
    explorer = await startExplorer(undefined, dir);
    await expectEditsHold("15-curation-rebuilt");

    // Undo the rename from the history panel: the old name comes back without a reload.
    const current = byLabel(await graphOf(explorer.url), newLabel)!;
    await withPage("16-curation-undo", `?node=${encodeURIComponent(current.key)}&panel=curate`, async ({ page }) => {
      await page.waitForSelector("#edit-history li.edit");
      const ops = await page.$$eval("#edit-history li.edit", (lis) => lis.map((li) => li.getAttribute("data-op")));
      expect(ops.slice(0, 3)).toEqual(["rename", "reject-evidence", "merge"]); // newest first
      const summaries = await texts(page, "#edit-history .edit-summary");
      expect(summaries[2]).toContain("White Home");
      expect(await texts(page, "#edit-history .edit-reason")).toContain("a misreading of “White House”");
      expect((await texts(page, "#edit-history .edit-author")).slice(0, 3)).toEqual(["e2e curator", "e2e curator", "e2e curator"]);
      const rename = page.locator('#edit-history li.edit[data-op="rename"]').first();
      const id = await rename.getAttribute("data-edit-id");
      expect(await rename.getAttribute("data-status")).toBe("applied");
      // A stale key in the tab: the 401 forgets it and asks again; a mistyped key is caught before anything is sent.
      await page.evaluate(() => sessionStorage.setItem("parley.writeKey", "stale-key-123"));
      await page.click(`#edit-history li.edit[data-edit-id="${id}"] .edit-undo`);
      await page.waitForSelector("#write-key[open]");
      expect(await page.textContent("#write-key-problem")).toMatch(/^The server refused that key: /);
      expect(await page.evaluate(() => sessionStorage.getItem("parley.writeKey"))).toBeNull();
      await page.fill("#write-key-input", "not-the-key");
      await page.click("#write-key-submit");
      await page.waitForFunction(() => document.querySelector("#write-key-problem")?.textContent === "That is not this server's write key.");
      await page.fill("#write-key-input", E2E_WRITE_KEY);
      await page.click("#write-key-submit");
      await page.waitForSelector(`#edit-history li.edit[data-edit-id="${id}"][data-status="undone"]`);
      expect(await page.getAttribute("#edit-history li.edit:first-child", "data-op")).toBe("undo");
      await page.click("#tab-details");
      await titleIs(page, renamed!.attributes.label);

      // Another client undoes the wrong reading: the open page hears it (/api/events) and shows the quote again.
      await chooseNode(page, source);
      const reject = (await editsOf(explorer.url)).find((x) => x.op === "reject-evidence")!;
      const res = await fetch(`${explorer.url}/api/edits/${reject.id}/undo`, { method: "POST", headers: WRITE_HEADERS, body: JSON.stringify({ reason: "second thoughts", author: "another client" }) });
      expect(res.status).toBe(201);
      await page.waitForSelector(`#panel-details .relation[data-edge="${edge.key}"] .evidence[data-article="${wrong.article}"][data-sentence="${wrong.sentenceIndex}"]`);
      await page.click("#tab-curate");
      await page.waitForSelector(`#edit-history li.edit[data-edit-id="${reject.id}"][data-status="undone"]`);
      expect(await texts(page, "#edit-history li.edit:first-child .edit-author")).toEqual(["another client"]);
    });
    const after = await graphOf(explorer.url);
    expect(after.nodes.find((n) => n.key === renamed!.key)?.attributes.label ?? byLabel(after, renamed!.attributes.label)?.attributes.label).toBe(renamed!.attributes.label);
    expect(byLabel(after, "White Home")).toBeUndefined(); // the merge stands

    /** The three edits, read back through the API and the page. */
    async function expectEditsHold(screenshotName: string) {
      const now = await graphOf(explorer.url);
      expect(byLabel(now, "White Home"), "merged away").toBeUndefined();
      expect(byLabel(now, "White House")).toBeDefined();
      const e = now.edges.find((x) => x.key === edge.key);
      expect(e, "the relation keeps its other evidence").toBeDefined();
      expect(e!.attributes.evidence.map(sentenceId)).not.toContain(sentenceId(wrong));
      expect(byLabel(now, newLabel), "renamed").toBeDefined();
      expect(byLabel(now, renamed!.attributes.label)).toBeUndefined();
      expect((await searchOf(explorer.url, "White Home"))[0]?.label).not.toBe("White Home");
      const ops = (await editsOf(explorer.url)).map((x) => `${x.op}:${x.status}`);
      expect(ops.slice(0, 3)).toEqual(["rename:applied", "reject-evidence:applied", "merge:applied"]);
      await withPage(screenshotName, `?node=${encodeURIComponent(byLabel(now, newLabel)!.key)}`, async ({ page }) => {
        expect(await page.textContent("#node-title")).toBe(newLabel);
        await chooseNode(page, source);
        await page.waitForSelector(`#panel-details .relation[data-edge="${edge.key}"]`);
        expect(await page.locator(`#panel-details .relation[data-edge="${edge.key}"] .evidence[data-article="${wrong.article}"][data-sentence="${wrong.sentenceIndex}"]`).count()).toBe(0);
      });
    }
  }, 240_000);
});

/** Selects a node the way a user does: through the header search. */
async function chooseNode(page: Page, node: SerializedNode) {
  await choose(page, "#search-input", node.attributes.label, node.attributes.label);
  await page.waitForFunction((k) => new URL(location.href).searchParams.get("node") === k, node.key);
}

describe("curation inputs with the XSS corpus", () => {
  let explorer: Explorer;
  afterAll(async () => {
    await explorer?.close();
  });

  it("payloads in edit reasons, rename labels and an add-relation quote show as text and run nothing", async () => {
    explorer = await startExplorer();
    const g = await graphOf(explorer.url);
    const target = byLabel(g, "Deep State") ?? g.nodes.find((n) => n.attributes.type === "organization")!;
    const partner = byLabel(g, "Russia")!;
    // Labels of up to ~120 characters; reasons of up to ~600: every payload lands in both.
    const chunks = (limit: number) =>
      PAYLOADS.reduce<string[][]>((acc, p) => {
        const last = acc.at(-1)!;
        if (last.length && [...last, p.payload].join(" ").length > limit) acc.push([p.payload]);
        else last.push(p.payload);
        return acc;
      }, [[]]).map((c) => c.join(" "));
    const labels = chunks(120);
    const reasons = chunks(600);

    const w = await openXssPage(browser, `${explorer.url}/?node=${encodeURIComponent(target.key)}`, { bypassCSP: true });
    try {
      const { page } = w;
      await waitForGraph(page);
      // Renames: each label a run of payloads, each with a reason that is another run.
      for (const [i, label] of labels.entries()) {
        await page.click("#entity-rename");
        await page.fill("#rename-label", label);
        await page.fill("#rename-form-reason", reasons[i % reasons.length]);
        await write(page, "#rename-form-submit", () => titleIs(page, label), `${PAYLOADS[0].payload} (author)`);
        // The forms that quote the label: merge's hint, delete's question.
        for (const action of ["merge", "delete"]) {
          await page.click(`#entity-${action}`);
          expect(await page.textContent(`#${action}-form p`)).toContain(`“${label}”`);
        }
        await page.click("#entity-delete");
      }
      // An add-relation whose quote is every payload: no article has it, so it is refused, and the refusal shown as text.
      await page.click("#tab-curate");
      await page.click("#add-relation summary");
      await choose(page, "#add-edge-source", partner.attributes.label, partner.attributes.label);
      await page.check('#add-edge-form input[data-type="criticized"]');
      await page.fill("#add-edge-target", labels.at(-1)!);
      await page.fill("#add-edge-quote", PAYLOADS.map((p) => p.payload).join(" "));
      await page.fill("#add-edge-form-reason", reasons[0]);
      await page.click("#add-edge-form-submit");
      await page.waitForSelector("#add-edge-form-message[data-state=error]");
      expect(await page.textContent("#add-edge-form-message")).toMatch(/^quote: occurs in no sentence/);

      // The history lists every one, payloads as text.
      await page.waitForFunction((n) => document.querySelectorAll("#edit-history li.edit").length >= n, labels.length);
      const summaries = (await texts(page, "#edit-history .edit-summary")).join("\n");
      for (const label of labels) expect(summaries).toContain(JSON.stringify(label)); // the summary quotes names as JSON strings
      const shownReasons = await texts(page, "#edit-history .edit-reason");
      for (const reason of reasons) expect(shownReasons).toContain(reason);
      const authors = await texts(page, "#edit-history .edit-author");
      expect(authors).toContain(`${PAYLOADS[0].payload} (author)`);
      // Undo the last rename: its label goes back to the one before.
      await write(page, '#edit-history li.edit[data-op="rename"][data-status="applied"] .edit-undo', () => page.waitForSelector('#edit-history li.edit[data-op="undo"]'));
      await page.click("#tab-details");
      await titleIs(page, labels.at(-2) ?? target.attributes.label);

      await page.waitForTimeout(300); // room for a late handler (onerror, SVG animation begin)
      expect(w.hits, "window.__xss was called by these payload ids").toEqual([]);
      expect(w.dialogs).toEqual([]);
      expect(w.problems).toEqual([]);
      expect(await w.audit(), "markup the explorer never creates reached the DOM").toEqual([]);
      // The browser's note on the refused add-relation (400: the quote is in no sentence), and nothing else.
      expect(w.apiErrors).toHaveLength(1);
      expect(w.apiErrors[0]).toMatch(/status of 400 .*\/api\/edits\)$/);
    } finally {
      await screenshot(w.page, "17-curation-xss").catch(() => {});
      await w.page.context().close();
    }
  }, 240_000);
});
