/**
 * The drawn graph: one Sigma instance over the canonical graph, with the transient
 * DrawState (hover, path and query highlights, visible sets) that the reducers read.
 * Panels call the setters; each recomputes only what changed, then refreshes sigma.
 * A reload changes the graph in place; sigma follows graphology's events itself.
 */
import Sigma from "sigma";
import EdgeCurveProgram, { EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import { EdgeArrowProgram, EdgeLineProgram, NodeCircleProgram, type EdgeProgramType, type NodeProgramType } from "sigma/rendering";
import { parallelCurvatures } from "./parallel-edges.ts";
import type { ExplorerGraph } from "./filters.ts";
import { computeVisibility } from "./filters.ts";
import { deriveEmphasis, type DrawState, type Emphasis, type Highlight } from "./emphasis.ts";
import { reduceEdge, reduceNode } from "./reducers.ts";
import { isLargeGraph } from "./level-of-detail.ts";
import { LevelOfDetailPointProgram, cameraMoving } from "./light-programs.ts";
import type { Filters } from "../state/view-state.ts";
import type { EdgeAttributes, NodeAttributes } from "../../../src/types.ts";

export type ExplorerSigma = Sigma<NodeAttributes, EdgeAttributes>;

/**
 * The programs the edge reducer names: straight where an edge is alone between two nodes, curved where it has
 * parallels; for large graphs 1-pixel lines, with the emphasized relations' arrows drawn after them (on top:
 * sigma draws programs in this order, after its own `arrow` and `line`). The packages type them over plain attributes.
 */
const EDGE_PROGRAMS = { arrow: EdgeArrowProgram, line: EdgeLineProgram, curvedArrow: EdgeCurvedArrowProgram, curved: EdgeCurveProgram, emphasizedArrow: EdgeArrowProgram } as unknown as Record<string, EdgeProgramType<NodeAttributes, EdgeAttributes>>;
const NODE_PROGRAMS = { circle: NodeCircleProgram, point: LevelOfDetailPointProgram } as unknown as Record<string, NodeProgramType<NodeAttributes, EdgeAttributes>>;

/**
 * `?render=baseline` draws as the explorer did before light rendering (circles, arrows and hover emphasis at any
 * size, edges hidden while moving only above 20k, labels always), so the browser bench measures both in one build.
 */
const baselineRendering = (): boolean => new URLSearchParams(location.search).get("render") === "baseline";

/** On a large graph, hover emphasis (a redraw of every item) waits until the pointer rests on a node. */
const HOVER_REST_MS = 200;

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
  const baseline = baselineRendering();
  const light = () => !baseline && isLargeGraph(graph);
  const state: DrawState = { visible: computeVisibility(graph, filters), selected: null, hovered: null, path: null, query: null, sizes: null, colors: null, light: light() };
  // A large graph draws its relations straight until something is emphasized, so its curvatures (~0.1 s at 50k
  // relations) are worked out once the first frame is on screen, not before it.
  state.curvatures = state.light ? new Map() : parallelCurvatures(graph);
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
    nodeProgramClasses: NODE_PROGRAMS,
    edgeProgramClasses: EDGE_PROGRAMS,
    minCameraRatio: 0.05,
    maxCameraRatio: 8,
    stagePadding: 40,
    ...moveSettings(),
  });

  /** Large graphs: edges and labels are left out while the camera moves, and the nodes drawn are the top of the z-order. */
  function moveSettings(): { hideEdgesOnMove: boolean; hideLabelsOnMove: boolean } {
    return baseline ? { hideEdgesOnMove: graph.size > 20_000, hideLabelsOnMove: false } : { hideEdgesOnMove: state.light!, hideLabelsOnMove: state.light! };
  }

  // A drag or zoom over a large graph picks nothing: sigma reads the picking buffer back on every pointer move (a GPU
  // round trip), and a hovered node met on the way would start a redraw of every item. It is sigma's own method, replaced on this instance.
  const picking = sigma as unknown as { getNodeAtPosition(p: { x: number; y: number }): string | null };
  const pickNode = picking.getNodeAtPosition.bind(sigma);
  picking.getNodeAtPosition = (p) => (state.light && (sigma.getMouseCaptor().isMouseDown || cameraMoving(sigma)) ? null : pickNode(p));

  const describe = (): void => {
    emphasis = deriveEmphasis(graph, state);
    // What is emphasized, observable from outside (tests, assistive tooling).
    container.dataset.emphasis = emphasis?.reason ?? "none";
    container.dataset.emphasizedNodes = String(emphasis?.nodes.size ?? 0);
    container.dataset.visibleNodes = String(state.visible.nodes.size);
    container.dataset.sizes = state.sizes ? "analysis" : "graph";
    container.dataset.colors = state.colors ? "analysis" : "graph";
    container.dataset.rendering = state.light ? "light" : "full";
  };
  // A refresh runs every reducer and re-uploads every item (~0.3 s at 10k/50k), then draws: the changes of one
  // frame (a selection from the URL, its focus, the panels' first settings) make one refresh, in the next frame.
  let refreshQueued = false;
  const update = (): void => {
    describe();
    if (refreshQueued) return;
    refreshQueued = true;
    requestAnimationFrame(() => {
      refreshQueued = false;
      sigma.refresh({ skipIndexation: true });
    });
  };

  // Sigma has just indexed and drawn with this state: nothing to refresh yet.
  describe();
  if (state.light) {
    requestIdleCallback(
      () => {
        state.curvatures = parallelCurvatures(graph);
        if (emphasis) update();
      },
      { timeout: 2000 },
    );
  }

  let hoverTimer: ReturnType<typeof setTimeout> | null = null;
  const hover = (node: string | null): void => {
    if (hoverTimer) (clearTimeout(hoverTimer), (hoverTimer = null));
    container.style.cursor = node ? "pointer" : "";
    const apply = () => {
      hoverTimer = null;
      // A drag that began on a node: the hover it met on the way is not shown.
      if (state.hovered === node || (state.light && sigma.getMouseCaptor().isMouseDown)) return;
      state.hovered = node;
      update();
      hoverListeners.forEach((l) => l(node));
    };
    if (state.light) hoverTimer = setTimeout(apply, HOVER_REST_MS);
    else apply();
  };
  sigma.on("enterNode", ({ node }) => hover(node));
  sigma.on("leaveNode", () => hover(null));

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
      const nowLight = light();
      if (state.light !== nowLight) {
        state.light = nowLight;
        sigma.setSettings(moveSettings());
      }
      update();
    },
    // Each setter refreshes only on a change: at start-up the panels and the URL set what is already drawn, and a
    // refresh of a large graph (every reducer, every buffer) in the first animation frame held the first frame back.
    setSelected(node) {
      const selected = node && graph.hasNode(node) ? node : null;
      if (selected === state.selected) return;
      state.selected = selected;
      update();
    },
    setPath(h) {
      if (h === state.path) return;
      state.path = h;
      update();
    },
    setQuery(h) {
      if (h === state.query) return;
      state.query = h;
      update();
    },
    setAppearance(sizes, colors) {
      if (sizes === state.sizes && colors === state.colors) return;
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
