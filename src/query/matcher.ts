/**
 * Executes a planned MATCH for one input row and streams the bindings it finds.
 * Relationships are unique within the clause (openCypher's relationship
 * isomorphism); symmetric types and self-loops are two-way through the CSR
 * direction flags; variable-length expansion is an explicit-stack DFS, so path
 * length never touches the JavaScript stack, and every step is counted by the guard.
 */
import type { Expr, NodePattern, RelPattern } from "./ast.ts";
import type { EvalContext, Row } from "./context.ts";
import { evaluate } from "./evaluate.ts";
import { BOTH, IN, OUT } from "./graph-index.ts";
import { OPERATORS } from "./operators.ts";
import { lookupCandidates, type Op } from "./planner.ts";
import { equals, isMap, NodeRef, PathVal, RelRef, type Value } from "./values.ts";
import { shortestBindings } from "./match-shortest.ts";

export interface MatchState {
  used: Set<number>;
  /** Per pattern: the node bound at each position. */
  nodeAt: number[][];
  /** Per pattern and relationship: traversed nodes and edges, in pattern order. */
  relAt: Array<Array<{ nodes: number[]; edges: number[] }>>;
}

/** Binds `name` to `value`, or checks equality when it is already bound; null when that fails. */
export function bindVar(row: Row, name: string | null, value: Value): Row | null {
  if (!name) return row;
  if (name in row) return equals(row[name], value) === true ? row : null;
  return { ...row, [name]: value };
}

/** Labels (every group satisfied by one of its labels) and property map of a node pattern. */
export function nodeMatches(node: NodePattern, idx: number, row: Row, ctx: EvalContext): boolean {
  const labels = ctx.index.nodeLabels[idx];
  for (const anyOf of node.labels) if (!anyOf.some((l) => labels.includes(l))) return false;
  return !node.properties || propsMatch(node.properties, ctx.index.nodeProps(idx), row, ctx);
}

export function propsMatch(expr: RelPattern["properties"], props: Record<string, unknown>, row: Row, ctx: EvalContext): boolean {
  if (!expr) return true;
  const wanted = evaluate(expr, row, ctx);
  if (wanted === null) return true;
  if (!isMap(wanted)) return false;
  for (const [k, v] of Object.entries(wanted)) if (equals((props[k] as Value) ?? null, v) !== true) return false;
  return true;
}

/** Direction flag an adjacency entry must carry to walk `rel` from its left end (forward) or right end. */
export function neededFlag(direction: RelPattern["direction"], forward: boolean): number {
  if (direction === "both") return BOTH;
  return (direction === "right") === forward ? OUT : IN;
}

export function* runOps(ops: Op[], i: number, row: Row, state: MatchState, ctx: EvalContext): Generator<Row> {
  if (i === ops.length) {
    yield row;
    return;
  }
  const op = ops[i];
  const ix = ctx.index;
  switch (op.kind) {
    case "filter":
      for (const e of op.exprs) if (evaluate(e, row, ctx) !== true) return;
      yield* runOps(ops, i + 1, row, state, ctx);
      return;
    case "scan": {
      const v = op.node.variable;
      const passes = propTests(op.pre, row, ctx);
      if (v && v in row) {
        const bound = row[v];
        if (!(bound instanceof NodeRef) || !nodeMatches(op.node, bound.idx, row, ctx) || !passes(bound.idx)) return;
        state.nodeAt[op.pat][op.pos] = bound.idx;
        yield* runOps(ops, i + 1, row, state, ctx);
        return;
      }
      const list = lookupCandidates(op.node, ctx);
      const count = list ? list.length : ix.nodeCount;
      for (let k = 0; k < count; k++) {
        ctx.guard.tick();
        const idx = list ? list[k] : k;
        if (!nodeMatches(op.node, idx, row, ctx) || !passes(idx)) continue;
        state.nodeAt[op.pat][op.pos] = idx;
        yield* runOps(ops, i + 1, v ? { ...row, [v]: new NodeRef(idx) } : row, state, ctx);
      }
      return;
    }
    case "expand":
      if (!op.relPat.range) {
        yield* expandOne(ops, i, op, row, state, ctx);
        return;
      }
      for (const hop of expand(op, row, state, ctx)) {
        let next = bindVar(row, op.relPat.variable, hop.edges.map((e) => new RelRef(e)));
        const end = hop.nodes[hop.nodes.length - 1];
        if (next) next = bindVar(next, op.node.variable, new NodeRef(end));
        if (!next || !nodeMatches(op.node, end, next, ctx)) continue;
        state.nodeAt[op.pat][op.to] = end;
        if (op.keepHops) state.relAt[op.pat][op.rel] = op.forward ? hop : { nodes: [...hop.nodes].reverse(), edges: [...hop.edges].reverse() };
        yield* runOps(ops, i + 1, next, state, ctx);
      }
      return;
    case "path": {
      const next = bindVar(row, op.part.pathVariable, assemblePath(op.pat, op.part.rels.length, state));
      if (next) yield* runOps(ops, i + 1, next, state, ctx);
      return;
    }
    case "shortest":
      for (const next of shortestBindings(op, row, state, ctx)) yield* runOps(ops, i + 1, next, state, ctx);
      return;
  }
}

/**
 * One relationship, one hop: the adjacency list of the bound end walked in place,
 * with no hop copies (the DFS below serves ranges). The edge stays in `used`
 * while the rest of the pattern runs, as in the DFS.
 */
function* expandOne(ops: Op[], i: number, op: Extract<Op, { kind: "expand" }>, row: Row, state: MatchState, ctx: EvalContext): Generator<Row> {
  const ix = ctx.index;
  const { relPat, node } = op;
  const need = neededFlag(relPat.direction, op.forward);
  const mask = op.mask;
  const start = state.nodeAt[op.pat][op.from];
  for (let p = ix.offsets[start], end = ix.offsets[start + 1]; p < end; p++) {
    const e = ix.edges[p];
    if ((ix.dirs[p] & need) === 0 || (mask && !mask[ix.edgeType[e]]) || state.used.has(e)) continue;
    if (relPat.properties && !propsMatch(relPat.properties, ix.edgeProps(e), row, ctx)) continue;
    ctx.guard.tick();
    const v = ix.neighbors[p];
    let next = bindVar(row, relPat.variable, new RelRef(e));
    if (next) next = bindVar(next, node.variable, new NodeRef(v));
    if (!next || !nodeMatches(node, v, next, ctx)) continue;
    state.nodeAt[op.pat][op.to] = v;
    if (op.keepHops) state.relAt[op.pat][op.rel] = { nodes: op.forward ? [start, v] : [v, start], edges: [e] };
    state.used.add(e);
    try {
      yield* runOps(ops, i + 1, next, state, ctx);
    } finally {
      state.used.delete(e);
    }
  }
}

/** The scan's pushed-down comparisons as one test of a node index; each constant is evaluated once, when first needed. */
function propTests(exprs: Expr[], row: Row, ctx: EvalContext): (idx: number) => boolean {
  if (!exprs.length) return () => true;
  const tests = exprs.map((e) => {
    const b = e as Extract<Expr, { kind: "binary" }>;
    const propOnLeft = b.left.kind === "prop";
    const prop = (propOnLeft ? b.left : b.right) as Extract<Expr, { kind: "prop" }>;
    const constant = propOnLeft ? b.right : b.left;
    const op = OPERATORS[b.op as keyof typeof OPERATORS];
    let c: Value | undefined;
    return (idx: number) => {
      // Evaluated in the order evaluate() would: the left operand first.
      const value = (ctx.index.nodeProp(idx, prop.key) as Value) ?? null;
      if (c === undefined) c = evaluate(constant, row, ctx);
      return (propOnLeft ? op(value, c) : op(c, value)) === true;
    };
  });
  return (idx) => {
    for (const t of tests) if (!t(idx)) return false;
    return true;
  };
}

export function assemblePath(pat: number, rels: number, state: MatchState): PathVal {
  const nodes = [state.nodeAt[pat][0]];
  const edges: number[] = [];
  for (let r = 0; r < rels; r++) {
    const hop = state.relAt[pat][r];
    for (let k = 1; k < hop.nodes.length; k++) nodes.push(hop.nodes[k]);
    edges.push(...hop.edges);
  }
  return new PathVal(nodes, edges);
}

/**
 * Walks one relationship pattern from the bound `from` node. Yields copies of the
 * traversed nodes/edges (from → to). Single hops and ranges share one DFS with an
 * explicit stack; `used` holds the edges of the current branch while it is yielded.
 */
function* expand(op: Extract<Op, { kind: "expand" }>, row: Row, state: MatchState, ctx: EvalContext): Generator<{ nodes: number[]; edges: number[] }> {
  const ix = ctx.index;
  const { relPat } = op;
  const min = relPat.range ? relPat.range.min : 1;
  const max = relPat.range ? (relPat.range.max ?? Infinity) : 1;
  const need = neededFlag(relPat.direction, op.forward);
  const mask = op.mask;
  const varLength = relPat.range !== null;
  const start = state.nodeAt[op.pat][op.from];
  const nodes = [start];
  const edges: number[] = [];
  const cursor = [ix.offsets[start]];
  if (min === 0) yield { nodes: [start], edges: [] };
  while (nodes.length) {
    const top = nodes.length - 1;
    const u = nodes[top];
    const p = cursor[top];
    if (edges.length === max || p >= ix.offsets[u + 1]) {
      nodes.pop();
      cursor.pop();
      if (edges.length) state.used.delete(edges.pop()!);
      continue;
    }
    cursor[top] = p + 1;
    const e = ix.edges[p];
    if ((ix.dirs[p] & need) === 0 || (mask && !mask[ix.edgeType[e]]) || state.used.has(e)) continue;
    if (relPat.properties && !propsMatch(relPat.properties, ix.edgeProps(e), row, ctx)) continue;
    if (varLength) ctx.guard.expand();
    else ctx.guard.tick();
    const v = ix.neighbors[p];
    state.used.add(e);
    edges.push(e);
    nodes.push(v);
    cursor.push(ix.offsets[v]);
    if (edges.length < min) continue;
    // Copying a long path costs as much as walking it again: count it as expansions too.
    if (varLength) ctx.guard.expand(edges.length);
    yield { nodes: nodes.slice(), edges: edges.slice() };
  }
}
