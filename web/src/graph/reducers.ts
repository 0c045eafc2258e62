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

/** Every field always present, in this order: sigma's defaults then add none, so 60k display objects share one shape (adding them per object cost ~0.25 s at 10k/50k). */
export interface NodeDisplay {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string | null;
  type: "circle" | "point";
  hidden: boolean;
  highlighted: boolean;
  forceLabel: boolean;
  zIndex: number;
}

export interface EdgeDisplay {
  size: number;
  color: string;
  label: string | null;
  type: "arrow" | "line" | "curvedArrow" | "curved" | "emphasizedArrow";
  /** Only read by the curved programs (undefined: straight). */
  curvature: number | undefined;
  hidden: boolean;
  forceLabel: boolean;
  zIndex: number;
}

/** Few enough emphasized nodes that all their labels fit. */
const FORCE_LABEL_LIMIT = 40;

export function reduceNode(key: string, a: NodeAttributes, s: DrawState, emphasis: Emphasis | null): NodeDisplay {
  const size = s.sizes?.get(key) ?? a.size;
  const visible = s.visible.nodes.has(key);
  const selected = key === s.selected;
  const inEmphasis = emphasis !== null && emphasis.nodes.has(key);
  const faded = visible && emphasis !== null && !inEmphasis;
  // Light rendering draws the top of the z-order while moving: within a level, bigger nodes rank higher.
  const rank = s.light ? size / (size + 1) : 0;
  const level = emphasis ? (inEmphasis ? 2 : 0) : selected ? 2 : 0;
  return {
    x: a.x,
    y: a.y,
    size,
    color: faded ? FADED_NODE : (s.colors?.get(key) ?? a.color),
    label: faded ? null : a.label,
    type: s.light ? "point" : "circle",
    hidden: !visible,
    highlighted: visible && (emphasis ? inEmphasis && (selected || key === s.hovered) : selected),
    forceLabel: visible && inEmphasis && emphasis!.nodes.size <= FORCE_LABEL_LIMIT,
    zIndex: visible ? level + rank : 0,
  };
}

export function reduceEdge(key: string, a: EdgeAttributes, s: DrawState, emphasis: Emphasis | null): EdgeDisplay {
  const symmetric = EDGE_TYPE_BY_ID.get(a.type)?.symmetric ?? false;
  // Parallel edges curve apart (each with its own label); the others stay straight, the cheaper program.
  const curvature = s.curvatures?.get(key);
  const visible = s.visible.edges.has(key);
  const emphasized = visible && emphasis !== null && emphasis.edges.has(key);
  const faded = visible && emphasis !== null && !emphasized;
  // Light rendering (large graphs): 1-pixel lines, except the few emphasized relations, drawn as usual and on top.
  const plain = s.light === true && !emphasized;
  const size = Math.min(1 + Math.log2(Math.max(1, a.weight)), 5);
  return {
    size: emphasized ? size + 1 : size,
    color: emphasized ? EMPHASIZED_EDGE : faded ? FADED_EDGE : EDGE_COLOR,
    // Edge labels only where the eye is: on emphasized relations.
    label: emphasized ? a.label : null,
    type: plain ? "line" : curvature === undefined ? (symmetric ? "line" : s.light ? "emphasizedArrow" : "arrow") : symmetric ? "curved" : "curvedArrow",
    curvature: plain ? undefined : curvature,
    hidden: !visible,
    forceLabel: emphasized,
    zIndex: emphasized ? 1 : 0,
  };
}
