/**
 * WHERE conjuncts the planner pushed into a node scan (`n.key <op> constant`,
 * see planner.ts) as one test of a node index, so a scan over 100k nodes
 * builds no row for the nodes that fail them. Same operator functions and
 * evaluation order as evaluate(), so the answers (and errors) are the same.
 */
import type { Expr } from "../syntax/ast.ts";
import type { EvalContext, Row } from "../execution/context.ts";
import { evaluate } from "../expressions/evaluate.ts";
import { OPERATORS } from "../expressions/operators.ts";
import type { Value } from "../expressions/values.ts";

const always = () => true;

export function propTests(exprs: Expr[], row: Row, ctx: EvalContext): (idx: number) => boolean {
  if (!exprs.length) return always;
  const tests = exprs.map((e) => {
    const b = e as Extract<Expr, { kind: "binary" }>;
    const propOnLeft = b.left.kind === "prop";
    const prop = (propOnLeft ? b.left : b.right) as Extract<Expr, { kind: "prop" }>;
    const constant = propOnLeft ? b.right : b.left;
    const op = OPERATORS[b.op as keyof typeof OPERATORS];
    let c: Value | undefined;
    return (idx: number) => {
      // The constant is evaluated once, at the first node tested, where evaluate() would first meet it.
      const value = (ctx.index.nodeProp(idx, prop.key) as Value) ?? null;
      if (c === undefined) c = evaluate(constant, row, ctx);
      return (propOnLeft ? op(value, c) : op(c, value)) === true;
    };
  });
  return (idx) => {
    for (const t of tests) if (!t(idx)) return false;
    return true;
  };
}

