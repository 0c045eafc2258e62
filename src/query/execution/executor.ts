/**
 * Runs a parsed query: clauses are generators chained left to right, each row
 * of bindings flowing through MATCH / OPTIONAL MATCH / UNWIND / WITH into RETURN;
 * the parts of a UNION one after the other; subqueries (EXISTS, COUNT,
 * patterns in expressions) through the same clauses, from the row that asks.
 * Tracks which variables are in scope (for RETURN *, OPTIONAL MATCH nulls and
 * WITH's narrowing), and counts result rows against the row guard.
 */
import type { Clause, Expr, Query } from "../syntax/ast.ts";
import type { EvalContext, Row } from "./context.ts";
import { evaluate } from "../expressions/evaluate.ts";
import { countedByLabels, type CountedRow } from "./label-counts.ts";
import { openMatch } from "./match-cursors.ts";
import type { MatchState } from "./matcher.ts";
import { patternVariables, planMatch, type Op } from "../planning/planner.ts";
import { project } from "./projection.ts";
import { serializeRow } from "../output/result.ts";
import { singleHopRows } from "./single-hop.ts";
import { QueryRuntimeError } from "../errors.ts";

type MatchOf = Extract<Clause, { kind: "match" }>;

export interface RawResult {
  columns: string[];
  rows: unknown[][];
}

export function execute(query: Query, ctx: EvalContext): RawResult {
  ctx.subquery ??= (clauses, row) => subqueryRows(clauses, row, ctx);
  const first = executeSingle(query.clauses, ctx);
  if (!query.unions) return first;
  if (new Set(query.unions.map((u) => u.all)).size > 1) {
    throw new QueryRuntimeError("UNION and UNION ALL cannot be mixed in one query").as("SyntaxError", "InvalidClauseComposition");
  }
  const rows = [...first.rows];
  for (const part of query.unions) {
    const next = executeSingle(part.clauses, ctx);
    if (next.columns.join("\u0000") !== first.columns.join("\u0000")) {
      throw new QueryRuntimeError(`every part of a UNION must return the same columns: ${first.columns.join(", ")} and ${next.columns.join(", ")}`).as("SyntaxError", "DifferentColumnsInUnion");
    }
    rows.push(...next.rows);
  }
  // UNION keeps one of each row (cells are plain JSON by now); UNION ALL keeps them all.
  if (query.unions[0].all) return { columns: first.columns, rows };
  const seen = new Set<string>();
  return { columns: first.columns, rows: rows.filter((r) => !seen.has(JSON.stringify(r)) && (seen.add(JSON.stringify(r)), true)) };
}

/** A subquery's rows for one outer row: its clauses run with that row's variables in scope. */
function* subqueryRows(clauses: Clause[], row: Row, ctx: EvalContext): Generator<Row> {
  let rows: Iterable<Row> = [row];
  let scope = Object.keys(row);
  for (const clause of clauses) {
    if (clause.kind === "return") return yield* project(clause.projection, rows, scope, ctx);
    [rows, scope] = step(clause, rows, scope, ctx);
  }
  yield* rows;
}

function executeSingle(clauses: Clause[], ctx: EvalContext): RawResult {
  let rows: Iterable<Row> = [{}];
  let scope: string[] = [];
  // A first MATCH that only feeds label counts is answered from the label index (label-counts.ts).
  const [first, second] = clauses;
  const counted = second && second.kind !== "match" && second.kind !== "unwind" ? countedByLabels(first, second.projection, ctx) : null;
  if (counted && first.kind === "match") {
    scope = patternVariables(first.patterns);
    clauses = clauses.slice(1);
  }
  for (const [at, clause] of clauses.entries()) {
    const stand = clause === second ? (counted ?? undefined) : undefined;
    if (clause.kind === "return") {
      // RETURN *: the variables in scope by name, as openCypher orders them, then the items written after it.
      const items = clause.projection.star ? [...[...scope].sort(), ...clause.projection.items.map((i) => i.alias)] : clause.projection.items.map((i) => i.alias);
      const columns = [...new Set(items)];
      const out: unknown[][] = [];
      for (const row of project(clause.projection, rows, scope, ctx, stand)) {
        ctx.guard.row();
        out.push(serializeRow(ctx.index, row, columns));
      }
      ctx.guard.checkTime();
      return { columns, rows: out };
    }
    // A first MATCH of one single hop read by a plain projection takes the lean route (single-hop.ts).
    const reader = at === 0 && clause.kind === "match" ? clauses[1] : undefined;
    const lean = reader && reader.kind !== "match" && reader.kind !== "unwind" ? singleHopRows(clause as MatchOf, reader.projection, ctx) : null;
    if (lean) [rows, scope] = [lean, patternVariables((clause as MatchOf).patterns)];
    else [rows, scope] = step(clause, rows, scope, ctx, stand);
  }
  return { columns: [], rows: [] };
}

function step(clause: Exclude<Clause, { kind: "return" }>, rows: Iterable<Row>, scope: string[], ctx: EvalContext, counted?: CountedRow[]): [Iterable<Row>, string[]] {
  switch (clause.kind) {
    case "match": {
      const added = patternVariables(clause.patterns).filter((v) => !scope.includes(v));
      return [matchRows(clause, rows, scope, added, ctx), [...scope, ...added]];
    }
    case "unwind":
      return [unwind(clause.expr, clause.variable, rows, ctx), [...scope, clause.variable]];
    case "with": {
      const names = [...(clause.projection.star ? scope : []), ...clause.projection.items.map((i) => i.alias)];
      return [project(clause.projection, rows, scope, ctx, counted, clause.where), [...new Set(names)]];
    }
  }
}

function* matchRows(clause: Extract<Clause, { kind: "match" }>, rows: Iterable<Row>, scope: string[], added: string[], ctx: EvalContext): Generator<Row> {
  let ops: Op[] | null = null;
  for (const row of rows) {
    ops ??= planMatch(clause.patterns, clause.where, new Set(scope), ctx);
    const state: MatchState = {
      used: new Set(),
      nodeAt: clause.patterns.map(() => []),
      relAt: clause.patterns.map(() => []),
    };
    let any = false;
    const match = openMatch(ops, row, state, ctx);
    try {
      for (let out = match.next(); out !== null; out = match.next()) {
        any = true;
        yield out;
      }
    } finally {
      match.close();
    }
    if (!any && clause.optional) yield { ...row, ...Object.fromEntries(added.map((v) => [v, null])) };
  }
}

function* unwind(expr: Expr, variable: string, rows: Iterable<Row>, ctx: EvalContext): Generator<Row> {
  for (const row of rows) {
    const v = evaluate(expr, row, ctx);
    if (v === null) continue;
    for (const item of Array.isArray(v) ? v : [v]) {
      ctx.guard.tick();
      yield { ...row, [variable]: item };
    }
  }
}
