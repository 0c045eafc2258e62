/**
 * Runs a parsed query: clauses are generators chained left to right, each row
 * of bindings flowing through MATCH / OPTIONAL MATCH / UNWIND / WITH into RETURN.
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

type MatchOf = Extract<Clause, { kind: "match" }>;

export interface RawResult {
  columns: string[];
  rows: unknown[][];
}

export function execute(query: Query, ctx: EvalContext): RawResult {
  let rows: Iterable<Row> = [{}];
  let scope: string[] = [];
  let clauses = query.clauses;
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
      const items = clause.projection.star ? [...scope, ...clause.projection.items.map((i) => i.alias)] : clause.projection.items.map((i) => i.alias);
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
      let out: Iterable<Row> = project(clause.projection, rows, scope, ctx, counted);
      if (clause.where) out = filter(out, clause.where, ctx);
      return [out, [...new Set(names)]];
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

function* filter(rows: Iterable<Row>, where: Expr, ctx: EvalContext): Generator<Row> {
  for (const row of rows) if (evaluate(where, row, ctx) === true) yield row;
}
