/**
 * The one way the analysis refuses a query: a QuerySemanticError with
 * openCypher's class and detail, placed at the AST node the parser positioned
 * (a variable, a call, a pattern element), or at the nearest one given.
 */
import { QuerySemanticError } from "../errors.ts";
import { positionOf, type SourcePosition } from "../syntax/positions.ts";

/** openCypher's details of the errors raised here (class SyntaxError unless stated). */
export type SemanticDetail =
  | "UndefinedVariable"
  | "VariableTypeConflict"
  | "VariableAlreadyBound"
  | "InvalidArgumentType"
  | "InvalidAggregation"
  | "NestedAggregation"
  | "AmbiguousAggregationExpression"
  | "NonConstantExpression"
  | "NegativeIntegerArgument"
  | "ColumnNameConflict"
  | "NoVariablesInScope"
  | "InvalidParameterUse"
  | "UnknownFunction"
  | "InvalidNumberOfArguments"
  | "UnexpectedSyntax";

export function fail(detail: SemanticDetail, message: string, ...near: Array<object | null | undefined>): never {
  return failAs("SyntaxError", detail, message, ...near);
}

/** The same error under another class (openCypher raises some type errors at compile time as TypeError). */
export function failAs(cypherClass: string, detail: string, message: string, ...near: Array<object | null | undefined>): never {
  const at = near.map((n) => (n ? locate(n) : undefined)).find((p) => p !== undefined);
  throw new QuerySemanticError(message, { class: cypherClass, detail }, at?.line, at?.column);
}

/** Where `node` starts: its own position, else that of its first positioned part (`NOT 1` is where `1` is). */
function locate(node: object, depth = 0): SourcePosition | undefined {
  const own = positionOf(node);
  if (own || depth > 50) return own;
  for (const child of Object.values(node)) {
    const found = child && typeof child === "object" ? locate(child as object, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}
