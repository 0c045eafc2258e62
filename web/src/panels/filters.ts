/**
 * Filters ("Filters" tab): node types, edge types, minimum degree and a date range
 * over firstSeen/lastSeen, with ▶ to replay how the story grew date by date.
 * Writes only the view state; the scene derives what is visible from it. Built
 * again after a reload when the counts or dates it offers changed.
 */
import { EDGE_TYPES } from "../../../src/ontology.ts";
import { NODE_TYPES, type NodeType } from "../../../src/types.ts";
import type { App, MountPanel } from "../app.ts";
import { graphDates, type ExplorerGraph } from "../graph/filters.ts";
import type { Filters } from "../state/view-state.ts";
import { byId, h, render } from "../ui/dom.ts";

const toggle = <T>(list: readonly T[], item: T, on: boolean): T[] => (on ? list.filter((x) => x !== item) : [...list, item]);

/** What the controls are built from: the graph's dates, type counts and largest degree. */
function filterFacts(graph: ExplorerGraph) {
  const nodeCounts = new Map<string, number>();
  graph.forEachNode((_k, a) => nodeCounts.set(a.type, (nodeCounts.get(a.type) ?? 0) + 1));
  const edgeCounts = new Map<string, number>();
  graph.forEachEdge((_k, a) => edgeCounts.set(a.type, (edgeCounts.get(a.type) ?? 0) + 1));
  let maxDegree = 0;
  graph.forEachNode((k) => (maxDegree = Math.max(maxDegree, graph.degree(k))));
  return { dates: graphDates(graph), nodeCounts, edgeCounts, maxDegree };
}

type FilterFacts = ReturnType<typeof filterFacts>;

export const mountFilters: MountPanel = (app) => {
  const root = byId("panel-filters");
  let shown = "";
  let controls: { sync(): void; stop(): void } | null = null;
  const build = () => {
    const facts = filterFacts(app.graph);
    const signature = JSON.stringify([facts.dates, [...facts.nodeCounts], [...facts.edgeCounts], facts.maxDegree]);
    if (signature === shown) return;
    shown = signature;
    controls?.stop();
    controls = renderFilters(app, root, facts);
    controls.sync();
  };
  build();
  app.store.subscribe((s, prev) => s.filters !== prev.filters && controls?.sync());
  app.reloaded.subscribe(build);
};

function renderFilters(app: App, root: HTMLElement, { dates, nodeCounts, edgeCounts, maxDegree }: FilterFacts) {
  const set = (patch: Partial<Filters>, mode: "push" | "replace" = "push") => app.store.set({ filters: { ...app.store.get().filters, ...patch } }, mode);

  const nodeBoxes = NODE_TYPES.map((t) =>
    h("input", { attrs: { type: "checkbox", "data-node-type": t }, on: { change: (e) => set({ hiddenNodeTypes: toggle(app.store.get().filters.hiddenNodeTypes, t as NodeType, (e.target as HTMLInputElement).checked) }) } }),
  );
  const usedEdgeTypes = EDGE_TYPES.filter((t) => edgeCounts.has(t.id));
  const edgeBoxes = usedEdgeTypes.map((t) =>
    h("input", { attrs: { type: "checkbox", "data-edge-type": t.id }, on: { change: (e) => set({ hiddenEdgeTypes: toggle(app.store.get().filters.hiddenEdgeTypes, t.id, (e.target as HTMLInputElement).checked) }) } }),
  );
  const degree = h("input", { attrs: { type: "range", id: "min-degree", min: 0, max: Math.min(maxDegree, 30), step: 1 }, on: { input: () => set({ minDegree: Number(degree.value) }, "replace") } });
  const degreeOut = h("output", { attrs: { for: "min-degree" } });
  const last = Math.max(0, dates.length - 1);
  const since = h("input", { attrs: { type: "range", id: "date-from", min: 0, max: last, step: 1, "aria-label": "From date" }, on: { input: () => setDates("replace") } });
  const until = h("input", { attrs: { type: "range", id: "date-to", min: 0, max: last, step: 1, "aria-label": "Until date" }, on: { input: () => setDates("replace") } });
  const dateOut = h("output", {});
  const play = h("button", { attrs: { type: "button", id: "date-play" }, on: { click: () => replay() } }, "▶ Replay");
  const reset = h("button", { attrs: { type: "button" }, on: { click: () => app.store.set({ filters: { hiddenNodeTypes: [], hiddenEdgeTypes: [], minDegree: 0, from: null, to: null } }) } }, "Show everything");

  function setDates(mode: "push" | "replace") {
    let a = Number(since.value);
    let b = Number(until.value);
    if (a > b) [a, b] = [b, a];
    set({ from: a > 0 ? dates[a] : null, to: b < last ? dates[b] : null }, mode);
  }
  let timer: ReturnType<typeof setInterval> | undefined;
  function replay() {
    if (timer) return stop();
    play.textContent = "■ Stop";
    let i = 0;
    set({ from: null, to: dates[0] ?? null });
    timer = setInterval(() => {
      i++;
      if (i > last) return stop();
      set({ from: null, to: i < last ? dates[i] : null }, "replace");
    }, 1000);
  }
  function stop() {
    clearInterval(timer);
    timer = undefined;
    play.textContent = "▶ Replay";
  }

  render(
    root,
    h("h2", {}, "Filters"),
    h("fieldset", {}, h("legend", {}, "Entity types"), NODE_TYPES.map((t, i) => h("label", { class: "check" }, nodeBoxes[i], h("span", { class: `type-dot type-${t}` }), ` ${t} (${nodeCounts.get(t) ?? 0})`))),
    h("fieldset", {}, h("legend", {}, "Relation types"), h("div", { class: "checks" }, usedEdgeTypes.map((t, i) => h("label", { class: "check" }, edgeBoxes[i], ` ${t.label} (${edgeCounts.get(t.id)})`)))),
    h("fieldset", {}, h("legend", {}, "Minimum relations per entity"), h("div", { class: "row" }, degree, degreeOut)),
    dates.length
      ? h("fieldset", {}, h("legend", {}, "Dates (first/last seen)"), h("label", { class: "range" }, "From ", since), h("label", { class: "range" }, "Until ", until), h("div", { class: "row" }, dateOut, play))
      : h("p", { class: "hint" }, "No dated relations to filter by."),
    reset,
  );

  const sync = () => {
    const f = app.store.get().filters;
    nodeBoxes.forEach((b, i) => (b.checked = !f.hiddenNodeTypes.includes(NODE_TYPES[i])));
    edgeBoxes.forEach((b, i) => (b.checked = !f.hiddenEdgeTypes.includes(usedEdgeTypes[i].id)));
    degree.value = String(f.minDegree);
    degreeOut.textContent = f.minDegree > 0 ? `≥ ${f.minDegree}` : "any";
    const a = f.from ? dates.findIndex((d) => d >= f.from!) : 0;
    const b = f.to ? dates.findLastIndex((d) => d <= f.to!) : last;
    since.value = String(Math.max(0, a));
    until.value = String(Math.max(0, b));
    dateOut.textContent = dates.length ? `${f.from ?? dates[0]} → ${f.to ?? dates[last]}` : "";
  };
  return { sync, stop };
}
