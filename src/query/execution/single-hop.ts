/**
 * The lean route of a query's first MATCH when it is one single-hop pattern,
 * `(a)-[r:T]->(b)`, and its rows go straight into a plain RETURN/WITH (no
 * aggregation, DISTINCT or ORDER BY). It runs the same plan as the general
 * route (planner.ts: anchor scan, WHERE conjuncts where they are placed) and
 * walks the same adjacency slice in the same order (adjacency-by-type.ts for one
 * type), but binds into two reused rows instead of copying a row per scanned
 * node and per hop: a plain projection maps each row into a new one and keeps
 * no reference to it. At 100k nodes `(o)-[:REJECTED]->(p:Proposal)` scanned 15k
 * proposals and built ~27k short-lived rows per query, and the young-generation
 * collections they caused on a 1.6 GB heap cost more than the walk itself.
 * With one relationship in the clause, relationship isomorphism never rejects
 * an edge, so no `used` set is kept. Guards: the scan and the hop tick like the
 * general route; the row guard is counted by the consumer (executor.ts).
 */
import { adjacencyByType } from "../indexes/adjacency-by-type.ts";
import type { Clause, Expr, Projection } from "../syntax/ast.ts";
import type { EvalContext, Row } from "./context.ts";
import { evaluate } from "../expressions/evaluate.ts";
import { neededFlag, nodeMatches, propsMatch } from "./matcher.ts";
import { lookupCandidates, planMatch, type Op } from "../planning/planner.ts";
import { isPlainProjection } from "./projection.ts";
import { propTests } from "../planning/scan-tests.ts";
import { RelRef } from "../expressions/values.ts";

type MatchClause = Extract<Clause, { kind: "match" }>;
type ScanOp = Extract<Op, { kind: "scan" }>;
type ExpandOp = Extract<Op, { kind: "expand" }>;

interface HopPlan {
  scan: ScanOp;
  hop: ExpandOp;
  /** WHERE conjuncts before the scan, between scan and hop, and after the hop (planner order). */
  filters: [Expr[], Expr[], Expr[]];
}

/**
 * Rows of `clause` through the lean route, or null when it does not apply: the
 * clause must be a non-optional MATCH of one `(x)-[r]-(y)` pattern (no range,
 * no path variable, distinct variable names) read by a plain projection.
 * The iterable yields one reused row object; only a plain projection may consume it.
 */
export function singleHopRows(clause: MatchClause, reader: Projection, ctx: EvalContext): Iterable<Row> | null {
  const plan = planSingleHop(clause, reader, ctx);
  return plan ? walk(plan, ctx) : null;
}

function planSingleHop(clause: MatchClause, reader: Projection, ctx: EvalContext): HopPlan | null {
  if (clause.optional || clause.patterns.length !== 1 || !isPlainProjection(reader)) return null;
  const [part] = clause.patterns;
  if (part.shortest !== "none" || part.pathVariable || part.rels.length !== 1 || part.rels[0].range) return null;
  const names = [part.nodes[0].variable, part.rels[0].variable, part.nodes[1].variable].filter((v) => v !== null);
  if (new Set(names).size !== names.length) return null;
  const filters: HopPlan["filters"] = [[], [], []];
  let scan: ScanOp | null = null;
  let hop: ExpandOp | null = null;
  for (const op of planMatch(clause.patterns, clause.where, new Set(), ctx)) {
    if (op.kind === "filter") filters[scan ? (hop ? 2 : 1) : 0].push(...op.exprs);
    else if (op.kind === "scan" && !scan) scan = op;
    else if (op.kind === "expand" && scan && !hop && !op.keepHops) hop = op;
    else return null;
  }
  return scan && hop ? { scan, hop, filters } : null;
}

const passAll = (exprs: Expr[], row: Row, ctx: EvalContext) => {
  for (const e of exprs) if (evaluate(e, row, ctx) !== true) return false;
  return true;
};

function* walk({ scan, hop, filters }: HopPlan, ctx: EvalContext): Generator<Row> {
  const input: Row = {};
  if (!passAll(filters[0], input, ctx)) return;
  const ix = ctx.index;
  const guard = ctx.guard;
  const a = scan.node.variable;
  const r = hop.relPat.variable;
  const b = hop.node.variable;
  // `first` holds the scanned node, `second` the whole binding, keys in the general route's order.
  const first: Row = {};
  const second: Row = {};
  const passes = propTests(scan.pre, input, ctx);
  const list = lookupCandidates(scan.node, ctx);
  const count = list ? list.length : ix.nodeCount;
  const need = neededFlag(hop.relPat.direction, hop.forward);
  const typed = hop.onlyType >= 0 ? adjacencyByType(ix) : null;
  const { mask, relPat } = hop;
  for (let k = 0; k < count; k++) {
    guard.tick();
    const u = list ? list[k] : k;
    if (!nodeMatches(scan.node, u, input, ctx) || !passes(u)) continue;
    if (a) first[a] = second[a] = ix.nodeRef(u);
    if (!passAll(filters[1], first, ctx)) continue;
    let p: number, end: number;
    if (typed) {
      const slot = u * typed.types + hop.onlyType;
      (p = typed.starts[slot]), (end = typed.starts[slot + 1]);
    } else (p = ix.offsets[u]), (end = ix.offsets[u + 1]);
    for (; p < end; p++) {
      const at = typed ? typed.positions[p] : p;
      const e = ix.edges[at];
      if ((ix.dirs[at] & need) === 0 || (mask && !mask[ix.edgeType[e]])) continue;
      if (relPat.properties && !propsMatch(relPat.properties, ix.edgeProps(e), first, ctx)) continue;
      guard.tick();
      const v = ix.neighbors[at];
      if (r) second[r] = new RelRef(e);
      if (b) second[b] = ix.nodeRef(v);
      if (!nodeMatches(hop.node, v, second, ctx) || !passAll(filters[2], second, ctx)) continue;
      yield second;
    }
  }
}
