/**
 * Clause grammar of the read subset and the parser's entry point:
 *   query  := single (UNION [ALL] single)* [;]
 *   single := clause* RETURN projection
 *   clause := [OPTIONAL] MATCH pattern (, pattern)* [WHERE expr]
 *           | UNWIND expr AS name | WITH projection [WHERE expr]
 * Hand-written recursive descent (see docs/query-language.md for why).
 */
import type { Clause, Projection, ProjectionItem, Query, SortItem } from "./ast.ts";
import { parseExpression } from "./parse-expression.ts";
import { parsePatternPart } from "./parse-pattern.ts";
import { placed } from "./positions.ts";
import { TokenStream } from "./token-stream.ts";

const WRITE_CLAUSES = new Set(["CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "CALL", "LOAD", "FOREACH"]);
const READ_CLAUSES = "MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN";

/** Parses query text into an AST; throws QuerySyntaxError (and nothing else) on bad input. */
export function parseQuery(text: string): Query {
  if (typeof text !== "string") throw new TypeError("query/parser: expecting the query text as a string.");
  const ts = new TokenStream(text);
  const clauses = parseSingleQuery(ts);
  const unions: NonNullable<Query["unions"]> = [];
  while (ts.acceptKeyword("UNION")) {
    const all = ts.acceptKeyword("ALL");
    unions.push({ all, clauses: parseSingleQuery(ts) });
  }
  ts.acceptPunct(";");
  if (ts.peek().kind !== "eof") ts.fail(unions.length ? "the end of the query" : "the end of the query after RETURN, or UNION");
  return unions.length ? { clauses, unions } : { clauses };
}

function parseSingleQuery(ts: TokenStream): Clause[] {
  const clauses: Clause[] = [];
  for (;;) {
    const clause = parseClause(ts);
    clauses.push(clause);
    if (clause.kind === "return") return clauses;
  }
}

/**
 * The inside of `EXISTS { … }` / `COUNT { … }`: patterns with an optional
 * WHERE, or clauses (MATCH, WITH, UNWIND) that may end with RETURN.
 */
export function parseSubqueryBody(ts: TokenStream): Clause[] {
  if (!(ts.isKeyword("MATCH") || ts.isKeyword("OPTIONAL") || ts.isKeyword("WITH") || ts.isKeyword("UNWIND"))) return [parseMatch(ts, false)];
  const clauses: Clause[] = [];
  while (!ts.isPunct("}")) {
    const clause = parseClause(ts);
    clauses.push(clause);
    if (clause.kind === "return") break;
  }
  return clauses;
}

function parseClause(ts: TokenStream): Clause {
  if (ts.acceptKeyword("OPTIONAL", "MATCH")) return parseMatch(ts, true);
  if (ts.acceptKeyword("MATCH")) return parseMatch(ts, false);
  if (ts.acceptKeyword("UNWIND")) {
    const expr = parseExpression(ts);
    ts.expectKeyword("AS");
    // Placed at its variable: the error an UNWIND can raise (VariableAlreadyBound) is about that name.
    const at = ts.peek();
    return placed({ kind: "unwind", expr, variable: ts.expectName("a variable name") }, at);
  }
  if (ts.acceptKeyword("WITH")) {
    const projection = parseProjection(ts, true);
    const where = ts.acceptKeyword("WHERE") ? parseExpression(ts) : null;
    return { kind: "with", projection, where };
  }
  if (ts.acceptKeyword("RETURN")) return { kind: "return", projection: parseProjection(ts, false) };
  const t = ts.peek();
  if (t.kind === "ident" && WRITE_CLAUSES.has(t.text.toUpperCase())) ts.fail(`${READ_CLAUSES} (the console is read-only)`);
  return ts.fail(t.kind === "eof" ? `${READ_CLAUSES} (a query ends with RETURN)` : READ_CLAUSES);
}

function parseMatch(ts: TokenStream, optional: boolean): Clause {
  const patterns = [parsePatternPart(ts)];
  while (ts.acceptPunct(",")) patterns.push(parsePatternPart(ts));
  const where = ts.acceptKeyword("WHERE") ? parseExpression(ts) : null;
  return { kind: "match", optional, patterns, where };
}

function parseProjection(ts: TokenStream, isWith: boolean): Projection {
  const distinct = ts.acceptKeyword("DISTINCT");
  let star = false;
  const items: ProjectionItem[] = [];
  if (ts.acceptPunct("*")) star = true;
  if (!star || ts.acceptPunct(",")) {
    do {
      const start = ts.pos;
      const expr = parseExpression(ts);
      const text = ts.textFrom(start);
      let alias = text;
      if (ts.acceptKeyword("AS")) alias = ts.expectName("an alias name");
      else if (isWith && expr.kind !== "var") ts.fail(`AS and an alias for "${text}" (WITH needs names)`, ts.peek(), "NoExpressionAlias");
      items.push({ expr, alias });
    } while (ts.acceptPunct(","));
  }
  const orderBy: SortItem[] = [];
  if (ts.acceptKeyword("ORDER")) {
    ts.expectKeyword("BY");
    do {
      const expr = parseExpression(ts);
      const descending = ts.acceptKeyword("DESC") || ts.acceptKeyword("DESCENDING");
      if (!descending) ts.acceptKeyword("ASC") || ts.acceptKeyword("ASCENDING");
      orderBy.push({ expr, descending });
    } while (ts.acceptPunct(","));
  }
  const skip = ts.acceptKeyword("SKIP") ? parseExpression(ts) : null;
  const limit = ts.acceptKeyword("LIMIT") ? parseExpression(ts) : null;
  return { distinct, star, items, orderBy, skip, limit };
}
