/**
 * Expression grammar of the openCypher subset, by precedence from loosest to
 * tightest: OR, XOR, AND, NOT, comparison, string/list/null predicates,
 * + -, * / %, ^, unary + -, postfix (.prop, [i], [a..b], :Label), atoms.
 */
import type { BinaryOp, Expr } from "./ast.ts";
import type { TokenStream } from "./token-stream.ts";
// Atoms (literals, lists, maps, CASE, calls, parentheses) live in parse-atom.ts;
// the two modules recurse into each other only at run time.
import { parseAtom } from "./parse-atom.ts";

const COMPARISON: BinaryOp[] = ["=", "<>", "<=", ">=", "<", ">", "=~"];

export function parseExpression(ts: TokenStream): Expr {
  return ts.nested(() => parseBinary(ts, 0));
}

/** Loosest levels, all left-associative keyword operators. */
const KEYWORD_LEVELS: BinaryOp[] = ["OR", "XOR", "AND"];

function parseBinary(ts: TokenStream, level: number): Expr {
  if (level === KEYWORD_LEVELS.length) return parseNot(ts);
  const op = KEYWORD_LEVELS[level];
  let left = parseBinary(ts, level + 1);
  while (ts.acceptKeyword(op)) left = { kind: "binary", op, left, right: parseBinary(ts, level + 1) };
  return left;
}

function parseNot(ts: TokenStream): Expr {
  if (ts.acceptKeyword("NOT")) return ts.nested(() => ({ kind: "unary", op: "NOT", arg: parseNot(ts) }));
  return parseComparison(ts);
}

/** `a < b <= c` means `a < b AND b <= c`, as in openCypher. */
function parseComparison(ts: TokenStream): Expr {
  const first = parsePredicates(ts);
  let result: Expr | null = null;
  let left = first;
  for (;;) {
    const t = ts.peek();
    const op = t.kind === "punct" ? COMPARISON.find((o) => o === t.text) : undefined;
    if (!op) break;
    ts.next();
    const right = parsePredicates(ts);
    const cmp: Expr = { kind: "binary", op, left, right };
    result = result ? { kind: "binary", op: "AND", left: result, right: cmp } : cmp;
    left = right;
  }
  return result ?? first;
}

function parsePredicates(ts: TokenStream): Expr {
  let left = parseAdditive(ts);
  for (;;) {
    if (ts.acceptKeyword("STARTS", "WITH")) left = { kind: "binary", op: "STARTS WITH", left, right: parseAdditive(ts) };
    else if (ts.acceptKeyword("ENDS", "WITH")) left = { kind: "binary", op: "ENDS WITH", left, right: parseAdditive(ts) };
    else if (ts.acceptKeyword("CONTAINS")) left = { kind: "binary", op: "CONTAINS", left, right: parseAdditive(ts) };
    else if (ts.acceptKeyword("IN")) left = { kind: "binary", op: "IN", left, right: parseAdditive(ts) };
    else if (ts.acceptKeyword("IS", "NOT", "NULL")) left = { kind: "isNull", arg: left, negated: true };
    else if (ts.acceptKeyword("IS", "NULL")) left = { kind: "isNull", arg: left, negated: false };
    else if (ts.isKeyword("IS")) ts.fail("NULL or NOT NULL", ts.peek(1));
    else return left;
  }
}

function parseLeftAssoc(ts: TokenStream, ops: BinaryOp[], operand: (ts: TokenStream) => Expr): Expr {
  let left = operand(ts);
  for (;;) {
    const t = ts.peek();
    const op = t.kind === "punct" ? ops.find((o) => o === t.text) : undefined;
    if (!op) return left;
    ts.next();
    left = { kind: "binary", op, left, right: operand(ts) };
  }
}

const parseAdditive = (ts: TokenStream) => parseLeftAssoc(ts, ["+", "-"], parseMultiplicative);
const parseMultiplicative = (ts: TokenStream) => parseLeftAssoc(ts, ["*", "/", "%"], parsePower);
const parsePower = (ts: TokenStream) => parseLeftAssoc(ts, ["^"], parseUnary);

function parseUnary(ts: TokenStream): Expr {
  if (ts.isPunct("-") || ts.isPunct("+")) {
    const op = ts.next().text as "-" | "+";
    return ts.nested(() => ({ kind: "unary", op, arg: parseUnary(ts) }));
  }
  return parsePostfix(ts);
}

function parsePostfix(ts: TokenStream): Expr {
  let expr = parseAtom(ts);
  for (;;) {
    if (ts.acceptPunct(".")) {
      expr = { kind: "prop", object: expr, key: ts.expectName("a property name") };
    } else if (ts.acceptPunct("[")) {
      const from = ts.isPunct("..") ? null : parseExpression(ts);
      if (ts.acceptPunct("..")) {
        const to = ts.isPunct("]") ? null : parseExpression(ts);
        expr = { kind: "slice", object: expr, from, to };
      } else {
        expr = { kind: "index", object: expr, index: from! };
      }
      ts.expectPunct("]");
    } else if (ts.isPunct(":") && expr.kind === "var") {
      const labels: string[] = [];
      while (ts.acceptPunct(":")) labels.push(ts.expectName("a label name"));
      expr = { kind: "labelTest", arg: expr, labels };
    } else {
      return expr;
    }
  }
}
