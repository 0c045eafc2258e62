/**
 * Where AST nodes came from in the query text, kept beside the tree rather
 * than in it: the planner and projection compare expressions structurally
 * (ORDER BY matches a RETURN item by its JSON), and two mentions of `a.name`
 * must stay equal although they stand at different columns. The parser records
 * a position for variables, calls and pattern elements; the semantic analysis
 * reads it to say where an error is.
 */

export interface SourcePosition {
  line: number;
  column: number;
}

const positions = new WeakMap<object, SourcePosition>();

/** Records that `node` starts at `at` (a token); returns the node, so the parser can wrap its result. */
export function placed<T extends object>(node: T, at: SourcePosition): T {
  positions.set(node, { line: at.line, column: at.column });
  return node;
}

/** Where `node` starts, when the parser recorded it. */
export function positionOf(node: object): SourcePosition | undefined {
  return positions.get(node);
}
