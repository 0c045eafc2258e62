/**
 * Entry point of the web explorer: loads the graph from the API, builds the scene,
 * mounts one module per panel, keeps the scene in step with the URL-backed view
 * state (selection, filters), and follows the server's events so edits and
 * ingests show without a reload. Everything else lives in the panels.
 */
import "./styles.css";
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, NodeAttributes } from "../../src/types.ts";
import { api } from "./api.ts";
import type { App, MountPanel } from "./app.ts";
import { applyAppearance } from "./graph/appearance.ts";
import { createScene } from "./graph/scene.ts";
import { createLiveGraph } from "./live-graph.ts";
import { followServerEvents } from "./live-updates.ts";
import { mountAddArticle } from "./panels/add-article.ts";
import { mountAddRelation } from "./panels/add-relation.ts";
import { mountAnalyze } from "./panels/analyze.ts";
import { createReader } from "./panels/article-reader.ts";
import { mountConsole } from "./panels/console.ts";
import { mountEditHistory } from "./panels/edit-history.ts";
import { mountExports } from "./panels/exports.ts";
import { mountFilters } from "./panels/filters.ts";
import { mountLayoutControls } from "./panels/layout-controls.ts";
import { mountLegend } from "./panels/legend.ts";
import { mountNodePanel } from "./panels/node-panel.ts";
import { mountPathFinder } from "./panels/path-finder.ts";
import { mountSearch } from "./panels/search.ts";
import { mountTables } from "./panels/tables.ts";
import { mountTabs } from "./panels/tabs.ts";
import { createUrlStore } from "./state/store.ts";
import { byId } from "./ui/dom.ts";
import { installWriteKeyPrompt } from "./ui/write-key-prompt.ts";

const PANEL_MODULES: readonly MountPanel[] = [
  mountTabs,
  mountSearch,
  mountLegend,
  mountNodePanel,
  mountPathFinder,
  mountConsole,
  mountFilters,
  mountLayoutControls,
  mountExports,
  mountAddRelation,
  mountAddArticle,
  mountEditHistory,
  mountAnalyze,
  mountTables,
];

async function main(): Promise<void> {
  const statusLine = byId("status");
  const status = (text: string) => (statusLine.textContent = text);
  status("Loading graph…");
  const data = await api.graph();
  // Steps of the first frame, read by the browser bench (bench/explorer-frames.ts).
  performance.mark("parley:graph-fetched");
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  graph.import(data as never);
  applyAppearance(graph);
  performance.mark("parley:graph-imported");

  const store = createUrlStore();
  const container = byId("graph");
  const scene = createScene(container, graph, store.get().filters);
  performance.mark("parley:scene-drawn");
  // The frame sigma drew is on screen once the next frame begins (its commit waits for the GPU work).
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      performance.mark("parley:first-frame");
      container.dataset.ready = "true";
    }),
  );
  const articles = new Map(((data.attributes?.articles ?? []) as NonNullable<typeof data.attributes>["articles"]).map((a) => [a.id, a]));
  const live = createLiveGraph({ graph, scene, store, articles, status });
  const events = followServerEvents({ ...live, status });
  const app: App = { graph, store, scene, articles, reader: createReader(), status, ...live, expectChange: () => events.connected() || void live.reload() };
  installWriteKeyPrompt();
  PANEL_MODULES.forEach((mount) => mount(app));
  performance.mark("parley:panels-mounted");

  const syncSelection = (focus: boolean) => {
    const { node } = store.get();
    scene.setSelected(node);
    if (focus && node && graph.hasNode(node)) scene.focus(node);
  };
  syncSelection(true);
  store.subscribe((s, prev) => {
    if (s.filters !== prev.filters) scene.setFilters(s.filters);
    if (s.node !== prev.node) syncSelection(true);
  });
  scene.sigma.on("clickNode", ({ node }) => store.set({ node, panel: "details" }));
  scene.sigma.on("doubleClickStage", () => scene.fit());
  status(`${graph.order} entities · ${graph.size} relations`);
}

main().catch((err) => {
  console.error(err);
  byId("status").textContent = `Could not load the graph: ${err instanceof Error ? err.message : String(err)}`;
  document.body.dataset.failed = "true";
});
