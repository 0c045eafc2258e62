/**
 * Ranked name search without scanning every name: sorted folded names (binary
 * search finds the prefix hits), sorted word suffixes (word-prefix hits), and
 * one joined haystack for the substring fallback, which native indexOf walks
 * only when the two sorted ranges give fewer nodes than asked for. Ranking is
 * the scan's: exact 100, prefix 80, word prefix 60, substring 40 (+ bonuses),
 * best entry per node, ties by weight, label, then node order — top-k selected.
 */
import type { SearchHit } from "./result.ts";
import { topK } from "./top-k.ts";

export interface NameEntry {
  /** Position in the entry list: the first of equal-scoring entries wins, as in a scan. */
  id: number;
  /** Node ordinal, the last tie-breaker (a scan met nodes in this order). */
  node: number;
  key: string;
  label: string;
  type: string;
  name: string;
  folded: string;
  /** Tie-breaker: more-mentioned, better-connected nodes first. */
  weight: number;
  isLabel: boolean;
}

interface Scored {
  entry: NameEntry;
  score: number;
}

/** Score of one entry for a folded needle, or -1 when it does not contain it (the first occurrence decides). */
export function scoreEntry(e: NameEntry, needle: string): number {
  const at = e.folded.indexOf(needle);
  if (at < 0) return -1;
  const base = e.folded === needle ? 100 : at === 0 ? 80 : e.folded[at - 1] === " " ? 60 : 40;
  return base + (e.isLabel ? 5 : 0) + Math.min(4, (needle.length / e.folded.length) * 4);
}

function lowerBound(sorted: readonly string[], needle: string): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < needle) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** localeCompare's own collator (same order), made once; equal labels — common among namesakes — skip it. */
const collator = new Intl.Collator();
const byLabel = (a: string, b: string) => (a === b ? 0 : collator.compare(a, b));

const byRank = (a: Scored, b: Scored) =>
  b.score - a.score || b.entry.weight - a.entry.weight || byLabel(a.entry.label, b.entry.label) || a.entry.node - b.entry.node;

export class NameSearch {
  /** Distinct folded names in code-unit order; `byFolded` gives their entries. */
  private readonly names: string[];
  /** Distinct suffixes starting at a later word ("putin" of "vladimir putin"), sorted; `bySuffix` gives their entries. */
  private readonly suffixes: string[];
  private readonly bySuffix = new Map<string, NameEntry[]>();
  private readonly haystack: string;
  private readonly starts: Int32Array;

  constructor(
    private readonly entries: readonly NameEntry[],
    private readonly byFolded: ReadonlyMap<string, NameEntry[]>,
  ) {
    this.names = [...byFolded.keys()].sort();
    for (const e of entries) {
      for (let p = e.folded.indexOf(" "); p >= 0; p = e.folded.indexOf(" ", p + 1)) {
        const suffix = e.folded.slice(p + 1);
        const list = this.bySuffix.get(suffix);
        if (list) list.push(e);
        else this.bySuffix.set(suffix, [e]);
      }
    }
    this.suffixes = [...this.bySuffix.keys()].sort();
    // Folded names hold no newline, so a match never spans two names.
    this.haystack = entries.map((e) => e.folded).join("\n");
    this.starts = new Int32Array(entries.length + 1);
    for (let i = 0, at = 0; i < entries.length; i++) {
      this.starts[i] = at;
      at += entries[i].folded.length + 1;
    }
    this.starts[entries.length] = this.haystack.length + 1;
  }

  /** Entries whose folded name starts with `needle` (every exact and prefix hit). */
  *prefixed(needle: string): Generator<NameEntry> {
    for (let i = lowerBound(this.names, needle); i < this.names.length && this.names[i].startsWith(needle); i++) yield* this.byFolded.get(this.names[i])!;
  }

  /** Entries with a later word starting with `needle` (every word-prefix hit, and some whose first occurrence is mid-word). */
  *wordPrefixed(needle: string): Generator<NameEntry> {
    for (let i = lowerBound(this.suffixes, needle); i < this.suffixes.length && this.suffixes[i].startsWith(needle); i++) yield* this.bySuffix.get(this.suffixes[i])!;
  }

  /** Every entry containing `needle`, in entry order, each once. */
  *containing(needle: string): Generator<NameEntry> {
    const { haystack, starts } = this;
    for (let at = haystack.indexOf(needle); at >= 0; ) {
      let lo = 0, hi = this.entries.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (starts[mid] <= at) lo = mid;
        else hi = mid - 1;
      }
      yield this.entries[lo];
      at = haystack.indexOf(needle, starts[lo + 1]);
    }
  }

  /** Ranked hits for an already folded, non-empty needle: the best entry per node, top `limit`. */
  search(needle: string, limit: number): SearchHit[] {
    const best = new Map<number, Scored>();
    const consider = (entries: Iterable<NameEntry>) => {
      for (const entry of entries) {
        const score = scoreEntry(entry, needle);
        if (score < 0) continue;
        const prev = best.get(entry.node);
        if (!prev || score > prev.score || (score === prev.score && entry.id < prev.entry.id)) best.set(entry.node, { entry, score });
      }
    };
    const enough = (floor: number) => {
      let n = 0;
      for (const s of best.values()) if (s.score >= floor && ++n >= limit) return true;
      return false;
    };
    // Scores fall in bands 20 apart (bonuses add < 10), so once `limit` nodes score in a band
    // no entry of a lower band can enter the top `limit`.
    consider(this.prefixed(needle));
    if (!enough(80)) {
      consider(this.wordPrefixed(needle));
      if (!enough(60)) consider(this.containing(needle));
    }
    return topK(best.values(), limit, byRank).map(({ entry: e, score }) => ({
      key: e.key,
      label: e.label,
      type: e.type,
      matched: e.name,
      score: Math.round(score * 100) / 100,
    }));
  }
}
