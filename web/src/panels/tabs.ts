/**
 * The sidebar's tabs (ARIA tablist): one per panel, the open one kept in the view
 * state. ←/→ move between tabs; Alt+1…9 open a tab from anywhere.
 */
import type { MountPanel } from "../app.ts";
import { PANELS, type PanelId } from "../state/view-state.ts";
import { byId, h, render } from "../ui/dom.ts";

export const PANEL_LABELS: Record<PanelId, string> = {
  details: "Details",
  path: "Path",
  console: "Console",
  filters: "Filters",
  layout: "Layout",
  export: "Export",
  curate: "Curate",
  analyze: "Analyze",
  tables: "Tables",
};

export const mountTabs: MountPanel = (app) => {
  const list = byId("tabs");
  const open = (id: PanelId, focus = false) => {
    app.store.set({ panel: id }, "replace");
    if (focus) tabs[PANELS.indexOf(id)].focus();
  };
  const tabs = PANELS.map((id, i) =>
    h(
      "button",
      {
        class: "tab",
        attrs: { type: "button", role: "tab", id: `tab-${id}`, "aria-controls": `panel-${id}`, title: `${PANEL_LABELS[id]} (Alt+${i + 1})` },
        on: {
          click: () => open(id),
          keydown: (e) => {
            const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
            if (step) open(PANELS[(i + step + PANELS.length) % PANELS.length], true);
          },
        },
      },
      PANEL_LABELS[id],
    ),
  );
  render(list, tabs);
  const sync = () => {
    const current = app.store.get().panel;
    PANELS.forEach((id, i) => {
      const selected = id === current;
      tabs[i].setAttribute("aria-selected", String(selected));
      tabs[i].tabIndex = selected ? 0 : -1;
      const panel = byId(`panel-${id}`);
      panel.hidden = !selected;
    });
  };
  sync();
  app.store.subscribe((s, prev) => s.panel !== prev.panel && sync());
  document.addEventListener("keydown", (e) => {
    const n = Number(e.key);
    if (e.altKey && n >= 1 && n <= PANELS.length) {
      e.preventDefault();
      open(PANELS[n - 1], true);
    }
  });
};
