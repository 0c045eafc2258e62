/**
 * Atoms of the expression grammar: literals, parameters, lists and list
 * comprehensions, maps, CASE, function calls (with DISTINCT and count(*);
 * namespaced names such as `date.truncate(…)`),
 * list quantifiers, EXISTS / COUNT subqueries, patterns as predicates and
 * pattern comprehensions, variables and parenthesized expressions.
 */
import type { Clause, Expr, PatternPart, Quantifier } from "./ast.ts";
import { parseExpression } from "./parse-expression.ts";
import { parsePatternPart } from "./parse-pattern.ts";
import { parseSubqueryBody } from "./parser.ts";
import type { TokenStream } from "./token-stream.ts";
import { placed } from "./positions.ts";

const QUANTIFIERS = new Set(["ANY", "ALL", "NONE", "SINGLE"]);

const CONSTANTS: Record<string, Expr> = {
  TRUE: { kind: "literal", value: true },
  FALSE: { kind: "literal", value: false },
  NULL: { kind: "literal", value: null },
};

/** Words that end an expression and so can never start one as a variable. */
const RESERVED = new Set([
  "MATCH", "OPTIONAL", "WHERE", "WITH", "RETURN", "UNWIND", "ORDER", "BY", "SKIP", "LIMIT", "ASC", "DESC",
  "ASCENDING", "DESCENDING", "AND", "OR", "XOR", "NOT", "IN", "IS", "AS", "DISTINCT", "CASE", "WHEN", "THEN",
  "ELSE", "END", "STARTS", "ENDS", "CONTAINS", "UNION", "CREATE", "DELETE", "SET", "MERGE", "REMOVE",
]);

export function parseAtom(ts: TokenStream): Expr {
  const t = ts.peek();
  switch (t.kind) {
    case "number":
      ts.next();
      return placed({ kind: "literal", value: t.value! }, t);
    case "string":
      ts.next();
      return placed({ kind: "literal", value: t.text }, t);
    case "param":
      ts.next();
      return placed({ kind: "param", name: t.text }, t);
    case "punct":
      if (t.text === "(") {
        const pattern = tryRelationshipPattern(ts);
        if (pattern) return placed({ kind: "subquery", mode: "exists", clauses: [matchOf([pattern], null)], bare: true }, t);
        ts.next();
        const inner = parseExpression(ts);
        ts.expectPunct(")");
        return inner;
      }
      if (t.text === "[") return parseListOrComprehension(ts);
      if (t.text === "{") return parseMap(ts);
      break;
    case "ident": {
      const upper = t.quoted ? "" : t.text.toUpperCase();
      if (upper in CONSTANTS) {
        ts.next();
        return placed({ ...CONSTANTS[upper] }, t);
      }
      if (upper === "CASE") return parseCase(ts);
      if (RESERVED.has(upper)) break;
      if (QUANTIFIERS.has(upper) && ts.isPunct("(", 1) && ts.peek(2).kind === "ident" && ts.isKeyword("IN", 3)) return parseQuantifier(ts);
      if ((upper === "EXISTS" || upper === "COUNT") && ts.isPunct("{", 1)) {
        ts.pos += 2;
        const clauses = ts.nested(() => parseSubqueryBody(ts));
        ts.expectPunct("}");
        return { kind: "subquery", mode: upper === "EXISTS" ? "exists" : "count", clauses };
      }
      if (ts.isPunct("(", 1) || namespacedCallParts(ts) > 1) return parseCall(ts);
      ts.next();
      return placed({ kind: "var", name: t.text }, t);
    }
  }
  return ts.fail("an expression");
}

export function parseMap(ts: TokenStream): Expr {
  ts.expectPunct("{");
  const entries: Array<[string, Expr]> = [];
  if (!ts.isPunct("}")) {
    do {
      const t = ts.peek();
      const key = t.kind === "string" ? ts.next().text : ts.expectName("a map key");
      ts.expectPunct(":");
      entries.push([key, parseExpression(ts)]);
    } while (ts.acceptPunct(","));
  }
  ts.expectPunct("}");
  return { kind: "map", entries };
}

function parseListOrComprehension(ts: TokenStream): Expr {
  ts.expectPunct("[");
  // [(a)-->(b) WHERE pred | expr]
  const pattern = ts.isPunct("(") || (ts.peek().kind === "ident" && ts.isPunct("=", 1)) ? tryRelationshipPattern(ts) : null;
  if (pattern) {
    const where = ts.acceptKeyword("WHERE") ? parseExpression(ts) : null;
    ts.expectPunct("|");
    const map = parseExpression(ts);
    ts.expectPunct("]");
    return { kind: "patternComp", clauses: [matchOf([pattern], where)], map };
  }
  // [x IN list WHERE pred | expr]
  if (ts.peek().kind === "ident" && ts.isKeyword("IN", 1)) {
    const variable = ts.next().text;
    ts.next();
    const source = parseExpression(ts);
    const where = ts.acceptKeyword("WHERE") ? parseExpression(ts) : null;
    const map = ts.acceptPunct("|") ? parseExpression(ts) : null;
    ts.expectPunct("]");
    return { kind: "listComp", variable, source, where, map };
  }
  const items: Expr[] = [];
  if (!ts.isPunct("]")) {
    do items.push(parseExpression(ts));
    while (ts.acceptPunct(","));
  }
  ts.expectPunct("]");
  return { kind: "list", items };
}

function parseCase(ts: TokenStream): Expr {
  ts.expectKeyword("CASE");
  const subject = ts.isKeyword("WHEN") ? null : parseExpression(ts);
  const branches: Array<{ when: Expr; then: Expr }> = [];
  while (ts.acceptKeyword("WHEN")) {
    const when = parseExpression(ts);
    ts.expectKeyword("THEN");
    branches.push({ when, then: parseExpression(ts) });
  }
  if (!branches.length) ts.fail("WHEN");
  const otherwise = ts.acceptKeyword("ELSE") ? parseExpression(ts) : null;
  ts.expectKeyword("END");
  return { kind: "case", subject, branches, otherwise };
}

/**
 * How many names `a.b.c(` joins before its parenthesis (0 when the tokens
 * ahead are not such a call): `date.truncate(…)` is one function, while
 * `d.year` stays a property read.
 */
function namespacedCallParts(ts: TokenStream): number {
  let parts = 1;
  while (ts.isPunct(".", 2 * parts - 1) && ts.peek(2 * parts).kind === "ident" && !ts.peek(2 * parts).quoted) parts++;
  return parts > 1 && ts.isPunct("(", 2 * parts - 1) ? parts : 0;
}

function parseCall(ts: TokenStream): Expr {
  const at = ts.peek();
  const parts = Math.max(1, namespacedCallParts(ts));
  const names = [ts.next().text];
  while (names.length < parts) {
    ts.next(); // the dot
    names.push(ts.next().text);
  }
  const name = names.join(".");
  ts.expectPunct("(");
  if (ts.acceptPunct("*")) {
    ts.expectPunct(")");
    return placed({ kind: "call", name, distinct: false, args: [], star: true }, at);
  }
  const distinct = ts.acceptKeyword("DISTINCT");
  const args: Expr[] = [];
  if (!ts.isPunct(")")) {
    do args.push(parseExpression(ts));
    while (ts.acceptPunct(","));
  }
  ts.expectPunct(")");
  return placed({ kind: "call", name, distinct, args, star: false }, at);
}

function parseQuantifier(ts: TokenStream): Expr {
  const quantifier = ts.next().text.toLowerCase() as Quantifier;
  ts.expectPunct("(");
  const variable = ts.next().text;
  ts.expectKeyword("IN");
  const source = parseExpression(ts);
  ts.expectKeyword("WHERE");
  const where = parseExpression(ts);
  ts.expectPunct(")");
  return { kind: "quantifier", quantifier, variable, source, where };
}

/**
 * A pattern with at least one relationship where an expression may stand
 * (`WHERE (a)-[:T]->(b)`), or null with the stream where it was: `(a)` alone
 * and `(a.x + 1)` are parenthesized expressions.
 */
function tryRelationshipPattern(ts: TokenStream): PatternPart | null {
  const start = ts.pos;
  try {
    const part = parsePatternPart(ts);
    if (part.rels.length > 0) return part;
  } catch {
    // not a pattern: read it as an expression
  }
  ts.pos = start;
  return null;
}

const matchOf = (patterns: PatternPart[], where: Expr | null): Clause => ({ kind: "match", optional: false, patterns, where });
