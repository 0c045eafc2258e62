/**
 * A trie over word sequences: finds the longest lexicon phrase starting at a token.
 * Short all-caps forms ("US", "AP") match only with their exact case, so the
 * pronoun "us" or the word "ap" never become entities; single words must be
 * capitalized in the text unless they are long enough to be unambiguous, and
 * gazetteer names ("proper") always.
 */
import { splitWords, type Token } from "../tokens.ts";

export interface PhraseMatch<T> {
  start: number;
  end: number;
  value: T;
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  values: Array<{ value: T; exact: string[] | null; needsCap: boolean }>;
}

export class PhraseTrie<T> {
  private readonly root: TrieNode<T> = { next: new Map(), values: [] };

  /** `proper`: a proper name of the gazetteer ("Turkey", "Reading"), matched only when its first word is capitalized in the text. */
  add(phrase: string, value: T, opts: { proper?: boolean } = {}): void {
    const words = splitWords(phrase);
    if (words.length === 0) return;
    this.addWords(words, value, opts);
    // "secretary-general" is one token, "Secretary-General" three (a hyphen joins only before a lower-case letter):
    // the phrase is also added split at its hyphens, so either spelling matches.
    const split = words.flatMap((w) => (/\p{L}-\p{L}/u.test(w) ? w.split(/(-)/) : [w]));
    if (split.length !== words.length) this.addWords(split, value, opts);
  }

  private addWords(words: string[], value: T, opts: { proper?: boolean }): void {
    let node = this.root;
    for (const w of words) {
      const key = w.toLowerCase();
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: new Map(), values: [] }));
      node = child;
    }
    const shortCaps = words.length === 1 && /^[\p{Lu}.]{1,4}$/u.test(words[0]!);
    const needsCap = (!!opts.proper && !shortCaps && /^\p{Lu}/u.test(words[0]!)) || (words.length === 1 && !shortCaps && words[0]!.length < 6 && /^\p{Lu}/u.test(words[0]!));
    node.values.push({ value, exact: shortCaps ? words : null, needsCap });
  }

  /** Longest phrase starting at token `i`, or null. */
  matchAt(tokens: readonly Token[], i: number): PhraseMatch<T>[] | null {
    let node: TrieNode<T> | undefined = this.root;
    let best: PhraseMatch<T>[] | null = null;
    for (let j = i; j < tokens.length && node; j++) {
      node = node.next.get(tokens[j]!.lower);
      if (!node || node.values.length === 0) continue;
      const fits = node.values.filter((v) => (!v.exact || v.exact.every((w, k) => tokens[i + k]!.text === w)) && (!v.needsCap || tokens[i]!.cap));
      if (fits.length) best = fits.map((v) => ({ start: i, end: j + 1, value: v.value }));
    }
    return best;
  }

  /** All non-overlapping longest matches, left to right. */
  scan(tokens: readonly Token[]): PhraseMatch<T>[][] {
    const out: PhraseMatch<T>[][] = [];
    for (let i = 0; i < tokens.length; ) {
      const m = this.matchAt(tokens, i);
      if (m) {
        out.push(m);
        i = m[0]!.end;
      } else i++;
    }
    return out;
  }
}
