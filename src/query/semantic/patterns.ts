/**
 * The variables a MATCH pattern binds, and the rules they follow: a node
 * variable names a node, a relationship variable a relationship (a list of
 * them for `*` ranges), so a name already bound to something else is a
 * VariableTypeConflict (`MATCH (r)-[r]->()`, `WITH 1 AS n MATCH (n)`); a path
 * variable is always new (VariableAlreadyBound), and is bound after the
 * elements of its own pattern (`p = (p)-->()` rebinds it). Property maps are
 * literal: `(n $param)` is InvalidParameterUse. A pattern written in an
 * expression (`WHERE (a)-->(b)`) may only use variables already bound.
 */
import type { Expr, NodePattern, PatternPart, RelPattern } from "../syntax/ast.ts";
import { refuseAggregates } from "./aggregation.ts";
import { fail } from "./fail.ts";
import { NODE, PATH, RELATIONSHIP, describe, listOf, type SemType } from "./types.ts";

/** The scope a MATCH's patterns extend, and how to check their property expressions. */
export interface PatternContext {
  scope: Map<string, SemType>;
  /** A pattern written inside an expression: every named variable must be bound already. */
  bare: boolean;
  checkProperties(e: Expr): void;
}

export function bindPatterns(patterns: readonly PatternPart[], ctx: PatternContext): void {
  for (const part of patterns) {
    part.nodes.forEach((node, i) => {
      bindNode(node, ctx);
      const rel = part.rels[i];
      if (rel) bindRel(rel, ctx);
    });
    if (part.pathVariable !== null) {
      const bound = ctx.scope.get(part.pathVariable);
      if (bound) fail("VariableAlreadyBound", `path variable ${part.pathVariable} is already bound (to ${describe(bound)}); a path needs a new name`, part);
      if (ctx.bare) fail("UndefinedVariable", `a pattern in an expression cannot name a path (${part.pathVariable})`, part);
      ctx.scope.set(part.pathVariable, PATH);
    }
  }
}

function bindNode(node: NodePattern, ctx: PatternContext): void {
  if (node.variable !== null) bind(node.variable, NODE, node, ctx);
  properties(node.properties, ctx, node);
}

function bindRel(rel: RelPattern, ctx: PatternContext): void {
  if (rel.variable !== null) bind(rel.variable, rel.range ? listOf(RELATIONSHIP) : RELATIONSHIP, rel, ctx);
  properties(rel.properties, ctx, rel);
}

function bind(name: string, wanted: SemType, at: object, ctx: PatternContext): void {
  const bound = ctx.scope.get(name);
  if (!bound) {
    if (ctx.bare) fail("UndefinedVariable", `variable ${name} is not defined (a pattern in an expression cannot introduce variables; use EXISTS { … })`, at);
    ctx.scope.set(name, wanted);
    return;
  }
  if (!fits(bound, wanted)) fail("VariableTypeConflict", `${name} is ${describe(bound)} and cannot also be ${describe(wanted)}`, at);
}

/** Whether a variable bound as `bound` may be matched again as `wanted`. */
function fits(bound: SemType, wanted: SemType): boolean {
  if (bound.kind === "any" || bound.kind === "null") return true;
  if (bound.kind !== wanted.kind) return false;
  if (bound.kind !== "list") return true;
  const item = bound.of?.kind ?? "any";
  return item === "any" || item === "null" || item === wanted.of?.kind;
}

function properties(e: Expr | null, ctx: PatternContext, at: object): void {
  if (!e) return;
  if (e.kind === "param") fail("InvalidParameterUse", `a parameter cannot stand for a pattern's properties ($${e.name}); write {key: $${e.name}.key} or a WHERE`, e, at);
  refuseAggregates(e, "a pattern's properties");
  ctx.checkProperties(e);
}
