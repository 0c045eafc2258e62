/**
 * sigma nodeReducer/edgeReducer: what is drawn is derived here from the graph's
 * attributes plus the DrawState (filters, hover, selection, path, query), never
 * written into the graph. Sigma reads the attribute `type` as a program name, so
 * the reducers always map Parley's node/edge types to sigma programs.
 */
import { EDGE_TYPE_BY_ID } from "../../../src/ontology.ts";
import type { EdgeAttributes, NodeAttributes } from "../../../src/types.ts";
import type { Emphasis, DrawState } from "./emphasis.ts";

export const FADED_NODE = "#d9dce1";
export const FADED_EDGE = "#eceef1";
export const EDGE_COLOR = "#b7bcc6";
export const EMPHASIZED_EDGE = "#39404d";

export interface NodeDisplay {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string | null;
  type: "circle" | "point";
  hidden?: boolean;
  highlighted?: boolean;
  forceLabel?: boolean;
  zIndex?: number;
}

export interface EdgeDisplay {
  size: number;
  color: string;
  label: string | null;
  type: "arrow" | "line" | "curvedArrow" | "curved" | "emphasizedArrow";
  curvature?: number;
  hidden?: boolean;
  forceLabel?: boolean;
  zIndex?: number;
}

/** Few enough emphasized nodes that all their labels fit. */
const FORCE_LABEL_LIMIT = 40;

export function reduceNode(key: string, a: NodeAttributes, s: DrawState, emphasis: Emphasis | null): NodeDisplay {
  const size = s.sizes?.get(key) ?? a.size;
  const base: NodeDisplay = { x: a.x, y: a.y, size, color: s.colors?.get(key) ?? a.color, label: a.label, type: s.light ? "point" : "circle" };
  if (!s.visible.nodes.has(key)) return { ...base, hidden: true };
  // Light rendering draws the top of the z-order while moving: within a level, bigger nodes rank higher.
  const rank = s.light ? size / (size + 1) : 0;
  const selected = key === s.selected;
  if (!emphasis) return { ...base, highlighted: selected, zIndex: (selected ? 2 : 0) + rank };
  if (!emphasis.nodes.has(key)) return { ...base, color: FADED_NODE, label: null, zIndex: rank };
  return {
    ...base,
    highlighted: selected || key === s.hovered,
    forceLabel: emphasis.nodes.size <= FORCE_LABEL_LIMIT,
    zIndex: 2 + rank,
  };
}

export function reduceEdge(key: string, a: EdgeAttributes, s: DrawState, emphasis: Emphasis | null): EdgeDisplay {
  const symmetric = EDGE_TYPE_BY_ID.get(a.type)?.symmetric ?? false;
  // Parallel edges curve apart (each with its own label); the others stay straight, the cheaper program.
  const curvature = s.curvatures?.get(key);
  const emphasized = emphasis?.edges.has(key) ?? false;
  // Light rendering (large graphs): 1-pixel lines, except the few emphasized relations, drawn as usual and on top.
  const plain = s.light && !emphasized;
  const base: EdgeDisplay = {
    size: Math.min(1 + Math.log2(Math.max(1, a.weight)), 5),
    color: EDGE_COLOR,
    // Edge labels only where the eye is: on emphasized relations.
    label: null,
    type: plain ? "line" : curvature === undefined ? (symmetric ? "line" : s.light ? "emphasizedArrow" : "arrow") : symmetric ? "curved" : "curvedArrow",
  };
  if (curvature !== undefined && !plain) base.curvature = curvature;
  if (!s.visible.edges.has(key)) return { ...base, hidden: true };
  if (!emphasis) return base;
  if (!emphasized) return { ...base, color: FADED_EDGE, zIndex: 0 };
  return { ...base, color: EMPHASIZED_EDGE, label: a.label, size: base.size + 1, forceLabel: true, zIndex: 1 };
}
