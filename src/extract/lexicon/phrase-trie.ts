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

/** More hyphens than this in one phrase are rare enough to add joined and fully split only. */
const MAX_HYPHENS = 4;

/** Every tokenization of the phrase's hyphenated words: each hyphen kept inside its word or split off. */
function hyphenVariants(words: string[]): string[][] {
  let out: string[][] = [[]];
  for (const w of words) {
    const parts = w.split("-");
    const hyphens = parts.length - 1;
    if (hyphens === 0 || !/\p{L}-\p{L}/u.test(w)) {
      out = out.map((v) => [...v, w]);
      continue;
    }
    const forms: string[][] = [];
    const masks = hyphens <= MAX_HYPHENS ? Array.from({ length: 2 ** hyphens }, (_, m) => m) : [0, 2 ** hyphens - 1];
    for (const mask of masks) {
      // Bit k set: the k-th hyphen splits ("-" its own token); clear: it stays inside the word.
      const tokens: string[] = [parts[0]!];
      parts.slice(1).forEach((part, k) => {
        if (mask & (1 << k)) tokens.push("-", part);
        else tokens[tokens.length - 1] += `-${part}`;
      });
      forms.push(tokens);
    }
    out = out.flatMap((v) => forms.map((f) => [...v, ...f]));
  }
  return out;
}

export class PhraseTrie<T> {
  private readonly root: TrieNode<T> = { next: new Map(), values: [] };

  /** `proper`: a proper name of the gazetteer ("Turkey", "Reading"), matched only when its first word is capitalized in the text. */
  add(phrase: string, value: T, opts: { proper?: boolean } = {}): void {
    const words = splitWords(phrase);
    if (words.length === 0) return;
    // "secretary-general" is one token, "Secretary-General" three, "Commander-in-Chief" three again
    // ("Commander-in", "-", "Chief"): a hyphen joins only before a lower-case letter, so the phrase is
    // added once per way its hyphens may fall in the text.
    const seen = new Set<string>();
    for (const variant of hyphenVariants(words)) {
      const key = variant.join("\u0000").toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      this.addWords(variant, value, opts);
    }
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
