/**
 * A node's relations grouped for the node panel: by edge type (in ontology order)
 * and direction, each with the entity at the other end and its evidence. Symmetric
 * types are one group whatever the stored direction. Pure; unit-tested.
 */
import { EDGE_TYPES, EDGE_TYPE_BY_ID } from "../../../src/ontology.ts";
import type { Evidence } from "../../../src/types.ts";
import type { ExplorerGraph } from "../graph/filters.ts";

export type Direction = "out" | "in" | "both";

export interface RelationItem {
  edge: string;
  other: string;
  otherLabel: string;
  weight: number;
  evidence: Evidence[];
}

export interface RelationGroup {
  type: string;
  label: string;
  direction: Direction;
  /** "negotiated with", "proposed →", "← rejected": how the heading reads. */
  heading: string;
  items: RelationItem[];
}

const order = new Map(EDGE_TYPES.map((t, i) => [t.id, i]));
const DIRECTION_ORDER: Record<Direction, number> = { both: 0, out: 1, in: 2 };

export function headingFor(label: string, direction: Direction): string {
  return direction === "both" ? label : direction === "out" ? `${label} →` : `← ${label}`;
}

export function groupRelations(graph: ExplorerGraph, node: string): RelationGroup[] {
  if (!graph.hasNode(node)) return [];
  const groups = new Map<string, RelationGroup>();
  graph.forEachEdge(node, (edge, a, source, target) => {
    const def = EDGE_TYPE_BY_ID.get(a.type);
    const direction: Direction = def?.symmetric ? "both" : source === node ? "out" : "in";
    const id = `${a.type}/${direction}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { type: a.type, label: a.label, direction, heading: headingFor(a.label, direction), items: [] }));
    const other = source === node ? target : source;
    g.items.push({ edge, other, otherLabel: graph.getNodeAttribute(other, "label"), weight: a.weight, evidence: a.evidence });
  });
  const list = [...groups.values()];
  list.forEach((g) => g.items.sort((x, y) => y.weight - x.weight || x.otherLabel.localeCompare(y.otherLabel)));
  return list.sort((x, y) => (order.get(x.type) ?? 99) - (order.get(y.type) ?? 99) || DIRECTION_ORDER[x.direction] - DIRECTION_ORDER[y.direction]);
}

/** Splits a sentence around its cue quote so the quote can be marked: [before, quote, after]. */
export function splitQuote(sentence: string, quote: string): [string, string, string] {
  const at = quote ? sentence.indexOf(quote) : -1;
  if (at < 0) return [sentence, "", ""];
  return [sentence.slice(0, at), quote, sentence.slice(at + quote.length)];
}

/** How much evidence backs a relation: distinct sentences (article + sentence index) and distinct articles. */
export function evidenceCounts(evidence: readonly Pick<Evidence, "article" | "sentenceIndex">[]): { sentences: number; articles: number } {
  const sentences = new Set(evidence.map((e) => `${e.article}\u0000${e.sentenceIndex}`));
  const articles = new Set(evidence.map((e) => e.article));
  return { sentences: sentences.size, articles: articles.size };
}

/** "3 sentences · 2 articles", "1 sentence · 1 article". */
export function evidenceSummary(evidence: readonly Pick<Evidence, "article" | "sentenceIndex">[]): string {
  const { sentences, articles } = evidenceCounts(evidence);
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  return `${n(sentences, "sentence")} · ${n(articles, "article")}`;
}
