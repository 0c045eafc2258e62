/**
 * Header search: autocomplete over names and aliases ("Kiev" finds Kyiv); choosing
 * a result selects the entity (the camera follows the selection). "/" focuses it.
 */
import type { MountPanel } from "../app.ts";
import { createAutocomplete } from "../ui/autocomplete.ts";
import { byId } from "../ui/dom.ts";

export const mountSearch: MountPanel = (app) => {
  const ac = createAutocomplete({
    id: "search-input",
    label: "Search entities by name or alias",
    placeholder: "Search people, groups, places…  ( / )",
    onChoose: (hit) => app.store.set({ node: hit.key, panel: "details" }),
  });
  byId("search").append(ac.element);
  const sync = () => {
    const key = app.store.get().node;
    if (key && app.graph.hasNode(key)) ac.set(key, app.graph.getNodeAttribute(key, "label"));
  };
  sync();
  app.store.subscribe((s, prev) => s.node !== prev.node && sync());
  document.addEventListener("keydown", (e) => {
    const t = e.target as HTMLElement;
    if (e.key === "/" && !/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) && !t.isContentEditable) {
      e.preventDefault();
      ac.input.focus();
      ac.input.select();
    }
  });
};
