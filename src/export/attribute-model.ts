/**
 * Which node and edge attributes an export carries, and their value kinds, as one
 * declarative list read by every XML writer (GEXF and GraphML map each kind to
 * their own type names). Label, weight and layout travel in each format's native
 * slots (GEXF element attributes and viz:*), so they are not repeated here.
 */
import type { EdgeAttributes, NodeAttributes } from "../types.ts";
import { EDGE_TYPE_BY_ID } from "../ontology.ts";

export type ValueKind = "string" | "integer" | "double" | "boolean" | "list";

export interface ExportedAttribute<A> {
  id: string;
  kind: ValueKind;
  /** The value to write; null/undefined means "no value" and is left out. */
  get(attributes: A): unknown;
}

export const NODE_ATTRIBUTES: readonly ExportedAttribute<NodeAttributes>[] = [
  { id: "type", kind: "string", get: (a) => a.type },
  { id: "aliases", kind: "list", get: (a) => a.aliases },
  { id: "mentions", kind: "integer", get: (a) => a.mentions },
  { id: "articles", kind: "list", get: (a) => a.articles },
];

export const EDGE_ATTRIBUTES: readonly ExportedAttribute<EdgeAttributes>[] = [
  { id: "type", kind: "string", get: (a) => a.type },
  { id: "evidenceCount", kind: "integer", get: (a) => (Array.isArray(a.evidence) ? a.evidence.length : 0) },
  { id: "firstSeen", kind: "string", get: (a) => a.firstSeen },
  { id: "lastSeen", kind: "string", get: (a) => a.lastSeen },
  // Symmetric relations are stored once as directed edges; this flag tells readers to read them both ways.
  { id: "symmetric", kind: "boolean", get: (a) => EDGE_TYPE_BY_ID.get(a.type)?.symmetric ?? false },
];

/**
 * With `evidence`, every edge also carries its evidence: the sentences in the
 * order the graph keeps them, and the article of each, as two aligned lists
 * (readers of GEXF and GraphML have no list-of-records type).
 */
export const EDGE_EVIDENCE_ATTRIBUTES: readonly ExportedAttribute<EdgeAttributes>[] = [
  { id: "evidence", kind: "list", get: (a) => (Array.isArray(a.evidence) ? a.evidence.map((e) => e.sentence) : []) },
  { id: "evidenceArticles", kind: "list", get: (a) => (Array.isArray(a.evidence) ? a.evidence.map((e) => e.article) : []) },
];

/** The edge attributes an export writes. */
export function edgeAttributes(options: { evidence?: boolean }): readonly ExportedAttribute<EdgeAttributes>[] {
  return options.evidence ? [...EDGE_ATTRIBUTES, ...EDGE_EVIDENCE_ATTRIBUTES] : EDGE_ATTRIBUTES;
}

/** Formats a scalar value of the given kind; lists are handled by each writer. */
export function formatScalar(kind: Exclude<ValueKind, "list">, value: unknown): string {
  if (kind === "integer") return String(Number.isFinite(Number(value)) ? Math.trunc(Number(value)) : 0);
  if (kind === "double") return String(Number.isFinite(Number(value)) ? Number(value) : 0);
  if (kind === "boolean") return value ? "true" : "false";
  return String(value);
}

/** `#rgb` / `#rrggbb` to channels, or null for anything else (the color is then omitted). */
export function parseHexColor(color: unknown): { r: number; g: number; b: number; hex: string } | null {
  if (typeof color !== "string") return null;
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join("") : m[1]!;
  return { r: parseInt(hex.slice(0, 2), 16), g: parseInt(hex.slice(2, 4), 16), b: parseInt(hex.slice(4, 6), 16), hex: `#${hex.toLowerCase()}` };
}
