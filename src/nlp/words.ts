/**
 * What every model reads of a word, computed once per token: hashes of its
 * form, lower-case form, affixes and shape. Features are then mixes of these
 * numbers, never strings.
 */
import { hashString } from "./hash.ts";

export interface WordHashes {
  form: Uint32Array;
  lower: Uint32Array;
  /** Suffixes of length 1–4 and prefixes of length 1–3 of the lower-case form. */
  suffix1: Uint32Array;
  suffix2: Uint32Array;
  suffix3: Uint32Array;
  suffix4: Uint32Array;
  prefix1: Uint32Array;
  prefix2: Uint32Array;
  prefix3: Uint32Array;
  shape: Uint32Array;
}

/**
 * Word shape with runs collapsed past two: "Putin" → "Xxx", "U.S." → "X.X.",
 * "2025" → "dd", "cease-fire" → "xx-xx". Long words keep their first and last
 * characters' classes so "McDonald" and "Mcdonald" differ.
 */
export function wordShape(word: string): string {
  let out = "";
  let last = "";
  let run = 0;
  for (const ch of word) {
    const cls = /\p{Lu}/u.test(ch) ? "X" : /\p{Ll}/u.test(ch) ? "x" : /\p{N}/u.test(ch) ? "d" : ch;
    if (cls === last) {
      run++;
      if (run > 2) continue;
    } else {
      last = cls;
      run = 1;
    }
    out += cls;
  }
  return out;
}

const memo = new Map<string, { form: number; lower: number; s: number[]; p: number[]; shape: number }>();
const MEMO_LIMIT = 200_000;

function wordInfo(word: string) {
  let info = memo.get(word);
  if (info) return info;
  const lower = word.toLowerCase();
  const s: number[] = [];
  const p: number[] = [];
  for (let k = 1; k <= 4; k++) s.push(hashString(lower.length >= k ? lower.slice(-k) : "<" + lower));
  for (let k = 1; k <= 3; k++) p.push(hashString(lower.length >= k ? lower.slice(0, k) : lower + ">"));
  info = { form: hashString(word), lower: hashString(lower), s, p, shape: hashString(wordShape(word)) };
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, info);
  return info;
}

export function hashWords(words: readonly string[]): WordHashes {
  const n = words.length;
  const h: WordHashes = {
    form: new Uint32Array(n),
    lower: new Uint32Array(n),
    suffix1: new Uint32Array(n),
    suffix2: new Uint32Array(n),
    suffix3: new Uint32Array(n),
    suffix4: new Uint32Array(n),
    prefix1: new Uint32Array(n),
    prefix2: new Uint32Array(n),
    prefix3: new Uint32Array(n),
    shape: new Uint32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const info = wordInfo(words[i]!);
    h.form[i] = info.form;
    h.lower[i] = info.lower;
    h.suffix1[i] = info.s[0]!;
    h.suffix2[i] = info.s[1]!;
    h.suffix3[i] = info.s[2]!;
    h.suffix4[i] = info.s[3]!;
    h.prefix1[i] = info.p[0]!;
    h.prefix2[i] = info.p[1]!;
    h.prefix3[i] = info.p[2]!;
    h.shape[i] = info.shape;
  }
  return h;
}
