/**
 * Console result cells: which graph elements a result table refers to (to highlight
 * them) and how each cell reads as plain text in the table. Pure; unit-tested.
 */
import type { QueryCell } from "../api.ts";
import type { Highlight } from "../graph/emphasis.ts";

type Obj = { [k: string]: unknown };
const isObj = (c: unknown): c is Obj => typeof c === "object" && c !== null && !Array.isArray(c);

/** Every node and relationship key mentioned anywhere in the rows (inside lists and paths too). */
export function collectHighlights(rows: QueryCell[][]): Highlight {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const visit = (c: unknown): void => {
    if (Array.isArray(c)) return c.forEach(visit);
    if (!isObj(c)) return;
    if (c.kind === "node" && typeof c.key === "string") nodes.add(c.key);
    else if (c.kind === "relationship" && typeof c.key === "string") {
      edges.add(c.key);
      if (typeof c.start === "string") nodes.add(c.start);
      if (typeof c.end === "string") nodes.add(c.end);
    } else if (c.kind === "path") {
      visit(c.nodes);
      visit(c.relationships);
    }
  };
  rows.forEach((row) => row.forEach(visit));
  return { nodes, edges };
}

function nodeName(c: Obj): string {
  const props = isObj(c.properties) ? c.properties : {};
  return typeof props.name === "string" ? props.name : String(c.key);
}

/** A cell as text: nodes by name, relationships by type, paths as "A → B → C". */
export function formatCell(c: unknown): string {
  if (c === null || c === undefined) return "null";
  if (Array.isArray(c)) return `[${c.map(formatCell).join(", ")}]`;
  if (!isObj(c)) return String(c);
  if (c.kind === "node") return nodeName(c);
  if (c.kind === "relationship") return `:${String(c.type ?? "").toUpperCase()}`;
  if (c.kind === "path" && Array.isArray(c.nodes)) return c.nodes.map((n) => (isObj(n) ? nodeName(n) : String(n))).join(" → ");
  return JSON.stringify(c);
}
