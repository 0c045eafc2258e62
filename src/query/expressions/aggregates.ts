/**
 * Aggregating functions as a registry of accumulator factories. Every aggregate
 * skips nulls (count(*) counts rows); DISTINCT drops repeated values first.
 * sum() and avg() take numbers or durations, not a mix of the two;
 * percentileDisc/Cont take a number and the percentile (0 to 1).
 */
import type { Expr } from "../syntax/ast.ts";
import { QueryRuntimeError } from "../errors.ts";
import { DurationValue, addDurations, scaleDuration } from "./temporal/index.ts";
import { orderCompare, typeName, valueKey, type Value } from "./values.ts";

export interface Accumulator {
  /** `rest`: the call's further arguments for this row (a percentile's rank). */
  add(v: Value, rest?: Value[]): void;
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

/** The rank of percentileDisc/Cont, a number from 0 to 1, the same on every row. */
function rank(fn: string, p: Value): number {
  if (typeof p !== "number") throw new QueryRuntimeError(`${fn}() expects a number from 0 to 1 as its percentile, got ${typeName(p)}`).as("TypeError", "InvalidArgumentType");
  if (!(p >= 0 && p <= 1)) throw new QueryRuntimeError(`${fn}() expects a percentile from 0 to 1, got ${p}`).as("ArgumentError", "NumberOutOfRange");
  return p;
}

/**
 * The values of a group in order, and the percentile asked of them. Disc gives
 * a value of the group (the one at rank ⌈p·n⌉, the first for p = 0); Cont
 * interpolates between the two values around p·(n − 1), as Neo4j does.
 */
function percentile(fn: string, discrete: boolean): () => Accumulator {
  return () => {
    const values: number[] = [];
    let p: number | undefined;
    return {
      add: (v, rest) => {
        p = rank(fn, rest?.[0] ?? null);
        if (typeof v !== "number") throw new QueryRuntimeError(`${fn}() expects numbers, got ${typeName(v)}`).as("TypeError", "InvalidArgumentType");
        values.push(v);
      },
      result: () => {
        if (p === undefined || values.length === 0) return null;
        values.sort((a, b) => a - b);
        if (discrete) return values[Math.max(0, Math.ceil(p * values.length) - 1)]!;
        const at = p * (values.length - 1);
        const lo = Math.floor(at);
        const hi = Math.ceil(at);
        return values[lo]! + (values[hi]! - values[lo]!) * (at - lo);
      },
    };
  };
}

export const AGGREGATES: Record<string, () => Accumulator> = {
  percentiledisc: percentile("percentileDisc", true),
  percentilecont: percentile("percentileCont", false),
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
    add(v, rest) {
      if (v === null) return;
      if (seen) {
        const key = valueKey(v);
        if (seen.has(key)) return;
        seen.add(key);
      }
      inner.add(v, rest);
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
