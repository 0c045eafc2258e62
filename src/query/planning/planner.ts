/**
 * Plans one MATCH clause as a list of operations: scan an anchor node, expand
 * relationship by relationship, run shortest-path searches, bind path
 * variables, and filter with each WHERE conjunct as soon as its variables are
 * bound. Patterns and anchors are chosen greedily by estimated cardinality from
 * the indexes (bound variable < name/id lookup < label < all nodes).
 */
import type { Expr, NodePattern, PatternPart, RelPattern } from "../syntax/ast.ts";
import type { EvalContext } from "../execution/context.ts";
import { conjuncts, freeVariables } from "./free-vars.ts";
import type { Value } from "../expressions/values.ts";

export type Op =
  /** `pre`: the first WHERE conjuncts on this node alone of the form `v.key <op> constant`, tested before a row is built. */
  | { kind: "scan"; pat: number; pos: number; node: NodePattern; pre: Expr[] }
  /** `keepHops`: record the walked hop for a path variable; `mask`: the allowed relationship types; `onlyType`: the one allowed type id, else -1. */
  | { kind: "expand"; pat: number; rel: number; from: number; to: number; forward: boolean; relPat: RelPattern; node: NodePattern; keepHops: boolean; mask: Uint8Array | null; onlyType: number }
  | { kind: "shortest"; pat: number; part: PatternPart }
  | { kind: "path"; pat: number; part: PatternPart }
  | { kind: "filter"; exprs: Expr[] };

/** Candidate nodes for a node pattern with no bound variable: by name, id, label or all. */
export function lookupCandidates(node: NodePattern, ctx: EvalContext): number[] | null {
  const ix = ctx.index;
  if (node.properties?.kind === "map") {
    for (const [key, expr] of node.properties.entries) {
      const v = constantValue(expr, ctx);
      if (typeof v !== "string") continue;
      if (key === "name") return ix.nameIndex.get(v) ?? [];
      if (key === "id" && !ix.storedProperties) {
        const i = ix.nodeIndex.get(v);
        return i === undefined ? [] : [i];
      }
    }
  }
  let best: number[] | null = null;
  for (const anyOf of node.labels) {
    const union = anyOf.length === 1 ? (ix.labelIndex.get(anyOf[0]) ?? []) : [...new Set(anyOf.flatMap((l) => ix.labelIndex.get(l) ?? []))];
    if (!best || union.length < best.length) best = union;
  }
  return best;
}

function constantValue(e: Expr, ctx: EvalContext): Value | undefined {
  if (e.kind === "literal") return e.value;
  if (e.kind === "param") return ctx.params[e.name];
  return undefined;
}

function nodeCost(node: NodePattern, bound: ReadonlySet<string>, ctx: EvalContext): number {
  if (node.variable && bound.has(node.variable)) return 1;
  return lookupCandidates(node, ctx)?.length ?? ctx.index.nodeCount;
}

export function planMatch(patterns: PatternPart[], where: Expr | null, initiallyBound: ReadonlySet<string>, ctx: EvalContext): Op[] {
  const bound = new Set(initiallyBound);
  const pending = conjuncts(where).map((expr) => ({ expr, vars: freeVariables(expr) }));
  const ops: Op[] = [];
  const bind = (name: string | null) => {
    if (name) bound.add(name);
  };
  const flush = () => {
    const ready = pending.filter((c) => [...c.vars].every((v) => bound.has(v)));
    if (!ready.length) return;
    for (const c of ready) pending.splice(pending.indexOf(c), 1);
    ops.push({ kind: "filter", exprs: ready.map((c) => c.expr) });
  };
  flush();
  /** A scan, then its ready conjuncts: the leading property comparisons go into the scan. */
  const scan = (pat: number, pos: number, node: NodePattern) => {
    const op: Op = { kind: "scan", pat, pos, node, pre: [] };
    ops.push(op);
    bind(node.variable);
    const ready = pending.filter((c) => [...c.vars].every((v) => bound.has(v)));
    for (const c of ready) {
      if (!isPropComparison(c.expr, node.variable)) break;
      op.pre.push(c.expr);
      pending.splice(pending.indexOf(c), 1);
    }
    flush();
  };
  const todo = patterns.map((part, pat) => ({ part, pat }));
  while (todo.length) {
    // Greedy: the pattern whose cheapest anchor is cheapest given what is bound now.
    let pick = 0, anchor = 0, best = Infinity;
    todo.forEach(({ part }, t) => {
      const costs = part.nodes.map((n) => nodeCost(n, bound, ctx));
      const cost = part.shortest === "none" ? Math.min(...costs) : costs[0] * costs[costs.length - 1];
      if (cost < best) (best = cost), (pick = t), (anchor = costs.indexOf(Math.min(...costs)));
    });
    const [{ part, pat }] = todo.splice(pick, 1);
    if (part.shortest !== "none") {
      const last = part.nodes.length - 1;
      scan(pat, 0, part.nodes[0]);
      scan(pat, last, part.nodes[last]);
      ops.push({ kind: "shortest", pat, part });
      bind(part.rels[0].variable);
      bind(part.pathVariable);
      flush();
      continue;
    }
    scan(pat, anchor, part.nodes[anchor]);
    const steps: Array<[number, number, number, boolean]> = [];
    for (let r = anchor; r < part.rels.length; r++) steps.push([r, r, r + 1, true]);
    for (let r = anchor - 1; r >= 0; r--) steps.push([r, r + 1, r, false]);
    for (const [rel, from, to, forward] of steps) {
      const mask = ctx.index.typeMask(part.rels[rel].types);
      const allowed = mask ? [...mask.keys()].filter((t) => mask[t]) : [];
      const onlyType = allowed.length === 1 ? allowed[0] : -1;
      ops.push({ kind: "expand", pat, rel, from, to, forward, relPat: part.rels[rel], node: part.nodes[to], keepHops: part.pathVariable !== null, mask, onlyType });
      bind(part.rels[rel].variable);
      bind(part.nodes[to].variable);
      flush();
    }
    if (part.pathVariable) {
      ops.push({ kind: "path", pat, part });
      bind(part.pathVariable);
      flush();
    }
  }
  if (pending.length) ops.push({ kind: "filter", exprs: pending.map((c) => c.expr) });
  return ops;
}

/** `v.key <op> c` or `c <op> v.key` with c a literal or parameter: testable on a node index alone. */
export function isPropComparison(e: Expr, v: string | null): e is Extract<Expr, { kind: "binary" }> {
  if (!v || e.kind !== "binary" || e.op === "AND" || e.op === "OR" || e.op === "XOR") return false;
  const isProp = (x: Expr) => x.kind === "prop" && x.object.kind === "var" && x.object.name === v;
  const isConst = (x: Expr) => x.kind === "literal" || x.kind === "param";
  return (isProp(e.left) && isConst(e.right)) || (isConst(e.left) && isProp(e.right));
}

/** Variables a MATCH clause introduces (for OPTIONAL MATCH null rows and RETURN *). */
export function patternVariables(patterns: PatternPart[]): string[] {
  const names = new Set<string>();
  for (const p of patterns) {
    if (p.pathVariable) names.add(p.pathVariable);
    for (const n of p.nodes) if (n.variable) names.add(n.variable);
    for (const r of p.rels) if (r.variable) names.add(r.variable);
  }
  return [...names];
}
