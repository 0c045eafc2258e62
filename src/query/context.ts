/**
 * What expression evaluation needs besides the expression: the graph index, the
 * query parameters, the guard, and — inside RETURN/WITH — the values of the
 * aggregate calls already computed for the current group.
 */
import type { Expr } from "./ast.ts";
import type { GraphIndex } from "./graph-index.ts";
import type { Guard } from "./guards.ts";
import type { PathSearcher } from "./path-search.ts";
import type { Value } from "./values.ts";

/** Variable bindings of one row flowing between clauses. */
export type Row = Record<string, Value>;

export interface EvalContext {
  index: GraphIndex;
  searcher: PathSearcher;
  params: Record<string, Value>;
  guard: Guard;
  aggregates?: Map<Expr, Value>;
}
