/**
 * Ranked name search without scanning every name: sorted folded names (binary
 * search finds the prefix hits), sorted word suffixes (word-prefix hits), and
 * one joined haystack for the substring fallback, which native indexOf walks
 * only when the two sorted ranges give fewer nodes than asked for. Ranking is
 * the scan's: exact 100, prefix 80, word prefix 60, substring 40 (+ bonuses),
 * best entry per node, ties by weight, label, then node order — top-k selected.
 * When the prefix band alone fills the top k (a few letters typed into the
 * autocomplete: hundreds of hits at 100k nodes), a tournament tree over the
 * prefix range (PrefixTop) hands over its best entries first, so only about k
 * of them are scored instead of every hit.
 */
import type { SearchHit } from "../output/result.ts";
import { lowerBound, type NameTable } from "./name-table.ts";
import { topK } from "./top-k.ts";
import { drain } from "./stepped.ts";
import { PrefixTop, sameRankKey } from "./prefix-top.ts";

interface Scored {
  /** The entry (its number in the table): the first of equal-scoring entries wins, as in a scan. */
  entry: number;
  score: number;
}

/** Score of entry `e` for a folded needle, or -1 when it does not contain it (the first occurrence decides). */
export function scoreEntry(t: NameTable, e: number, needle: string): number {
  const folded = t.folded[e];
  const at = folded.indexOf(needle);
  if (at < 0) return -1;
  const base = folded === needle ? 100 : at === 0 ? 80 : folded[at - 1] === " " ? 60 : 40;
  return base + (t.isLabel[e] ? 5 : 0) + Math.min(4, (needle.length / folded.length) * 4);
}

/** localeCompare's own collator (same order), made once; equal labels — common among namesakes — skip it. */
const collator = new Intl.Collator();
const byLabel = (a: string, b: string) => (a === b ? 0 : collator.compare(a, b));

interface SearchParts {
  suffixes: string[];
  firstOccurrence: Map<string, number>;
  occurrence: Int32Array;
  nextOccurrence: Int32Array;
  haystack: string;
  starts: Int32Array;
  top: PrefixTop | null;
}

/** Entries between the pauses of searchParts. */
const STEP = 16_384;

/** The word-suffix chains, their sorted list and the haystack, pausing every STEP entries (NameSearch.inSteps). */
function* searchParts(table: NameTable): Generator<void, SearchParts> {
  const occurrence: number[] = [];
  const next: number[] = [];
  const last = new Map<string, number>();
  const firstOccurrence = new Map<string, number>();
  for (let e = 0; e < table.size; e++) {
    if (e % STEP === STEP - 1) yield;
    const folded = table.folded[e];
    for (let p = folded.indexOf(" "); p >= 0; p = folded.indexOf(" ", p + 1)) {
      const suffix = folded.slice(p + 1);
      const o = occurrence.push(e) - 1;
      next.push(-1);
      const prev = last.get(suffix);
      if (prev === undefined) firstOccurrence.set(suffix, o);
      else next[prev] = o;
      last.set(suffix, o);
    }
  }
  yield;
  const suffixes = [...firstOccurrence.keys()].sort();
  yield;
  // Folded names hold no newline, so a match never spans two names.
  const haystack = table.folded.join("\n");
  const starts = new Int32Array(table.size + 1);
  for (let i = 0, at = 0; i < table.size; i++) {
    starts[i] = at;
    at += table.folded[i].length + 1;
  }
  starts[table.size] = haystack.length + 1;
  yield;
  const top = yield* PrefixTop.inSteps(table);
  return { suffixes, firstOccurrence, occurrence: Int32Array.from(occurrence), nextOccurrence: Int32Array.from(next), haystack, starts, top };
}

export class NameSearch {
  /**
   * Distinct suffixes starting at a later word ("putin" of "vladimir putin"), sorted; each one's
   * occurrences are a chain through `occurrence` (the entry) and `nextOccurrence`, in entry order.
   */
  private readonly suffixes: string[];
  private readonly firstOccurrence: Map<string, number>;
  private readonly occurrence: Int32Array;
  private readonly nextOccurrence: Int32Array;
  private readonly haystack: string;
  private readonly starts: Int32Array;
  /** The best prefix hits first, without visiting every one (null: too many names and weights for its keys). */
  private readonly top: PrefixTop | null;

  /** The search built in steps, with a pause between them. */
  static *inSteps(table: NameTable): Generator<void, NameSearch> {
    return new NameSearch(table, yield* searchParts(table));
  }

  constructor(
    private readonly table: NameTable,
    parts?: SearchParts,
  ) {
    const p = parts ?? drain(searchParts(table));
    ({ suffixes: this.suffixes, firstOccurrence: this.firstOccurrence, occurrence: this.occurrence, nextOccurrence: this.nextOccurrence, haystack: this.haystack, starts: this.starts, top: this.top } = p);
  }

  /** Entries whose folded name starts with `needle` (every exact and prefix hit). */
  *prefixed(needle: string): Generator<number> {
    const names = this.table.sortedFolded;
    for (let i = this.table.lowerBound(needle); i < names.length && names[i].startsWith(needle); i++) yield* this.table.withSorted(i);
  }

  /** Entries with a later word starting with `needle` (every word-prefix hit, and some whose first occurrence is mid-word). */
  *wordPrefixed(needle: string): Generator<number> {
    for (let i = lowerBound(this.suffixes, needle); i < this.suffixes.length && this.suffixes[i].startsWith(needle); i++) {
      for (let o = this.firstOccurrence.get(this.suffixes[i])!; o >= 0; o = this.nextOccurrence[o]) yield this.occurrence[o];
    }
  }

  /** Every entry containing `needle`, in entry order, each once. */
  *containing(needle: string): Generator<number> {
    const { haystack, starts } = this;
    for (let at = haystack.indexOf(needle); at >= 0; ) {
      let lo = 0, hi = this.table.size - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (starts[mid] <= at) lo = mid;
        else hi = mid - 1;
      }
      yield lo;
      at = haystack.indexOf(needle, starts[lo + 1]);
    }
  }

  /**
   * The best entry of each node among the best prefix hits, when at least `limit` nodes have one
   * (the word-prefix and substring bands cannot enter then), else null. Exact hits (100+) come
   * first; then the prefix tree gives entries by label bonus, length (the score, for one needle)
   * and weight, and every entry tied with the last one needed on those is taken too, so that
   * ranking them by label and node picks the same top `limit` as ranking every prefix hit.
   */
  private topPrefixed(needle: string, limit: number): Scored[] | null {
    const t = this.table;
    const top = this.top;
    if (!top) return null;
    const [from, to] = top.nameRange(needle);
    if (from === to) return null;
    const best = new Map<number, Scored>();
    let rest = from;
    if (t.sortedFolded[from] === needle) {
      rest++;
      for (const entry of t.withSorted(from)) {
        const score = scoreEntry(t, entry, needle);
        const prev = best.get(t.node[entry]);
        if (!prev || score > prev.score) best.set(t.node[entry], { entry, score });
      }
    }
    if (best.size < limit) {
      let last = -1;
      top.walk(rest, to, (entry) => {
        if (best.size >= limit && !sameRankKey(t, entry, last)) return false;
        last = entry;
        const node = t.node[entry];
        if (!best.has(node)) best.set(node, { entry, score: scoreEntry(t, entry, needle) });
        return true;
      });
    }
    return best.size >= limit ? [...best.values()] : null;
  }

  /** Ranked hits for an already folded, non-empty needle: the best entry per node, top `limit`. */
  search(needle: string, limit: number): SearchHit[] {
    const t = this.table;
    const byRank = (a: Scored, b: Scored) => b.score - a.score || t.weight(b.entry) - t.weight(a.entry) || byLabel(t.label(a.entry), t.label(b.entry)) || t.node[a.entry] - t.node[b.entry];
    const fast = this.topPrefixed(needle, limit);
    return this.hits(topK(fast ?? this.scanned(needle, limit), limit, byRank));
  }

  /** Every node's best entry in the bands that can reach the top `limit`, from the sorted ranges and the haystack. */
  private scanned(needle: string, limit: number): Iterable<Scored> {
    const t = this.table;
    const best = new Map<number, Scored>();
    const consider = (entries: Iterable<number>) => {
      for (const entry of entries) {
        const score = scoreEntry(t, entry, needle);
        if (score < 0) continue;
        const node = t.node[entry];
        const prev = best.get(node);
        if (!prev || score > prev.score || (score === prev.score && entry < prev.entry)) best.set(node, { entry, score });
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
    return best.values();
  }

  private hits(top: Scored[]): SearchHit[] {
    const t = this.table;
    return top.map(({ entry: e, score }) => ({
      key: t.key(e),
      label: t.label(e),
      type: t.types[t.node[e]],
      matched: t.name[e],
      score: Math.round(score * 100) / 100,
    }));
  }
}
