/**
 * List quantifiers (any/all/none/single in three-valued logic), UNION and
 * UNION ALL, and subqueries — EXISTS { }, COUNT { }, patterns used as
 * predicates and pattern comprehensions — on the hand-built fixture graph.
 */
import { describe, expect, it } from "vitest";
import { createQueryEngine, QueryError } from "../../src/query/index.ts";
import { fixtureGraph } from "./fixture-graph.ts";

const engine = createQueryEngine(fixtureGraph());
const rows = async (q: string) => (await engine.run(q)).rows;

describe("list quantifiers", () => {
  it.each<[string, unknown[]]>([
    ["RETURN any(x IN [1, 2, 3] WHERE x > 2), any(x IN [1, 2] WHERE x > 2), any(x IN [] WHERE true)", [true, false, false]],
    ["RETURN all(x IN [1, 2, 3] WHERE x > 0), all(x IN [1, 2, 3] WHERE x > 1), all(x IN [] WHERE false)", [true, false, true]],
    ["RETURN none(x IN [1, 2] WHERE x > 2), none(x IN [1, 3] WHERE x > 2), none(x IN [] WHERE true)", [true, false, true]],
    ["RETURN single(x IN [1, 2, 3] WHERE x = 2), single(x IN [2, 2] WHERE x = 2), single(x IN [1] WHERE x = 2)", [true, false, false]],
    // An item whose predicate is null leaves the answer open unless the others decide it.
    ["RETURN any(x IN [1, null] WHERE x = 1), any(x IN [2, null] WHERE x = 1), all(x IN [2, null] WHERE x = 1), all(x IN [1, null] WHERE x = 1)", [true, null, false, null]],
    ["RETURN none(x IN [1, null] WHERE x = 1), none(x IN [2, null] WHERE x = 1), single(x IN [1, null] WHERE x = 1), single(x IN [1, 1, null] WHERE x = 1)", [false, null, null, false]],
    ["RETURN any(x IN null WHERE x = 1), all(x IN [[1], [2, 3]] WHERE size(x) > 0)", [null, true]],
  ])("%s", async (q, expected) => {
    expect((await rows(q))[0]).toEqual(expected);
  });

  it("filters matches by a quantified property list", async () => {
    const r = await rows("MATCH (n:Actor) WHERE any(a IN n.aliases WHERE a STARTS WITH 'Mr.') RETURN n.name ORDER BY n.name");
    expect(r).toEqual([["Marco Rubio"], ["Vladimir Putin"]]);
  });

  it("refuses a quantifier over something that is not a list, with openCypher's name for it", async () => {
    const err = await engine.run("RETURN any(x IN 1 WHERE x = 1)").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryError);
    expect((err as QueryError).cypher).toEqual({ class: "TypeError", detail: "InvalidArgumentType" });
  });
});

describe("UNION", () => {
  it("keeps one of each row, and UNION ALL keeps every row, in order of the parts", async () => {
    expect(await rows("RETURN 1 AS x UNION RETURN 2 AS x UNION RETURN 1 AS x")).toEqual([[1], [2]]);
    expect(await rows("RETURN 1 AS x UNION ALL RETURN 2 AS x UNION ALL RETURN 1 AS x")).toEqual([[1], [2], [1]]);
  });

  it("joins matches of different shapes under the same columns", async () => {
    const q = "MATCH (a:Actor {name: 'Marco Rubio'})-[:MET_WITH]-(b) RETURN b.name AS who UNION MATCH (o:Organization {name: 'Kremlin'})<-[:MEMBER_OF]-(p) RETURN p.name AS who";
    expect((await rows(q)).flat().sort()).toEqual(["Dmitry Peskov", "Sergey Lavrov", "Vladimir Putin"]);
  });

  it.each([
    ["RETURN 1 AS x UNION RETURN 2 AS y", "DifferentColumnsInUnion"],
    ["RETURN 1 AS x UNION RETURN 2 AS x UNION ALL RETURN 3 AS x", "InvalidClauseComposition"],
  ])("refuses %s", async (q, detail) => {
    const err = (await engine.run(q).catch((e: unknown) => e)) as QueryError;
    expect(err).toBeInstanceOf(QueryError);
    expect(err.cypher).toEqual({ class: "SyntaxError", detail });
  });
});

describe("subqueries and patterns in expressions", () => {
  it("reads a relationship pattern in WHERE as 'such a match exists', and NOT as its absence", async () => {
    const met = await rows("MATCH (a:Actor) WHERE (a)-[:MET_WITH]-() RETURN a.name ORDER BY a.name");
    // met_with is symmetric in Parley's ontology: both ends of each meeting.
    expect(met).toEqual([["Marco Rubio"], ["Sergey Lavrov"], ["Steve Witkoff"], ["Vladimir Putin"]]);
    const lonely = await rows("MATCH (a:Actor) WHERE NOT (a)--() RETURN count(*) AS n");
    const all = await rows("MATCH (a:Actor) RETURN count(*) AS n");
    const linked = await rows("MATCH (a:Actor) WHERE (a)--() RETURN count(*) AS n");
    expect((lonely[0][0] as number) + (linked[0][0] as number)).toBe(all[0][0]);
  });

  it("keeps a parenthesized expression an expression", async () => {
    expect(await rows("WITH 2 AS a RETURN (a) - (1), (a + 1) * 2")).toEqual([[1, 6]]);
  });

  it("runs EXISTS { pattern WHERE … } and EXISTS { MATCH … RETURN … } with the outer row's variables", async () => {
    const byWhere = await rows("MATCH (o:Organization) WHERE EXISTS { (o)-[r:REJECTED]->(p) WHERE p.name CONTAINS 'cease-fire' } RETURN o.name ORDER BY o.name");
    expect(byWhere).toEqual([["Kremlin"], ["Russia"]]);
    const byMatch = await rows("MATCH (o:Organization) WHERE EXISTS { MATCH (o)-[:REJECTED]->(p) RETURN p } RETURN o.name ORDER BY o.name");
    expect(byMatch).toEqual(byWhere);
  });

  it("counts with COUNT { } and lists with a pattern comprehension", async () => {
    const counted = await rows("MATCH (a:Actor {name: 'Marco Rubio'}) RETURN COUNT { (a)--() } AS n");
    const listed = await rows("MATCH (a:Actor {name: 'Marco Rubio'}) RETURN [(a)-[:VISITED]->(p) | p.name] AS places");
    const direct = await rows("MATCH (a:Actor {name: 'Marco Rubio'})--() RETURN count(*) AS n");
    expect(counted).toEqual(direct);
    expect(listed).toEqual([[["Jeddah"]]]);
  });
});
