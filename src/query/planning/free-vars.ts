/**
 * Variables an expression reads (minus those a list comprehension binds), and
 * the split of a WHERE into AND-ed conjuncts, so the planner can run each
 * conjunct as soon as the variables it reads are bound.
 */
import type { Expr } from "../syntax/ast.ts";
import { children } from "../expressions/aggregates.ts";

export function freeVariables(e: Expr, out = new Set<string>(), bound: ReadonlySet<string> = new Set()): Set<string> {
  if (e.kind === "var") {
    if (!bound.has(e.name)) out.add(e.name);
    return out;
  }
  if (e.kind === "listComp") {
    freeVariables(e.source, out, bound);
    const inner = new Set(bound).add(e.variable);
    if (e.where) freeVariables(e.where, out, inner);
    if (e.map) freeVariables(e.map, out, inner);
    return out;
  }
  for (const c of children(e)) freeVariables(c, out, bound);
  return out;
}

export function conjuncts(e: Expr | null): Expr[] {
  if (!e) return [];
  if (e.kind === "binary" && e.op === "AND") return [...conjuncts(e.left), ...conjuncts(e.right)];
  return [e];
}
