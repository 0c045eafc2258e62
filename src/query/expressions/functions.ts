/**
 * Scalar functions of the console as a declarative registry: name (matched
 * case-insensitively) → arity and implementation. Null in, null out, unless the
 * function says otherwise (coalesce). Unknown names are a QueryRuntimeError.
 */
import type { EvalContext } from "../execution/context.ts";
import { QueryRuntimeError } from "../errors.ts";
import { TEMPORAL_FUNCTIONS } from "./temporal/index.ts";
import { NodeRef, PathVal, RelRef, Temporal, isMap, typeName, type Value } from "./values.ts";

export interface FunctionDef {
  /** [min, max] number of arguments. */
  arity: [number, number];
  /** Called even when an argument is null (default: a null argument gives null). */
  acceptsNull?: boolean;
  call(args: Value[], ctx: EvalContext): Value;
}

const fail = (fn: string, expected: string, got: Value): never => {
  throw new QueryRuntimeError(`${fn}() expects ${expected}, got ${typeName(got)}`).as("TypeError", "InvalidArgumentValue");
};
const str = (fn: string, v: Value): string => (typeof v === "string" ? v : fail(fn, "a string", v));
const list = (fn: string, v: Value): Value[] => (Array.isArray(v) ? v : fail(fn, "a list", v));
const num = (fn: string, v: Value): number => (typeof v === "number" ? v : fail(fn, "a number", v));

const text = (fn: string, f: (s: string) => Value): FunctionDef => ({ arity: [1, 1], call: ([s]) => f(str(fn, s)) });
const math = (fn: string, f: (n: number) => number): FunctionDef => ({ arity: [1, 1], call: ([n]) => f(num(fn, n)) });

export const FUNCTIONS: Record<string, FunctionDef> = {
  type: { arity: [1, 1], call: ([r], ctx) => (r instanceof RelRef ? ctx.index.typeName(r.idx) : fail("type", "a relationship", r)) },
  labels: { arity: [1, 1], call: ([n], ctx) => (n instanceof NodeRef ? [...ctx.index.nodeLabels[n.idx]] : fail("labels", "a node", n)) },
  id: {
    arity: [1, 1],
    call: ([x], ctx) =>
      x instanceof NodeRef ? ctx.index.nodeKeys[x.idx] : x instanceof RelRef ? ctx.index.edgeKey(x.idx) : fail("id", "a node or relationship", x),
  },
  keys: { arity: [1, 1], call: ([x], ctx) => Object.keys(propsOf("keys", x, ctx)) },
  properties: { arity: [1, 1], call: ([x], ctx) => ({ ...propsOf("properties", x, ctx) }) as Value },
  nodes: { arity: [1, 1], call: ([p]) => (p instanceof PathVal ? p.nodes.map((i) => new NodeRef(i)) : fail("nodes", "a path", p)) },
  relationships: { arity: [1, 1], call: ([p]) => (p instanceof PathVal ? p.rels.map((i) => new RelRef(i)) : fail("relationships", "a path", p)) },
  length: {
    arity: [1, 1],
    call: ([x]) => (x instanceof PathVal ? x.rels.length : typeof x === "string" || Array.isArray(x) ? x.length : fail("length", "a path", x)),
  },
  size: { arity: [1, 1], call: ([x]) => (typeof x === "string" || Array.isArray(x) ? x.length : fail("size", "a list or string", x)) },
  tolower: text("toLower", (s) => s.toLowerCase()),
  toupper: text("toUpper", (s) => s.toUpperCase()),
  trim: text("trim", (s) => s.trim()),
  ltrim: text("ltrim", (s) => s.trimStart()),
  rtrim: text("rtrim", (s) => s.trimEnd()),
  reverse: { arity: [1, 1], call: ([x]) => (typeof x === "string" ? [...x].reverse().join("") : [...list("reverse", x)].reverse()) },
  split: { arity: [2, 2], call: ([s, d]) => str("split", s).split(str("split", d)) },
  replace: { arity: [3, 3], call: ([s, a, b]) => str("replace", s).split(str("replace", a)).join(str("replace", b)) },
  substring: {
    arity: [2, 3],
    call: ([s, from, len]) => str("substring", s).substr(num("substring", from), len === undefined ? undefined : num("substring", len)),
  },
  tostring: {
    arity: [1, 1],
    call: ([x]) => (x instanceof Temporal ? x.toString() : typeof x === "object" ? fail("toString", "a string, number, boolean or temporal value", x) : String(x)),
  },
  tointeger: { arity: [1, 1], call: ([x]) => toNumber(x, true) },
  tofloat: { arity: [1, 1], call: ([x]) => toNumber(x, false) },
  // openCypher reads booleans and the strings 'true'/'false' (any case); another string is null, another type an error.
  toboolean: { arity: [1, 1], call: ([x]) => (typeof x === "boolean" ? x : typeof x === "string" ? ({ true: true, false: false } as Record<string, boolean>)[x.toLowerCase()] ?? null : fail("toBoolean", "a boolean or string", x)) },
  coalesce: { arity: [1, Infinity], acceptsNull: true, call: (args) => args.find((a) => a !== null) ?? null },
  head: { arity: [1, 1], call: ([l]) => list("head", l)[0] ?? null },
  last: { arity: [1, 1], call: ([l]) => list("last", l).at(-1) ?? null },
  tail: { arity: [1, 1], call: ([l]) => list("tail", l).slice(1) },
  range: {
    arity: [2, 3],
    call: ([a, b, s]) => {
      const step = s === undefined ? 1 : num("range", s);
      if (step === 0) throw new QueryRuntimeError("range() step must not be 0");
      const out: number[] = [];
      for (let i = num("range", a); step > 0 ? i <= num("range", b) : i >= num("range", b); i += step) {
        if (out.length >= 1_000_000) throw new QueryRuntimeError("range() would produce more than 1,000,000 items");
        out.push(i);
      }
      return out;
    },
  },
  startnode: { arity: [1, 1], call: ([r], ctx) => (r instanceof RelRef ? new NodeRef(ctx.index.edgeSource[r.idx]) : fail("startNode", "a relationship", r)) },
  endnode: { arity: [1, 1], call: ([r], ctx) => (r instanceof RelRef ? new NodeRef(ctx.index.edgeTarget[r.idx]) : fail("endNode", "a relationship", r)) },
  // A uniform number in [0, 1): the one function whose value a query does not fix (the TCK builds random lists with it).
  rand: { arity: [0, 0], call: () => Math.random() },
  abs: math("abs", Math.abs),
  ceil: math("ceil", Math.ceil),
  floor: math("floor", Math.floor),
  round: math("round", Math.round),
  sqrt: math("sqrt", Math.sqrt),
  sign: math("sign", Math.sign),
  ...TEMPORAL_FUNCTIONS,
};

function propsOf(fn: string, x: Value, ctx: EvalContext): Record<string, Value> {
  if (x instanceof NodeRef) return ctx.index.nodeProps(x.idx) as Record<string, Value>;
  if (x instanceof RelRef) return ctx.index.edgeProps(x.idx) as Record<string, Value>;
  if (isMap(x)) return x;
  return fail(fn, "a node, relationship or map", x);
}

function toNumber(x: Value, integer: boolean): Value {
  const n = typeof x === "number" ? x : typeof x === "string" ? Number(x.trim() || NaN) : typeof x === "boolean" && integer ? Number(x) : NaN;
  if (Number.isNaN(n)) return typeof x === "string" ? null : fail(integer ? "toInteger" : "toFloat", "a number or string", x);
  return integer ? Math.trunc(n) : n;
}

/** Calls a scalar function by name after checking it exists and its arity. */
export function callFunction(name: string, args: Value[], ctx: EvalContext): Value {
  const def = FUNCTIONS[name.toLowerCase()];
  if (!def) throw new QueryRuntimeError(`unknown function ${name}()`);
  const [min, max] = def.arity;
  if (args.length < min || args.length > max) {
    throw new QueryRuntimeError(`${name}() takes ${min === max ? min : `${min} to ${max}`} argument(s), got ${args.length}`);
  }
  if (!def.acceptsNull && args.some((a) => a === null)) return null;
  return def.call(args, ctx);
}
