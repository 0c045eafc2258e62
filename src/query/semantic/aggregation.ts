/**
 * Where aggregates may stand, and what may stand beside them. Aggregates
 * belong to the items of RETURN and WITH (and to the ORDER BY of a projection
 * that aggregates); not to WHERE, UNWIND, patterns, SKIP/LIMIT or the body of a
 * list comprehension, not inside each other, and not over a random value. An
 * item that mixes aggregates with other terms (`n.x + count(*)`) is only
 * unambiguous when those terms are grouping keys: a variable projected as
 * such, or a property `v.key` projected as such.
 */
import type { Expr, ProjectionItem } from "../syntax/ast.ts";
import { children, isAggregateCall } from "../expressions/aggregates.ts";
import { fail } from "./fail.ts";

type Call = Extract<Expr, { kind: "call" }>;

/** Functions whose value changes from call to call: no aggregate may be taken over them. */
const NON_DETERMINISTIC = new Set(["rand", "randomuuid"]);

/** The first aggregate call in `e` (not looking into subqueries, whose aggregates are their own). */
export function findAggregate(e: Expr): Call | undefined {
  if (e.kind === "call" && isAggregateCall(e)) return e;
  for (const c of children(e)) {
    const found = findAggregate(c);
    if (found) return found;
  }
  return undefined;
}

export const containsAggregate = (e: Expr): boolean => findAggregate(e) !== undefined;

/** InvalidAggregation when `e` holds an aggregate; `where` says where it stood. */
export function refuseAggregates(e: Expr | null | undefined, where: string): void {
  const found = e ? findAggregate(e) : undefined;
  if (found) fail("InvalidAggregation", `aggregate ${found.name}() is only allowed in RETURN or WITH items, not in ${where}`, found);
}

/** An item of RETURN/WITH (or an ORDER BY key of an aggregating one): its aggregates are well placed. */
export function checkAggregatePlacement(e: Expr): void {
  if (e.kind === "call" && isAggregateCall(e)) {
    for (const arg of e.args) {
      const nested = findAggregate(arg);
      if (nested) fail("NestedAggregation", `aggregate ${nested.name}() inside aggregate ${e.name}()`, nested, e);
      const random = findCall(arg, NON_DETERMINISTIC);
      if (random) fail("NonConstantExpression", `${e.name}() over ${random.name}(), whose value changes from row to row`, random, e);
    }
    return;
  }
  if (e.kind === "listComp" || e.kind === "quantifier") {
    checkAggregatePlacement(e.source);
    refuseAggregates(e.where, "the body of a list comprehension or quantifier");
    if (e.kind === "listComp") refuseAggregates(e.map, "the body of a list comprehension");
    return;
  }
  for (const c of children(e)) checkAggregatePlacement(c);
}

function findCall(e: Expr, names: ReadonlySet<string>): Call | undefined {
  if (e.kind === "call" && names.has(e.name.toLowerCase())) return e;
  for (const c of children(e)) {
    const found = findCall(c, names);
    if (found) return found;
  }
  return undefined;
}

/** The grouping keys of a projection: variables and `v.key` properties projected as they are. */
export interface GroupingKeys {
  variables: Set<string>;
  properties: Set<string>;
}

export function groupingKeys(items: readonly ProjectionItem[], starred: Iterable<string>): GroupingKeys {
  const keys: GroupingKeys = { variables: new Set(starred), properties: new Set() };
  for (const { expr } of items) {
    if (containsAggregate(expr)) continue;
    if (expr.kind === "var") keys.variables.add(expr.name);
    else if (expr.kind === "prop" && expr.object.kind === "var") keys.properties.add(`${expr.object.name}.${expr.key}`);
  }
  return keys;
}

/** AmbiguousAggregationExpression when a term beside the aggregates of `e` is not a grouping key. */
export function checkGroupingTerms(e: Expr, keys: GroupingKeys, bound: ReadonlySet<string> = new Set()): void {
  if (e.kind === "call" && isAggregateCall(e)) return;
  if (e.kind === "var") {
    if (!keys.variables.has(e.name) && !bound.has(e.name)) ambiguous(e.name, e);
    return;
  }
  if (e.kind === "prop" && e.object.kind === "var") {
    const { name } = e.object;
    if (!keys.variables.has(name) && !bound.has(name) && !keys.properties.has(`${name}.${e.key}`)) ambiguous(`${name}.${e.key}`, e.object);
    return;
  }
  if (e.kind === "listComp" || e.kind === "quantifier") {
    checkGroupingTerms(e.source, keys, bound);
    const inner = new Set(bound).add(e.variable);
    for (const body of [e.where, e.kind === "listComp" ? e.map : null]) if (body) checkGroupingTerms(body, keys, inner);
    return;
  }
  for (const c of children(e)) checkGroupingTerms(c, keys, bound);
}

function ambiguous(term: string, at: object): never {
  return fail("AmbiguousAggregationExpression", `${term} stands beside an aggregate but is not a grouping key: project it as its own item`, at);
}
