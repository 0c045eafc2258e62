/**
 * What matching a planned MATCH needs besides the loop that drives it
 * (match-cursors.ts): binding variables, node and property tests, direction
 * flags, path assembly, and the variable-length walk. Relationships are unique
 * within the clause (openCypher's relationship isomorphism); symmetric types and
 * self-loops are two-way through the CSR direction flags; variable-length
 * expansion is an explicit-stack DFS, so path length never touches the
 * JavaScript stack, and every step is counted by the guard.
 */
import type { NodePattern, RelPattern } from "../syntax/ast.ts";
import { newRow, type EvalContext, type Row } from "./context.ts";
import { evaluate } from "../expressions/evaluate.ts";
import { BOTH, IN, OUT } from "../indexes/graph-index.ts";
import type { Op } from "../planning/planner.ts";
import { equals, isMap, PathVal, type Value } from "../expressions/values.ts";

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
  return withVar(row, name, value);
}

/** A copy of `row` with `name` bound; built by assignment, which allocates a third of what `{...row, [name]: value}` does. */
export function withVar(row: Row, name: string, value: Value): Row {
  const next: Row = newRow();
  for (const k in row) next[k] = row[k];
  next[name] = value;
  return next;
}

/** Labels (every group satisfied by one of its labels) and property map of a node pattern. */
export function nodeMatches(node: NodePattern, idx: number, row: Row, ctx: EvalContext): boolean {
  const labels = ctx.index.nodeLabels[idx];
  for (const anyOf of node.labels) if (!hasAny(labels, anyOf)) return false;
  return !node.properties || propsMatch(node.properties, ctx.index.nodeProps(idx), row, ctx);
}

function hasAny(labels: readonly string[], anyOf: readonly string[]): boolean {
  for (const l of anyOf) if (labels.includes(l)) return true;
  return false;
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
export function* expand(op: Extract<Op, { kind: "expand" }>, row: Row, state: MatchState, ctx: EvalContext): Generator<{ nodes: number[]; edges: number[] }> {
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
