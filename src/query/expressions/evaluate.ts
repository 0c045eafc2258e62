/**
 * Expression evaluator: one Expr, one row of bindings → one value, with
 * openCypher's three-valued logic (AND/OR/XOR/NOT over true, false and null).
 */
import type { Clause, Expr } from "../syntax/ast.ts";
import { isAggregateCall } from "./aggregates.ts";
import type { EvalContext, Row } from "../execution/context.ts";
import { QueryRuntimeError } from "../errors.ts";
import { callFunction } from "./functions.ts";
import { OPERATORS } from "./operators.ts";
import { temporalComponent } from "./temporal/index.ts";
import { NodeRef, RelRef, Temporal, isMap, typeName, type Value } from "./values.ts";

export function evaluate(e: Expr, row: Row, ctx: EvalContext): Value {
  switch (e.kind) {
    case "literal":
      return e.value;
    case "list":
      return e.items.map((x) => evaluate(x, row, ctx));
    case "map":
      return Object.fromEntries(e.entries.map(([k, v]) => [k, evaluate(v, row, ctx)]));
    case "param":
      if (!(e.name in ctx.params)) throw new QueryRuntimeError(`missing parameter $${e.name}`).as("ParameterMissing", "MissingParameter");
      return ctx.params[e.name];
    case "var":
      if (!(e.name in row)) throw new QueryRuntimeError(`variable ${e.name} is not defined`);
      return row[e.name];
    case "prop":
      return property(evaluate(e.object, row, ctx), e.key, ctx);
    case "index":
      return indexValue(evaluate(e.object, row, ctx), evaluate(e.index, row, ctx), ctx);
    case "slice":
      return sliceValue(e, row, ctx);
    case "unary":
      return unary(e.op, evaluate(e.arg, row, ctx));
    case "binary":
      return binary(e, row, ctx);
    case "isNull":
      return (evaluate(e.arg, row, ctx) === null) !== e.negated;
    case "labelTest": {
      const v = evaluate(e.arg, row, ctx);
      if (v === null) return null;
      if (!(v instanceof NodeRef)) throw new QueryRuntimeError(`label test on ${typeName(v)}`).as("TypeError", "InvalidArgumentType");
      const labels = ctx.index.nodeLabels[v.idx];
      return e.labels.every((l) => labels.includes(l));
    }
    case "call":
      if (isAggregateCall(e)) {
        if (!ctx.aggregates?.has(e)) throw new QueryRuntimeError(`aggregate ${e.name}() is only allowed in RETURN or WITH`);
        return ctx.aggregates.get(e)!;
      }
      if (e.star) throw new QueryRuntimeError(`${e.name}(*) is not a function`);
      return callFunction(e.name, e.args.map((a) => evaluate(a, row, ctx)), ctx);
    case "case":
      return caseValue(e, row, ctx);
    case "listComp": {
      const source = evaluate(e.source, row, ctx);
      if (source === null) return null;
      if (!Array.isArray(source)) throw new QueryRuntimeError(`list comprehension over ${typeName(source)}`).as("TypeError", "InvalidArgumentType");
      const out: Value[] = [];
      for (const item of source) {
        ctx.guard.tick();
        const inner = { ...row, [e.variable]: item };
        if (e.where && evaluate(e.where, inner, ctx) !== true) continue;
        out.push(e.map ? evaluate(e.map, inner, ctx) : item);
      }
      return out;
    }
    case "quantifier":
      return quantified(e, row, ctx);
    case "subquery": {
      const rows = subqueryRows(e.clauses, row, ctx);
      if (e.mode === "exists") {
        for (const _ of rows) return true;
        return false;
      }
      let n = 0;
      for (const _ of rows) n++;
      return n;
    }
    case "patternComp": {
      const out: Value[] = [];
      for (const inner of subqueryRows(e.clauses, row, ctx)) out.push(evaluate(e.map, inner, ctx));
      return out;
    }
  }
}

function subqueryRows(clauses: Clause[], row: Row, ctx: EvalContext): Iterable<Row> {
  if (!ctx.subquery) throw new QueryRuntimeError("a subquery or pattern is not allowed here");
  return ctx.subquery(clauses, row);
}

/**
 * any/all/none/single over a list, in three-valued logic: a predicate that is
 * null for some item leaves the answer unknown unless the true/false items
 * already decide it (any: one true; all: one false; single: two true).
 */
function quantified(e: Extract<Expr, { kind: "quantifier" }>, row: Row, ctx: EvalContext): Value {
  const source = evaluate(e.source, row, ctx);
  if (source === null) return null;
  if (!Array.isArray(source)) throw new QueryRuntimeError(`${e.quantifier}() expects a list, got ${typeName(source)}`).as("TypeError", "InvalidArgumentType");
  let trues = 0;
  let nulls = 0;
  for (const item of source) {
    ctx.guard.tick();
    const v = evaluate(e.where, { ...row, [e.variable]: item }, ctx);
    if (v === true) trues++;
    else if (v === null) nulls++;
    else if (v !== false) throw new QueryRuntimeError(`${e.quantifier}() needs a boolean predicate, got ${typeName(v)}`).as("TypeError", "InvalidArgumentType");
    if (e.quantifier === "any" && trues) return true;
    if ((e.quantifier === "none" && trues) || (e.quantifier === "single" && trues > 1)) return false;
  }
  const falses = source.length - trues - nulls;
  switch (e.quantifier) {
    case "any":
      return nulls ? null : false;
    case "all":
      return falses ? false : nulls ? null : true;
    case "none":
      return nulls ? null : true;
    case "single":
      return nulls ? null : trues === 1;
  }
}

export function property(v: Value, key: string, ctx: EvalContext): Value {
  if (v === null) return null;
  if (v instanceof NodeRef) return (ctx.index.nodeProp(v.idx, key) as Value) ?? null;
  if (v instanceof RelRef) return (ctx.index.edgeProps(v.idx)[key] as Value) ?? null;
  if (isMap(v)) return v[key] ?? null;
  if (v instanceof Temporal) return temporalComponent(v, key);
  throw new QueryRuntimeError(`cannot read property ${key} of ${typeName(v)}`).as("TypeError", "InvalidArgumentType");
}

function indexValue(v: Value, i: Value, ctx: EvalContext): Value {
  if (v === null || i === null) return null;
  if (Array.isArray(v)) {
    if (typeof i !== "number" || !Number.isInteger(i)) throw new QueryRuntimeError(`list index must be an integer, got ${typeName(i)}`).as("TypeError", "InvalidArgumentType");
    return v[i < 0 ? v.length + i : i] ?? null;
  }
  if (typeof i === "string") return property(v, i, ctx);
  const error = new QueryRuntimeError(`cannot index ${typeName(v)} with ${typeName(i)}`);
  throw isMap(v) ? error.as("TypeError", "MapElementAccessByNonString") : error.as("TypeError", "InvalidArgumentType");
}

function sliceValue(e: Extract<Expr, { kind: "slice" }>, row: Row, ctx: EvalContext): Value {
  const v = evaluate(e.object, row, ctx);
  const from = e.from ? evaluate(e.from, row, ctx) : 0;
  const to = e.to ? evaluate(e.to, row, ctx) : Array.isArray(v) ? v.length : 0;
  if (v === null || from === null || to === null) return null;
  if (!Array.isArray(v)) throw new QueryRuntimeError(`cannot slice ${typeName(v)}`).as("TypeError", "InvalidArgumentType");
  if (typeof from !== "number" || typeof to !== "number") throw new QueryRuntimeError("list slice bounds must be integers").as("TypeError", "InvalidArgumentType");
  return v.slice(from, to);
}

function unary(op: "NOT" | "-" | "+", v: Value): Value {
  if (v === null) return null;
  if (op === "NOT") {
    if (typeof v !== "boolean") throw new QueryRuntimeError(`NOT expects a boolean, got ${typeName(v)}`).as("TypeError", "InvalidArgumentType");
    return !v;
  }
  if (typeof v !== "number") throw new QueryRuntimeError(`unary ${op} expects a number, got ${typeName(v)}`).as("TypeError", "InvalidArgumentType");
  return op === "-" ? -v : v;
}

function truth(v: Value, op: string): boolean | null {
  if (v === null || typeof v === "boolean") return v;
  throw new QueryRuntimeError(`${op} expects booleans, got ${typeName(v)}`).as("TypeError", "InvalidArgumentType");
}

function binary(e: Extract<Expr, { kind: "binary" }>, row: Row, ctx: EvalContext): Value {
  if (e.op === "AND" || e.op === "OR" || e.op === "XOR") {
    const a = truth(evaluate(e.left, row, ctx), e.op);
    if (e.op === "AND" && a === false) return false;
    if (e.op === "OR" && a === true) return true;
    const b = truth(evaluate(e.right, row, ctx), e.op);
    if (e.op === "AND") return b === false ? false : a === null || b === null ? null : true;
    if (e.op === "OR") return b === true ? true : a === null || b === null ? null : false;
    return a === null || b === null ? null : a !== b;
  }
  return OPERATORS[e.op](evaluate(e.left, row, ctx), evaluate(e.right, row, ctx));
}

function caseValue(e: Extract<Expr, { kind: "case" }>, row: Row, ctx: EvalContext): Value {
  const subject = e.subject ? evaluate(e.subject, row, ctx) : undefined;
  for (const b of e.branches) {
    const w = evaluate(b.when, row, ctx);
    const hit = subject === undefined ? w === true : OPERATORS["="](subject, w) === true;
    if (hit) return evaluate(b.then, row, ctx);
  }
  return e.otherwise ? evaluate(e.otherwise, row, ctx) : null;
}
