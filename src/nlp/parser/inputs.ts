/**
 * The per-word values the parser and the labeler read: lower-case form and tag
 * hashes, with the root as an extra last word.
 */
import { feature2 } from "../hash.ts";
import type { ParserInputs } from "./features.ts";

const ROOT_W = 0x524f4f54, ROOT_P = 0x524f4f50;

/** Clause punctuation: counted between the stack top and the buffer front, and read by the labeler. */
export const CLAUSE_PUNCTUATION = new Set([",", ":", ";", "-", "--", "–", "—", "(", ")"]);

export function parserInputs(lower: Uint32Array, tags: Int32Array, words: readonly string[], ambiguity: Uint32Array, suffix3: Uint32Array): ParserInputs {
  const n = lower.length;
  const punctBefore = new Int32Array(n + 2);
  for (let i = 0; i < n; i++) punctBefore[i + 1] = punctBefore[i]! + (CLAUSE_PUNCTUATION.has(words[i]!) ? 1 : 0);
  punctBefore[n + 1] = punctBefore[n]!;
  const w = new Uint32Array(n + 1);
  const p = new Uint32Array(n + 1);
  const wp = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    w[i] = lower[i]!;
    p[i] = tags[i]! + 1;
    wp[i] = feature2(0, w[i]!, p[i]!);
  }
  w[n] = ROOT_W;
  p[n] = ROOT_P;
  wp[n] = feature2(0, ROOT_W, ROOT_P);
  const a = new Uint32Array(n + 1);
  a.set(ambiguity);
  a[n] = ROOT_P;
  const s = new Uint32Array(n + 1);
  s.set(suffix3);
  s[n] = ROOT_W;
  return { w, p, wp, punctBefore, a, s };
}
