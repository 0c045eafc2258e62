/**
 * Legend over the graph: one entry per node type with its color (from the ontology's
 * NODE_COLORS) and how many entities of that type are visible / in the graph.
 * Each entry toggles that type's filter. Counted again after a reload.
 */
import { NODE_COLORS } from "../../../src/ontology.ts";
import { NODE_TYPES } from "../../../src/types.ts";
import type { MountPanel } from "../app.ts";
import { byId, h, render } from "../ui/dom.ts";

export const mountLegend: MountPanel = (app) => {
  const root = byId("legend");
  const draw = () => {
    const total = new Map<string, number>();
    app.graph.forEachNode((_k, a) => total.set(a.type, (total.get(a.type) ?? 0) + 1));
    const visible = app.scene.state().visible.nodes;
    const shown = new Map<string, number>();
    for (const k of visible) {
      const t = app.graph.getNodeAttribute(k, "type");
      shown.set(t, (shown.get(t) ?? 0) + 1);
    }
    const hidden = app.store.get().filters.hiddenNodeTypes;
    const byCommunity = app.store.get().colorBy === "community";
    render(
      root,
      h(
        "ul",
        {},
        NODE_TYPES.map((t) => {
          const swatch = h("span", { class: "swatch" });
          // Colored by community, the type colors are not on the canvas: the entries keep their counts and toggles only.
          swatch.style.backgroundColor = byCommunity ? "transparent" : NODE_COLORS[t];
          if (byCommunity) swatch.style.border = "1px solid currentColor";
          const n = total.get(t) ?? 0;
          const v = shown.get(t) ?? 0;
          const off = hidden.includes(t);
          return h(
            "li",
            {},
            h(
              "button",
              {
                class: off ? "legend-item off" : "legend-item",
                attrs: { type: "button", "data-type": t, "data-count": n, "data-visible": v, "aria-pressed": off ? "false" : "true", title: off ? `Show ${t}s` : `Hide ${t}s` },
                on: { click: () => app.store.set({ filters: { ...app.store.get().filters, hiddenNodeTypes: off ? hidden.filter((x) => x !== t) : [...hidden, t] } }) },
              },
              swatch,
              h("span", { class: "legend-type" }, t),
              h("span", { class: "legend-count" }, v === n ? String(n) : `${v} / ${n}`),
            ),
          );
        }),
      ),
      byCommunity ? h("p", { class: "legend-note", attrs: { id: "legend-note" } }, "Colors: communities (Analyze tab)") : null,
    );
  };
  draw();
  app.store.subscribe((s, prev) => (s.filters !== prev.filters || s.colorBy !== prev.colorBy) && draw());
  app.reloaded.subscribe(draw);
};
