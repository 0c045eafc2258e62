import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuery, QuerySyntaxError } from "../../src/query/index.ts";

const VALID = [
  "MATCH (a:Actor {name: 'Marco Rubio'})-[r]-(b) RETURN b.name, type(r)",
  "MATCH (o)-[:REJECTED]->(p:Proposal) RETURN o.name, p.name",
  "MATCH p = shortestPath((a {name: 'Marco Rubio'})-[*..6]-(b {name: 'Vladimir Putin'})) RETURN p",
  "MATCH p = allShortestPaths((a:Actor {name: 'Donald Trump'})-[*]-(b:Actor {name: 'Volodymyr Zelensky'})) RETURN p",
  "MATCH (a)-[:NEGOTIATED_WITH|MET_WITH]-(b) WHERE a.name CONTAINS 'Witkoff' RETURN DISTINCT b.name ORDER BY b.name",
  "MATCH (n) RETURN labels(n)[0] AS type, count(*) AS n ORDER BY n DESC",
  "MATCH (a:Actor|Organization)<-[r:X*2]-(b), (c) OPTIONAL MATCH (c)-[*1..3]->(d) WITH a, count(d) AS k WHERE k > 0 RETURN a, k SKIP 1 LIMIT 2",
  "UNWIND [1, 2.5, -3, 'x', null, true, {a: [1]}] AS x RETURN x IS NULL, x IS NOT NULL, x IN [1], $p.q[0]",
  "RETURN CASE 1 WHEN 1 THEN 'a' ELSE 'b' END AS c, CASE WHEN true THEN 1 END AS d",
  "MATCH (n) WHERE n.name STARTS WITH 'M' AND n.name ENDS WITH 'o' OR NOT n.name =~ '(?i)x.*' XOR n.mentions <= 3 RETURN n",
  "RETURN [x IN range(1, 5) WHERE x % 2 = 1 | x * 2] AS odd, [1,2,3][1..] AS tail, coalesce(null, 1) AS c;",
  "match (n) return n order by n.name asc, n.mentions descending",
  "MATCH (`weird name`:`Some Label`) RETURN `weird name` // trailing comment",
  "MATCH (a)-->(b)<--(c)--(d) RETURN *",
];

const ERRORS: Array<[string, number, number, RegExp]> = [
  ["MATCH (n RETURN n", 1, 10, /"\)"/],
  ["MATCH (n)\nRETURN n.", 2, 10, /property name/],
  ["MATCH (n) RETURN", 1, 17, /expression/],
  ["MATCH (n)", 1, 10, /RETURN/],
  ["CREATE (n) RETURN n", 1, 1, /read-only/],
  ["MATCH (a)<-[r]->(b) RETURN a", 1, 16, /arrow/],
  ["MATCH (a)-[*3..1]-(b) RETURN a", 1, 16, /upper hop bound/],
  ["RETURN 'unterminated", 1, 21, /closing '/],
  ["RETURN 1 RETURN 2", 1, 10, /end of the query/],
  ["  MATCH (n)\n  WITH n.name RETURN n", 2, 15, /AS/],
  ["RETURN 1 +", 1, 11, /expression/],
  ["RETURN $", 1, 9, /parameter name/],
];

describe("parser", () => {
  it.each(VALID)("parses %s", (q) => {
    const ast = parseQuery(q);
    expect(ast.clauses.at(-1)!.kind).toBe("return");
  });

  it("builds the expected pattern shapes", () => {
    const ast = parseQuery("MATCH p = (a:A|B:C {k: 1})<-[r:T|:U *1..3]-(b) RETURN p");
    const m = ast.clauses[0];
    if (m.kind !== "match") throw new Error("not a match");
    const [part] = m.patterns;
    expect(part.pathVariable).toBe("p");
    expect(part.nodes[0].labels).toEqual([["A", "B"], ["C"]]);
    expect(part.rels[0]).toMatchObject({ variable: "r", types: ["T", "U"], direction: "left", range: { min: 1, max: 3 } });
  });

  it.each([
    ["*", { min: 1, max: null }],
    ["*2", { min: 2, max: 2 }],
    ["*..4", { min: 1, max: 4 }],
    ["*1..3", { min: 1, max: 3 }],
    ["*0..", { min: 0, max: null }],
  ])("reads the range %s", (range, expected) => {
    const m = parseQuery(`MATCH (a)-[${range}]->(b) RETURN a`).clauses[0];
    expect(m.kind === "match" && m.patterns[0].rels[0].range).toEqual(expected);
  });

  it.each(ERRORS)("reports %j at line %i, column %i", (q, line, column, expected) => {
    let error: unknown;
    try {
      parseQuery(q);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(QuerySyntaxError);
    const e = error as QuerySyntaxError;
    expect([e.line, e.column]).toEqual([line, column]);
    expect(e.expected).toMatch(expected);
  });

  it.each([
    ["parentheses in an expression", `RETURN ${"(".repeat(10_000)}1${")".repeat(10_000)}`],
    ["unclosed parentheses", "(".repeat(10_000)],
    ["lists", `RETURN ${"[".repeat(10_000)}${"]".repeat(10_000)}`],
    ["NOT chains", `RETURN ${"NOT ".repeat(10_000)}true`],
    ["unary minus chains", `RETURN ${"- ".repeat(10_000)}1`],
    ["maps", `RETURN ${"{a: ".repeat(10_000)}1${"}".repeat(10_000)}`],
  ])("turns 10,000 levels of nested %s into a syntax error, not a stack overflow", (_what, q) => {
    expect(() => parseQuery(q)).toThrow(QuerySyntaxError);
  });

  const alphabet = "MATCH RETURN WHERE WITH UNWIND OPTIONAL AS ORDER BY (a:b)-[r:T*1..2]->{k:'v'} , . $ 0 1.5 'x' \"y\" `z` = <> <= >= =~ + - * / % ^ [ ] | ; \n \\ ` ' é".split(" ");

  it("gives an AST or a QuerySyntaxError for random token soup, never another exception", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (tokens) => {
        try {
          parseQuery(tokens.join(" "));
        } catch (err) {
          if (!(err instanceof QuerySyntaxError)) throw err;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("gives an AST or a QuerySyntaxError for random strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: "grapheme" }), (text) => {
        try {
          parseQuery(text);
        } catch (err) {
          if (!(err instanceof QuerySyntaxError)) throw err;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("gives an AST or a QuerySyntaxError for mutations of valid queries", () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID), fc.nat(), fc.nat(), fc.string({ maxLength: 3 }), (q, at, len, insert) => {
        const i = at % (q.length + 1);
        try {
          parseQuery(q.slice(0, i) + insert + q.slice(i + (len % 4)));
        } catch (err) {
          if (!(err instanceof QuerySyntaxError)) throw err;
        }
      }),
      { numRuns: 3000 },
    );
  });
});
