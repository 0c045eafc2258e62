/**
 * Lists of known names (countries, cities, first names, companies, …) read as
 * features: each word learns which lists hold a phrase covering it and where
 * in that phrase it stands. The lists only inform the model, which learns how
 * far to trust each one ("May" is a first name and a month). Phrases are kept
 * as hashes of their lower-case words, so matching allocates nothing per word.
 */
import { feature2, hashString } from "../hash.ts";
import { FeatureTable } from "../linear/feature-table.ts";

/** At most 15 lists: a phrase's lists are a 16-bit mask, whose top bit says "a longer phrase goes on from here". */
export const MAX_LISTS = 15;
const PREFIX = 0x8000;
const PHRASE = 0x7068;

/** Hash of a phrase given its words' lower-case hashes one at a time. */
export function extendPhrase(prefix: number, word: number): number {
  return feature2(PHRASE, prefix, word);
}

export class Gazetteer {
  /** Phrase hash → index into `maskOf`. */
  private readonly table: FeatureTable;
  private readonly keys: Uint32Array;
  private readonly maskOf: Uint16Array;

  constructor(
    /** Names of the lists, in bit order. */
    readonly lists: readonly string[],
    /** Longest phrase, in words. */
    readonly maxWords: number,
    keys: Uint32Array,
    masks: Uint16Array,
  ) {
    if (lists.length > MAX_LISTS) throw new Error(`gazetteer: ${lists.length} lists, at most ${MAX_LISTS}`);
    if (keys.length !== masks.length) throw new Error(`gazetteer: ${keys.length} phrases but ${masks.length} masks`);
    this.table = new FeatureTable(keys.length);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 0) throw new Error("gazetteer: phrase hash 0");
      this.table.set(keys[i]!, i);
    }
    this.keys = keys;
    this.maskOf = masks;
  }

  /** Builds the lists from phrases (split on spaces, compared lower-case). */
  static fromLists(lists: Readonly<Record<string, readonly string[]>>): Gazetteer {
    const names = Object.keys(lists).sort();
    const masks = new Map<number, number>();
    let maxWords = 1;
    names.forEach((name, bit) => {
      for (const phrase of lists[name]!) {
        const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
        if (words.length === 0) continue;
        maxWords = Math.max(maxWords, words.length);
        let h = 0;
        for (let k = 0; k < words.length; k++) {
          h = extendPhrase(h, hashString(words[k]!));
          if (k < words.length - 1) masks.set(h, (masks.get(h) ?? 0) | PREFIX);
        }
        masks.set(h, (masks.get(h) ?? 0) | (1 << bit));
      }
    });
    const keys = Uint32Array.from([...masks.keys()].sort((a, b) => a - b));
    return new Gazetteer(names, Math.min(maxWords, 6), keys, Uint16Array.from(keys, (k) => masks.get(k)!));
  }

  get size(): number {
    return this.keys.length;
  }

  /** The phrases (as hashes) and their masks, for a model file. */
  entries(): { keys: Uint32Array; masks: Uint16Array } {
    return { keys: this.keys, masks: this.maskOf };
  }

  /**
   * Per word and list, where the longest phrase of the list covering the word
   * puts it: 0 none, 1 a one-word phrase, 2 first, 3 inside, 4 last. The
   * result is words × lists, row-major.
   */
  match(lower: Uint32Array): Uint8Array {
    const n = lower.length;
    const L = this.lists.length;
    const out = new Uint8Array(n * L);
    const best = new Uint8Array(n * L);
    for (let i = 0; i < n; i++) {
      let h = 0;
      for (let len = 1; len <= this.maxWords && i + len <= n; len++) {
        h = extendPhrase(h, lower[i + len - 1]!);
        const row = this.table.find(h);
        if (row < 0) break;
        const mask = this.maskOf[row]!;
        for (let b = 0; b < L; b++) {
          if (!(mask & (1 << b))) continue;
          for (let k = i; k < i + len; k++) {
            if (best[k * L + b]! >= len) continue;
            best[k * L + b] = len;
            out[k * L + b] = len === 1 ? 1 : k === i ? 2 : k === i + len - 1 ? 4 : 3;
          }
        }
        if (!(mask & PREFIX)) break;
      }
    }
    return out;
  }
}
