/**
 * Compares two serialized graphs (graphology export format) as sets: graph
 * attributes, nodes by key with their attributes, edges by key with endpoints and
 * attributes. Answers the differences in words (empty when equal), so a failing
 * assertion says what differs rather than dumping two 150 KB documents.
 */
import { isDeepStrictEqual } from "node:util";

interface Serialized {
  attributes?: Record<string, unknown>;
  nodes: Array<{ key: string; attributes?: Record<string, unknown> }>;
  edges: Array<{ key?: string; source: string; target: string; attributes?: Record<string, unknown> }>;
}

function byKey<T extends { key?: string }>(items: T[], what: string, problems: string[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    if (item.key === undefined) problems.push(`${what} without a key`);
    else if (map.has(item.key)) problems.push(`duplicate ${what} ${item.key}`);
    else map.set(item.key, item);
  }
  return map;
}

function compareMaps<T>(what: string, a: Map<string, T>, b: Map<string, T>, problems: string[]): void {
  for (const [key, item] of a) {
    if (!b.has(key)) problems.push(`${what} ${key} only in the first graph`);
    else if (!isDeepStrictEqual(item, b.get(key))) problems.push(`${what} ${key} differs`);
  }
  for (const key of b.keys()) if (!a.has(key)) problems.push(`${what} ${key} only in the second graph`);
}

export function graphDifferences(first: unknown, second: unknown, limit = 20): string[] {
  const a = first as Serialized;
  const b = second as Serialized;
  if (!Array.isArray(a?.nodes) || !Array.isArray(a?.edges)) return ["the first is not a serialized graph"];
  if (!Array.isArray(b?.nodes) || !Array.isArray(b?.edges)) return ["the second is not a serialized graph"];
  const problems: string[] = [];
  if (!isDeepStrictEqual(a.attributes ?? {}, b.attributes ?? {})) problems.push("graph attributes differ");
  compareMaps("node", byKey(a.nodes, "node", problems), byKey(b.nodes, "node", problems), problems);
  compareMaps("edge", byKey(a.edges, "edge", problems), byKey(b.edges, "edge", problems), problems);
  return problems.slice(0, limit);
}

/** Article ids a serialized graph says it was built from. */
export function graphArticleIds(graph: unknown): string[] {
  const articles = (graph as { attributes?: { articles?: Array<{ id: string }> } }).attributes?.articles ?? [];
  return articles.map((a) => a.id);
}
