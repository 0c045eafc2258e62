/**
 * Analyze tab: statistics of what is drawn (the visible entities and relations),
 * computed in a worker — degree, weighted degree, betweenness, PageRank, Louvain
 * communities. Node size can stand for any of them and color for the community
 * (both in the view state, so a link keeps them); a ranked list of brokers
 * (betweenness: who stands on the shortest paths between others) and a legend
 * of the communities, each entity a button that selects it.
 */
import type { MountPanel } from "../app.ts";
import { AnalysisSuperseded, createAnalyzer, type Analysis } from "../state/analysis.ts";
import { COLOR_SCHEMES, SIZE_METRICS, type ColorScheme, type SizeMetric } from "../state/view-state.ts";
import { byId, h, render } from "../ui/dom.ts";

export const SIZE_LABELS: Record<SizeMetric, string> = {
  degree: "Relations (degree)",
  weightedDegree: "Relations weighted by evidence",
  betweenness: "Brokerage (betweenness)",
  pagerank: "Influence (PageRank)",
  mentions: "Mentions in articles",
};
const COLOR_LABELS: Record<ColorScheme, string> = { type: "Entity type", community: "Community (Louvain)" };

/** Distinct on white and for the common color blindnesses (Okabe–Ito, then Tableau's); later communities share the last grey. */
export const COMMUNITY_COLORS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#56b4e9", "#8c6d31", "#7f3c8d", "#11a579", "#e73f74", "#3969ac", "#80ba5a"];
const OTHER_COMMUNITY = "#9aa1ab";
export const communityColor = (c: number): string => COMMUNITY_COLORS[c] ?? OTHER_COMMUNITY;

const BROKERS_SHOWN = 10;
const COMMUNITIES_SHOWN = COMMUNITY_COLORS.length;
const MIN_SIZE = 3;
const MAX_SIZE = 24;

/** Sizes from a measure: the square root keeps hubs from swallowing the picture (as the default size by degree does). */
export function sizesFor(values: ArrayLike<number>, keys: readonly string[]): Map<string, number> {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]!);
  const sizes = new Map<string, number>();
  keys.forEach((k, i) => sizes.set(k, MIN_SIZE + (MAX_SIZE - MIN_SIZE) * (max > 0 ? Math.sqrt(values[i]! / max) : 0)));
  return sizes;
}

/** Node indices ranked by a measure, highest first (ties: graph order). */
export function ranked(values: ArrayLike<number>, n: number): number[] {
  return Array.from({ length: values.length }, (_, i) => i)
    .sort((a, b) => values[b]! - values[a]! || a - b)
    .slice(0, n);
}

const needsWorker = (sizeBy: SizeMetric, colorBy: ColorScheme) => !["degree", "mentions"].includes(sizeBy) || colorBy === "community";

export const mountAnalyze: MountPanel = (app) => {
  const root = byId("panel-analyze");
  const analyzer = createAnalyzer();
  let analysis: Analysis | null = null;
  let stale = true;

  const sizeSelect = h("select", { attrs: { id: "analyze-size" }, on: { change: () => app.store.set({ sizeBy: sizeSelect.value as SizeMetric }) } }, SIZE_METRICS.map((m) => h("option", { attrs: { value: m } }, SIZE_LABELS[m])));
  const colorSelect = h("select", { attrs: { id: "analyze-color" }, on: { change: () => app.store.set({ colorBy: colorSelect.value as ColorScheme }) } }, COLOR_SCHEMES.map((c) => h("option", { attrs: { value: c } }, COLOR_LABELS[c])));
  const status = h("p", { class: "hint", attrs: { id: "analyze-status", role: "status" } });
  const brokers = h("section", { attrs: { id: "analyze-brokers", "aria-labelledby": "brokers-title" } });
  const communities = h("section", { attrs: { id: "analyze-communities", "aria-labelledby": "communities-title" } });
  render(
    root,
    h("h2", {}, "Analyze"),
    h("p", { class: "hint" }, "Statistics of what the graph shows now (filters apply), computed in the background."),
    h("div", { class: "row" }, h("label", { attrs: { for: "analyze-size" } }, "Size by "), sizeSelect),
    h("div", { class: "row" }, h("label", { attrs: { for: "analyze-color" } }, "Color by "), colorSelect),
    status,
    brokers,
    communities,
  );

  const label = (key: string) => app.graph.getNodeAttribute(key, "label") ?? key;
  const entityButton = (key: string) => h("button", { class: "link", attrs: { type: "button", "data-node": key }, on: { click: () => app.store.set({ node: key }) } }, label(key));

  const drawLists = (a: Analysis) => {
    const m = a.metrics;
    render(
      brokers,
      h("h3", { attrs: { id: "brokers-title" } }, "Brokers"),
      h("p", { class: "hint" }, "Who lies on the most shortest paths between other entities: the go-betweens of the talks."),
      h(
        "ol",
        { class: "ranked" },
        ranked(m.betweenness, BROKERS_SHOWN)
          .filter((i) => m.betweenness[i]! > 0)
          .map((i) => {
            const swatch = h("span", { class: "swatch", attrs: { "aria-hidden": "true" } });
            swatch.style.backgroundColor = communityColor(m.community[i]!);
            return h("li", { attrs: { "data-broker": a.keys[i]! } }, swatch, " ", entityButton(a.keys[i]!), h("span", { class: "hint" }, ` ${m.betweenness[i]!.toFixed(3)}`));
          }),
      ),
    );
    const members = Array.from({ length: m.communityCount }, () => [] as number[]);
    a.keys.forEach((_k, i) => members[m.community[i]!]!.push(i));
    render(
      communities,
      h("h3", { attrs: { id: "communities-title" } }, `Communities (${m.communityCount})`),
      h("p", { class: "hint" }, `Blocs that relate more among themselves than with the rest (Louvain, modularity ${m.modularity.toFixed(2)}); the three most connected of each are named.`),
      h(
        "ul",
        { class: "communities" },
        members.slice(0, COMMUNITIES_SHOWN).map((nodes, c) => {
          const swatch = h("span", { class: "swatch", attrs: { "aria-hidden": "true" } });
          swatch.style.backgroundColor = communityColor(c);
          const top = nodes.sort((x, y) => m.degree[y]! - m.degree[x]! || x - y).slice(0, 3);
          return h("li", { attrs: { "data-community": c, "data-size": nodes.length } }, swatch, ` ${nodes.length} ${nodes.length === 1 ? "entity" : "entities"}: `, top.map((i, j) => [j ? ", " : "", entityButton(a.keys[i]!)]));
        }),
      ),
      m.communityCount > COMMUNITIES_SHOWN ? h("p", { class: "hint" }, `${m.communityCount - COMMUNITIES_SHOWN} smaller communities are drawn grey.`) : null,
    );
  };

  const applyAppearance = () => {
    const { sizeBy, colorBy } = app.store.get();
    sizeSelect.value = sizeBy;
    colorSelect.value = colorBy;
    let sizes: Map<string, number> | null = null;
    if (sizeBy === "mentions") {
      const keys = app.graph.nodes();
      sizes = sizesFor(keys.map((k) => app.graph.getNodeAttribute(k, "mentions") ?? 0), keys);
    } else if (sizeBy !== "degree" && analysis) sizes = sizesFor(analysis.metrics[sizeBy], analysis.keys);
    const colors = colorBy === "community" && analysis ? new Map(analysis.keys.map((k, i) => [k, communityColor(analysis!.metrics.community[i]!)])) : null;
    app.scene.setAppearance(sizes, colors);
  };

  const refresh = async () => {
    const { sizeBy, colorBy, panel } = app.store.get();
    if (!stale || (panel !== "analyze" && !needsWorker(sizeBy, colorBy))) return applyAppearance();
    const visible = app.scene.state().visible;
    root.dataset.state = "computing";
    render(status, `Computing statistics over ${visible.nodes.size} entities and ${visible.edges.size} relations…`);
    try {
      analysis = await analyzer.run(app.graph, visible);
    } catch (err) {
      if (err instanceof AnalysisSuperseded) return;
      root.dataset.state = "failed";
      return render(status, `Statistics failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    stale = false;
    const m = analysis.metrics;
    const between = m.betweennessExact ? "betweenness exact" : `betweenness estimated from ${m.betweennessSources} sampled sources`;
    render(status, `${analysis.keys.length} entities, ${analysis.relations} relations: computed in ${Math.round(analysis.ms)} ms (${between}).`);
    drawLists(analysis);
    root.dataset.state = "ready";
    applyAppearance();
  };

  const invalidate = () => {
    stale = true;
    // After the scene has taken the new filters in (its subscriber runs after the panels').
    queueMicrotask(() => void refresh());
  };
  void refresh();
  app.store.subscribe((s, prev) => {
    if (s.filters !== prev.filters) invalidate();
    else if (s.sizeBy !== prev.sizeBy || s.colorBy !== prev.colorBy || (s.panel !== prev.panel && s.panel === "analyze")) void refresh();
  });
  app.reloaded.subscribe(invalidate);
};
