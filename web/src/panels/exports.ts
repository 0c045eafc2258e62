/**
 * Exports ("Export" tab): GEXF, GraphML, JSON and CSV tables from /api/export, of
 * the filtered view (the server applies the same filters as the canvas, passed
 * as the same parameters as the page's URL) or of the whole graph, optionally
 * with every relation's evidence sentences; and a PNG of the current view drawn
 * by @sigma/export-image (with the current reducers, so highlights are kept).
 */
import { downloadAsPNG } from "@sigma/export-image";
import type { MountPanel } from "../app.ts";
import { encodeFilters, filtersActive } from "../../../src/graph/view-filter.ts";
import { byId, h, render } from "../ui/dom.ts";

export const EXPORT_FORMATS = [
  { id: "gexf", extension: "gexf", label: "GEXF (Gephi)", note: "with colors, sizes and positions", evidence: true },
  { id: "graphml", extension: "graphml", label: "GraphML", note: "yEd, Cytoscape, NetworkX", evidence: true },
  { id: "json", extension: "json", label: "JSON", note: "graphology export, evidence always included", evidence: false },
  { id: "nodes-csv", extension: "nodes.csv", label: "Entities (CSV)", note: "one row per entity", evidence: false },
  { id: "edges-csv", extension: "edges.csv", label: "Relations (CSV)", note: "one row per relation", evidence: true },
] as const;

export type ExportScope = "view" | "all";

/** The download address of one format for the chosen scope and options. */
export function exportHref(format: string, scope: ExportScope, evidence: boolean, filters: Parameters<typeof encodeFilters>[0]): string {
  const p = new URLSearchParams({ format });
  if (evidence && EXPORT_FORMATS.find((f) => f.id === format)?.evidence) p.set("evidence", "true");
  if (scope === "view") encodeFilters(filters, (name, value) => p.set(name, value));
  return `/api/export?${p.toString()}`;
}

export const mountExports: MountPanel = (app) => {
  const root = byId("panel-export");
  const scopeInputs = (["view", "all"] as const).map((scope) =>
    h("input", { attrs: { type: "radio", name: "export-scope", value: scope, id: `export-scope-${scope}`, checked: scope === "view" }, on: { change: () => sync() } }),
  );
  const viewCount = h("span", { attrs: { id: "export-view-count" } });
  const evidenceBox = h("input", { attrs: { type: "checkbox", id: "export-evidence" }, on: { change: () => sync() } });
  const links = EXPORT_FORMATS.map((f) => h("a", { class: "button", attrs: { "data-format": f.id } }, f.label));
  const png = h(
    "button",
    {
      attrs: { type: "button", id: "export-png" },
      on: {
        click: async () => {
          app.status("Drawing PNG…");
          await downloadAsPNG(app.scene.sigma as unknown as Parameters<typeof downloadAsPNG>[0], { fileName: "parley-view", backgroundColor: "#ffffff" });
          app.status("PNG saved");
        },
      },
    },
    "PNG of the current view",
  );
  render(
    root,
    h("h2", {}, "Export"),
    h(
      "fieldset",
      { class: "export-scope" },
      h("legend", {}, "What to export"),
      h("label", { attrs: { for: "export-scope-view" } }, scopeInputs[0], " What you see: ", viewCount),
      h("label", { attrs: { for: "export-scope-all" } }, scopeInputs[1], ` The whole graph`),
    ),
    h("p", {}, h("label", { attrs: { for: "export-evidence" } }, evidenceBox, " Evidence sentences on every relation (GEXF, GraphML, relations CSV)")),
    h("ul", { class: "exports" }, EXPORT_FORMATS.map((f, i) => h("li", {}, links[i], h("span", { class: "hint" }, ` ${f.note}`)))),
    h("p", {}, png),
  );

  const sync = () => {
    const { filters } = app.store.get();
    const visible = app.scene.state().visible;
    const scope: ExportScope = scopeInputs[1].checked ? "all" : "view";
    viewCount.textContent = filtersActive(filters) ? `the filtered view, ${visible.nodes.size} entities and ${visible.edges.size} relations` : `no filters are on, so the whole graph`;
    links.forEach((a, i) => {
      const f = EXPORT_FORMATS[i];
      const filtered = scope === "view" && filtersActive(filters);
      a.setAttribute("href", exportHref(f.id, scope, evidenceBox.checked, filters));
      a.setAttribute("download", `parley${filtered ? "-filtered" : ""}.${f.extension}`);
    });
  };
  sync();
  // After the scene has taken the new filters in (its subscriber runs after the panels').
  app.store.subscribe((s, prev) => s.filters !== prev.filters && queueMicrotask(sync));
  app.reloaded.subscribe(sync);
};
