/**
 * Semantic analysis: the rules a parsed query must keep before it runs, with
 * openCypher's names for the errors (class SyntaxError, detail
 * UndefinedVariable, VariableTypeConflict, InvalidAggregation, …; a few
 * TypeError). The engine calls `analyze` between parsing and execution, so a
 * wrong query fails whole, at once, and the same way on an empty graph as on a
 * full one. Modules: scope.ts and types.ts (what is bound, as what),
 * clauses.ts (the walk), patterns.ts, projections.ts, aggregation.ts,
 * expressions.ts and functions.ts (the rules), fail.ts (the error).
 */
import type { Query } from "../syntax/ast.ts";
import { checkClauses } from "./clauses.ts";

/** Throws a QuerySemanticError (with `.cypher`, and line and column where known) if `query` breaks a rule. */
export function analyze(query: Query): void {
  checkClauses(query.clauses, new Map());
  for (const part of query.unions ?? []) checkClauses(part.clauses, new Map());
}
