/**
 * The read traffic of a load run, drawn from the served graph itself: search
 * prefixes of real labels and aliases, node lookups by key and alias, shortest
 * paths between real labels, console queries (Cypher with parameters and the
 * shortcuts), and a few deliberate bad requests that must answer their 4xx.
 * Routes and weights are one declarative table.
 */
import type { Random } from "./random.ts";

export interface MixRequest {
  route: string;
  method: "GET" | "POST";
  path: string;
  body?: string;
  /** A deliberate bad request must answer exactly this status; others must be 2xx. */
  expectStatus?: number;
}

interface NodeInfo {
  key: string;
  label: string;
  aliases: string[];
}

type Maker = (nodes: NodeInfo[], random: Random) => MixRequest;

const q = encodeURIComponent;
const query = (route: string, text: string, params?: Record<string, unknown>, expectStatus?: number): MixRequest => ({
  route,
  method: "POST",
  path: "/api/query",
  body: JSON.stringify(params ? { query: text, params } : { query: text }),
  expectStatus,
});
const names = (n: NodeInfo) => [n.label, ...n.aliases];

const CYPHER: Array<(a: NodeInfo, b: NodeInfo) => MixRequest> = [
  (a) => query("query:cypher", "MATCH (a {name: $name})-[r]-(b) RETURN b.name, type(r) LIMIT 25", { name: a.label }),
  () => query("query:cypher", "MATCH (n) RETURN labels(n)[0] AS type, count(*) AS n ORDER BY n DESC"),
  () => query("query:cypher", "MATCH (o)-[:REJECTED]->(p:Proposal) RETURN o.name, p.name LIMIT 10"),
  (a, b) => query("query:cypher", "MATCH p = shortestPath((a {name: $a})-[*..6]-(b {name: $b})) RETURN p", { a: a.label, b: b.label }),
  (a) => query("query:shortcut", `neighbors ${a.label}`),
  (a) => query("query:shortcut", `find ${a.label.slice(0, 4)}`),
  (a, b) => query("query:shortcut", `path ${a.label} -> ${b.label}`),
];

const BAD: MixRequest[] = [
  { route: "bad-request", method: "GET", path: "/api/search?q=", expectStatus: 400 },
  { route: "bad-request", method: "GET", path: "/api/nodes/zz-nobody-is-called-this-zz", expectStatus: 404 },
  { route: "bad-request", method: "GET", path: "/api/path?from=Rubio", expectStatus: 400 },
  query("bad-request", "MATCH (n RETURN n", undefined, 400),
];

/** route weight → how to make one request of it. */
const MIX: Array<[number, Maker]> = [
  [30, (nodes, r) => {
    const name = r.pick(names(r.pick(nodes)));
    return { route: "search", method: "GET", path: `/api/search?q=${q(name.slice(0, 1 + r.int(Math.min(6, name.length))))}` };
  }],
  [25, (nodes, r) => {
    const node = r.pick(nodes);
    return { route: "node", method: "GET", path: `/api/nodes/${q(r.next() < 0.5 ? node.key : r.pick(names(node)))}` };
  }],
  [20, (nodes, r) => ({ route: "path", method: "GET", path: `/api/path?from=${q(r.pick(nodes).label)}&to=${q(r.pick(nodes).label)}${r.next() < 0.3 ? "&k=3" : ""}` })],
  [20, (nodes, r) => r.pick(CYPHER)(r.pick(nodes), r.pick(nodes))],
  [3, () => ({ route: "health", method: "GET", path: "/api/health" })],
  [2, (_nodes, r) => r.pick(BAD)],
];

/** A request picker over the nodes of a serialized graph (graphology export). */
export function requestMix(graph: { nodes: Array<{ key: string; attributes?: Record<string, unknown> }> }, random: Random): () => MixRequest {
  const nodes: NodeInfo[] = graph.nodes.map((n) => ({ key: n.key, label: String(n.attributes?.label ?? n.key), aliases: (n.attributes?.aliases as string[] | undefined) ?? [] }));
  if (!nodes.length) throw new RangeError("hardening/request-mix: the graph has no nodes to ask about");
  const total = MIX.reduce((n, [w]) => n + w, 0);
  return () => {
    let x = random.next() * total;
    for (const [weight, make] of MIX) if ((x -= weight) < 0) return make(nodes, random);
    return MIX[0]![1](nodes, random);
  };
}
