/**
 * The drawn graph: one Sigma instance over the canonical graph, with the transient
 * DrawState (hover, path and query highlights, visible sets) that the reducers read.
 * Panels call the setters; each recomputes only what changed, then refreshes sigma.
 * A reload changes the graph in place; sigma follows graphology's events itself.
 */
import Sigma from "sigma";
import EdgeCurveProgram, { EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import { EdgeArrowProgram, EdgeLineProgram, type EdgeProgramType } from "sigma/rendering";
import { parallelCurvatures } from "./parallel-edges.ts";
import type { ExplorerGraph } from "./filters.ts";
import { computeVisibility } from "./filters.ts";
import { deriveEmphasis, type DrawState, type Emphasis, type Highlight } from "./emphasis.ts";
import { reduceEdge, reduceNode } from "./reducers.ts";
import type { Filters } from "../state/view-state.ts";
import type { EdgeAttributes, NodeAttributes } from "../../../src/types.ts";

export type ExplorerSigma = Sigma<NodeAttributes, EdgeAttributes>;

/** The programs the edge reducer names: straight where an edge is alone between two nodes, curved where it has parallels. The packages type them over plain attributes. */
const EDGE_PROGRAMS = { arrow: EdgeArrowProgram, line: EdgeLineProgram, curvedArrow: EdgeCurvedArrowProgram, curved: EdgeCurveProgram } as unknown as Record<string, EdgeProgramType<NodeAttributes, EdgeAttributes>>;

/**
 * Above this many edges, edges and labels are left out while the camera moves
 * (software GL spends the frame drawing them). `?render=baseline` keeps the old
 * behaviour (only above 20k, labels always), so the browser bench can measure both in one run.
 */
const LARGE_GRAPH_EDGES = 2_000;
const baselineRendering = (): boolean => new URLSearchParams(location.search).get("render") === "baseline";

export interface Scene {
  sigma: ExplorerSigma;
  graph: ExplorerGraph;
  state(): Readonly<DrawState>;
  setFilters(filters: Filters): void;
  /** The graph changed in place (a reload): visibility is derived again, and hover or selection of a node that is gone is dropped. */
  graphChanged(filters: Filters): void;
  setSelected(node: string | null): void;
  setPath(highlight: Highlight | null): void;
  setQuery(highlight: Highlight | null): void;
  /** Sizes and colors by node key (null: the graph's own). */
  setAppearance(sizes: ReadonlyMap<string, number> | null, colors: ReadonlyMap<string, string> | null): void;
  /** Animates the camera onto a node, keeping the current zoom unless far out. */
  focus(node: string): void;
  fit(): void;
  onHover(listener: (node: string | null) => void): void;
}

export function createScene(container: HTMLElement, graph: ExplorerGraph, filters: Filters): Scene {
  const state: DrawState = { visible: computeVisibility(graph, filters), selected: null, hovered: null, path: null, query: null, sizes: null, colors: null, curvatures: parallelCurvatures(graph) };
  let emphasis: Emphasis | null = null;
  const hoverListeners: ((node: string | null) => void)[] = [];

  const sigma: ExplorerSigma = new Sigma<NodeAttributes, EdgeAttributes>(graph, container, {
    nodeReducer: (key, attrs) => reduceNode(key, attrs, state, emphasis),
    edgeReducer: (key, attrs) => reduceEdge(key, attrs, state, emphasis),
    renderEdgeLabels: true,
    enableEdgeEvents: false,
    zIndex: true,
    labelFont: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    labelSize: 13,
    labelWeight: "600",
    labelColor: { color: "#1f2430" },
    labelDensity: 0.9,
    labelGridCellSize: 70,
    labelRenderedSizeThreshold: 7,
    edgeLabelSize: 12,
    edgeLabelColor: { color: "#39404d" },
    defaultEdgeType: "arrow",
    edgeProgramClasses: EDGE_PROGRAMS,
    minCameraRatio: 0.05,
    maxCameraRatio: 8,
    stagePadding: 40,
    // Large graphs: drop edges while panning so interaction stays fluid.
    hideEdgesOnMove: baselineRendering() ? graph.size > 20_000 : graph.size > LARGE_GRAPH_EDGES,
    hideLabelsOnMove: !baselineRendering() && graph.size > LARGE_GRAPH_EDGES,
  });

  const update = (): void => {
    emphasis = deriveEmphasis(graph, state);
    // What is emphasized, observable from outside (tests, assistive tooling).
    container.dataset.emphasis = emphasis?.reason ?? "none";
    container.dataset.emphasizedNodes = String(emphasis?.nodes.size ?? 0);
    container.dataset.visibleNodes = String(state.visible.nodes.size);
    container.dataset.sizes = state.sizes ? "analysis" : "graph";
    container.dataset.colors = state.colors ? "analysis" : "graph";
    sigma.refresh({ skipIndexation: true });
  };

  update();

  sigma.on("enterNode", ({ node }) => {
    state.hovered = node;
    container.style.cursor = "pointer";
    update();
    hoverListeners.forEach((l) => l(node));
  });
  sigma.on("leaveNode", () => {
    state.hovered = null;
    container.style.cursor = "";
    update();
    hoverListeners.forEach((l) => l(null));
  });

  return {
    sigma,
    graph,
    state: () => state,
    setFilters(f) {
      state.visible = computeVisibility(graph, f);
      update();
    },
    graphChanged(f) {
      if (state.hovered && !graph.hasNode(state.hovered)) state.hovered = null;
      if (state.selected && !graph.hasNode(state.selected)) state.selected = null;
      state.curvatures = parallelCurvatures(graph);
      state.visible = computeVisibility(graph, f);
      update();
    },
    setSelected(node) {
      state.selected = node && graph.hasNode(node) ? node : null;
      update();
    },
    setPath(h) {
      state.path = h;
      update();
    },
    setQuery(h) {
      state.query = h;
      update();
    },
    setAppearance(sizes, colors) {
      state.sizes = sizes;
      state.colors = colors;
      update();
    },
    focus(node) {
      const d = sigma.getNodeDisplayData(node);
      if (!d) return;
      // Small graphs: keep the zoom so the neighborhood stays in view; large ones: zoom in.
      const ratio = graph.order > 500 ? Math.min(sigma.getCamera().ratio, 0.25) : Math.min(sigma.getCamera().ratio, 1);
      sigma.getCamera().animate({ x: d.x, y: d.y, ratio }, { duration: 500 });
    },
    fit() {
      sigma.getCamera().animatedReset({ duration: 400 });
    },
    onHover(listener) {
      hoverListeners.push(listener);
    },
  };
}
