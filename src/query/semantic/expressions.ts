/**
 * Checks one expression against the variables in scope and infers what it can
 * of its type: every variable must be defined, and operators and functions
 * must not be given a value whose type is known to be wrong (`NOT 1`,
 * `'a' % 2`, `type(n)` of a node). Kinds of expression this module does not
 * know (the AST grows) are accepted unchecked rather than guessed at.
 */
import type { Clause, Expr } from "../syntax/ast.ts";
import { fail, failAs } from "./fail.ts";
import { checkCall } from "./functions.ts";
import { extend, type Scope } from "./scope.ts";
import { ANY, BOOLEAN, MAP, NUMBER, STRING, certainlyNot, describe, itemType, join, listOf, literalType, type SemType } from "./types.ts";


export interface ExprContext {
  scope: Scope;
  /**
   * Checks a subquery's clauses (EXISTS, COUNT, a pattern in an expression, a
   * pattern comprehension) from this scope, and gives the scope they end in;
   * `bare`: a pattern written in an expression, which may bind nothing new.
   */
  subquery(clauses: Clause[], scope: Scope, bare: boolean): Scope;
  /**
   * For ORDER BY after DISTINCT or aggregation: the type of a sub-expression
   * that is one of the projected items (so `a.name` may follow RETURN DISTINCT
   * a.name although `a` is gone), else undefined.
   */
  projected?(e: Expr): SemType | undefined;
}

const ARITHMETIC = new Set(["-", "*", "/", "%", "^"]);
const BOOLEAN_OPS = new Set(["AND", "OR", "XOR"]);

export function checkExpr(e: Expr, ctx: ExprContext): SemType {
  const check = (x: Expr) => checkExpr(x, ctx);
  const projected = ctx.projected?.(e);
  if (projected) return projected;
  switch (e.kind) {
    case "literal":
      return literalType(e.value);
    case "list":
      return listOf(e.items.map(check).reduce(join, { kind: "null" }));
    case "map":
      for (const [, v] of e.entries) check(v);
      return MAP;
    case "param":
      return ANY;
    case "var": {
      const t = ctx.scope.get(e.name);
      if (!t) fail("UndefinedVariable", `variable ${e.name} is not defined`, e);
      return t;
    }
    case "prop": {
      const t = check(e.object);
      if (t.kind === "path") fail("InvalidArgumentType", `cannot read property ${e.key} of a path`, e.object);
      if (certainlyNot(t, "map", "node", "relationship")) failAs("TypeError", "InvalidArgumentType", `cannot read property ${e.key} of ${describe(t)}`, e.object);
      return ANY;
    }
    case "index": {
      const t = check(e.object);
      check(e.index);
      return itemType(t);
    }
    case "slice": {
      const t = check(e.object);
      if (e.from) check(e.from);
      if (e.to) check(e.to);
      return t.kind === "list" ? t : ANY;
    }
    case "unary": {
      const t = check(e.arg);
      const wanted = e.op === "NOT" ? "boolean" : "number";
      if (certainlyNot(t, wanted)) fail("InvalidArgumentType", `${e.op === "NOT" ? "NOT" : `unary ${e.op}`} expects a ${wanted}, got ${describe(t)}`, e.arg);
      return e.op === "NOT" ? BOOLEAN : t.kind === "number" ? NUMBER : ANY;
    }
    case "binary":
      return binaryType(e, check(e.left), check(e.right));
    case "isNull":
      check(e.arg);
      return BOOLEAN;
    case "labelTest":
      check(e.arg);
      return BOOLEAN;
    case "call":
      return checkCall(e, e.args.map(check));
    case "case": {
      if (e.subject) check(e.subject);
      let t: SemType = e.otherwise ? check(e.otherwise) : { kind: "null" };
      for (const b of e.branches) {
        check(b.when);
        t = join(t, check(b.then));
      }
      return t;
    }
    case "listComp": {
      const item = itemType(check(e.source));
      const inner = withVariable(ctx, e.variable, item);
      if (e.where) checkExpr(e.where, inner);
      return listOf(e.map ? checkExpr(e.map, inner) : item);
    }
    case "quantifier": {
      const inner = withVariable(ctx, e.variable, itemType(check(e.source)));
      checkExpr(e.where, inner);
      return BOOLEAN;
    }
    case "subquery":
      ctx.subquery(e.clauses, ctx.scope, e.bare === true);
      return e.mode === "count" ? NUMBER : BOOLEAN;
    case "patternComp": {
      const inner = ctx.subquery(e.clauses, ctx.scope, false);
      return listOf(checkExpr(e.map, { ...ctx, scope: inner }));
    }
    default:
      return ANY;
  }
}

function binaryType(e: Extract<Expr, { kind: "binary" }>, left: SemType, right: SemType): SemType {
  const operand = (t: SemType) => (t === left ? e.left : e.right);
  if (BOOLEAN_OPS.has(e.op)) {
    for (const t of [left, right]) if (certainlyNot(t, "boolean")) fail("InvalidArgumentType", `${e.op} expects booleans, got ${describe(t)}`, operand(t));
    return BOOLEAN;
  }
  if (ARITHMETIC.has(e.op)) {
    for (const t of [left, right]) if (certainlyNot(t, "number")) fail("InvalidArgumentType", `cannot apply ${e.op} to ${describe(t)}`, operand(t));
    return left.kind === "number" && right.kind === "number" ? NUMBER : ANY;
  }
  if (e.op === "+") {
    if (left.kind === "list" || right.kind === "list") return left.kind === "list" && right.kind === "list" ? listOf(join(itemType(left), itemType(right))) : ANY;
    if (left.kind === "number" && right.kind === "number") return NUMBER;
    return left.kind === "string" || right.kind === "string" ? STRING : ANY;
  }
  return BOOLEAN;
}

function withVariable(ctx: ExprContext, name: string, t: SemType): ExprContext {
  return { ...ctx, scope: extend(ctx.scope).set(name, t) };
}
