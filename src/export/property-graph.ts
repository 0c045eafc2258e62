/**
 * The graph as a labeled property graph, the way the query console shows it
 * (docs/query-language.md, "The graph as openCypher sees it"), as declarative
 * lists read by the Neo4j CSV and Cypher script writers. Keeping the console's
 * labels, relationship types and property names is what lets a console query
 * run unchanged in Neo4j or Memgraph.
 */
import type { EdgeAttributes, NodeAttributes } from "../types.ts";

/**
 * How a property is stored: `list` is a list of strings (a Neo4j string array);
 * `json` is a value Neo4j cannot hold as a property (a list of maps), kept as
 * its JSON text.
 */
export type PropertyKind = "string" | "integer" | "float" | "list" | "json";

export interface PropertyDef<A> {
  name: string;
  kind: PropertyKind;
  /** The value; null or undefined means "no property". */
  get(attributes: A): unknown;
}

/**
 * The console's node properties: every attribute but `type` (which becomes the
 * label), with `name` falling back to `label`; `id` (the key) is written by each
 * format as its node identifier.
 */
export const NODE_PROPERTIES: readonly PropertyDef<NodeAttributes>[] = [
  { name: "name", kind: "string", get: (a) => (a as { name?: unknown }).name ?? a.label },
  { name: "label", kind: "string", get: (a) => a.label },
  { name: "aliases", kind: "list", get: (a) => a.aliases },
  { name: "mentions", kind: "integer", get: (a) => a.mentions },
  { name: "articles", kind: "list", get: (a) => a.articles },
  { name: "x", kind: "float", get: (a) => a.x },
  { name: "y", kind: "float", get: (a) => a.y },
  { name: "size", kind: "float", get: (a) => a.size },
  { name: "color", kind: "string", get: (a) => a.color },
];

/** The console's relationship properties: every attribute but `type`, evidence included. */
export const RELATIONSHIP_PROPERTIES: readonly PropertyDef<EdgeAttributes>[] = [
  { name: "label", kind: "string", get: (a) => a.label },
  { name: "weight", kind: "integer", get: (a) => a.weight },
  { name: "evidence", kind: "json", get: (a) => a.evidence },
  { name: "firstSeen", kind: "string", get: (a) => a.firstSeen },
  { name: "lastSeen", kind: "string", get: (a) => a.lastSeen },
];

/** The console's labels: a `labels` array attribute, else the type capitalized (`actor` → `Actor`). */
export function nodeLabels(attributes: object): string[] {
  const a = attributes as { labels?: unknown; type?: unknown };
  if (Array.isArray(a.labels)) return a.labels.map(String);
  if (typeof a.type === "string" && a.type) return [a.type[0]!.toUpperCase() + a.type.slice(1)];
  return [];
}

/** The console's relationship type: the `type` attribute upper-cased (`negotiated_with` → `NEGOTIATED_WITH`). */
export function relationshipType(attributes: object): string {
  const type = (attributes as { type?: unknown }).type;
  return typeof type === "string" && type ? type.toUpperCase() : "RELATED";
}

/** Labels remembered per node type: a million edges ask for the labels of their two ends. */
export function labelsLookup(): (attributes: object) => string[] {
  const byType = new Map<unknown, string[]>();
  return (attributes) => {
    const a = attributes as { labels?: unknown; type?: unknown };
    if (Array.isArray(a.labels)) return nodeLabels(a);
    let labels = byType.get(a.type);
    if (!labels) byType.set(a.type, (labels = nodeLabels(a)));
    return labels;
  };
}
