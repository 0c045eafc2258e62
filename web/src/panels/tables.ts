/**
 * Tables tab: the entities or the relations of what the canvas shows (the same
 * filters), as a real table — caption, column headers with aria-sort, a sort
 * button in each, pages of PAGE_SIZE rows with labelled controls — so keyboard
 * and screen-reader users get the whole graph, not only a picture of it.
 * "Download CSV" saves every row of the table in its current order.
 */
import type { App, MountPanel } from "../app.ts";
import { byId, h, render } from "../ui/dom.ts";
import { downloadText, toCsv } from "../ui/download.ts";

export const PAGE_SIZE = 100;

type Kind = "entities" | "relations";
type Cell = string | number;

export interface Column<R> {
  id: string;
  label: string;
  numeric?: boolean;
  value(row: R): Cell;
}

export interface TableRow {
  key: string;
}

interface EntityRow extends TableRow {
  label: string;
  type: string;
  degree: number;
  mentions: number;
  articles: number;
}

interface RelationRow extends TableRow {
  source: string;
  sourceLabel: string;
  relation: string;
  target: string;
  targetLabel: string;
  evidence: number;
  firstSeen: string;
  lastSeen: string;
  sentences: string[];
}

export const ENTITY_COLUMNS: readonly Column<EntityRow>[] = [
  { id: "label", label: "Entity", value: (r) => r.label },
  { id: "type", label: "Type", value: (r) => r.type },
  { id: "degree", label: "Relations shown", numeric: true, value: (r) => r.degree },
  { id: "mentions", label: "Mentions", numeric: true, value: (r) => r.mentions },
  { id: "articles", label: "Articles", numeric: true, value: (r) => r.articles },
];

export const RELATION_COLUMNS: readonly Column<RelationRow>[] = [
  { id: "source", label: "From", value: (r) => r.sourceLabel },
  { id: "relation", label: "Relation", value: (r) => r.relation },
  { id: "target", label: "To", value: (r) => r.targetLabel },
  { id: "evidence", label: "Sentences", numeric: true, value: (r) => r.evidence },
  { id: "firstSeen", label: "First seen", value: (r) => r.firstSeen },
  { id: "lastSeen", label: "Last seen", value: (r) => r.lastSeen },
];

export interface Sort {
  column: string;
  descending: boolean;
}

/** Rows in the order of one column (numbers as numbers, text by locale), ties by key so the order is stable. */
export function sortRows<R extends TableRow>(rows: R[], columns: readonly Column<R>[], sort: Sort): R[] {
  const column = columns.find((c) => c.id === sort.column) ?? columns[0]!;
  const sign = sort.descending ? -1 : 1;
  const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
  return [...rows].sort((a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    const order = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
    return sign * order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  });
}

function entityRows(app: App): EntityRow[] {
  const { nodes, edges } = app.scene.state().visible;
  const degree = new Map<string, number>();
  for (const e of edges) {
    const [s, t] = app.graph.extremities(e);
    degree.set(s, (degree.get(s) ?? 0) + 1);
    degree.set(t, (degree.get(t) ?? 0) + 1);
  }
  return [...nodes].map((key) => {
    const a = app.graph.getNodeAttributes(key);
    return { key, label: a.label ?? key, type: a.type, degree: degree.get(key) ?? 0, mentions: a.mentions ?? 0, articles: a.articles?.length ?? 0 };
  });
}

function relationRows(app: App): RelationRow[] {
  const label = (k: string) => app.graph.getNodeAttribute(k, "label") ?? k;
  return [...app.scene.state().visible.edges].map((key) => {
    const [source, target] = app.graph.extremities(key);
    const a = app.graph.getEdgeAttributes(key);
    return {
      key,
      source,
      sourceLabel: label(source),
      relation: a.label ?? a.type,
      target,
      targetLabel: label(target),
      evidence: a.evidence.length,
      firstSeen: a.firstSeen ?? "",
      lastSeen: a.lastSeen ?? "",
      sentences: a.evidence.map((e) => e.sentence),
    };
  });
}

export const mountTables: MountPanel = (app) => {
  const root = byId("panel-tables");
  let kind: Kind = "entities";
  const sorts: Record<Kind, Sort> = { entities: { column: "degree", descending: true }, relations: { column: "evidence", descending: true } };
  let page = 0;
  let rows: TableRow[] = [];

  const kindInputs = (["entities", "relations"] as const).map((k) =>
    h("input", { attrs: { type: "radio", name: "table-kind", id: `table-kind-${k}`, value: k, checked: k === kind }, on: { change: () => ((kind = k), (page = 0), rebuild()) } }),
  );
  const download = h("button", { attrs: { type: "button", id: "table-download" }, on: { click: () => saveCsv() } }, "Download CSV");
  const body = h("div", { attrs: { id: "table-body" } });
  render(
    root,
    h("h2", {}, "Tables"),
    h(
      "fieldset",
      { class: "table-kind" },
      h("legend", {}, "Show"),
      h("label", { attrs: { for: "table-kind-entities" } }, kindInputs[0], " Entities"),
      h("label", { attrs: { for: "table-kind-relations" } }, kindInputs[1], " Relations"),
    ),
    h("p", { class: "hint" }, "What the graph shows now: the filters apply. Sort by any column; the download has every row in this order."),
    h("div", { class: "row buttons" }, download),
    body,
  );

  const columns = (): readonly Column<TableRow>[] => (kind === "entities" ? ENTITY_COLUMNS : RELATION_COLUMNS) as unknown as readonly Column<TableRow>[];

  const saveCsv = () => {
    const cols = columns();
    const header = kind === "relations" ? [...cols.map((c) => c.label), "Evidence"] : cols.map((c) => c.label);
    const data = rows.map((r) => {
      const cells = cols.map((c) => String(c.value(r)));
      return kind === "relations" ? [...cells, (r as RelationRow).sentences.join("\n")] : cells;
    });
    downloadText(`parley-${kind}.csv`, "text/csv", toCsv(header, data));
  };

  const cellView = (r: TableRow, c: Column<TableRow>, first: boolean): HTMLElement => {
    const text = String(c.value(r));
    if (kind === "entities" && first) return h("th", { attrs: { scope: "row" } }, h("button", { class: "link", attrs: { type: "button", "data-node": r.key }, on: { click: () => app.store.set({ node: r.key, panel: "details" }) } }, text));
    if (kind === "relations" && (c.id === "source" || c.id === "target")) {
      const key = c.id === "source" ? (r as RelationRow).source : (r as RelationRow).target;
      const cell = h("button", { class: "link", attrs: { type: "button", "data-node": key }, on: { click: () => app.store.set({ node: key, panel: "details" }) } }, text);
      return first ? h("th", { attrs: { scope: "row" } }, cell) : h("td", {}, cell);
    }
    return h("td", { class: c.numeric ? "num" : undefined }, text);
  };

  const draw = () => {
    const cols = columns();
    const sort = sorts[kind];
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    page = Math.min(page, pages - 1);
    const shown = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    const header = cols.map((c) => {
      const active = c.id === sort.column;
      const next = active ? !sort.descending : Boolean(c.numeric);
      return h(
        "th",
        { attrs: { scope: "col", "aria-sort": active ? (sort.descending ? "descending" : "ascending") : "none", "data-column": c.id } },
        h(
          "button",
          { class: "sort", attrs: { type: "button", "aria-label": `${c.label}: sort ${next ? "descending" : "ascending"}` }, on: { click: () => ((sorts[kind] = { column: c.id, descending: next }), (page = 0), rebuild()) } },
          c.label,
          h("span", { attrs: { "aria-hidden": "true" } }, active ? (sort.descending ? " ▼" : " ▲") : ""),
        ),
      );
    });
    const evidenceHeader = kind === "relations" ? h("th", { attrs: { scope: "col" } }, "Evidence") : null;
    const pager = (where: string) =>
      h(
        "nav",
        { class: "pager", attrs: { "aria-label": `Table pages (${where})` } },
        h("button", { attrs: { type: "button", "data-page": "previous", disabled: page === 0 }, on: { click: () => ((page -= 1), draw()) } }, "Previous"),
        h("span", { attrs: { "aria-live": where === "top" ? "polite" : "off" } }, rows.length ? `Rows ${page * PAGE_SIZE + 1}–${page * PAGE_SIZE + shown.length} of ${rows.length}` : "No rows"),
        h("button", { attrs: { type: "button", "data-page": "next", disabled: page >= pages - 1 }, on: { click: () => ((page += 1), draw()) } }, "Next"),
      );
    render(
      body,
      pager("top"),
      h(
        "div",
        { class: "table-wrap", attrs: { tabindex: "0", role: "region", "aria-labelledby": "data-table-caption" } },
        h(
          "table",
          { class: "results data-table", attrs: { id: "data-table", "data-kind": kind, "data-rows": rows.length } },
          h("caption", { attrs: { id: "data-table-caption" } }, `${kind === "entities" ? "Entities" : "Relations"} shown in the graph, sorted by ${cols.find((c) => c.id === sort.column)?.label ?? ""} (${sort.descending ? "descending" : "ascending"})`),
          h("thead", {}, h("tr", {}, header, evidenceHeader)),
          h(
            "tbody",
            {},
            shown.map((r) =>
              h(
                "tr",
                { attrs: { "data-key": r.key } },
                cols.map((c, i) => cellView(r, c, i === 0)),
                kind === "relations" ? h("td", { class: "sentences" }, sentencesCell((r as RelationRow).sentences)) : null,
              ),
            ),
          ),
        ),
      ),
      pager("bottom"),
    );
  };

  const rebuild = () => {
    const all = kind === "entities" ? entityRows(app) : relationRows(app);
    rows = sortRows(all as TableRow[], columns(), sorts[kind]);
    draw();
  };

  const shownNow = () => app.store.get().panel === "tables";
  let dirty = true;
  const refresh = () => {
    if (!shownNow()) return void (dirty = true);
    dirty = false;
    rebuild();
  };
  refresh();
  app.store.subscribe((s, prev) => {
    // After the scene has taken new filters in (its subscriber runs after the panels').
    if (s.filters !== prev.filters) queueMicrotask(refresh);
    else if (s.panel !== prev.panel && s.panel === "tables" && dirty) refresh();
  });
  app.reloaded.subscribe(refresh);
};

/** The first sentence, the rest behind a disclosure. */
function sentencesCell(sentences: readonly string[]): HTMLElement | string {
  if (!sentences.length) return "";
  const [first, ...rest] = sentences;
  return h("div", {}, h("q", {}, first), rest.length ? h("details", {}, h("summary", {}, `${rest.length} more`), h("ul", {}, rest.map((s) => h("li", {}, h("q", {}, s))))) : null);
}
