/**
 * Walks a query's clauses in order, carrying the variables in scope and what
 * is known of their types: MATCH adds its pattern variables, UNWIND its new
 * name, WITH and RETURN replace the scope with their items. Subqueries are
 * walked the same way from the scope of the row that asks. A clause kind this
 * module does not know (the grammar grows) is not checked, and after it any
 * name is accepted: the analysis refuses only what it is sure of.
 */
import type { Clause, Expr } from "../syntax/ast.ts";
import { refuseAggregates } from "./aggregation.ts";
import { checkExpr, type ExprContext } from "./expressions.ts";
import { fail } from "./fail.ts";
import { bindPatterns } from "./patterns.ts";
import { checkProjection } from "./projections.ts";
import { OpenScope, extend, type Scope } from "./scope.ts";
import { certainlyNot, describe, itemType } from "./types.ts";

/** The scope after `clauses`, run from `scope`; `bare`: a pattern written in an expression. */
export function checkClauses(clauses: readonly Clause[], scope: Scope, bare = false): Scope {
  let current = scope;
  for (const clause of clauses) current = checkClause(clause, current, bare);
  return current;
}

function contextOf(scope: Scope): ExprContext {
  return { scope, subquery: (clauses, from, bare) => checkClauses(clauses, from, bare) };
}

function checkClause(clause: Clause, scope: Scope, bare: boolean): Scope {
  switch (clause.kind) {
    case "match": {
      const next = extend(scope);
      bindPatterns(clause.patterns, { scope: next, bare, checkProperties: (e) => checkExpr(e, contextOf(next)) });
      checkPredicate(clause.where, contextOf(next));
      return next;
    }
    case "unwind": {
      refuseAggregates(clause.expr, "UNWIND");
      const t = checkExpr(clause.expr, contextOf(scope));
      if (scope.has(clause.variable)) fail("VariableAlreadyBound", `UNWIND … AS ${clause.variable}: ${clause.variable} is already bound`, clause);
      const next = extend(scope);
      return next.set(clause.variable, t.kind === "list" ? itemType(t) : t);
    }
    case "with": {
      const { scope: next, sortContext } = checkProjection(clause.projection, contextOf(scope), "WITH");
      checkPredicate(clause.where, sortContext);
      return next;
    }
    case "return":
      return checkProjection(clause.projection, contextOf(scope), "RETURN").scope;
    default:
      return new OpenScope(scope);
  }
}

/** A WHERE: no aggregates, and a value that can be true (`WHERE (n)` names a node, not a condition). */
function checkPredicate(where: Expr | null, ctx: ExprContext): void {
  if (!where) return;
  refuseAggregates(where, "WHERE");
  const t = checkExpr(where, ctx);
  if (certainlyNot(t, "boolean")) fail("InvalidArgumentType", `WHERE expects a condition, got ${describe(t)}`, where);
}
