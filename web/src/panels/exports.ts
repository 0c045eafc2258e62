/**
 * Exports ("Export" tab): the whole graph as GEXF, GraphML or JSON (downloads from
 * /api/export, one declarative list) and a PNG of the current view drawn by
 * @sigma/export-image (with the current reducers, so highlights are kept).
 */
import { downloadAsPNG } from "@sigma/export-image";
import type { MountPanel } from "../app.ts";
import { byId, h, render } from "../ui/dom.ts";

export const EXPORT_FORMATS = [
  { id: "gexf", label: "GEXF (Gephi)", note: "with colors, sizes and positions" },
  { id: "graphml", label: "GraphML", note: "yEd, Cytoscape, NetworkX" },
  { id: "json", label: "JSON", note: "graphology export" },
] as const;

export const mountExports: MountPanel = (app) => {
  const root = byId("panel-export");
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
    h("ul", { class: "exports" }, EXPORT_FORMATS.map((f) => h("li", {}, h("a", { class: "button", attrs: { href: `/api/export?format=${f.id}`, download: `parley.${f.id}`, "data-format": f.id } }, f.label), h("span", { class: "hint" }, ` ${f.note}`)))),
    h("p", {}, png),
  );
};
