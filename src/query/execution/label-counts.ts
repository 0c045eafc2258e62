/**
 * `MATCH (n[:Label]) RETURN labels(n)[0] AS type, count(*)` answered from the
 * index's label sets instead of one row per node: nodes with the same labels
 * give the same grouping keys, so each label set is aggregated once, with the
 * number of its nodes as the row's multiplicity. Applies only when every use of
 * the node variable in the projection is `labels(n)` or `count(n)`.
 */
import type { Clause, Expr, Projection } from "../syntax/ast.ts";
import { children, findAggregates, isAggregateCall } from "../expressions/aggregates.ts";
import type { EvalContext, Row } from "./context.ts";
import { nodeMatches } from "./matcher.ts";
import { lookupCandidates } from "../planning/planner.ts";
import { NodeRef } from "../expressions/values.ts";

/** A source row standing for `times` identical-for-the-projection rows. */
export interface CountedRow {
  source: Row;
  times: number;
}

/** Aggregates whose result does not depend on the order rows arrive in (collect's and a float sum's do). */
const ORDER_FREE = new Set(["count", "min", "max"]);

/** True when `e` reads the node variable `v` only through labels(v) or a plain count(v), and aggregates order-free. */
function labelOnly(e: Expr, v: string | null): boolean {
  if (e.kind === "var") return e.name !== v;
  if (isAggregateCall(e) && !ORDER_FREE.has((e as Extract<Expr, { kind: "call" }>).name.toLowerCase())) return false;
  if (e.kind === "call" && e.args.length === 1 && e.args[0].kind === "var" && e.args[0].name === v) {
    const name = e.name.toLowerCase();
    return name === "labels" || (name === "count" && isAggregateCall(e) && !e.distinct);
  }
  if (e.kind === "listComp" && e.variable === v) return false;
  return children(e).every((c) => labelOnly(c, v));
}

/** The label-set rows for a first MATCH feeding an aggregating projection, or null when the shape does not apply. */
export function countedByLabels(match: Clause, proj: Projection, ctx: EvalContext): CountedRow[] | null {
  if (match.kind !== "match" || match.optional || match.where || match.patterns.length !== 1) return null;
  const [part] = match.patterns;
  const node = part.nodes[0];
  if (part.shortest !== "none" || part.rels.length || part.pathVariable || node.properties || proj.star) return null;
  if (!proj.items.some((it) => findAggregates(it.expr).length) || !proj.items.every((it) => labelOnly(it.expr, node.variable))) return null;
  const ix = ctx.index;
  const list = lookupCandidates(node, ctx);
  const count = list ? list.length : ix.nodeCount;
  const times = new Int32Array(ix.labelSets.length);
  const first = new Int32Array(ix.labelSets.length);
  const order: number[] = [];
  const noRow: Row = {};
  for (let k = 0; k < count; k++) {
    const idx = list ? list[k] : k;
    if (node.labels.length && !nodeMatches(node, idx, noRow, ctx)) continue;
    const set = ix.labelSetOf[idx];
    if (times[set]++ === 0) order.push(set), (first[set] = idx);
  }
  ctx.guard.checkTime();
  // The first node of each label set stands for its rows; sets come in the order the scan would meet them.
  return order.map((set) => ({ source: node.variable ? { [node.variable]: new NodeRef(first[set]) } : {}, times: times[set] }));
}
