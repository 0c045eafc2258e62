/**
 * Runs a planned MATCH for one input row and streams the bindings it finds.
 * Each op is a cursor (a plain object whose next() gives the op's next row for
 * its input row, or null), and one cursor drives a stack of them depth
 * first. Rows come out in the order nested loops would give them, but no row
 * crosses a generator per op: at 100k nodes the generator hops, not the
 * matching, were most of a query's time.
 */
import type { EvalContext, Row } from "./context.ts";
import { evaluate } from "../expressions/evaluate.ts";
import { shortestBindings } from "./match-shortest.ts";
import { HopCursor } from "./hop-cursor.ts";
import { assemblePath, bindVar, expand, nodeMatches, withVar, type MatchState } from "./matcher.ts";
import { lookupCandidates, type Op } from "../planning/planner.ts";
import { propTests } from "../planning/scan-tests.ts";
import { NodeRef, RelRef } from "../expressions/values.ts";

interface Cursor {
  next(): Row | null;
  /** Ends a cursor left open when the consumer stops early. */
  close?(): void;
}

type Opener<K extends Op["kind"]> = (op: Extract<Op, { kind: K }>, row: Row, state: MatchState, ctx: EvalContext) => Cursor;

/** A cursor giving at most one row, computed on the first next(). */
function once(compute: () => Row | null): Cursor {
  let done = false;
  return { next: () => (done ? null : ((done = true), compute())) };
}

/** A cursor over a generator of candidate rows. */
function fromGenerator(gen: Generator<Row | null>): Cursor {
  return {
    next() {
      for (let r = gen.next(); !r.done; r = gen.next()) if (r.value) return r.value;
      return null;
    },
    close: () => void gen.return(undefined),
  };
}

const OPENERS: { [K in Op["kind"]]: Opener<K> } = {
  filter: (op, row, _state, ctx) => once(() => (op.exprs.every((e) => evaluate(e, row, ctx) === true) ? row : null)),

  scan(op, row, state, ctx) {
    const v = op.node.variable;
    const passes = propTests(op.pre, row, ctx);
    const at = state.nodeAt[op.pat];
    if (v && v in row) {
      const bound = row[v];
      return once(() => (bound instanceof NodeRef && nodeMatches(op.node, bound.idx, row, ctx) && passes(bound.idx) ? ((at[op.pos] = bound.idx), row) : null));
    }
    const list = lookupCandidates(op.node, ctx);
    const count = list ? list.length : ctx.index.nodeCount;
    let k = 0;
    return {
      next() {
        while (k < count) {
          ctx.guard.tick();
          const idx = list ? list[k++] : k++;
          if (!nodeMatches(op.node, idx, row, ctx) || !passes(idx)) continue;
          at[op.pos] = idx;
          return v ? withVar(row, v, ctx.index.nodeRef(idx)) : row;
        }
        return null;
      },
    };
  },

  // One-hop patterns are opened by openMatch with a reused HopCursor.
  expand: (op, row, state, ctx) => fromGenerator(hops(op, row, state, ctx)),

  path: (op, row, state) => once(() => bindVar(row, op.part.pathVariable, assemblePath(op.pat, op.part.rels.length, state))),

  shortest: (op, row, state, ctx) => fromGenerator(shortestBindings(op, row, state, ctx)),
};

/** Variable-length hops bound to the pattern's variables (null where a binding or the end node fails). */
function* hops(op: Extract<Op, { kind: "expand" }>, row: Row, state: MatchState, ctx: EvalContext): Generator<Row | null> {
  for (const hop of expand(op, row, state, ctx)) {
    let next = bindVar(row, op.relPat.variable, hop.edges.map((e) => new RelRef(e)));
    const end = hop.nodes[hop.nodes.length - 1];
    if (next) next = bindVar(next, op.node.variable, ctx.index.nodeRef(end));
    if (!next || !nodeMatches(op.node, end, next, ctx)) {
      yield null;
      continue;
    }
    state.nodeAt[op.pat][op.to] = end;
    if (op.keepHops) state.relAt[op.pat][op.rel] = op.forward ? hop : { nodes: [...hop.nodes].reverse(), edges: [...hop.edges].reverse() };
    yield next;
  }
}

const open = (op: Op, row: Row, state: MatchState, ctx: EvalContext): Cursor => (OPENERS[op.kind] as Opener<Op["kind"]>)(op as never, row, state, ctx);

/** Every binding of the planned ops for one input row, depth first, as one cursor (close() it if you stop early). */
export function openMatch(ops: Op[], row: Row, state: MatchState, ctx: EvalContext): Required<Cursor> {
  // Depth first, a depth's cursor is done before the next one at that depth opens, so hop cursors can be reused.
  const hopCursors: HopCursor[] = [];
  const openAt = (depth: number, input: Row): Cursor => {
    const op = ops[depth];
    if (op.kind === "expand" && !op.relPat.range) return (hopCursors[depth] ??= new HopCursor()).reset(op, input, state, ctx);
    return open(op, input, state, ctx);
  };
  const stack: Cursor[] = ops.length ? [openAt(0, row)] : [];
  let bare = !ops.length;
  return {
    next() {
      if (bare) return (bare = false), row;
      while (stack.length) {
        const next = stack[stack.length - 1].next();
        if (next === null) stack.pop();
        else if (stack.length === ops.length) return next;
        else stack.push(openAt(stack.length, next));
      }
      return null;
    },
    close() {
      for (const c of stack) c.close?.();
      stack.length = 0;
    },
  };
}
