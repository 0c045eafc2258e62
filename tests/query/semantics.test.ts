/**
 * openCypher semantics of the executor on small hand-built graphs: null and
 * three-valued logic, relationship uniqueness, symmetric types, variable length,
 * OPTIONAL MATCH, WITH, aggregation with implicit grouping, ordering, functions,
 * the generic (non-Parley) graph mapping and the JSON shape of results.
 */
import { MultiDirectedGraph, MultiGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { createQueryEngine, QueryRuntimeError, type NodeJSON, type RelationshipJSON } from "../../src/query/index.ts";
import { fixtureGraph } from "./fixture-graph.ts";

const engine = createQueryEngine(fixtureGraph());
const rows = async (q: string, params?: Record<string, unknown>) => (await engine.run(q, params)).rows;

describe("expressions", () => {
  it.each<[string, unknown[]]>([
    ["RETURN null = null, null <> 1, null IS NULL, 1 IS NOT NULL, 1 < 'a'", [null, null, true, true, null]],
    ["RETURN null AND false, null AND true, null OR true, null OR false, null XOR true, NOT null", [false, null, true, null, null, null]],
    ["RETURN true XOR false, 1 IN [1, 2], 3 IN [1, null], 3 IN [1, 2], null IN []", [true, true, null, false, false]],
    ["RETURN 'Marco' STARTS WITH 'Ma', 'Marco' ENDS WITH 'co', 'Marco' CONTAINS 'rc', 1 CONTAINS 'x'", [true, true, true, null]],
    ["RETURN 'Rubio' =~ 'R.*o', 'Rubio' =~ 'ubi', 'RUBIO' =~ '(?i)rubio'", [true, false, true]],
    ["RETURN 7 / 2, 7.5 / 2, 7 % 3, 2 ^ 3, -(1 + 2) * 3, 'a' + 1, [1] + [2, 3]", [3, 3.75, 1, 8, -9, "a1", [1, 2, 3]]],
    ["RETURN [1, 2, 3][0], [1, 2, 3][-1], [1, 2, 3][5], [1, 2, 3][1..], {a: {b: 2}}.a.b", [1, 3, null, [2, 3], 2]],
    ["RETURN 1 < 2 < 3, 3 > 2 > 2, [1, 2] = [1, 2], {a: 1} = {a: 1}, [1, null] = [1, 2]", [true, false, true, true, null]],
    ["RETURN CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' END, CASE WHEN false THEN 1 END", ["two", null]],
    ["RETURN size('abc'), size([1, 2]), toLower('AbC'), toUpper('x'), trim('  y '), coalesce(null, null, 3), head([4, 5]), last([4, 5]), head([])", [3, 2, "abc", "X", "y", 3, 4, 5, null]],
    ["RETURN [x IN range(1, 6) WHERE x % 2 = 0 | x * 10], toInteger('42'), toString(1.5)", [[20, 40, 60], 42, "1.5"]],
  ])("%s", async (q, expected) => {
    expect((await rows(q))[0]).toEqual(expected);
  });

  it("reads parameters, including maps and lists", async () => {
    expect(await rows("RETURN $n + 1, $m.k, $l[1]", { n: 1, m: { k: "v" }, l: [1, 2] })).toEqual([[2, "v", 2]]);
  });

  it.each([
    ["RETURN nosuch(1)", /unknown function/],
    ["RETURN $missing", /missing parameter/],
    ["RETURN x", /not defined/],
    ["RETURN 1 + true", /cannot apply/],
    ["RETURN 'aaaa' =~ '(a+)+b'", /regex guard/],
    ["RETURN count(*) + nosuch", /not defined/],
    ["MATCH (n) WHERE count(n) > 1 RETURN n", /only allowed in RETURN or WITH/],
  ])("%s raises a QueryRuntimeError", async (q, message) => {
    await expect(engine.run(q)).rejects.toThrow(QueryRuntimeError);
    await expect(engine.run(q)).rejects.toThrow(message);
  });
});

describe("matching", () => {
  it("returns nodes and relationships in the JSON shape, relationships with their evidence", async () => {
    const [[n, r]] = await rows("MATCH (n {name: 'Dmitry Peskov'})-[r:MEMBER_OF]->() RETURN n, r");
    expect(n).toMatchObject({ kind: "node", key: "dmitry-peskov", labels: ["Actor"], properties: { name: "Dmitry Peskov", id: "dmitry-peskov" } });
    const rel = r as RelationshipJSON;
    expect(rel).toMatchObject({ kind: "relationship", key: "dmitry-peskov|member_of|kremlin", type: "MEMBER_OF", start: "dmitry-peskov", end: "kremlin" });
    expect((rel.properties.evidence as unknown[]).length).toBe(1);
  });

  it("walks symmetric types both ways, whatever the arrow", async () => {
    // Stored as steve-witkoff → vladimir-putin.
    expect(await rows("MATCH (p {name: 'Vladimir Putin'})-[:MET_WITH]->(w) RETURN w.name")).toEqual([["Steve Witkoff"]]);
    expect(await rows("MATCH (p {name: 'Vladimir Putin'})<-[:MET_WITH]-(w) RETURN w.name")).toEqual([["Steve Witkoff"]]);
    // Directed types keep their direction.
    expect(await rows("MATCH (p {name: 'Vladimir Putin'})<-[:MEMBER_OF]-(x) RETURN x.name")).toEqual([]);
    expect(await rows("MATCH (p {name: 'Vladimir Putin'})-[:MEMBER_OF]->(x) RETURN x.name")).toEqual([["Kremlin"]]);
  });

  it("never binds one relationship twice in a MATCH (relationship isomorphism)", async () => {
    const g = new MultiDirectedGraph();
    g.addNode("a", { label: "A" });
    g.addNode("b", { label: "B" });
    g.addEdge("a", "b", { type: "knows" });
    const e = createQueryEngine(g);
    expect((await e.run("MATCH (x)-[r1]-(y)-[r2]-(z) RETURN count(*)")).rows).toEqual([[0]]);
    expect((await e.run("MATCH (x)-[r1]-(y), (y)-[r2]-(z) RETURN count(*)")).rows).toEqual([[0]]);
    // Across two MATCH clauses the same relationship may be used again.
    expect((await e.run("MATCH (x)-[r1]-(y) MATCH (y)-[r2]-(z) RETURN count(*)")).rows).toEqual([[2]]);
    expect((await e.run("MATCH (x)-[r]-(y) RETURN x.name, y.name ORDER BY x.name")).rows).toEqual([["A", "B"], ["B", "A"]]);
  });

  it("expands variable-length patterns with bounds", async () => {
    const q = (range: string) => rows(`MATCH (s {name: 'Sudzha'})-[:LOCATED_IN${range}]->(x) RETURN x.name ORDER BY x.name`);
    expect(await q("*")).toEqual([["Kursk region"], ["Russia"]]);
    expect(await q("*2")).toEqual([["Russia"]]);
    expect(await q("*..1")).toEqual([["Kursk region"]]);
    expect(await q("*0..")).toEqual([["Kursk region"], ["Russia"], ["Sudzha"]]);
    const [[rels]] = await rows("MATCH (s {name: 'Sudzha'})-[r:LOCATED_IN*2]->(x) RETURN r");
    expect((rels as RelationshipJSON[]).map((r) => r.key)).toEqual(["sudzha|located_in|kursk-region", "kursk-region|located_in|russia"]);
  });

  it("keeps pattern order in paths matched right to left", async () => {
    // The planner anchors on the named node at the right end and expands leftwards.
    const [[p]] = await rows("MATCH p = (s)-[:LOCATED_IN]->(k)-[:LOCATED_IN]->(r {name: 'Russia'}) RETURN p");
    const path = p as { nodes: NodeJSON[]; relationships: RelationshipJSON[] };
    expect(path.nodes.map((n) => n.key)).toEqual(["sudzha", "kursk-region", "russia"]);
    expect(path.relationships.map((r) => r.type)).toEqual(["LOCATED_IN", "LOCATED_IN"]);
  });

  it("OPTIONAL MATCH fills nulls, and its WHERE belongs to the match", async () => {
    const q = "MATCH (a:Actor) WHERE a.name IN ['Dmitry Peskov', 'Marco Rubio'] OPTIONAL MATCH (a)-[:VISITED]->(l) WHERE l.name = 'Jeddah' RETURN a.name, l.name ORDER BY a.name";
    expect(await rows(q)).toEqual([["Dmitry Peskov", null], ["Marco Rubio", "Jeddah"]]);
  });

  it("aggregates with implicit grouping, DISTINCT, WITH, ORDER BY, SKIP and LIMIT", async () => {
    expect(await rows("MATCH (o)-[:REJECTED]->(p) RETURN p.name, count(o) AS c, collect(o.name) AS who ORDER BY c")).toEqual([
      ["30-day cease-fire proposal", 2, expect.arrayContaining(["Kremlin", "Russia"])],
    ]);
    expect(await rows("MATCH (n) WHERE n.name = 'nobody' RETURN count(*), collect(n), sum(n.mentions), avg(n.mentions), min(n.mentions)")).toEqual([[0, [], 0, null, null]]);
    expect(await rows("MATCH (n) WHERE n.name = 'nobody' RETURN n.name, count(*)")).toEqual([]);
    // Symmetric types match a directed arrow both ways, so each of their edges counts twice.
    expect(await rows("MATCH (a)-[r]->() WITH type(r) AS t, count(*) AS c WHERE c >= 3 RETURN t, c ORDER BY c DESC, t")).toEqual([
      ["NEGOTIATED_WITH", 8],
      ["MEMBER_OF", 5],
      ["MET_WITH", 4],
    ]);
    expect(await rows("MATCH (n:Actor) RETURN n.name ORDER BY n.name SKIP 1 LIMIT 2")).toEqual([["Donald Trump"], ["Marco Rubio"]]);
    expect(await rows("MATCH (n:Actor) RETURN count(DISTINCT n.mentions) AS d, count(n.mentions) AS all")).toEqual([[5, 7]]);
    expect(await rows("UNWIND [3, 1, null, 2] AS x RETURN x ORDER BY x DESC")).toEqual([[null], [3], [2], [1]]);
    expect(await rows("UNWIND [1, 1, 2] AS x RETURN DISTINCT x")).toEqual([[1], [2]]);
  });

  it("ORDER BY may use variables that are not returned", async () => {
    expect(await rows("MATCH (n:Location) RETURN n.name AS name ORDER BY n.id LIMIT 2")).toEqual([["Jeddah"], ["Kursk region"]]);
  });

  it("graph functions", async () => {
    const [row] = await rows(
      "MATCH p = (a {name: 'Sudzha'})-[r:LOCATED_IN]->(b) RETURN type(r), labels(a), id(a), keys(r), properties(b).name, length(p), size(nodes(p)), size(relationships(p)), startNode(r).name, endNode(r).name, a:Location, a:Actor",
    );
    expect(row).toEqual(["LOCATED_IN", ["Location"], "sudzha", ["label", "weight", "evidence", "firstSeen", "lastSeen"], "Kursk region", 1, 2, 1, "Sudzha", "Kursk region", true, false]);
  });

  it("maps any graphology graph: labels attribute, type capitalized, name falls back to label, types upper-cased", async () => {
    const g = new MultiGraph();
    g.addNode("x", { labels: ["Person", "Author"], name: "Xena" });
    g.addNode("y", { type: "city", label: "York" });
    g.addNode("z", {});
    g.addDirectedEdge("x", "y", { type: "lives_in", since: 2020 });
    g.addUndirectedEdge("y", "z", { type: "near" });
    const e = createQueryEngine(g);
    expect((await e.run("MATCH (p:Author)-[r:LIVES_IN]->(c:City) RETURN p.name, c.name, r.since")).rows).toEqual([["Xena", "York", 2020]]);
    // Undirected graphology edges are two-way.
    expect((await e.run("MATCH (z {id: 'z'})-[:NEAR]->(c) RETURN c.name")).rows).toEqual([["York"]]);
    expect((await e.run("MATCH (n) WHERE size(labels(n)) = 0 RETURN n.id")).rows).toEqual([["z"]]);
  });
});
