/**
 * The engine's shortcuts must not change answers: label counts from label sets,
 * WHERE comparisons tested inside the scan, single hops walked in place, and
 * allShortestPaths layered halfway from each end. Each is checked on random
 * graphs against a form of the same question that takes the general route
 * (a WITH in between, a *1..1 range, the full-depth layering it replaced),
 * rows and their order included; plus /api/path's best-evidenced hop.
 */
import fc from "fast-check";
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { parseQuery } from "../../src/query/syntax/parser.ts";
import { countedByLabels } from "../../src/query/execution/label-counts.ts";
import { GraphIndex, BOTH, IN, OUT } from "../../src/query/indexes/graph-index.ts";
import { adjacencyByType } from "../../src/query/indexes/adjacency-by-type.ts";
import { Guard, DEFAULT_LIMITS } from "../../src/query/execution/guards.ts";
import { allShortestPaths } from "../../src/query/paths/path-variants.ts";
import { PathSearcher, type PathDirection } from "../../src/query/paths/path-search.ts";
import { createQueryEngine, QueryGuardError, QueryRuntimeError } from "../../src/query/index.ts";
import { singleHopRows } from "../../src/query/execution/single-hop.ts";

const LABEL_SETS = [undefined, ["A"], ["B"], ["A", "B"], ["B", "A"], []];
const TYPES = ["t", "u", "met_with"];

const graphArb = fc.integer({ min: 1, max: 30 }).chain((n) =>
  fc.record({
    nodes: fc.array(fc.record({ labels: fc.constantFrom(...LABEL_SETS), name: fc.constantFrom("ann", "bob", "anna", "Bo", "nan"), mentions: fc.nat(4) }), {
      minLength: n,
      maxLength: n,
    }),
    edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom(...TYPES)), { maxLength: 70 }),
  }),
);

function build({ nodes, edges }: { nodes: Array<{ labels?: string[]; name: string; mentions: number }>; edges: Array<[number, number, string]> }) {
  const g = new MultiDirectedGraph();
  nodes.forEach((n, i) => g.addNode(`v${i}`, { ...(n.labels ? { labels: n.labels } : { type: "actor" }), label: n.name, mentions: n.mentions }));
  edges.forEach(([s, t, type], i) => g.addEdgeWithKey(`e${i}`, `v${s}`, `v${t}`, { type, weight: i % 3, evidence: Array.from({ length: i % 4 }, () => ({})) }));
  return g;
}

/** Pairs of queries asking the same thing; the second keeps the general route. */
const SAME_ANSWER: Array<[string, string]> = [
  ["MATCH (n) RETURN labels(n)[0] AS type, count(*) AS n ORDER BY n DESC", "MATCH (n) WITH n RETURN labels(n)[0] AS type, count(*) AS n ORDER BY n DESC"],
  ["MATCH (n) RETURN labels(n) AS l, count(n) AS c", "MATCH (n) WITH n RETURN labels(n) AS l, count(n) AS c"],
  ["MATCH (n:A) RETURN count(*) AS c, max(size(labels(n))) AS s, min(labels(n)) AS m", "MATCH (n:A) WITH n RETURN count(*) AS c, max(size(labels(n))) AS s, min(labels(n)) AS m"],
  ["MATCH (n:A:B) RETURN labels(n)[1] AS second, count(*) AS c", "MATCH (n:A:B) WITH n RETURN labels(n)[1] AS second, count(*) AS c"],
  ["MATCH (n:Nope) RETURN count(*) AS c", "MATCH (n:Nope) WITH n RETURN count(*) AS c"],
  ["MATCH (n) WITH labels(n)[0] AS t, count(*) AS c WHERE c > 1 RETURN t, c", "MATCH (n) WITH n WITH labels(n)[0] AS t, count(*) AS c WHERE c > 1 RETURN t, c"],
  ["MATCH (n) RETURN DISTINCT count(DISTINCT labels(n)) AS k", "MATCH (n) WITH n RETURN DISTINCT count(DISTINCT labels(n)) AS k"],
  [
    "MATCH (a)-[r]-(b) WHERE a.name CONTAINS 'an' AND b.mentions > 1 RETURN a.name, b.name, id(r)",
    "MATCH (a)-[r]-(b) WITH a, r, b WHERE a.name CONTAINS 'an' AND b.mentions > 1 RETURN a.name, b.name, id(r)",
  ],
  ["MATCH (a) WHERE 'b' <= a.name AND a.name STARTS WITH $p RETURN id(a)", "MATCH (a) WITH a WHERE 'b' <= a.name AND a.name STARTS WITH $p RETURN id(a)"],
  ["MATCH (a:A) WHERE a.name = 'ann' OR a.name ENDS WITH 'n' RETURN id(a)", "MATCH (a:A) WITH a WHERE a.name = 'ann' OR a.name ENDS WITH 'n' RETURN id(a)"],
  ["MATCH (a)-[:T|U]->(b:B) WHERE a.mentions >= 2 RETURN a.name, b.name", "MATCH (a)-[:T|U*1..1]->(b:B) WHERE a.mentions >= 2 RETURN a.name, b.name"],
  ["MATCH (a)<-[r:MET_WITH]-(b)-[s]-(c) RETURN id(a) AS a, id(r) AS r, id(s) AS s, id(c) AS c", "MATCH (a)<-[r:MET_WITH*1..1]-(b)-[s*1..1]-(c) RETURN id(a) AS a, id(r[0]) AS r, id(s[0]) AS s, id(c) AS c"],
  ["MATCH p = (a)-[:T]->(b)-[]-(a) RETURN [x IN nodes(p) | id(x)]", "MATCH p = (a)-[:T*1..1]->(b)-[*1..1]-(a) RETURN [x IN nodes(p) | id(x)]"],
  // The lean single-hop route (single-hop.ts) against the in-place hop cursor: an UNWIND first keeps the general route.
  ...[
    "MATCH (o)-[:T]->(p:B) RETURN o.name, p.name",
    "MATCH (a)-[r:T|MET_WITH]-(b) RETURN id(a), type(r), id(b)",
    "MATCH (a:A)<-[r]-(b) WHERE a.mentions > 1 AND b.name STARTS WITH 'a' AND r.weight <> 1 RETURN a.name, b.name SKIP 2 LIMIT 7",
    "MATCH (a {name: 'ann'})-[r:U {weight: 1}]->(b) RETURN b, r",
    "MATCH (a)-[:T]->(b {name: a.name}) RETURN id(a), id(b)",
    "MATCH ()-[r]->() RETURN id(r), startNode(r).name",
    "MATCH (a)-[:T]-(b) WITH a.name AS n, b WHERE n <> 'bob' RETURN n, id(b)",
    "MATCH (a)-[r]->(b) WHERE $p = 'x' OR id(a) < id(b) RETURN id(r)",
    "MATCH (a:A:B)-[r:NOPE]->(b) RETURN a",
  ].map((q): [string, string] => [q, `UNWIND [1] AS one ${q}`]),
  ["MATCH (a)-[r:U]-(b) RETURN *", "UNWIND [1] AS one MATCH (a)-[r:U]-(b) RETURN a, b, r"],
];

describe("shortcuts give the general route's answer (property-based)", () => {
  it.each(SAME_ANSWER)("%s", async (fast, general) => {
    await fc.assert(
      fc.asyncProperty(graphArb, async (spec) => {
        const engine = createQueryEngine(build(spec));
        const [a, b] = await Promise.all([engine.run(fast, { p: "a" }), engine.run(general, { p: "a" })]);
        expect(a.columns).toEqual(b.columns);
        expect(a.rows).toEqual(b.rows);
      }),
      { numRuns: 60 },
    );
  });

  it("answers count by type from label sets only for label-only projections", () => {
    const ctx = { index: new GraphIndex(build({ nodes: [{ name: "x", mentions: 0 }], edges: [] })), params: {}, guard: new Guard(DEFAULT_LIMITS) } as never;
    const taken = (q: string) => {
      const [match, next] = parseQuery(q).clauses;
      return next.kind === "return" && countedByLabels(match, next.projection, ctx) !== null;
    };
    expect(taken("MATCH (n) RETURN labels(n)[0] AS type, count(*) AS n ORDER BY n DESC")).toBe(true);
    expect(taken("MATCH (n:Actor) RETURN count(n)")).toBe(true);
    for (const q of [
      "MATCH (n) RETURN n.name, count(*)",
      "MATCH (n) RETURN count(DISTINCT n)",
      "MATCH (n) RETURN labels(n)",
      "MATCH (n) WHERE n.mentions > 1 RETURN count(*)",
      "MATCH (n {name: 'x'}) RETURN count(*)",
      "MATCH (n)--(m) RETURN count(*)",
      "MATCH (n) RETURN collect(n)",
      "MATCH (n) RETURN labels(n)[0], collect(labels(n))",
      "MATCH (n) RETURN sum(size(labels(n)))",
    ])
      expect(taken(q), q).toBe(false);
  });

  it("takes the lean single-hop route only for a first one-hop MATCH read by a plain projection", () => {
    const ctx = { index: new GraphIndex(build({ nodes: [{ name: "x", mentions: 0 }], edges: [] })), params: {}, guard: new Guard(DEFAULT_LIMITS) } as never;
    const taken = (q: string) => {
      const [match, next] = parseQuery(q).clauses;
      return match.kind === "match" && (next.kind === "return" || next.kind === "with") && singleHopRows(match, next.projection, ctx) !== null;
    };
    for (const q of ["MATCH (o)-[:REJECTED]->(p:Proposal) RETURN o.name, p.name", "MATCH (a)-[r]-(b) WHERE a.x = 1 WITH a, r RETURN r", "MATCH ()--() RETURN 1 LIMIT 3"])
      expect(taken(q), q).toBe(true);
    for (const q of [
      "MATCH (a)-[r]->(b) RETURN DISTINCT a",
      "MATCH (a)-[r]->(b) RETURN a ORDER BY a.name",
      "MATCH (a)-[r]->(b) RETURN count(*)",
      "MATCH (a)-[r*1..2]->(b) RETURN a",
      "MATCH p = (a)-[r]->(b) RETURN p",
      "MATCH (a)-[r]->(a) RETURN a",
      "MATCH (a)-[r]->(b)-[s]->(c) RETURN a",
      "MATCH (a)-[r]->(b), (c) RETURN a",
      "OPTIONAL MATCH (a)-[r]->(b) RETURN a",
      "MATCH p = shortestPath((a)-[*]-(b)) RETURN p",
    ])
      expect(taken(q), q).toBe(false);
  });

  it("the lean single-hop route stops at the row guard like the general route", async () => {
    // 12 T edges from v0; maxRows 10: the 11th row trips the guard, exactly 10 rows pass.
    const spec = { nodes: Array.from({ length: 13 }, (_, i) => ({ name: `n${i}`, mentions: i })), edges: Array.from({ length: 12 }, (_, i): [number, number, string] => [0, i + 1, "t"]) };
    const engine = createQueryEngine(build(spec), { maxRows: 10 });
    for (const q of ["MATCH (a)-[:T]->(b) RETURN b.name", "UNWIND [1] AS one MATCH (a)-[:T]->(b) RETURN b.name"]) {
      const err = await engine.run(q).catch((e: unknown) => e);
      expect(err, q).toBeInstanceOf(QueryGuardError);
      expect((err as QueryGuardError).guard).toBe("rows");
      expect((await engine.run(q.replace("RETURN", "WHERE b.mentions <= 10 RETURN"))).rows).toHaveLength(10);
    }
  });

  it("the lean single-hop route reports a missing parameter and an unknown variable", async () => {
    const engine = createQueryEngine(build({ nodes: [{ name: "x", mentions: 0 }, { name: "y", mentions: 1 }], edges: [[0, 1, "t"]] }));
    await expect(engine.run("MATCH (a)-[r]->(b) WHERE b.name = $missing RETURN a")).rejects.toBeInstanceOf(QueryRuntimeError);
    await expect(engine.run("MATCH (a)-[r]->(b) RETURN c")).rejects.toBeInstanceOf(QueryRuntimeError);
  });

  it("still reports a missing parameter of a pushed-down comparison", async () => {
    const engine = createQueryEngine(build({ nodes: [{ name: "x", mentions: 0 }], edges: [] }));
    await expect(engine.run("MATCH (a) WHERE a.name = $missing RETURN a")).rejects.toBeInstanceOf(QueryRuntimeError);
  });
});

/** allShortestPaths as it was: distances layered the full length from both ends. */
function fullDepthAllShortest(ix: GraphIndex, searcher: PathSearcher, s: number, t: number, direction: PathDirection, mask: Uint8Array | null) {
  const first = searcher.shortest(s, t, { direction, mask });
  if (!first) return [];
  const L = first.edges.length;
  if (L === 0) return [first];
  const needF = direction === "right" ? OUT : direction === "left" ? IN : BOTH;
  const needB = direction === "right" ? IN : direction === "left" ? OUT : BOTH;
  const ok = (p: number, need: number) => (need === BOTH || (ix.dirs[p] & need) !== 0) && (!mask || mask[ix.edgeType[ix.edges[p]]] === 1);
  const layer = (root: number, need: number) => {
    const dist = new Array(ix.nodeCount).fill(-1);
    dist[root] = 0;
    let frontier = [root];
    for (let d = 0; d < L; d++) {
      const next: number[] = [];
      for (const u of frontier)
        for (let p = ix.offsets[u]; p < ix.offsets[u + 1]; p++) if (dist[ix.neighbors[p]] < 0 && ok(p, need)) (dist[ix.neighbors[p]] = d + 1), next.push(ix.neighbors[p]);
      frontier = next;
    }
    return dist;
  };
  const [distF, distB] = [layer(s, needF), layer(t, needB)];
  const out: Array<{ nodes: number[]; edges: number[] }> = [];
  const walk = (u: number, d: number, nodes: number[], edges: number[]): void => {
    for (let p = ix.offsets[u]; p < ix.offsets[u + 1]; p++) {
      const v = ix.neighbors[p];
      if (distF[v] !== d + 1 || distB[v] !== L - d - 1 || !ok(p, needF)) continue;
      if (v === t) out.push({ nodes: [...nodes, v], edges: [...edges, ix.edges[p]] });
      else walk(v, d + 1, [...nodes, v], [...edges, ix.edges[p]]);
    }
  };
  walk(s, 0, [s], []);
  return out;
}

describe("adjacency by type", () => {
  it("lists each node's entries of one type in CSR order", () => {
    fc.assert(
      fc.property(graphArb, (spec) => {
        const ix = new GraphIndex(build(spec));
        const { types, starts, positions } = adjacencyByType(ix);
        for (let u = 0; u < ix.nodeCount; u++)
          for (let t = 0; t < ix.typeNames.length; t++) {
            const expected = [];
            for (let p = ix.offsets[u]; p < ix.offsets[u + 1]; p++) if (ix.edgeType[ix.edges[p]] === t) expected.push(p);
            expect([...positions.subarray(starts[u * types + t], starts[u * types + t + 1])]).toEqual(expected);
          }
      }),
      { numRuns: 200 },
    );
  });
});

describe("allShortestPaths layered halfway", () => {
  it("finds exactly the full-depth layering's paths, in the same order", () => {
    fc.assert(
      fc.property(graphArb, fc.nat(), fc.nat(), fc.constantFrom<PathDirection>("both", "right", "left"), fc.option(fc.subarray(TYPES, { minLength: 1 }), { nil: undefined }), (spec, a, b, direction, only) => {
        const ix = new GraphIndex(build(spec));
        const searcher = new PathSearcher(ix);
        const [s, t] = [a % ix.nodeCount, b % ix.nodeCount];
        const mask = ix.typeMask(only);
        expect(allShortestPaths(searcher, s, t, { direction, mask })).toEqual(fullDepthAllShortest(ix, searcher, s, t, direction, mask));
      }),
      { numRuns: 500 },
    );
  });
});

describe("engine.path() picks the best-evidenced edge of each hop", () => {
  it("whichever end has the shorter adjacency list, ties to the first edge", () => {
    const g = new MultiDirectedGraph();
    for (const k of ["hub", "leaf", "other", ...Array.from({ length: 20 }, (_, i) => `x${i}`)]) g.addNode(k, { label: k, type: "actor" });
    for (let i = 0; i < 20; i++) g.addEdgeWithKey(`hx${i}`, "hub", `x${i}`, { type: "met_with", evidence: [{}] });
    const ev = (n: number) => Array.from({ length: n }, () => ({}));
    g.addEdgeWithKey("a", "leaf", "hub", { type: "criticized", evidence: ev(1), weight: 9 });
    g.addEdgeWithKey("b", "hub", "leaf", { type: "praised", evidence: ev(3), weight: 1 });
    g.addEdgeWithKey("c", "leaf", "hub", { type: "met_with", evidence: ev(3), weight: 1 });
    g.addEdgeWithKey("d", "other", "hub", { type: "met_with", evidence: ev(2), weight: 5 });
    g.addEdgeWithKey("e", "hub", "other", { type: "met_with", evidence: ev(2), weight: 5 });
    const engine = createQueryEngine(g);
    const hop = (from: string, to: string, types?: string[]) => engine.path(from, to, { types }).paths[0].hops[0];
    expect(hop("leaf", "hub")).toMatchObject({ type: "praised", direction: "backward" });
    expect(hop("hub", "leaf")).toMatchObject({ type: "praised", direction: "forward" });
    expect(hop("hub", "leaf", ["criticized", "met_with"])).toMatchObject({ type: "met_with", source: "leaf" });
    expect(hop("hub", "other")).toMatchObject({ source: "other", direction: "backward" });
    expect(hop("other", "hub")).toMatchObject({ source: "other", direction: "forward" });
  });
});

describe("GraphIndex.parallel flags the edges that share both end nodes with another", () => {
  it("matches a count of edges per unordered pair on random graphs (self-loops included)", () => {
    fc.assert(
      fc.property(graphArb, (spec) => {
        const g = build(spec);
        const ix = new GraphIndex(g);
        const pair = (e: number) => [ix.edgeSource[e], ix.edgeTarget[e]].sort((a, b) => a - b).join("-");
        const perPair = new Map<string, number>();
        for (let e = 0; e < ix.edgeCount; e++) perPair.set(pair(e), (perPair.get(pair(e)) ?? 0) + 1);
        for (let e = 0; e < ix.edgeCount; e++) expect(ix.parallel[e], ix.edgeKeys[e]).toBe(perPair.get(pair(e))! > 1 ? 1 : 0);
      }),
    );
  });
});
