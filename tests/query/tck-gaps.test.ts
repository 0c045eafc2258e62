/**
 * What the openCypher TCK found missing, in the project's own tables:
 * toBoolean(), the percentile aggregates (percentileDisc, percentileCont) with
 * their errors' classes, ORDER BY after aggregation through a grouping key's
 * expression, and the order of RETURN * columns. Queries made up for the tests.
 */
import { describe, expect, it } from "vitest";
import { createQueryEngine, QueryError } from "../../src/query/index.ts";
import { fixtureGraph } from "./fixture-graph.ts";

const engine = createQueryEngine(fixtureGraph());
const rows = async (q: string) => (await engine.run(q)).rows;
const refusal = async (q: string) => {
  const err = await engine.run(q).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(QueryError);
  return (err as QueryError).cypher;
};

describe("toBoolean", () => {
  it.each<[string, unknown[]]>([
    ["RETURN toBoolean(true), toBoolean(false)", [true, false]],
    ["RETURN toBoolean('true'), toBoolean('FALSE'), toBoolean('True')", [true, false, true]],
    // Another string is no boolean, and null stays null.
    ["RETURN toBoolean(' true'), toBoolean('yes'), toBoolean(''), toBoolean(null)", [null, null, null, null]],
  ])("%s", async (q, expected) => {
    expect((await rows(q))[0]).toEqual(expected);
  });

  it.each(["RETURN toBoolean(1)", "RETURN toBoolean([true])", "RETURN toBoolean({a: true})", "MATCH (n) RETURN toBoolean(n) LIMIT 1"])("refuses %s as TypeError: InvalidArgumentValue", async (q) => {
    expect(await refusal(q)).toEqual({ class: "TypeError", detail: "InvalidArgumentValue" });
  });
});

describe("percentiles", () => {
  it.each<[string, unknown]>([
    ["UNWIND [30, 10, 20, 40] AS x RETURN percentileDisc(x, 0.5)", 20],
    ["UNWIND [30, 10, 20, 40] AS x RETURN percentileDisc(x, 0)", 10],
    ["UNWIND [30, 10, 20, 40] AS x RETURN percentileDisc(x, 1)", 40],
    ["UNWIND [30, 10, 20, 40] AS x RETURN percentileDisc(x, 0.26)", 20],
    // Cont interpolates between the two values around p·(n − 1).
    ["UNWIND [30, 10, 20, 40] AS x RETURN percentileCont(x, 0.5)", 25],
    ["UNWIND [30, 10, 20, 40] AS x RETURN percentileCont(x, 0.9)", 37],
    ["UNWIND [10, null, 20] AS x RETURN percentileCont(x, 0.5)", 15],
  ])("%s", async (q, expected) => {
    expect((await rows(q))[0]![0]).toBeCloseTo(expected as number);
  });

  it("gives null over no values", async () => {
    expect(await rows("UNWIND [] AS x RETURN percentileDisc(x, 0.5), percentileCont(x, 0.5)")).toEqual([[null, null]]);
  });

  it("groups like any aggregate", async () => {
    expect(await rows("UNWIND [['a', 1], ['a', 3], ['b', 5]] AS p RETURN p[0] AS k, percentileCont(p[1], 0.5) AS m ORDER BY k")).toEqual([["a", 2], ["b", 5]]);
  });

  it.each(["UNWIND [1, 2] AS x RETURN percentileDisc(x, 1.5)", "UNWIND [1, 2] AS x RETURN percentileCont(x, -0.1)"])("refuses a percentile outside 0..1: %s", async (q) => {
    expect(await refusal(q)).toEqual({ class: "ArgumentError", detail: "NumberOutOfRange" });
  });

  it("refuses a percentile call without its percentile before running", async () => {
    expect(await refusal("UNWIND [1] AS x RETURN percentileDisc(x)")).toEqual({ class: "SyntaxError", detail: "InvalidNumberOfArguments" });
  });
});

describe("ORDER BY after aggregation", () => {
  it("reads a grouping key's expression inside a sort key from its column", async () => {
    const q = "UNWIND ['b', 'a', 'b'] AS s WITH s AS name, count(*) AS n ORDER BY s + 'x' DESC RETURN name, n";
    expect(await rows(q)).toEqual([["b", 2], ["a", 1]]);
  });

  it("lists RETURN * columns by name", async () => {
    expect((await engine.run("WITH 1 AS b, 2 AS a RETURN *")).columns).toEqual(["a", "b"]);
  });
});
