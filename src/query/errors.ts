/**
 * Typed errors of the query engine. Callers (CLI, HTTP server) map these classes
 * to messages and status codes; tests assert the class and its fields, not wording.
 * Every class carries `expose = true`: its message is meant for the user.
 */

/**
 * openCypher's name for an error, as its TCK and Neo4j give it: the class
 * (`SyntaxError`, `TypeError`, `ArgumentError`, …) and the detail
 * (`UndefinedVariable`, `InvalidArgumentType`, …). A query ported from Neo4j
 * fails with the same pair here.
 */
export interface CypherErrorName {
  class: string;
  detail: string;
}

/** Base class of every error the query engine throws on purpose. */
export class QueryError extends Error {
  override name = "QueryError";
  expose = true;
  /** Stable machine-readable code for API responses. */
  code = "query_error";
  /** openCypher's class and detail, where the language names this error. */
  cypher?: CypherErrorName;

  /** This error, named as openCypher names it. */
  as(cypherClass: string, detail: string): this {
    this.cypher = { class: cypherClass, detail };
    return this;
  }
}

/**
 * The query text does not parse: where, and what the parser expected there.
 * `detail` names the error as openCypher does (class `SyntaxError`): the
 * parser passes `UnexpectedSyntax` unless it knows better (`InvalidNumberLiteral`,
 * `IntegerOverflow`, …); console shortcuts pass none.
 */
export class QuerySyntaxError extends QueryError {
  override name = "QuerySyntaxError";
  override code = "syntax_error";
  constructor(
    readonly line: number,
    readonly column: number,
    readonly expected: string,
    readonly found: string,
    detail?: string,
  ) {
    super(`syntax error at line ${line}, column ${column}: expected ${expected}, found ${found}`);
    if (detail) this.as("SyntaxError", detail);
  }
}

export type GuardName = "time" | "rows" | "expansions";

/** A guard stopped the query: the time limit, the row cap or the expansion cap. */
export class QueryGuardError extends QueryError {
  override name = "QueryGuardError";
  override code = "guard";
  constructor(
    readonly guard: GuardName,
    readonly limit: number,
  ) {
    const what: Record<GuardName, string> = {
      time: `the time limit of ${limit} ms`,
      rows: `the cap of ${limit} rows`,
      expansions: `the cap of ${limit} path expansions`,
    };
    super(`query stopped by the ${guard} guard: it exceeded ${what[guard]}; narrow the pattern (labels, names, a bounded *..N) or add LIMIT`);
  }
}

/**
 * A console shortcut or path() named something no node is called; with "did you mean".
 * Per the API contract `name` holds the unknown name (not the class name): test with
 * `instanceof UnknownNameError` or `code === "unknown_name"`.
 */
export class UnknownNameError extends QueryError {
  override name: string;
  override code = "unknown_name";
  constructor(
    unknown: string,
    readonly suggestions: string[],
  ) {
    const hint = suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?` : "";
    super(`no node is called "${unknown}"${hint}`);
    this.name = unknown;
  }
}

/** The query parsed but cannot run: unknown function, wrong argument type, unbound variable. */
export class QueryRuntimeError extends QueryError {
  override name = "QueryRuntimeError";
  override code = "runtime_error";
}

/**
 * The query parses but breaks a rule checked before it runs (src/query/semantic/):
 * an undefined variable, a variable used as two kinds of thing, an aggregate
 * out of place, an argument of the wrong type. Always carries openCypher's
 * class and detail; `line` and `column` point at the offending variable,
 * pattern or call where the parser recorded one. A QueryRuntimeError (code
 * `runtime_error`) as these errors were before the analysis found them early.
 */
export class QuerySemanticError extends QueryRuntimeError {
  override name = "QuerySemanticError";
  constructor(
    message: string,
    cypher: CypherErrorName,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? message : `${message} (line ${line}, column ${column})`);
    this.cypher = cypher;
  }
}
