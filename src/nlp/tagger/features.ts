/**
 * Features of the part-of-speech tagger for word i: the word, its affixes and
 * shape, two words either side, the two tags already chosen on the left, and
 * the ambiguity class (the set of tags the training data gave the word) of the
 * word and of its right neighbours, which stands in for the tags not yet chosen,
 * and a few pairs of these (the left word with its tag, the word with its right
 * neighbour's class or suffix, the two right words, the next word's case).
 */
import { feature1, feature2, feature3 } from "../hash.ts";
import type { WordHashes } from "../words.ts";

export const TAGGER_MAX_FEATURES = 48;

/** Values used for positions outside the sentence. */
const START = 0x5747, END = 0x454e;
const NO_TAG = -1;

/**
 * The features that depend on nothing but the two previous tags (the bias, t-1,
 * t-1 with t-2). Their summed weights are the same for every word with the same
 * history, so the tagger caches them per history instead of adding ~3 full
 * rows of class weights for every word.
 */
export function historyFeatures(out: Uint32Array, t1: number, t2: number): number {
  out[0] = feature1(1, 0);
  out[1] = feature1(18, t1);
  out[2] = feature2(19, t1, t2);
  return 3;
}

/** Every feature of word i: the history features first, then the word's own (`wordFeatures`). */
export function taggerFeatures(out: Uint32Array, i: number, h: WordHashes, amb: Uint32Array, tags: Int32Array): number {
  const k = historyFeatures(out, i > 0 ? tags[i - 1]! : NO_TAG, i > 1 ? tags[i - 2]! : NO_TAG);
  return k + wordFeatures(out.subarray(k), i, h, amb, tags);
}

export function wordFeatures(out: Uint32Array, i: number, h: WordHashes, amb: Uint32Array, tags: Int32Array): number {
  // Plain locals, no inner closures: this runs once per word and closures cost more than the hashing.
  const n = h.lower.length;
  const lower = h.lower;
  const wm1 = i > 0 ? lower[i - 1]! : START;
  const wm2 = i > 1 ? lower[i - 2]! : START;
  const wp1 = i + 1 < n ? lower[i + 1]! : END;
  const wp2 = i + 2 < n ? lower[i + 2]! : END;
  const am1 = i > 0 ? amb[i - 1]! : START;
  const a0 = amb[i]!;
  const ap1 = i + 1 < n ? amb[i + 1]! : END;
  const ap2 = i + 2 < n ? amb[i + 2]! : END;
  const t1 = i > 0 ? tags[i - 1]! : NO_TAG;
  const t2 = i > 1 ? tags[i - 2]! : NO_TAG;
  const wi = lower[i]!;
  const suffix3 = h.suffix3[i]!;
  const shape = h.shape[i]!;
  let f = 0;
  out[f++] = feature1(2, wi);
  out[f++] = feature1(3, h.form[i]!);
  out[f++] = feature1(4, h.suffix1[i]!);
  out[f++] = feature1(5, h.suffix2[i]!);
  out[f++] = feature1(6, suffix3);
  out[f++] = feature1(7, h.suffix4[i]!);
  out[f++] = feature1(8, h.prefix1[i]!);
  out[f++] = feature1(9, h.prefix2[i]!);
  out[f++] = feature1(10, h.prefix3[i]!);
  out[f++] = feature1(11, shape);
  out[f++] = feature1(12, wm1);
  out[f++] = feature1(13, wm2);
  out[f++] = feature1(14, wp1);
  out[f++] = feature1(15, wp2);
  out[f++] = feature1(16, i > 0 ? h.suffix3[i - 1]! : START);
  out[f++] = feature1(17, i + 1 < n ? h.suffix3[i + 1]! : END);
  out[f++] = feature2(20, t1, wi);
  out[f++] = feature2(21, wm1, wi);
  out[f++] = feature2(22, wi, wp1);
  out[f++] = feature1(23, a0);
  out[f++] = feature1(24, ap1);
  out[f++] = feature1(25, ap2);
  out[f++] = feature2(26, t1, a0);
  out[f++] = feature2(27, a0, ap1);
  out[f++] = feature3(28, t1, a0, ap1);
  out[f++] = feature1(29, i + 1 < n ? h.shape[i + 1]! : END);
  out[f++] = feature1(30, i > 0 ? h.shape[i - 1]! : START);
  out[f++] = feature2(31, i === 0 ? 1 : 0, shape);
  out[f++] = feature2(32, t1, suffix3);
  out[f++] = feature2(33, am1, a0);
  out[f++] = feature2(34, h.suffix2[i]!, ap1);
  out[f++] = feature3(35, t2, t1, a0);
  // the left neighbour as tagged, the right ones as words and classes: more of the context without a second pass
  out[f++] = feature2(36, wm1, t1);
  out[f++] = feature2(37, wi, ap1);
  out[f++] = feature2(38, wp1, wp2);
  out[f++] = feature2(39, h.suffix2[i]!, shape);
  out[f++] = feature1(40, i + 1 < n ? h.form[i + 1]! : END);
  out[f++] = feature2(41, wi, i + 1 < n ? h.suffix3[i + 1]! : END);
  out[f++] = feature2(42, t1, h.suffix4[i]!);
  return f;
}
