/**
 * Level of detail for large graphs, the numbers and rules (no sigma here, so they can be tested in Node);
 * ./light-programs.ts applies them.
 *
 * Drawing large graphs where WebGL runs on the CPU (no GPU, `--disable-gpu`,
 * many laptops in a VM): measured in headless Chromium with SwiftShader, a
 * frame of 10k nodes and 50k edges took 4 s with sigma's default programs and
 * 0.3–0.5 s with these, and 0.25 s vs 0.06 s for the nodes alone. The cost was
 * not pixels but instancing: sigma's circle, arrow and curve programs draw one
 * instance per item, which SwiftShader sets up one by one. Points (one vertex
 * per node) and 1-pixel lines (two per edge) are plain draws.
 *
 * While the camera moves, the point program draws only the nodes on top of the
 * z-order (sigma sorts the buffer by zIndex, and the reducers rank nodes by
 * size within each emphasis level), as many as fit the frame budget for the
 * zoom — level of detail. Edges and labels are left out while moving (sigma's
 * hideEdgesOnMove / hideLabelsOnMove).
 */

/** Above this many edges (or nodes) a graph is drawn with the light programs. */
export const LIGHT_RENDERING_EDGES = 2_000;
export const LIGHT_RENDERING_NODES = 2_000;

/**
 * Nodes drawn per moving frame when the whole graph is in view. A frame that
 * misses the 60 Hz tick waits for the next, so the budget aims under 17 ms
 * for the common case: 1,500 points measured 32–39 fps through a wheel zoom
 * at 10k/50k, 2,500 points 17–33.
 */
export const MOVING_NODE_BUDGET = 1_500;

export function isLargeGraph(graph: { order: number; size: number }): boolean {
  return graph.size > LIGHT_RENDERING_EDGES || graph.order > LIGHT_RENDERING_NODES;
}

/**
 * How many of `count` nodes (ordered by importance, most important last) a
 * moving frame draws at camera `ratio` (1: the whole graph fits the view;
 * smaller: zoomed in). About ratio² of the graph is then in view, but the
 * points grow as you zoom in and those out of view still cost their vertex
 * work, so the count grows as 1/ratio (measured: 1/ratio² fell to 17 fps at
 * ratio 0.5–0.8).
 */
export function movingNodeCount(count: number, ratio: number): number {
  return Math.min(count, Math.ceil(MOVING_NODE_BUDGET / Math.min(1, Math.max(ratio, 1e-6))));
}
