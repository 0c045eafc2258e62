/**
 * RETURN and WITH: what their items may say, and the scope they leave. Items
 * need distinct names (ColumnNameConflict), `*` needs something in scope
 * (NoVariablesInScope), a bare pattern is no item (UnexpectedSyntax).
 * ORDER BY sees the items' names, and the earlier variables only when the
 * projection neither aggregates nor is DISTINCT; it may aggregate only when
 * the items do. SKIP and LIMIT are constants: no variables
 * (NonConstantExpression), not negative (NegativeIntegerArgument), integers
 * (InvalidArgumentType).
 */
import type { Expr, Projection } from "../syntax/ast.ts";
import { freeVariables } from "../planning/free-vars.ts";
import { checkAggregatePlacement, checkGroupingTerms, containsAggregate, groupingKeys, refuseAggregates } from "./aggregation.ts";
import { checkExpr, type ExprContext } from "./expressions.ts";
import { OpenScope, extend } from "./scope.ts";
import { fail } from "./fail.ts";
import { certainlyNot, describe, type SemType } from "./types.ts";

/** What a projection leaves: the next clause's scope, and what its ORDER BY (and WITH's WHERE) may read. */
export interface Projected {
  scope: Map<string, SemType>;
  sortContext: ExprContext;
}

export function checkProjection(proj: Projection, ctx: ExprContext, clause: "RETURN" | "WITH"): Projected {
  const { scope } = ctx;
  if (proj.star && scope.size === 0 && !(scope instanceof OpenScope)) fail("NoVariablesInScope", `${clause} * with no variables in scope`, proj);
  const seen = new Set<string>();
  for (const item of proj.items) {
    if (seen.has(item.alias)) fail("ColumnNameConflict", `${clause} has two columns named ${item.alias}`, item.expr);
    seen.add(item.alias);
    if (item.expr.kind === "subquery" && item.expr.bare) fail("UnexpectedSyntax", `a pattern is a predicate, not a ${clause} item: write EXISTS { … } or COUNT { … }`, item.expr);
    checkAggregatePlacement(item.expr);
  }
  const types = proj.items.map((item) => checkExpr(item.expr, ctx));
  const aggregating = proj.items.some((item) => containsAggregate(item.expr));
  const keys = groupingKeys(proj.items, proj.star ? scope.keys() : []);
  if (aggregating) for (const item of proj.items) if (containsAggregate(item.expr)) checkGroupingTerms(item.expr, keys);

  const out = proj.star ? extend(scope) : new Map<string, SemType>();
  proj.items.forEach((item, i) => out.set(item.alias, types[i]));

  // ORDER BY and WITH's WHERE: an expression equal to an item stands for it (RETURN DISTINCT a.name ORDER BY a.name),
  // and the variables before the projection stay visible unless it aggregates or is DISTINCT.
  const byText = new Map(proj.items.map((item, i) => [JSON.stringify(item.expr), types[i]]));
  const projected = (e: Expr) => byText.get(JSON.stringify(e));
  const narrowed = aggregating || proj.distinct;
  const sortScope = extend(narrowed ? out : scope);
  if (!narrowed) for (const [name, t] of out) sortScope.set(name, t);
  const sortContext: ExprContext = { ...ctx, scope: sortScope, projected };
  for (const { expr } of proj.orderBy) {
    if (!aggregating) refuseAggregates(expr, `ORDER BY when ${clause} does not aggregate`);
    else checkAggregatePlacement(expr);
    checkExpr(expr, sortContext);
    if (aggregating && containsAggregate(expr) && !projected(expr)) {
      for (const alias of out.keys()) keys.variables.add(alias);
      checkGroupingTerms(expr, keys);
    }
  }
  checkCount(proj.skip, "SKIP", ctx);
  checkCount(proj.limit, "LIMIT", ctx);
  return { scope: out, sortContext };
}

function checkCount(e: Expr | null, what: string, ctx: ExprContext): void {
  if (!e) return;
  const [variable] = freeVariables(e);
  if (variable !== undefined) fail("NonConstantExpression", `${what} must be a constant, not depend on ${variable}`, e);
  refuseAggregates(e, what);
  const t = checkExpr(e, { ...ctx, scope: new Map() });
  const value = constantNumber(e);
  if (value !== undefined && value < 0 && Number.isInteger(value)) fail("NegativeIntegerArgument", `${what} must not be negative, got ${value}`, e);
  if ((value !== undefined && !Number.isInteger(value)) || certainlyNot(t, "number")) {
    fail("InvalidArgumentType", `${what} expects an integer, got ${value !== undefined ? value : describe(t)}`, e);
  }
}

/** The value of a number literal, possibly signed; undefined for anything else. */
function constantNumber(e: Expr): number | undefined {
  if (e.kind === "literal") return typeof e.value === "number" ? e.value : undefined;
  if (e.kind === "unary" && e.op !== "NOT") {
    const inner = constantNumber(e.arg);
    return inner === undefined ? undefined : e.op === "-" ? -inner : inner;
  }
  return undefined;
}
