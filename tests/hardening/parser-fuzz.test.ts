/**
 * Issue 7 item 4, parser fuzzing with fast-check: random strings up to 4 KB,
 * grammar-aware token soup, nesting up to 10,000 levels, long and unterminated
 * literals and comments, odd Unicode. Every input gives an AST or a
 * QuerySyntaxError (no other exception) within 50 ms of parsing. The bound is
 * the issue's: a case over it is parsed up to nine more times, 200 ms apart,
 * and judged on its fastest run, so a scheduler stall on a loaded machine is
 * not taken for a slow parser (a slow parser is slow every time).
 */
import fc from "fast-check";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { parseQuery } from "../../src/query/syntax/parser.ts";
import { QuerySyntaxError } from "../../src/query/errors.ts";

const BOUND_MS = 50;
const stats = { cases: 0, asts: 0, syntaxErrors: 0, maxMs: 0, maxRawMs: 0, slowest: "" };

function timedParse(text: string): number {
  const t0 = performance.now();
  try {
    const ast = parseQuery(text);
    const ms = performance.now() - t0;
    if (!Array.isArray(ast?.clauses) || ast.clauses.at(-1)?.kind !== "return") throw new Error(`not an AST for ${JSON.stringify(text.slice(0, 80))}`);
    stats.asts++;
    return ms;
  } catch (err) {
    const ms = performance.now() - t0;
    if (!(err instanceof QuerySyntaxError)) throw err;
    expect(err.line).toBeGreaterThanOrEqual(1);
    expect(err.column).toBeGreaterThanOrEqual(1);
    stats.syntaxErrors++;
    return ms;
  }
}

/** Parses, checks the outcome, and checks the time bound on the best of up to ten runs. */
async function check(text: string): Promise<void> {
  stats.cases++;
  let best = timedParse(text);
  stats.maxRawMs = Math.max(stats.maxRawMs, best);
  for (let retry = 0; retry < 9 && best >= BOUND_MS; retry++) {
    await sleep(200);
    best = Math.min(best, timedParse(text));
  }
  if (best > stats.maxMs) Object.assign(stats, { maxMs: best, slowest: `${text.length} chars: ${JSON.stringify(text.slice(0, 60))}` });
  if (best >= BOUND_MS) throw new Error(`parse took ${best.toFixed(1)} ms (bound ${BOUND_MS} ms): ${JSON.stringify(text.slice(0, 120))}`);
}

const KEYWORDS = "MATCH OPTIONAL WHERE WITH UNWIND RETURN AS ORDER BY SKIP LIMIT DISTINCT ASC DESC AND OR XOR NOT IN IS NULL TRUE FALSE CASE WHEN THEN ELSE END STARTS ENDS CONTAINS shortestPath allShortestPaths count labels type CREATE DELETE".split(" ");
const PUNCT = "( ) [ ] { } , . .. : | ; = <> < > <= >= =~ + - * / % ^ $ -> <- -- -[ ]- ]-> <-[".split(" ");
const ATOMS = ["a", "n", "r", "p", "`x y`", "$param", "0", "42", "1.5e3", ".5", "0x1F", "'s'", '"d"', "'it''s'", "'\\u00e9'", "Actor", "NEGOTIATED_WITH", "name"];
const ODD = ["\u0000", "\u200b", "\u202e", "\ufeff", "\ud800", "\udfff", "😀", "é", "\u0301", "ß", "İ", "\t", "\r\n", "\u2028", "'", '"', "`", "\\", "/*", "*/", "//"];

const tokenSoup = fc
  .array(fc.oneof(fc.constantFrom(...KEYWORDS), fc.constantFrom(...PUNCT), fc.constantFrom(...ATOMS), fc.constantFrom(...ODD)), { maxLength: 800 })
  .chain((tokens) => fc.constantFrom(" ", "", "\n").map((sep) => tokens.join(sep).slice(0, 4096)));

/** Openers and closers of every nesting production, with a body for the innermost level. */
const NESTINGS: Array<[string, string, string]> = [
  ["(", ")", "1"],
  ["[", "]", "1"],
  ["{a: ", "}", "1"],
  ["NOT ", "", "true"],
  ["- ", "", "1"],
  ["f(", ")", "1"],
  ["[x IN ", " | x]", "[1]"],
  ["CASE WHEN ", " THEN 1 END", "true"],
  ["size(", ")", "'s'"],
  ["a[", "]", "0"],
];
const deepNesting = fc
  .tuple(fc.constantFrom(...NESTINGS), fc.integer({ min: 1, max: 10_000 }), fc.boolean(), fc.constantFrom("RETURN ", "MATCH (n) WHERE ", "UNWIND ", "WITH "))
  .map(([[open, close, body], depth, balanced, prefix]) => `${prefix}${open.repeat(depth)}${body}${close.repeat(balanced ? depth : Math.floor(depth / 2))}${prefix === "RETURN " ? "" : " AS x RETURN x"}`);

const literalChar = fc.oneof(fc.string({ unit: "binary", maxLength: 1 }), fc.constantFrom("\\n", "\\'", "\\\\", "\\u0041", "\\u12", "\\q", "''", "\n"));
const longLiteral = fc
  .tuple(fc.constantFrom("'", '"', "`", "/*", "//"), fc.array(literalChar, { maxLength: 4000 }), fc.boolean())
  .map(([quote, chars, terminated]) => {
    const body = chars.join("").slice(0, 4000);
    const end = quote === "/*" ? "*/" : quote === "//" ? "\n" : quote;
    return `RETURN ${quote}${body}${terminated ? end + " AS s" : ""}`;
  });

const VALID = [
  "MATCH (a:Actor {name: 'Marco Rubio'})-[r]-(b) RETURN b.name, type(r)",
  "MATCH p = shortestPath((a {name: 'Marco Rubio'})-[*..6]-(b {name: 'Vladimir Putin'})) RETURN p",
  "MATCH (a)-[:NEGOTIATED_WITH|MET_WITH]-(b) WHERE a.name CONTAINS 'Witkoff' RETURN DISTINCT b.name ORDER BY b.name",
  "MATCH (n) RETURN labels(n)[0] AS type, count(*) AS n ORDER BY n DESC",
  "RETURN [x IN range(1, 5) WHERE x % 2 = 1 | x * 2] AS odd, [1,2,3][1..] AS tail",
];
/** Long but flat queries: many terms, many pattern hops, many items. */
const longFlat = fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.constantFrom(" + 1", " AND true", "-[]-()", ", 1", " < 2", ".p", "[0]")).map(([n, piece]) => {
  const body = piece.repeat(Math.min(n, Math.floor(4000 / piece.length)));
  if (piece === "-[]-()") return `MATCH (a)${body} RETURN a`;
  if (piece.startsWith(".") || piece.startsWith("[")) return `RETURN a${body}`;
  return `RETURN 1${body}`;
});
const mutation = fc.tuple(fc.constantFrom(...VALID), fc.nat(), fc.nat(4), fc.string({ unit: "binary", maxLength: 8 })).map(([q, at, cut, insert]) => {
  const i = at % (q.length + 1);
  return q.slice(0, i) + insert + q.slice(i + cut);
});

const property = (arb: fc.Arbitrary<string>) => fc.asyncProperty(arb, (text) => check(text));

describe("parser fuzzing (issue 7 item 4)", () => {
  afterAll(() => {
    console.log(`parser fuzz: ${stats.cases} cases (${stats.asts} ASTs, ${stats.syntaxErrors} syntax errors); max parse ${stats.maxMs.toFixed(2)} ms (first runs: ${stats.maxRawMs.toFixed(2)} ms), slowest ${stats.slowest}`);
  });

  it.each([
    ["random strings up to 4 KB (any code point)", fc.string({ unit: "binary", maxLength: 4096 }), 1000],
    ["random ASCII strings up to 4 KB", fc.string({ unit: "binary-ascii", maxLength: 4096 }), 1000],
    ["random grapheme strings up to 4 KB", fc.string({ unit: "grapheme", maxLength: 1024 }).map((s) => s.slice(0, 4096)), 500],
    ["token soup of keywords, punctuation, atoms and odd characters", tokenSoup, 1500],
    ["nesting up to 10,000 levels (parens, lists, maps, NOT, minus, calls, comprehensions, CASE, indexes)", deepNesting, 500],
    ["long, unterminated and escaped string literals and comments", longLiteral, 500],
    ["long flat queries", longFlat, 300],
    ["mutations of valid queries with odd Unicode", mutation, 1000],
  ] as const)("%s: an AST or a syntax error within 50 ms", async (_name, arb: fc.Arbitrary<string>, numRuns) => {
    await fc.assert(property(arb), { numRuns });
  }, 300_000);

  it.each(NESTINGS.map(([open, close, body]) => [open.trim(), `RETURN ${open.repeat(10_000)}${body}${close.repeat(10_000)}`]))("10,000 levels of %s", async (_what, text) => {
    await check(text);
    expect(() => parseQuery(text)).toThrow(QuerySyntaxError);
  });

  it("ran at least 6,300 cases, 2,500 of them random strings up to 4 KB", () => {
    expect(stats.cases).toBeGreaterThanOrEqual(6300);
  });
});
