/**
 * Binary operators (except AND/OR/XOR, which short-circuit in evaluate.ts) as a
 * registry, following openCypher's null rules: any null operand gives null, and
 * comparing values of different types gives null rather than an error.
 */
import type { BinaryOp } from "../syntax/ast.ts";
import { QueryRuntimeError } from "../errors.ts";
import { regexMatches } from "./regex-guard.ts";
import { temporalOperator, type ArithmeticOp } from "./temporal/index.ts";
import { compare, equals, typeName, type Value } from "./values.ts";

type Op = (a: Value, b: Value) => Value;

const strings = (f: (a: string, b: string) => boolean): Op => (a, b) =>
  typeof a === "string" && typeof b === "string" ? f(a, b) : null;

const cmp = (test: (c: number) => boolean): Op => (a, b) => {
  const c = compare(a, b);
  return c === null ? null : test(c);
};

/** Operators that also apply to temporal operands (date - duration, duration * 2). */
const TEMPORAL_OPS = new Set(["-", "*", "/"]);

const arithmetic = (name: string, f: (a: number, b: number) => number): Op => (a, b) => {
  if (a === null || b === null) return null;
  const temporal = TEMPORAL_OPS.has(name) ? temporalOperator(name as ArithmeticOp, a, b) : undefined;
  if (temporal) return temporal;
  if (typeof a !== "number" || typeof b !== "number") throw new QueryRuntimeError(`cannot apply ${name} to ${typeName(a)} and ${typeName(b)}`).as("TypeError", "InvalidArgumentType");
  return f(a, b);
};

/** Integer division when both sides are integers, as openCypher does for INTEGER operands. */
const divide = (a: number, b: number) => {
  if (Number.isInteger(a) && Number.isInteger(b)) {
    if (b === 0) throw new QueryRuntimeError("/ by zero");
    return Math.trunc(a / b);
  }
  return a / b;
};

function plus(a: Value, b: Value): Value {
  if (Array.isArray(a)) return Array.isArray(b) ? [...a, ...b] : [...a, b];
  if (Array.isArray(b)) return [a, ...b];
  if (a === null || b === null) return null;
  if (typeof a === "number" && typeof b === "number") return a + b;
  const temporal = temporalOperator("+", a, b);
  if (temporal) return temporal;
  if ((typeof a === "string" && typeof b !== "object") || (typeof b === "string" && typeof a !== "object")) return String(a) + String(b);
  throw new QueryRuntimeError(`cannot apply + to ${typeName(a)} and ${typeName(b)}`).as("TypeError", "InvalidArgumentType");
}

function inList(a: Value, b: Value): Value {
  if (b === null) return null;
  if (!Array.isArray(b)) throw new QueryRuntimeError(`IN expects a list on its right, got ${typeName(b)}`).as("TypeError", "InvalidArgumentType");
  let unknown = false;
  for (const item of b) {
    const r = equals(a, item);
    if (r === true) return true;
    if (r === null) unknown = true;
  }
  return unknown ? null : false;
}

export const OPERATORS: Record<Exclude<BinaryOp, "AND" | "OR" | "XOR">, Op> = {
  "=": equals,
  "<>": (a, b) => {
    const r = equals(a, b);
    return r === null ? null : !r;
  },
  "<": cmp((c) => c < 0),
  "<=": cmp((c) => c <= 0),
  ">": cmp((c) => c > 0),
  ">=": cmp((c) => c >= 0),
  IN: inList,
  "STARTS WITH": strings((a, b) => a.startsWith(b)),
  "ENDS WITH": strings((a, b) => a.endsWith(b)),
  CONTAINS: strings((a, b) => a.includes(b)),
  "=~": strings(regexMatches),
  "+": plus,
  "-": arithmetic("-", (a, b) => a - b),
  "*": arithmetic("*", (a, b) => a * b),
  "/": arithmetic("/", divide),
  "%": arithmetic("%", (a, b) => a % b),
  "^": arithmetic("^", (a, b) => a ** b),
};
