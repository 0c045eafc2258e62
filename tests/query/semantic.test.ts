/**
 * Semantic analysis (src/query/semantic/): queries that parse but break a rule
 * fail before they run, with openCypher's class and detail and, where the
 * parser recorded one, the line and column of the offending variable, call or
 * literal; and queries near those rules are still accepted. The queries are
 * made up for these tests over a small graph of people and cities.
 */
import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import { createQueryEngine, QueryError, QueryRuntimeError, QuerySemanticError, QuerySyntaxError } from "../../src/query/index.ts";
import { analyze } from "../../src/query/semantic/index.ts";
import { parseQuery } from "../../src/query/syntax/parser.ts";

const graph = new MultiDirectedGraph();
graph.addNode("ana", { type: "person", name: "Ana", born: 1980 });
graph.addNode("bo", { type: "person", name: "Bo", born: 1990 });
graph.addNode("lyon", { type: "place", name: "Lyon" });
graph.addEdge("ana", "lyon", { type: "lives_in" });
graph.addEdge("bo", "lyon", { type: "lives_in" });
graph.addEdge("ana", "bo", { type: "knows" });
const engine = createQueryEngine(graph);

/** The error a query fails with before running (analysis only, no graph). */
function refusal(text: string): QuerySemanticError {
  try {
    analyze(parseQuery(text));
  } catch (err) {
    if (err instanceof QuerySemanticError) return err;
    throw err;
  }
  throw new Error(`accepted: ${text}`);
}

describe("refused before running", () => {
  it.each([
    // scopes
    ["MATCH (p:Person) RETURN q", "UndefinedVariable", 1, 25],
    ["MATCH (p)\nWHERE p.name = town\nRETURN p", "UndefinedVariable", 2, 16],
    ["MATCH (p) WITH p.name AS name RETURN p", "UndefinedVariable", 1, 38],
    ["MATCH (p)-[k]-(q) WITH DISTINCT p.name AS n ORDER BY q.born RETURN n", "UndefinedVariable", 1, 54],
    ["MATCH (p) WHERE (p)-[:KNOWS]->(friend) RETURN p", "UndefinedVariable", 1, 32],
    ["MATCH (p) RETURN count(p) AS c ORDER BY p.born + count(p)", "UndefinedVariable", 1, 41],
    // variables bound as one kind of thing and used as another
    ["MATCH (a)-[k]->(b) MATCH (k) RETURN k", "VariableTypeConflict", 1, 27],
    ["MATCH (a)-[a]->(b) RETURN a", "VariableTypeConflict", 1, 12],
    ["MATCH route = (a)-->(b) MATCH (route) RETURN route", "VariableTypeConflict", 1, 32],
    ["WITH 'Lyon' AS town MATCH (town) RETURN town", "VariableTypeConflict", 1, 28],
    ["WITH [1, 2] AS k MATCH ()-[k]->() RETURN k", "VariableTypeConflict", 1, 28],
    ["MATCH ()-[hops*2]->(), (hops) RETURN hops", "VariableTypeConflict", 1, 25],
    // path variables are always new
    ["MATCH (a) MATCH a = (x)-->(y) RETURN a", "VariableAlreadyBound", 1, 17],
    ["MATCH walk = (walk)-->() RETURN walk", "VariableAlreadyBound", 1, 7],
    ["UNWIND [1] AS x UNWIND [2] AS x RETURN x", "VariableAlreadyBound", 1, 31],
    // aggregates out of place, nested, ambiguous
    ["MATCH (p) WHERE max(p.born) > 1 RETURN p", "InvalidAggregation", 1, 17],
    ["MATCH (p) RETURN p.name ORDER BY min(p.born)", "InvalidAggregation", 1, 34],
    ["MATCH (p) RETURN [x IN [1, 2] | collect(x)] AS l", "InvalidAggregation", 1, 33],
    ["MATCH (p) RETURN sum(max(p.born))", "NestedAggregation", 1, 22],
    ["MATCH (p) RETURN collect(rand())", "NonConstantExpression", 1, 26],
    ["MATCH (p)-->(q) RETURN p.born + count(q)", "AmbiguousAggregationExpression", 1, 24],
    ["MATCH (p)-->(q) RETURN p.born + q.born, p.born + q.born + count(*)", "AmbiguousAggregationExpression", 1, 41],
    // types known before running
    ["RETURN NOT 'yes'", "InvalidArgumentType", 1, 12],
    ["RETURN 1 OR false", "InvalidArgumentType", 1, 8],
    ["RETURN [x IN ['a', 'b'] WHERE x * 2 > 1] AS l", "InvalidArgumentType", 1, 31],
    ["MATCH (p) RETURN type(p)", "InvalidArgumentType", 1, 23],
    ["MATCH route = (a)-->(b) RETURN size(route)", "InvalidArgumentType", 1, 37],
    ["MATCH route = (a)-->(b) RETURN route.name", "InvalidArgumentType", 1, 32],
    ["RETURN keys('text')", "InvalidArgumentType", 1, 13],
    ["MATCH (p) WHERE (p) RETURN p", "InvalidArgumentType", 1, 18],
    ["MATCH (p) RETURN p SKIP 2.5", "InvalidArgumentType", 1, 25],
    // constants and columns
    ["MATCH (p) RETURN p LIMIT -3", "NegativeIntegerArgument", 1, 27],
    ["MATCH (p) RETURN p LIMIT p.born", "NonConstantExpression", 1, 26],
    ["RETURN 1 AS one, 2 AS one", "ColumnNameConflict", 1, 18],
    ["MATCH () RETURN *", "NoVariablesInScope", undefined, undefined],
    ["MATCH (p $props) RETURN p", "InvalidParameterUse", 1, 10],
    // functions and patterns out of place
    ["RETURN frobnicate(1)", "UnknownFunction", 1, 8],
    ["RETURN toUpper('a', 'b')", "InvalidNumberOfArguments", 1, 8],
    ["MATCH (p) RETURN size((p)-->())", "UnexpectedSyntax", 1, 23],
    ["MATCH (p) RETURN (p)-->() AS linked", "UnexpectedSyntax", 1, 18],
  ] as const)("%s → %s", (text, detail, line, column) => {
    const err = refusal(text);
    expect(err.cypher).toEqual({ class: "SyntaxError", detail });
    expect([err.line, err.column]).toEqual([line, column]);
  });

  it("a property of a number or string is a TypeError, as openCypher names it", () => {
    expect(refusal("WITH 7 AS n RETURN n.size").cypher).toEqual({ class: "TypeError", detail: "InvalidArgumentType" });
  });

  it("is a QueryRuntimeError for callers that catch those, and says where in its message", async () => {
    const err = await engine.run("MATCH (p)\nRETURN q").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryRuntimeError);
    expect((err as QueryError).message).toMatch(/variable q is not defined \(line 2, column 8\)/);
  });

  it("fails on an empty match as on a full one: before any row is read", async () => {
    await expect(engine.run("MATCH (p:Nobody) WHERE p.x = nothing RETURN p")).rejects.toThrow(QuerySemanticError);
  });
});

describe("syntax errors carry openCypher's detail", () => {
  it.each([
    ["RETURN 1 +", "UnexpectedSyntax"],
    ["RETURN 12abc", "InvalidNumberLiteral"],
    ["RETURN 9223372036854775808", "IntegerOverflow"],
    ["RETURN 0x8000000000000000", "IntegerOverflow"],
    ["RETURN 2.5e400", "FloatingPointOverflow"],
    ["RETURN '\\u12'", "InvalidUnicodeLiteral"],
    ["RETURN 1 ≠ 2", "InvalidUnicodeCharacter"],
    ["MATCH (a)-[:KNOWS..2]->(b) RETURN b", "InvalidRelationshipPattern"],
    ["MATCH (a)-[*-1]->(b) RETURN b", "InvalidRelationshipPattern"],
    ["MATCH (a) WITH a, a.born RETURN a", "NoExpressionAlias"],
  ])("%s → %s", (text, detail) => {
    let caught: unknown;
    try {
      parseQuery(text);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(QuerySyntaxError);
    expect((caught as QuerySyntaxError).cypher).toEqual({ class: "SyntaxError", detail });
  });
});

describe("still accepted", () => {
  it.each([
    ["MATCH (a)-[k:KNOWS]->(b) WITH k MATCH ()-[k]->(c) RETURN c.name", [["Bo"]]],
    ["MATCH (a)-[:LIVES_IN]->(c) RETURN c.name AS city, count(*) AS people", [["Lyon", 2]]],
    ["MATCH (a)-[:LIVES_IN]->(c) RETURN c.name, c.name + '!' AS shout, count(*) AS n", [["Lyon", "Lyon!", 2]]],
    ["MATCH (a)-[:LIVES_IN]->(c) RETURN c, count(*) AS n ORDER BY c.name", [[expect.anything(), 2]]],
    ["MATCH (a:Person) RETURN DISTINCT a.name ORDER BY a.name", [["Ana"], ["Bo"]]],
    ["MATCH (a:Person) WITH a.name AS name ORDER BY a.born DESC RETURN name", [["Bo"], ["Ana"]]],
    ["MATCH (a:Person) WITH a.name AS name WHERE a.born > 1985 RETURN name", [["Bo"]]],
    ["MATCH (a:Person) WHERE (a)-[:KNOWS]->() RETURN a.name", [["Ana"]]],
    ["MATCH (a:Person) WHERE EXISTS { (a)-[:KNOWS]->(friend) } RETURN a.name", [["Ana"]]],
    ["MATCH (a:Person {name: 'Ana'}) RETURN [(a)-->(x) | x.name] AS near", [[expect.arrayContaining(["Bo", "Lyon"])]]],
    ["MATCH (a:Person) RETURN count(*) * 10 AS tens, collect(a.name)[0] AS first ORDER BY tens", [[20, "Ana"]]],
    ["WITH [1, 2, 3] AS xs UNWIND xs AS x RETURN sum(x) AS total SKIP 0 LIMIT 1", [[6]]],
    ["RETURN -9223372036854775808 < 0 AS small, 0o17 AS octal", [[true, 15]]],
    ["RETURN NOT null AS n, null AND true AS a, size($xs) AS s", [[null, null, 2]]],
    ["MATCH p = (a)-[:KNOWS]->(b) RETURN length(p), size(nodes(p))", [[1, 2]]],
    ["MATCH (p {name: $who}) RETURN p.born", [[1980]]],
  ] as const)("%s", async (text, expected) => {
    const result = await engine.run(text, { xs: [1, 2], who: "Ana" });
    expect(result.rows).toEqual(expected);
  });
});
