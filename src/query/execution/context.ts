/**
 * What expression evaluation needs besides the expression: the graph index, the
 * query parameters, the guard, and — inside RETURN/WITH — the values of the
 * aggregate calls already computed for the current group.
 */
import type { Clause, Expr } from "../syntax/ast.ts";
import type { GraphIndex } from "../indexes/graph-index.ts";
import type { Guard } from "./guards.ts";
import type { PathSearcher } from "../paths/path-search.ts";
import type { Value } from "../expressions/values.ts";

/** Variable bindings of one row flowing between clauses. */
export type Row = Record<string, Value>;

/**
 * Rows are built from this class, not from `{}`: every `{}` in the process
 * starts from one shared hidden class, and after graphology has loaded a 100k-node
 * graph, adding properties to a fresh `{}` cost ~2 µs and several hundred bytes
 * per row (measured in the bench child: a 5,766-row typed pattern spent more
 * time there, and in the collections it caused, than in matching). A class of
 * our own keeps a small transition tree of its own. No enumerable members, so
 * `for…in`, spread and `in` see what they would on `{}`.
 */
class Bindings {}

/** A new empty row. */
export const newRow = (): Row => new Bindings() as Row;

export interface EvalContext {
  index: GraphIndex;
  searcher: PathSearcher;
  params: Record<string, Value>;
  guard: Guard;
  aggregates?: Map<Expr, Value>;
  /**
   * Runs a subquery's clauses from one row and streams its rows (EXISTS,
   * COUNT, pattern predicates and comprehensions). Set by the executor, which
   * owns the clause machinery that expressions must not import.
   */
  subquery?: (clauses: Clause[], row: Row) => Iterable<Row>;
  /**
   * When the query started (epoch ms): date(), datetime() and the other
   * clocks read this, so every call in one query sees the same instant, as
   * openCypher's statement clock requires. Absent: the wall clock.
   */
  statementTime?: number;
}
