/**
 * The scan search() used to be, kept as the oracle of the name-index and prefix-tree tests: every folded name,
 * first occurrence scored, one hit per node, full sort (ties: weight, label, node order).
 */
import type { MultiDirectedGraph } from "graphology";
import { fold, type SearchHit } from "../../src/query/index.ts";

export function bruteSearch(graph: MultiDirectedGraph, q: string, limit: number): SearchHit[] {
  const needle = fold(q);
  if (!needle || limit <= 0) return [];
  const best = new Map<string, SearchHit & { weight: number }>();
  graph.forEachNode((key, attrs) => {
    const label = String(attrs.label ?? key);
    const weight = (attrs.mentions ?? 0) + graph.degree(key);
    for (const name of new Set<string>([label, ...(attrs.aliases ?? []), key])) {
      const folded = fold(name);
      const at = folded ? folded.indexOf(needle) : -1;
      if (at < 0) continue;
      const base = folded === needle ? 100 : at === 0 ? 80 : folded[at - 1] === " " ? 60 : 40;
      const score = base + (name === label ? 5 : 0) + Math.min(4, (needle.length / folded.length) * 4);
      const prev = best.get(key);
      if (!prev || score > prev.score) best.set(key, { key, label, type: String(attrs.type), matched: name, score, weight });
    }
  });
  return [...best.values()]
    .sort((a, b) => b.score - a.score || b.weight - a.weight || a.label.localeCompare(b.label))
    .slice(0, limit)
    .map(({ weight: _w, ...hit }) => ({ ...hit, score: Math.round(hit.score * 100) / 100 }));
}
