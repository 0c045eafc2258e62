/**
 * The node panel ("Details" tab): the selected entity's type, aliases and articles,
 * its curation actions, then its relations grouped by type, each with how much
 * evidence backs it and the quotes that state it (each can be marked a wrong
 * reading). Derived entirely from the graph in memory, re-rendered when the
 * selection changes and when the graph is reloaded.
 */
import type { App, MountPanel } from "../app.ts";
import { articleSource } from "../app.ts";
import { evidenceSummary, groupRelations } from "../state/relations.ts";
import { byId, h, render, type Child } from "../ui/dom.ts";
import { createEntityActions } from "./entity-actions.ts";
import { evidenceList } from "./evidence.ts";
import { wrongReadingAction } from "./wrong-reading.ts";

function selectButton(app: App, key: string, label: string): HTMLElement {
  return h("button", { class: "link", attrs: { type: "button", "data-node": key }, on: { click: () => app.store.set({ node: key, panel: "details" }) } }, label);
}

function renderNode(app: App, key: string, actions: HTMLElement): Child[] {
  const a = app.graph.getNodeAttributes(key);
  const groups = groupRelations(app.graph, key);
  return [
    h("h2", { class: "node-title", attrs: { id: "node-title" } }, h("span", { class: `type-dot type-${a.type}` }), a.label),
    h("p", { class: "node-meta" }, h("span", { class: "badge", attrs: { "data-type": a.type } }, a.type), ` · ${a.mentions} mentions · ${app.graph.degree(key)} relations`),
    actions,
    a.aliases.length
      ? h("section", { class: "node-aliases" }, h("h3", {}, "Also called"), h("ul", { class: "chips" }, a.aliases.map((al) => h("li", {}, al))))
      : null,
    h(
      "section",
      { class: "node-articles" },
      h("h3", {}, `Articles (${a.articles.length})`),
      h("ul", {}, a.articles.map((id) => h("li", {}, h("button", { class: "link", attrs: { type: "button" }, on: { click: () => void app.reader.open(id) } }, articleSource(app, id))))),
    ),
    h(
      "section",
      { class: "node-relations", attrs: { "aria-label": "Relations" } },
      h("h3", {}, "Relations"),
      groups.length === 0 ? h("p", { class: "hint" }, "No relations found for this entity yet.") : null,
      groups.map((g) =>
        h(
          "section",
          { class: "relation-group", attrs: { "data-type": g.type, "data-direction": g.direction } },
          h("h4", {}, g.heading, h("span", { class: "count" }, ` (${g.items.length})`)),
          h(
            "ul",
            {},
            g.items.map((it) =>
              h(
                "li",
                { class: "relation", attrs: { "data-edge": it.edge } },
                h("div", { class: "relation-head" }, selectButton(app, it.other, it.otherLabel), h("span", { class: "weight", attrs: { title: "distinct evidence sentences and articles" } }, evidenceSummary(it.evidence))),
                evidenceList(app, it.evidence, 2, (ev) => wrongReadingAction(app, it.edge, ev)),
              ),
            ),
          ),
        ),
      ),
    ),
  ];
}

export const mountNodePanel: MountPanel = (app) => {
  const root = byId("panel-details");
  const actionsFor = createEntityActions(app);
  const draw = () => {
    const key = app.store.get().node;
    if (key && app.graph.hasNode(key)) render(root, renderNode(app, key, actionsFor(key)));
    else
      render(
        root,
        h("h2", {}, "Explore the negotiations"),
        h("p", { class: "hint" }, key ? `No entity “${key}” in this graph.` : "Search for a name above (press /) or click a node to see its relations and the sentences they were read from."),
        h("p", { class: "hint" }, `${app.graph.order} entities · ${app.graph.size} relations · ${app.articles.size} articles`),
        h("h3", {}, "Articles"),
        h("ul", { class: "article-list" }, [...app.articles.keys()].map((id) => h("li", {}, h("button", { class: "link", attrs: { type: "button", "data-article": id }, on: { click: () => void app.reader.open(id) } }, articleSource(app, id))))),
      );
  };
  draw();
  // A new selection starts at its title: the old entity's scroll position means nothing for it.
  app.store.subscribe((s, prev) => {
    if (s.node !== prev.node) {
      draw();
      root.scrollTop = 0;
    }
  });
  // Same entity, new graph: redraw where the reader was, not back at the top.
  app.reloaded.subscribe(() => {
    const top = root.scrollTop;
    draw();
    root.scrollTop = top;
  });
};
