/**
 * shortestPath() and allShortestPaths() inside MATCH: both end nodes are bound
 * by earlier scans, the relationship pattern gives types, direction, a hop cap
 * and property filters, and the bidirectional search does the rest. A path
 * shorter than the pattern's lower bound is not returned (no longer detour is searched).
 */
import type { EvalContext, Row } from "./context.ts";
import { propsMatch, bindVar, type MatchState } from "./matcher.ts";
import { allShortestPaths } from "../paths/path-variants.ts";
import type { IndexPath } from "../paths/path-search.ts";
import type { Op } from "../planning/planner.ts";
import { PathVal, RelRef } from "../expressions/values.ts";

export function* shortestBindings(op: Extract<Op, { kind: "shortest" }>, row: Row, state: MatchState, ctx: EvalContext): Generator<Row> {
  const { part, pat } = op;
  const rel = part.rels[0];
  const ix = ctx.index;
  const from = state.nodeAt[pat][0];
  const to = state.nodeAt[pat][part.nodes.length - 1];
  const min = rel.range ? rel.range.min : 1;
  const edgeFilter =
    rel.properties || state.used.size
      ? (e: number) => !state.used.has(e) && propsMatch(rel.properties, ix.edgeProps(e), row, ctx)
      : null;
  const opts = {
    mask: ix.typeMask(rel.types),
    direction: rel.direction,
    maxHops: rel.range ? (rel.range.max ?? Infinity) : 1,
    edgeFilter,
    guard: ctx.guard,
  };
  let paths: IndexPath[];
  if (part.shortest === "all") paths = allShortestPaths(ctx.searcher, from, to, opts);
  else {
    const one = ctx.searcher.shortest(from, to, opts);
    paths = one ? [one] : [];
  }
  for (const path of paths) {
    if (path.edges.length < min) continue;
    const rels = path.edges.map((e) => new RelRef(e));
    let next = bindVar(row, rel.variable, rel.range ? rels : rels[0] ?? null);
    if (next) next = bindVar(next, part.pathVariable, new PathVal(path.nodes, path.edges));
    if (!next) continue;
    state.relAt[pat][0] = path;
    for (const e of path.edges) state.used.add(e);
    try {
      yield next;
    } finally {
      for (const e of path.edges) state.used.delete(e);
    }
  }
}
