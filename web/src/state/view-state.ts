/**
 * The explorer's view as a small, serializable state object — selected node, path
 * request, console query, filters, open panel — and its round trip to the URL's
 * query string, so a link reproduces a view and back/forward walk through views.
 * Pure: no DOM, no graph; unit-tested in tests/web/view-state.test.ts.
 */
import { EDGE_TYPE_BY_ID } from "../../../src/ontology.ts";
import { decodeFilters, DEFAULT_FILTERS, encodeFilters, type Filters } from "../../../src/graph/view-filter.ts";

export { DEFAULT_FILTERS, type Filters };

export const PANELS = ["details", "path", "console", "filters", "layout", "export", "curate", "analyze", "tables"] as const;
export type PanelId = (typeof PANELS)[number];

export interface PathRequest {
  from: string;
  to: string;
  /** Edge types allowed on the path; empty means all. */
  types: string[];
  /** Most hops (null: the server's default, unlimited). */
  max: number | null;
}

/** What node size stands for (degree: as the page has always drawn it). */
export const SIZE_METRICS = ["degree", "weightedDegree", "betweenness", "pagerank", "mentions"] as const;
export type SizeMetric = (typeof SIZE_METRICS)[number];
export const COLOR_SCHEMES = ["type", "community"] as const;
export type ColorScheme = (typeof COLOR_SCHEMES)[number];
export const MAX_PATH_HOPS = 12;

export interface ViewState {
  node: string | null;
  path: PathRequest | null;
  /** Which of the path alternatives is highlighted. */
  pathIndex: number;
  query: string | null;
  filters: Filters;
  panel: PanelId;
  sizeBy: SizeMetric;
  colorBy: ColorScheme;
}

export const DEFAULT_VIEW: ViewState = Object.freeze({ node: null, path: null, pathIndex: 0, query: null, filters: DEFAULT_FILTERS, panel: "details", sizeBy: "degree", colorBy: "type" }) as ViewState;

const MAX_QUERY = 4000;

function list(value: string | null): string[] {
  return value ? value.split(",").map((s) => s.trim()).filter(Boolean) : [];
}

const isEdgeType = (t: string): boolean => EDGE_TYPE_BY_ID.has(t);
const uniqueSorted = <T extends string>(xs: T[]): T[] => [...new Set(xs)].sort();

/** Reads a view from a query string; anything malformed falls back to the default. */
export function decodeViewState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const from = p.get("from");
  const to = p.get("to");
  const types = uniqueSorted(list(p.get("ptypes")).filter(isEdgeType));
  const index = Number.parseInt(p.get("alt") ?? "", 10);
  const hops = Number.parseInt(p.get("hops") ?? "", 10);
  const size = p.get("size") ?? "";
  const color = p.get("color") ?? "";
  const panel = p.get("panel");
  const query = p.get("q");
  return {
    node: p.get("node") || null,
    path: from && to ? { from, to, types, max: Number.isFinite(hops) && hops >= 1 ? Math.min(hops, MAX_PATH_HOPS) : null } : null,
    pathIndex: from && to && Number.isFinite(index) && index > 0 ? index : 0,
    query: query && query.trim() ? query.slice(0, MAX_QUERY) : null,
    filters: decodeFilters((name) => p.get(name)),
    panel: (PANELS as readonly string[]).includes(panel ?? "") ? (panel as PanelId) : DEFAULT_VIEW.panel,
    sizeBy: (SIZE_METRICS as readonly string[]).includes(size) ? (size as SizeMetric) : DEFAULT_VIEW.sizeBy,
    colorBy: (COLOR_SCHEMES as readonly string[]).includes(color) ? (color as ColorScheme) : DEFAULT_VIEW.colorBy,
  };
}

/** Writes a view as a query string ("" for the default view); defaults are left out. */
export function encodeViewState(state: ViewState): string {
  const p = new URLSearchParams();
  if (state.node) p.set("node", state.node);
  if (state.path) {
    p.set("from", state.path.from);
    p.set("to", state.path.to);
    if (state.path.types.length) p.set("ptypes", uniqueSorted(state.path.types).join(","));
    if (state.path.max !== null) p.set("hops", String(state.path.max));
    if (state.pathIndex > 0) p.set("alt", String(state.pathIndex));
  }
  if (state.query) p.set("q", state.query);
  encodeFilters(state.filters, (name, value) => p.set(name, value));
  if (state.panel !== DEFAULT_VIEW.panel) p.set("panel", state.panel);
  if (state.sizeBy !== DEFAULT_VIEW.sizeBy) p.set("size", state.sizeBy);
  if (state.colorBy !== DEFAULT_VIEW.colorBy) p.set("color", state.colorBy);
  const s = p.toString();
  return s ? `?${s}` : "";
}

export function sameView(a: ViewState, b: ViewState): boolean {
  return encodeViewState(a) === encodeViewState(b);
}
