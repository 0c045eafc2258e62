/**
 * Pattern grammar: `[p =] [shortestPath|allShortestPaths] (a:L {k: v})-[r:T|U *1..3 {k: v}]->(b)…`.
 * Arrows arrive from the lexer as separate `<`, `-`, `>` tokens and are assembled here.
 */
import type { Direction, Expr, NodePattern, PatternPart, RelPattern } from "./ast.ts";
import { parseMap } from "./parse-atom.ts";
import type { TokenStream } from "./token-stream.ts";
import { placed } from "./positions.ts";

export function parsePatternPart(ts: TokenStream): PatternPart {
  let pathVariable: string | null = null;
  const start = ts.peek();
  if (ts.peek().kind === "ident" && ts.isPunct("=", 1)) {
    pathVariable = ts.next().text;
    ts.next();
  }
  for (const [word, shortest] of [["SHORTESTPATH", "single"], ["ALLSHORTESTPATHS", "all"]] as const) {
    if (ts.isKeyword(word) && ts.isPunct("(", 1)) {
      ts.pos += 2;
      const chain = parseChain(ts);
      ts.expectPunct(")");
      if (chain.rels.length !== 1) ts.fail(`${word === "SHORTESTPATH" ? "shortestPath" : "allShortestPaths"} over exactly one relationship pattern`);
      return placed({ pathVariable, shortest, ...chain }, start);
    }
  }
  return placed({ pathVariable, shortest: "none", ...parseChain(ts) }, start);
}

function parseChain(ts: TokenStream): Pick<PatternPart, "nodes" | "rels"> {
  const nodes = [parseNode(ts)];
  const rels: RelPattern[] = [];
  while (ts.isPunct("-") || (ts.isPunct("<") && ts.isPunct("-", 1))) {
    rels.push(parseRel(ts));
    nodes.push(parseNode(ts));
  }
  return { nodes, rels };
}

function parseProperties(ts: TokenStream): Expr | null {
  if (ts.isPunct("{")) return parseMap(ts);
  if (ts.peek().kind === "param") {
    const at = ts.peek();
    return placed<Expr>({ kind: "param", name: ts.next().text }, at);
  }
  return null;
}

function parseNode(ts: TokenStream): NodePattern {
  ts.expectPunct("(");
  // Positioned at its variable, else at the opening parenthesis.
  const start = ts.peek().kind === "ident" ? ts.peek() : ts.previous();
  const variable = ts.peek().kind === "ident" ? ts.next().text : null;
  const labels: string[][] = [];
  while (ts.acceptPunct(":")) {
    const any = [ts.expectName("a label name")];
    while (ts.acceptPunct("|")) {
      ts.acceptPunct(":");
      any.push(ts.expectName("a label name"));
    }
    labels.push(any);
  }
  const properties = parseProperties(ts);
  ts.expectPunct(")");
  return placed({ variable, labels, properties }, start);
}

function parseRel(ts: TokenStream): RelPattern {
  // Positioned at its variable, else where the relationship starts.
  let start = ts.peek();
  const leftArrow = ts.acceptPunct("<");
  ts.expectPunct("-");
  let variable: string | null = null;
  let types: string[] = [];
  let properties: Expr | null = null;
  let range: RelPattern["range"] = null;
  if (ts.acceptPunct("[")) {
    if (ts.peek().kind === "ident") {
      start = ts.peek();
      variable = ts.next().text;
    }
    if (ts.acceptPunct(":")) {
      types.push(ts.expectName("a relationship type"));
      while (ts.acceptPunct("|")) {
        ts.acceptPunct(":");
        types.push(ts.expectName("a relationship type"));
      }
    }
    if (ts.acceptPunct("*")) range = parseRange(ts);
    else if (ts.isPunct("..")) ts.fail("* before a hop range", ts.peek(), "InvalidRelationshipPattern");
    properties = parseProperties(ts);
    ts.expectPunct("]");
  }
  ts.expectPunct("-");
  const rightArrow = ts.acceptPunct(">");
  if (leftArrow && rightArrow) ts.fail("a relationship with at most one arrow head", ts.previous());
  const direction: Direction = rightArrow ? "right" : leftArrow ? "left" : "both";
  return placed({ variable, types, properties, direction, range }, start);
}

/** After `*`: nothing (1..∞), `n` (exactly n), `n..`, `..m`, `n..m`. */
function parseRange(ts: TokenStream): { min: number; max: number | null } {
  const int = (): number | null => {
    const t = ts.peek();
    if (t.kind !== "number") return null;
    if (!Number.isInteger(t.value) || t.value! < 0) ts.fail("a non-negative integer hop count");
    ts.next();
    return t.value!;
  };
  if (ts.isPunct("-")) ts.fail("a non-negative hop count", ts.peek(), "InvalidRelationshipPattern");
  const min = int();
  if (!ts.acceptPunct("..")) return min === null ? { min: 1, max: null } : { min, max: min };
  const max = int();
  if (min !== null && max !== null && max < min) ts.fail(`an upper hop bound of at least ${min}`, ts.previous());
  return { min: min ?? 1, max };
}
