/**
 * Variables an expression reads (minus those a list comprehension binds), and
 * the split of a WHERE into AND-ed conjuncts, so the planner can run each
 * conjunct as soon as the variables it reads are bound.
 */
import type { Clause, Expr } from "../syntax/ast.ts";
import { children } from "../expressions/aggregates.ts";

export function freeVariables(e: Expr, out = new Set<string>(), bound: ReadonlySet<string> = new Set()): Set<string> {
  if (e.kind === "var") {
    if (!bound.has(e.name)) out.add(e.name);
    return out;
  }
  if (e.kind === "subquery" || e.kind === "patternComp") {
    // Every name the subquery mentions: a conservative set (some it binds itself), so a
    // conjunct holding it waits until the outer variables it may read are bound.
    const names = namesIn(e.clauses);
    if (e.kind === "patternComp") freeVariables(e.map, names);
    for (const name of names) if (name && !bound.has(name)) out.add(name);
    return out;
  }
  if (e.kind === "quantifier") {
    freeVariables(e.source, out, bound);
    freeVariables(e.where, out, new Set(bound).add(e.variable));
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

/** Variable names in clauses: pattern variables and the variables their expressions read. */
function namesIn(clauses: Clause[]): Set<string> {
  const names = new Set<string>();
  const expr = (e: Expr | null) => e && freeVariables(e, names);
  for (const c of clauses) {
    if (c.kind === "match") {
      for (const part of c.patterns) {
        names.add(part.pathVariable ?? "");
        for (const n of part.nodes) (names.add(n.variable ?? ""), expr(n.properties));
        for (const r of part.rels) (names.add(r.variable ?? ""), expr(r.properties));
      }
      expr(c.where);
    } else if (c.kind === "unwind") expr(c.expr);
    else {
      for (const item of c.projection.items) expr(item.expr);
      for (const s of c.projection.orderBy) expr(s.expr);
      if (c.kind === "with") expr(c.where);
    }
  }
  return names;
}
