/**
 * Aggregating functions as a registry of accumulator factories. Every aggregate
 * skips nulls (count(*) counts rows); DISTINCT drops repeated values first.
 * sum() and avg() take numbers or durations, not a mix of the two.
 */
import type { Expr } from "../syntax/ast.ts";
import { QueryRuntimeError } from "../errors.ts";
import { DurationValue, addDurations, scaleDuration } from "./temporal/index.ts";
import { orderCompare, typeName, valueKey, type Value } from "./values.ts";

export interface Accumulator {
  add(v: Value): void;
  result(): Value;
}

/** A running total of numbers or of durations (undefined before the first value). */
type Total = number | DurationValue | undefined;

function plus(fn: string, total: Total, v: Value): number | DurationValue {
  if (typeof v === "number" && (total === undefined || typeof total === "number")) return (total ?? 0) + v;
  if (v instanceof DurationValue && (total === undefined || total instanceof DurationValue)) return total ? addDurations(total, v, 1) : v;
  throw new QueryRuntimeError(`${fn}() expects numbers or durations (not both), got ${typeName(v)}`);
}

function extreme(sign: 1 | -1): () => Accumulator {
  return () => {
    let best: Value = null;
    return {
      add: (v) => {
        if (best === null || sign * orderCompare(v, best) > 0) best = v;
      },
      result: () => best,
    };
  };
}

export const AGGREGATES: Record<string, () => Accumulator> = {
  count: () => {
    let n = 0;
    return { add: () => void n++, result: () => n };
  },
  collect: () => {
    const items: Value[] = [];
    return { add: (v) => void items.push(v), result: () => items };
  },
  min: extreme(-1),
  max: extreme(1),
  sum: () => {
    let total: Total;
    return { add: (v) => void (total = plus("sum", total, v)), result: () => total ?? 0 };
  },
  avg: () => {
    let total: Total;
    let n = 0;
    return {
      add: (v) => {
        total = plus("avg", total, v);
        n++;
      },
      result: () => (total === undefined ? null : typeof total === "number" ? total / n : scaleDuration(total, n, true)),
    };
  },
};

export const isAggregateCall = (e: Expr): boolean => e.kind === "call" && e.name.toLowerCase() in AGGREGATES;

/** The accumulator for one aggregate call in one group, with null skipping and DISTINCT. */
export function accumulatorFor(call: Extract<Expr, { kind: "call" }>): Accumulator {
  const inner = AGGREGATES[call.name.toLowerCase()]();
  if (call.star) return inner;
  const seen = call.distinct ? new Set<string>() : null;
  return {
    add(v) {
      if (v === null) return;
      if (seen) {
        const key = valueKey(v);
        if (seen.has(key)) return;
        seen.add(key);
      }
      inner.add(v);
    },
    result: () => inner.result(),
  };
}

/** Every aggregate call inside an expression (not descending into other aggregates). */
export function findAggregates(e: Expr, out: Array<Extract<Expr, { kind: "call" }>> = []): typeof out {
  if (e.kind === "call" && isAggregateCall(e)) {
    out.push(e);
    return out;
  }
  for (const child of children(e)) findAggregates(child, out);
  return out;
}

export function children(e: Expr): Expr[] {
  switch (e.kind) {
    case "list": return e.items;
    case "map": return e.entries.map(([, v]) => v);
    case "prop": return [e.object];
    case "index": return [e.object, e.index];
    case "slice": return [e.object, ...(e.from ? [e.from] : []), ...(e.to ? [e.to] : [])];
    case "unary": return [e.arg];
    case "binary": return [e.left, e.right];
    case "isNull": case "labelTest": return [e.arg];
    case "call": return e.args;
    case "case": return [...(e.subject ? [e.subject] : []), ...e.branches.flatMap((b) => [b.when, b.then]), ...(e.otherwise ? [e.otherwise] : [])];
    case "listComp": return [e.source, ...(e.where ? [e.where] : []), ...(e.map ? [e.map] : [])];
    case "quantifier": return [e.source, e.where];
    // A subquery's expressions belong to it (its aggregates are its own): not children of the outer expression.
    default: return [];
  }
}
