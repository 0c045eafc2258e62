/**
 * Names for people to type: every node's label, aliases and key, folded
 * (lower case, no diacritics, punctuation as spaces) for resolve() — exact
 * name → node key — and search() — ranked prefix/word-prefix/substring hits for
 * autocomplete and "did you mean" suggestions.
 */
import type { GraphIndex } from "./graph-index.ts";
import { NameSearch } from "./name-search.ts";
import { NameTable, type NodeNames } from "./name-table.ts";
import type { SearchHit } from "../output/result.ts";

const ASCII = /^[\x00-\x7f]*$/;

/** "Zelenskyy’s", "ZELENSKYY" and "zelenskyy" fold alike; "Kyïv" → "kyiv". */
export function fold(s: string): string {
  // Plain ASCII (most names) has no marks to strip and no letters or digits beyond a-z, 0-9:
  // the same result without normalize() and Unicode property classes, a quarter of the index build.
  if (ASCII.test(s))
    return s
      .toLowerCase()
      .replace(/['`]s\b/g, "")
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  return foldUnicode(s);
}

/** fold() for any text: marks stripped, case and punctuation folded (the path non-ASCII names take). */
export function foldUnicode(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[’'`]s\b/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export class NameIndex {
  private readonly table: NameTable;
  private readonly ranked: NameSearch;

  constructor(index: GraphIndex, built?: { table: NameTable; ranked: NameSearch }) {
    this.table = built?.table ?? new NameTable(namesOf(index), fold);
    this.ranked = built?.ranked ?? new NameSearch(this.table);
  }

  /** The index built in steps, with a pause between them (a server builds its engine between requests). */
  static *inSteps(index: GraphIndex): Generator<void, NameIndex> {
    const table = yield* NameTable.inSteps(namesOf(index), fold);
    const ranked = yield* NameSearch.inSteps(table);
    return new NameIndex(index, { table, ranked });
  }

  /** The node a name stands for: exact key, else folded label/alias/key (best-known node wins a tie). */
  resolve(name: string, hasKey: (k: string) => boolean): string | null {
    if (typeof name !== "string") return null;
    if (hasKey(name)) return name;
    const folded = fold(name);
    const t = this.table;
    const exact = t.withFolded(folded);
    const hits = exact.length ? exact : this.uniqueWordMatch(folded);
    if (!hits) return null;
    const better = (a: number, b: number) => t.weight(b) > t.weight(a) || (t.weight(b) === t.weight(a) && t.isLabel[b] === 1 && t.isLabel[a] === 0);
    return t.key(hits.reduce((a, b) => (better(a, b) ? b : a)));
  }

  /** "Witkoff" → the one node with a name containing the word "witkoff"; null when none or several. */
  private uniqueWordMatch(folded: string): number[] | null {
    if (!folded) return null;
    const t = this.table;
    // A whole-word occurrence starts the name or a later word, so the two sorted ranges hold every candidate.
    const padded = ` ${folded} `;
    const found = [...this.ranked.prefixed(folded), ...this.ranked.wordPrefixed(folded)].filter((e) => ` ${t.folded[e]} `.includes(padded));
    return found.length && found.every((e) => t.node[e] === t.node[found[0]]) ? found : null;
  }

  /** Ranked hits: exact 100, prefix 80, word prefix 60, substring 40 (+ small bonuses); one per node. */
  search(q: string, limit = 10): SearchHit[] {
    const needle = fold(String(q ?? ""));
    const k = Math.floor(Number(limit));
    if (!needle || !(k > 0)) return [];
    return this.ranked.search(needle, k);
  }

  /** "Did you mean": search hits, else the closest names by edit distance. */
  suggest(name: string, limit = 5): string[] {
    const hits = this.search(name, limit).map((h) => h.label);
    if (hits.length) return hits;
    const t = this.table;
    const needle = fold(name);
    const budget = Math.max(2, Math.floor(needle.length / 3));
    const scored = new Map<string, number>();
    for (let e = 0, end = Math.min(t.size, 200_000); e < end; e++) {
      const folded = t.folded[e];
      if (Math.abs(folded.length - needle.length) > budget) continue;
      const d = editDistance(needle, folded, budget);
      const label = t.label(e);
      if (d <= budget && d < (scored.get(label) ?? Infinity)) scored.set(label, d);
    }
    return [...scored].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([label]) => label);
  }
}

/** Each node's names as the index takes them: label first, then aliases, key and `name`, each once. */
function* namesOf(index: GraphIndex): Generator<NodeNames> {
  for (let node = 0; node < index.nodeCount; node++) {
    const key = index.nodeKeys[node];
    const attrs = index.nodeAttributes(node);
    const label = String(attrs.label ?? attrs.name ?? key);
    const names = new Set<string>([label, ...(Array.isArray(attrs.aliases) ? attrs.aliases.map(String) : []), key]);
    if (typeof attrs.name === "string") names.add(attrs.name);
    yield { key, label, type: String(attrs.type ?? ""), weight: (typeof attrs.mentions === "number" ? attrs.mentions : 0) + index.degree[node], names };
  }
}

/** Levenshtein distance, giving up (returning budget + 1) once every cell of a row exceeds the budget. */
function editDistance(a: string, b: string, budget: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > budget) return budget + 1;
    prev = cur;
  }
  return prev[b.length];
}
