/**
 * Features of the name recognizer for word i: the word, its affixes and
 * shape, its neighbours and their tags (from Parley's tagger), the two labels
 * already chosen on the left, the run of capitalized words it stands in, the
 * gazetteer lists that hold a phrase covering it, and the sentence's casing (a
 * headline in capitals or a message in lower case says little through a
 * word's shape, so shapes are also read with it).
 */
import { feature1, feature2, feature3, hashString } from "../hash.ts";
import type { WordHashes } from "../words.ts";

export const NER_MAX_FEATURES = 96;

/** Values used for positions outside the sentence. */
const START = 0x5354, END = 0x454e;
const NO_LABEL = -1;

/** What a sentence's tokens give the features besides their word hashes. */
export interface NameInputs {
  h: WordHashes;
  upos: Uint32Array;
  xpos: Uint32Array;
  /**
   * The run of name-like words (capitalized or tagged NNP/NNPS) each word is
   * in: first and last index, -1 for a word outside any run. A greedy
   * left-to-right labeler sees through them the whole candidate name
   * ("… Bank", "… Inc.", "… River") while deciding its first word.
   */
  runStart: Int32Array;
  runEnd: Int32Array;
  /** The sentence's casing class (see sentenceCasing). */
  casing: number;
  /** Gazetteer matches, words × lists (see Gazetteer.match); lists = 0 without a gazetteer. */
  gaz: Uint8Array;
  lists: number;
}

const tagHashes = new Map<string, number>();

/** Hash of a tag string (a tiny memo: tag sets are small). */
export function tagHash(tag: string): number {
  let h = tagHashes.get(tag);
  if (h === undefined) {
    h = hashString(tag) || 1;
    if (tagHashes.size < 4096) tagHashes.set(tag, h);
  }
  return h;
}

/**
 * 0 mixed (ordinary text), 1 no capital letters at all, 2 nearly every
 * letter-bearing word capitalized (a title or headline), 3 in capitals.
 */
export function sentenceCasing(words: readonly string[]): number {
  let lettered = 0, lower = 0, upper = 0, initial = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let hasLower = false, hasUpper = false;
    for (let k = 0; k < w.length; k++) {
      const c = w.charCodeAt(k);
      if (c >= 97 && c <= 122) hasLower = true;
      else if (c >= 65 && c <= 90) hasUpper = true;
      else if (c > 127) {
        const ch = w[k]!;
        if (ch !== ch.toLowerCase()) hasUpper = true;
        else if (ch !== ch.toUpperCase()) hasLower = true;
      }
    }
    if (!hasLower && !hasUpper) continue;
    lettered++;
    if (!hasUpper) lower++;
    else if (!hasLower) upper++;
    const first = w.charCodeAt(0);
    if ((first >= 65 && first <= 90) || (first > 127 && w[0] !== w[0]!.toLowerCase())) initial++;
  }
  if (lettered === 0) return 0;
  if (lower === lettered) return 1;
  if (lettered >= 3 && upper >= 0.8 * lettered) return 3;
  if (lettered >= 3 && initial >= 0.8 * lettered) return 2;
  return 0;
}

/** Whether a word may be part of a name by its look or its tag. */
export function nameLike(word: string, xpos: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c > 127) {
    const ch = word[0]!;
    if (ch !== ch.toLowerCase()) return true;
  }
  return xpos === "NNP" || xpos === "NNPS";
}

export function nameRuns(words: readonly string[], xpos: readonly string[]): { runStart: Int32Array; runEnd: Int32Array } {
  const n = words.length;
  const runStart = new Int32Array(n).fill(-1);
  const runEnd = new Int32Array(n).fill(-1);
  let i = 0;
  while (i < n) {
    if (!nameLike(words[i]!, xpos[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < n && nameLike(words[j + 1]!, xpos[j + 1]!)) j++;
    for (let k = i; k <= j; k++) {
      runStart[k] = i;
      runEnd[k] = j;
    }
    i = j + 1;
  }
  return { runStart, runEnd };
}

export function nerFeatures(out: Uint32Array, i: number, x: NameInputs, labels: Int32Array): number {
  // Plain locals, no inner closures: this runs once per word.
  const h = x.h;
  const n = h.lower.length;
  const lower = h.lower;
  const shape = h.shape;
  const xpos = x.xpos;
  const wi = lower[i]!;
  const wm1 = i > 0 ? lower[i - 1]! : START;
  const wm2 = i > 1 ? lower[i - 2]! : START;
  const wp1 = i + 1 < n ? lower[i + 1]! : END;
  const wp2 = i + 2 < n ? lower[i + 2]! : END;
  const s0 = shape[i]!;
  const sm1 = i > 0 ? shape[i - 1]! : START;
  const sp1 = i + 1 < n ? shape[i + 1]! : END;
  const x0 = xpos[i]!;
  const xm1 = i > 0 ? xpos[i - 1]! : START;
  const xm2 = i > 1 ? xpos[i - 2]! : START;
  const xp1 = i + 1 < n ? xpos[i + 1]! : END;
  const xp2 = i + 2 < n ? xpos[i + 2]! : END;
  const l1 = i > 0 ? labels[i - 1]! : NO_LABEL;
  const l2 = i > 1 ? labels[i - 2]! : NO_LABEL;
  const casing = x.casing;
  let f = 0;
  out[f++] = feature1(1, 0);
  out[f++] = feature1(2, wi);
  out[f++] = feature1(4, h.suffix2[i]!);
  out[f++] = feature1(5, h.suffix3[i]!);
  out[f++] = feature1(6, h.suffix4[i]!);
  out[f++] = feature1(7, h.prefix2[i]!);
  out[f++] = feature1(8, h.prefix3[i]!);
  out[f++] = feature1(9, s0);
  out[f++] = feature1(10, wm1);
  out[f++] = feature1(11, wp1);
  out[f++] = feature1(12, wm2);
  out[f++] = feature1(13, wp2);
  out[f++] = feature1(14, sm1);
  out[f++] = feature1(15, sp1);
  out[f++] = feature1(16, x0);
  out[f++] = feature1(17, x.upos[i]!);
  out[f++] = feature1(18, xm1);
  out[f++] = feature1(19, xp1);
  out[f++] = feature1(20, xm2);
  out[f++] = feature1(21, xp2);
  out[f++] = feature2(22, xm1, x0);
  out[f++] = feature2(23, x0, xp1);
  out[f++] = feature1(24, l1);
  out[f++] = feature2(25, l1, l2);
  out[f++] = feature2(27, l1, s0);
  out[f++] = feature2(28, l1, x0);
  out[f++] = feature2(29, i === 0 ? 1 : 0, s0);
  out[f++] = feature2(30, wm1, wi);
  out[f++] = feature2(31, wi, wp1);
  out[f++] = feature3(32, sm1, s0, sp1);
  out[f++] = feature2(33, wm1, x0);
  out[f++] = feature2(34, x0, s0);
  out[f++] = feature2(35, casing, s0);
  out[f++] = feature3(36, casing, x0, s0);
  const rs = x.runStart[i]!;
  if (rs >= 0) {
    const re = x.runEnd[i]!;
    const len = re - rs + 1;
    const pos = len === 1 ? 0 : i === rs ? 1 : i === re ? 3 : 2;
    const before = rs > 0 ? lower[rs - 1]! : START;
    const after = re + 1 < n ? lower[re + 1]! : END;
    out[f++] = feature2(39, len > 4 ? 4 : len, pos);
    out[f++] = feature2(40, lower[re]!, pos);
    out[f++] = feature2(41, lower[rs]!, pos);
    out[f++] = feature2(42, before, pos);
    out[f++] = feature2(43, after, pos);
    out[f++] = feature1(44, h.suffix3[re]!);
    out[f++] = feature2(45, before, lower[re]!);
  }
  const L = x.lists;
  if (L > 0) {
    const gaz = x.gaz;
    let any = 0;
    for (let b = 0; b < L; b++) {
      const c = gaz[i * L + b]!;
      if (c === 0) continue;
      any = (any * 31 + b * 5 + c) | 0;
      out[f++] = feature2(50, b, c);
      out[f++] = feature3(51, b, c, s0);
      out[f++] = feature3(52, b, c, l1);
    }
    if (any !== 0) out[f++] = feature1(53, any);
    // The next word's lists help to decide where a name starts.
    if (i + 1 < n) {
      let next = 0;
      for (let b = 0; b < L; b++) {
        const c = gaz[(i + 1) * L + b]!;
        if (c !== 0) next = (next * 31 + b * 5 + c) | 0;
      }
      if (next !== 0) out[f++] = feature1(54, next);
    }
  }
  return f;
}
