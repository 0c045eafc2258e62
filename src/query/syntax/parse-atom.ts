/**
 * Atoms of the expression grammar: literals, parameters, lists and list
 * comprehensions, maps, CASE, function calls (with DISTINCT and count(*)),
 * variables and parenthesized expressions.
 */
import type { Expr } from "./ast.ts";
import { parseExpression } from "./parse-expression.ts";
import type { TokenStream } from "./token-stream.ts";

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
      return { kind: "literal", value: t.value! };
    case "string":
      ts.next();
      return { kind: "literal", value: t.text };
    case "param":
      ts.next();
      return { kind: "param", name: t.text };
    case "punct":
      if (t.text === "(") {
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
        return CONSTANTS[upper];
      }
      if (upper === "CASE") return parseCase(ts);
      if (RESERVED.has(upper)) break;
      if (ts.isPunct("(", 1)) return parseCall(ts);
      ts.next();
      return { kind: "var", name: t.text };
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

function parseCall(ts: TokenStream): Expr {
  const name = ts.next().text;
  ts.expectPunct("(");
  if (ts.acceptPunct("*")) {
    ts.expectPunct(")");
    return { kind: "call", name, distinct: false, args: [], star: true };
  }
  const distinct = ts.acceptKeyword("DISTINCT");
  const args: Expr[] = [];
  if (!ts.isPunct(")")) {
    do args.push(parseExpression(ts));
    while (ts.acceptPunct(","));
  }
  ts.expectPunct(")");
  return { kind: "call", name, distinct, args, star: false };
}
