/**
 * Query console ("Console" tab): an editor with history (↑/↓ on the first/last
 * line), Ctrl/Cmd+Enter to run, clickable examples, results as a table, matching
 * nodes/relationships/paths highlighted in the graph, errors shown at their position.
 * Results download as CSV or JSON; a relationship cell opens its evidence.
 * The query is part of the view state, so a link re-runs it.
 */
import { api, ApiError, type QueryResult } from "../api.ts";
import type { App, MountPanel } from "../app.ts";
import { ConsoleHistory } from "../state/console-history.ts";
import { collectHighlights, formatCell } from "../state/query-cells.ts";
import { byId, h, render } from "../ui/dom.ts";
import { downloadText, toCsv } from "../ui/download.ts";
import { evidenceList } from "./evidence.ts";

export const EXAMPLES: readonly { title: string; query: string }[] = [
  { title: "Who did Rubio deal with?", query: "MATCH (a:Actor {name: 'Marco Rubio'})-[r]-(b) RETURN b.name, type(r)" },
  { title: "What was rejected, by whom", query: "MATCH (o)-[:REJECTED]->(p:Proposal) RETURN o.name, p.name" },
  { title: "Shortest path Rubio → Putin", query: "MATCH p = shortestPath((a {name: 'Marco Rubio'})-[*..6]-(b {name: 'Vladimir Putin'})) RETURN p" },
  { title: "Witkoff's counterparts", query: "MATCH (a)-[:NEGOTIATED_WITH|MET_WITH]-(b) WHERE a.name CONTAINS 'Witkoff' RETURN DISTINCT b.name ORDER BY b.name" },
  { title: "Entities by type", query: "MATCH (n) RETURN labels(n)[0] AS type, count(*) AS n ORDER BY n DESC" },
  { title: "Neighbors of Peskov (shortcut)", query: "neighbors Peskov" },
];

const MAX_ROWS_SHOWN = 500;

/** Where a relationship cell shows its evidence: under the table. */
type ShowEvidence = (edge: string) => void;

function cellView(app: App, cell: unknown, showEvidence: ShowEvidence): HTMLElement {
  const c = cell as { kind?: string; key?: string };
  if (c && c.kind === "node" && typeof c.key === "string" && app.graph.hasNode(c.key)) {
    const key = c.key;
    return h("td", {}, h("button", { class: "link", attrs: { type: "button", "data-node": key }, on: { click: () => app.store.set({ node: key, panel: "details" }) } }, formatCell(cell)));
  }
  if (c && c.kind === "relationship" && typeof c.key === "string" && app.graph.hasEdge(c.key)) {
    const key = c.key;
    return h("td", {}, h("button", { class: "link", attrs: { type: "button", "data-edge": key, title: "Show the sentences this relation was read from" }, on: { click: () => showEvidence(key) } }, formatCell(cell)));
  }
  return h("td", {}, formatCell(cell));
}

/** The evidence of one relationship from a result row, with its ends named. */
function relationEvidence(app: App, edge: string): HTMLElement {
  const [source, target] = app.graph.extremities(edge);
  const a = app.graph.getEdgeAttributes(edge);
  const name = (k: string) => app.graph.getNodeAttribute(k, "label") ?? k;
  return h(
    "section",
    { class: "query-evidence", attrs: { id: "query-evidence", "aria-labelledby": "query-evidence-title", tabindex: "-1" } },
    h("h3", { attrs: { id: "query-evidence-title" } }, `${name(source)} — ${a.label ?? a.type} → ${name(target)}`),
    h("p", { class: "hint" }, `${a.evidence.length} ${a.evidence.length === 1 ? "sentence" : "sentences"}`),
    evidenceList(app, a.evidence, 3),
  );
}

/** The result as CSV (cells as the table shows them) and as JSON (cells as the API sent them). */
function downloads(r: QueryResult): HTMLElement {
  const csv = () => downloadText("parley-query.csv", "text/csv", toCsv(r.columns, r.rows.map((row) => row.map(formatCell))));
  const json = () => downloadText("parley-query.json", "application/json", JSON.stringify({ columns: r.columns, rows: r.rows }, null, 2) + "\n");
  return h(
    "div",
    { class: "row buttons" },
    h("button", { attrs: { type: "button", id: "query-download-csv" }, on: { click: csv } }, "Download CSV"),
    h("button", { attrs: { type: "button", id: "query-download-json" }, on: { click: json } }, "Download JSON"),
    h("span", { class: "hint" }, `all ${r.rows.length} rows`),
  );
}

function table(app: App, r: QueryResult, showEvidence: ShowEvidence): HTMLElement {
  const shown = r.rows.slice(0, MAX_ROWS_SHOWN);
  return h(
    "div",
    { class: "table-wrap", attrs: { tabindex: "0", "aria-label": "Query results" } },
    h("table", { class: "results", attrs: { id: "query-results" } }, h("thead", {}, h("tr", {}, r.columns.map((c) => h("th", { attrs: { scope: "col" } }, c)))), h("tbody", {}, shown.map((row) => h("tr", {}, row.map((c) => cellView(app, c, showEvidence)))))),
  );
}

/** "  ^" under the offending column of the offending line. */
function errorView(query: string, err: ApiError): HTMLElement {
  const where = err.line && !/\bline\b/i.test(err.message) ? `Line ${err.line}, column ${err.column ?? 1}: ` : "";
  const lineText = err.line ? (query.split("\n")[err.line - 1] ?? "") : null;
  return h(
    "div",
    { class: "query-error", attrs: { role: "alert", id: "query-error", "data-line": err.line ?? "", "data-column": err.column ?? "" } },
    h("p", {}, `${where}${err.message}`),
    lineText !== null ? h("pre", {}, `${lineText}\n${" ".repeat(Math.max(0, (err.column ?? 1) - 1))}^`) : null,
  );
}

export const mountConsole: MountPanel = (app) => {
  const root = byId("panel-console");
  const history = new ConsoleHistory(window.localStorage);
  const editor = h("textarea", { class: "editor", attrs: { id: "query-editor", rows: 5, spellcheck: "false", "aria-label": "Query (Ctrl+Enter or ⌘+Enter to run)", placeholder: "MATCH (a)-[r]->(b) RETURN a.name, type(r), b.name" } });
  const out = h("div", { class: "query-output", attrs: { id: "query-output", "aria-live": "polite" } });
  const run = () => {
    const text = editor.value.trim();
    if (!text) return;
    history.add(text);
    if (app.store.get().query === text) void execute(text);
    else app.store.set({ query: text, panel: "console" });
  };
  const clear = () => app.store.set({ query: null });
  render(
    root,
    h("h2", {}, "Query console"),
    editor,
    h("div", { class: "row buttons" }, h("button", { class: "primary", attrs: { type: "button", id: "query-run" }, on: { click: run } }, "Run"), h("button", { attrs: { type: "button" }, on: { click: clear } }, "Clear highlight"), h("span", { class: "hint" }, "Ctrl/⌘+Enter runs · ↑/↓ history")),
    h("details", { class: "examples", attrs: { open: true } }, h("summary", {}, "Examples"), h("ul", {}, EXAMPLES.map((ex) => h("li", {}, h("button", { class: "link example", attrs: { type: "button", title: ex.query }, on: { click: () => ((editor.value = ex.query), run()) } }, ex.title))))),
    out,
  );

  editor.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      return run();
    }
    const before = editor.value.slice(0, editor.selectionStart);
    const after = editor.value.slice(editor.selectionEnd);
    const recalled = e.key === "ArrowUp" && !before.includes("\n") ? history.previous(editor.value) : e.key === "ArrowDown" && !after.includes("\n") ? history.next() : null;
    if (recalled !== null) {
      e.preventDefault();
      editor.value = recalled;
      editor.setSelectionRange(recalled.length, recalled.length);
    }
  });

  let generation = 0;
  const execute = async (query: string) => {
    const mine = ++generation;
    render(out, h("p", { class: "hint" }, "Running…"));
    try {
      const r = await api.query(query);
      if (mine !== generation) return;
      const hl = collectHighlights(r.rows);
      app.scene.setQuery(hl);
      const marked = hl.nodes.size + hl.edges.size ? ` · ${hl.nodes.size} nodes and ${hl.edges.size} relations highlighted` : "";
      const evidence = h("div");
      const showEvidence: ShowEvidence = (edge) => {
        render(evidence, relationEvidence(app, edge));
        evidence.querySelector<HTMLElement>("#query-evidence")?.focus();
      };
      render(
        out,
        h("p", { class: "hint", attrs: { id: "query-summary" } }, `${r.rows.length} rows in ${Math.round(r.elapsedMs)} ms${marked}${r.rows.length > MAX_ROWS_SHOWN ? ` (first ${MAX_ROWS_SHOWN} shown)` : ""}`),
        r.notice ? h("p", { attrs: { id: "query-notice", role: "status" } }, r.notice) : null,
        r.rows.length ? downloads(r) : null,
        table(app, r, showEvidence),
        evidence,
      );
    } catch (err) {
      if (mine !== generation) return;
      app.scene.setQuery(null);
      if (err instanceof ApiError) {
        render(out, errorView(query, err));
        if (err.line) {
          const offset = query.split("\n").slice(0, err.line - 1).reduce((n, l) => n + l.length + 1, 0) + Math.max(0, (err.column ?? 1) - 1);
          editor.focus();
          editor.setSelectionRange(offset, Math.min(offset + 1, editor.value.length));
        }
      } else render(out, h("p", { class: "query-error", attrs: { role: "alert" } }, `Query failed: ${String(err)}`));
    }
  };

  const sync = () => {
    const { query } = app.store.get();
    if (!query) {
      generation++;
      app.scene.setQuery(null);
      return render(out);
    }
    if (editor.value.trim() !== query) editor.value = query;
    void execute(query);
  };
  sync();
  app.store.subscribe((s, prev) => s.query !== prev.query && sync());
};
