/**
 * The cursor of a one-hop relationship pattern: walks the bound end's
 * adjacency slice in place, binding the relationship and the far node; the
 * edge stays in `used` (relationship isomorphism) until the next call. With a
 * single relationship type it reads only that type's entries (adjacency-by-type.ts),
 * in the same order, so hubs with 10⁴ neighbours cost their matches, not their
 * degree. One
 * instance per pattern depth is reset for every start node, because a typed
 * pattern at 100k nodes opens tens of thousands of them per query and the
 * garbage cost more than the walk.
 */
import { adjacencyByType } from "../indexes/adjacency-by-type.ts";
import type { EvalContext, Row } from "./context.ts";
import { bindVar, neededFlag, nodeMatches, propsMatch, type MatchState } from "./matcher.ts";
import type { Op } from "../planning/planner.ts";
import { RelRef } from "../expressions/values.ts";

type ExpandOp = Extract<Op, { kind: "expand" }>;

export class HopCursor {
  private op!: ExpandOp;
  private row!: Row;
  private state!: MatchState;
  private ctx!: EvalContext;
  private need = 0;
  private start = 0;
  private p = 0;
  private end = 0;
  private held = -1;
  /** With one allowed type: positions into the CSR arrays (its entries only), walked p..end instead of the CSR. */
  private positions: Int32Array | null = null;

  reset(op: ExpandOp, row: Row, state: MatchState, ctx: EvalContext): this {
    this.op = op;
    this.row = row;
    this.state = state;
    this.ctx = ctx;
    this.need = neededFlag(op.relPat.direction, op.forward);
    this.start = state.nodeAt[op.pat][op.from];
    const ix = ctx.index;
    if (op.onlyType >= 0) {
      const typed = adjacencyByType(ix);
      const slot = this.start * typed.types + op.onlyType;
      this.positions = typed.positions;
      this.p = typed.starts[slot];
      this.end = typed.starts[slot + 1];
    } else {
      this.positions = null;
      this.p = ix.offsets[this.start];
      this.end = ix.offsets[this.start + 1];
    }
    this.held = -1;
    return this;
  }

  next(): Row | null {
    const { op, row, state, ctx } = this;
    const ix = ctx.index;
    const { relPat, node } = op;
    if (this.held >= 0) state.used.delete(this.held), (this.held = -1);
    while (this.p < this.end) {
      const at = this.positions ? this.positions[this.p++] : this.p++;
      const e = ix.edges[at];
      if ((ix.dirs[at] & this.need) === 0 || (op.mask && !op.mask[ix.edgeType[e]]) || state.used.has(e)) continue;
      if (relPat.properties && !propsMatch(relPat.properties, ix.edgeProps(e), row, ctx)) continue;
      ctx.guard.tick();
      const v = ix.neighbors[at];
      let next = relPat.variable ? bindVar(row, relPat.variable, new RelRef(e)) : row;
      if (next) next = bindVar(next, node.variable, ix.nodeRef(v));
      if (!next || !nodeMatches(node, v, next, ctx)) continue;
      state.nodeAt[op.pat][op.to] = v;
      if (op.keepHops) state.relAt[op.pat][op.rel] = { nodes: op.forward ? [this.start, v] : [v, this.start], edges: [e] };
      state.used.add((this.held = e));
      return next;
    }
    return null;
  }
}
