/**
 * Plain-text rendering of a QueryResult for the terminal: an aligned table of
 * short cell texts, with every path cell written out underneath as readable
 * hops — "Marco Rubio —member of→ United States" — each followed by its quoted
 * evidence sentences.
 */
import type { NodeJSON, PathJSON, RelationshipJSON } from "./serialize.ts";
import type { QueryResult } from "./result.ts";

const MAX_CELL = 60;
const MAX_QUOTES = 2;

const isKind = <K extends string>(v: unknown, kind: K): v is { kind: K } =>
  typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === kind;

const nodeName = (n: NodeJSON) => String(n.properties.name ?? n.properties.label ?? n.key);

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (isKind(v, "node")) return nodeName(v as NodeJSON);
  if (isKind(v, "relationship")) {
    const r = v as RelationshipJSON;
    return `(${r.start})-[:${r.type}]->(${r.end})`;
  }
  if (isKind(v, "path")) return `path of ${(v as PathJSON).relationships.length} hop(s), below`;
  if (Array.isArray(v)) return `[${v.map(cellText).join(", ")}]`;
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

const clip = (s: string) => (s.length > MAX_CELL ? `${s.slice(0, MAX_CELL - 1)}…` : s);

/** One path as hops with evidence quotes. */
export function formatPath(path: PathJSON): string[] {
  const lines: string[] = [];
  const names = new Map(path.nodes.map((n) => [n.key, nodeName(n)]));
  path.relationships.forEach((r, i) => {
    const from = path.nodes[i];
    const to = path.nodes[i + 1];
    const label = String(r.properties.label ?? r.type.toLowerCase().replace(/_/g, " "));
    const forward = r.start === from.key;
    lines.push(forward ? `  ${names.get(from.key)} —${label}→ ${names.get(to.key)}` : `  ${names.get(from.key)} ←${label}— ${names.get(to.key)}`);
    const evidence = Array.isArray(r.properties.evidence) ? (r.properties.evidence as Array<{ sentence?: string; article?: string }>) : [];
    for (const ev of evidence.slice(0, MAX_QUOTES)) lines.push(`      “${ev.sentence ?? ""}”${ev.article ? ` (${ev.article})` : ""}`);
    if (evidence.length > MAX_QUOTES) lines.push(`      … ${evidence.length - MAX_QUOTES} more`);
  });
  if (!path.relationships.length && path.nodes[0]) lines.push(`  ${nodeName(path.nodes[0])}`);
  return lines;
}

export function formatTable(result: QueryResult): string {
  const { columns, rows } = result;
  const texts = rows.map((row) => row.map((v) => clip(cellText(v))));
  const widths = columns.map((c, i) => Math.max(c.length, ...texts.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(" │ ").trimEnd();
  const out = [line(columns), widths.map((w) => "─".repeat(w)).join("─┼─")];
  rows.forEach((row, r) => {
    out.push(line(texts[r]));
    for (const v of row) if (isKind(v, "path")) out.push(...formatPath(v as PathJSON));
  });
  out.push(`(${rows.length} row${rows.length === 1 ? "" : "s"}, ${result.elapsedMs} ms)`);
  if (result.notice) out.push(result.notice);
  return out.join("\n");
}
