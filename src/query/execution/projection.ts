/**
 * RETURN and WITH: projection with aliases, DISTINCT, aggregation with implicit
 * grouping (every non-aggregate item is a grouping key), ORDER BY, SKIP and
 * LIMIT. Without aggregation or ORDER BY the rows stream, so LIMIT stops the
 * match early instead of enumerating everything first.
 */
import type { Expr, Projection } from "../syntax/ast.ts";
import { accumulatorFor, findAggregates, type Accumulator } from "../expressions/aggregates.ts";
import { newRow, type EvalContext, type Row } from "./context.ts";
import { QueryRuntimeError } from "../errors.ts";
import { evaluate } from "../expressions/evaluate.ts";
import { freeVariables } from "../planning/free-vars.ts";
import type { CountedRow } from "./label-counts.ts";
import { orderCompare, valueKey, type Value } from "../expressions/values.ts";

/** Projected rows for the next clause (or the result), in the order of `columns`; `counted` stands in for `rows` when aggregating. */
/**
 * `where` is WITH's WHERE: applied after SKIP and LIMIT, as openCypher orders
 * them, and allowed to read variables the projection dropped (`WITH a.name AS
 * name WHERE a.born > 1985`), so it sees the source row beneath the projected one.
 */
export function* project(proj: Projection, rows: Iterable<Row>, scope: string[], ctx: EvalContext, counted?: CountedRow[], where?: Expr | null): Generator<Row> {
  const items = [...(proj.star ? scope.map((name) => ({ expr: { kind: "var", name } as Expr, alias: name })) : []), ...proj.items];
  const skip = count(proj.skip, "SKIP", ctx);
  const limit = proj.limit ? count(proj.limit, "LIMIT", ctx) : Infinity;
  if (limit === 0) return;
  const aggregating = items.some((it) => findAggregates(it.expr).length > 0);
  const keep = where ? keeper(where, items, ctx) : null;
  if (isPlainProjection(proj)) {
    // Plain projection: mapped in this loop, no generator or wrapper per row.
    let index = 0;
    let emitted = 0;
    for (const source of rows) {
      const row = mapRow(items, source, ctx);
      if (index++ < skip) continue;
      if (!keep || keep(row, source)) yield row;
      if (++emitted >= limit) return;
    }
    return;
  }
  let out: Iterable<{ row: Row; source: Row }> = aggregating ? aggregate(items, rows, ctx, counted) : mapRows(items, rows, ctx);
  if (proj.distinct) out = distinct(out, items.map((it) => it.alias));
  if (proj.orderBy.length) out = sortRows(out, proj, items, aggregating, ctx);
  let index = 0;
  let emitted = 0;
  for (const { row, source } of out) {
    if (index++ < skip) continue;
    if (!keep || keep(row, source)) yield row;
    if (++emitted >= limit) return;
  }
}

/** WITH's WHERE as a row test; the source row is read only when the predicate names a variable the projection dropped. */
function keeper(where: Expr, items: Projection["items"], ctx: EvalContext): (row: Row, source: Row) => boolean {
  const aliases = new Set(items.map((it) => it.alias));
  const readsDropped = [...freeVariables(where)].some((name) => !aliases.has(name));
  return readsDropped
    ? (row, source) => evaluate(where, { ...source, ...row }, ctx) === true
    : (row) => evaluate(where, row, ctx) === true;
}

/**
 * No aggregation, DISTINCT or ORDER BY: each row is mapped into a new one as it
 * comes and never kept, so its source may be a reused object (single-hop.ts).
 */
export function isPlainProjection(proj: Projection): boolean {
  return !proj.distinct && !proj.orderBy.length && !proj.items.some((it) => findAggregates(it.expr).length > 0);
}

function count(e: Expr | null, what: string, ctx: EvalContext): number {
  if (!e) return 0;
  const v = evaluate(e, {}, ctx);
  // openCypher names these SyntaxError although a parameter only shows them at run time.
  if (typeof v === "number" && Number.isInteger(v) && v < 0) throw new QueryRuntimeError(`${what} expects a non-negative integer, got ${v}`).as("SyntaxError", "NegativeIntegerArgument");
  if (typeof v !== "number" || !Number.isInteger(v)) throw new QueryRuntimeError(`${what} expects a non-negative integer`).as("SyntaxError", "InvalidArgumentType");
  return v;
}

function mapRow(items: Projection["items"], source: Row, ctx: EvalContext): Row {
  const row: Row = newRow();
  for (const it of items) row[it.alias] = evaluate(it.expr, source, ctx);
  return row;
}

function* mapRows(items: Projection["items"], rows: Iterable<Row>, ctx: EvalContext): Generator<{ row: Row; source: Row }> {
  for (const source of rows) yield { row: mapRow(items, source, ctx), source };
}

function* aggregate(items: Projection["items"], rows: Iterable<Row>, ctx: EvalContext, counted?: CountedRow[]): Generator<{ row: Row; source: Row }> {
  const keyItems = items.filter((it) => findAggregates(it.expr).length === 0);
  const calls = items.flatMap((it) => findAggregates(it.expr));
  const groups = new Map<string, { source: Row; keys: Value[]; accs: Map<Expr, Accumulator> }>();
  const newGroup = (source: Row, keys: Value[]) => ({ source, keys, accs: new Map(calls.map((c) => [c as Expr, accumulatorFor(c)])) });
  // A counted row stands for `times` rows that agree on every key and aggregate argument.
  const add = (source: Row, times: number) => {
    const keys = keyItems.map((it) => evaluate(it.expr, source, ctx));
    const k = keys.map(valueKey).join("\u0000");
    let g = groups.get(k);
    if (!g) groups.set(k, (g = newGroup(source, keys)));
    for (const c of calls) {
      const acc = g.accs.get(c)!;
      const v = c.star ? 1 : evaluate(c.args[0] ?? { kind: "literal", value: null }, source, ctx);
      const rest = c.args.length > 1 ? c.args.slice(1).map((a) => evaluate(a, source, ctx)) : undefined;
      for (let t = 0; t < times; t++) acc.add(v, rest);
    }
  };
  if (counted) for (const { source, times } of counted) add(source, times);
  else
    for (const source of rows) {
      ctx.guard.tick();
      add(source, 1);
    }
  // No grouping keys and no rows: aggregates still give one row (count(*) = 0).
  if (!groups.size && !keyItems.length) groups.set("", newGroup({}, []));
  for (const g of groups.values()) {
    const aggCtx = { ...ctx, aggregates: new Map([...g.accs].map(([c, acc]) => [c, acc.result()])) };
    const row: Row = newRow();
    let k = 0;
    for (const it of items) row[it.alias] = keyItems.includes(it) ? g.keys[k++] : evaluate(it.expr, g.source, aggCtx);
    yield { row, source: g.source };
  }
}

function* distinct(rows: Iterable<{ row: Row; source: Row }>, columns: string[]): Generator<{ row: Row; source: Row }> {
  const seen = new Set<string>();
  for (const r of rows) {
    const key = columns.map((c) => valueKey(r.row[c])).join("\u0000");
    if (seen.has(key)) continue;
    seen.add(key);
    yield r;
  }
}

/**
 * `e` with every part that is written as a projected item replaced by that
 * item's column. Parts are matched by their JSON, the way ORDER BY matches a
 * whole item: one parser wrote both, so equal expressions serialize equally,
 * and a part's JSON is a balanced object inside its parent's.
 */
function throughColumns(e: Expr, byText: ReadonlyMap<string, string>): Expr {
  let json = JSON.stringify(e);
  // Larger parts first; each goes through a placeholder (a NUL, which serialized JSON never holds raw)
  // so that one item's column is never taken for another's expression ("x AS y, y AS x").
  const parts = [...byText].sort(([a], [b]) => b.length - a.length);
  parts.forEach(([text], i) => (json = json.split(text).join(`\u0000${i}\u0000`)));
  parts.forEach(([, alias], i) => (json = json.split(`\u0000${i}\u0000`).join(JSON.stringify({ kind: "var", name: alias }))));
  return JSON.parse(json) as Expr;
}

function sortRows(rows: Iterable<{ row: Row; source: Row }>, proj: Projection, items: Projection["items"], aggregating: boolean, ctx: EvalContext) {
  const byText = new Map(items.map((it) => [JSON.stringify(it.expr), it.alias]));
  const projectedOnly = aggregating || proj.distinct;
  // After aggregation or DISTINCT the earlier variables are gone, but a grouping key's expression may still
  // be named inside a sort key ("ORDER BY a.name + 'C'" beside "a.name AS name"): it reads the key's column.
  const sortExprs = proj.orderBy.map((s) => (projectedOnly ? throughColumns(s.expr, byText) : s.expr));
  const keyed = [...rows].map((r) => {
    ctx.guard.tick();
    // ORDER BY sees the projected aliases, and the earlier variables unless they were aggregated away.
    const scope = projectedOnly ? r.row : { ...r.source, ...r.row };
    const keys = proj.orderBy.map((s, i) => {
      const alias = byText.get(JSON.stringify(s.expr));
      return alias !== undefined ? r.row[alias] : evaluate(sortExprs[i]!, scope, ctx);
    });
    return { r, keys };
  });
  keyed.sort((a, b) => {
    for (let i = 0; i < proj.orderBy.length; i++) {
      const c = orderCompare(a.keys[i], b.keys[i]);
      if (c !== 0) return proj.orderBy[i].descending ? -c : c;
    }
    return 0;
  });
  return keyed.map((k) => k.r);
}
