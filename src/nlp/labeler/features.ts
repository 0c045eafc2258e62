/**
 * Features for naming the arc head → dep, read off the finished tree: both
 * words and tags, direction and distance, the head's own label (given first,
 * top-down), the label of the sibling just before, the function words among
 * the dependent's and the head's children (case, mark, auxiliaries: what tells
 * obl from nmod, xcomp from ccomp, nsubj from nsubj:pass) and the punctuation
 * between them (appos, conj, parataxis).
 */
import { feature1, feature2, feature3 } from "../hash.ts";
import type { ParserInputs } from "../parser/features.ts";
import { previousSibling, type TreeView } from "./tree.ts";

export const LABELER_MAX_FEATURES = 64;
const NULL_V = 0x4e554c4c;

export function labelerFeatures(out: Uint32Array, dep: number, t: TreeView, x: ParserInputs, isPunct: Uint8Array, suffix3: Uint32Array, shape: Uint32Array, labels: Int32Array, nominal: Uint8Array): number {
  const { w, p } = x;
  const n = t.n;
  const h = t.heads[dep]!;
  const dw = w[dep]!, dp = p[dep]!, hw = w[h]!, hp = p[h]!;
  const dir = dep < h ? 1 : 2;
  const span = Math.abs(h - dep);
  const dist = span > 6 ? (span > 12 ? 8 : 7) : span;
  const hl = h < n ? labels[h]! + 1 : 0;
  const g = h < n ? t.heads[h]! : n;
  const gp = h < n ? p[g]! : NULL_V;
  // the sibling just before dep under the same head, and its label
  const prevSib = previousSibling(t, dep);
  const prevLabel = prevSib >= 0 ? labels[prevSib]! + 1 : 0;
  let commas = 0;
  for (let k = Math.min(dep, h) + 1; k < Math.max(dep, h) && k < n; k++) if (isPunct[k]) commas++;
  const punctBefore = dep > 0 && isPunct[dep - 1] ? 1 : 0;

  let f = 0;
  out[f++] = feature1(1, dir);
  out[f++] = feature2(2, dw, dir);
  out[f++] = feature2(3, dp, dir);
  out[f++] = feature2(4, hw, dir);
  out[f++] = feature2(5, hp, dir);
  out[f++] = feature3(6, dp, hp, dir);
  out[f++] = feature3(7, dw, hp, dir);
  out[f++] = feature3(8, hw, dp, dir);
  out[f++] = feature3(9, dw, hw, dir);
  out[f++] = feature3(10, dp, hp, dist * 4 + dir);
  out[f++] = feature2(11, hl, dir);
  out[f++] = feature3(12, hl, dp, dir);
  out[f++] = feature3(13, hl, dp, hp);
  out[f++] = feature3(14, prevLabel, dp, dir);
  out[f++] = feature3(15, prevLabel, dp, hp);
  out[f++] = feature3(16, gp, hp, dp);
  out[f++] = feature3(17, Math.min(commas, 2), dp, dir);
  out[f++] = feature3(18, punctBefore, dp, hp);
  out[f++] = feature2(19, suffix3[dep]!, dp);
  out[f++] = feature2(20, shape[dep]!, hp);
  out[f++] = feature3(21, span === 1 ? 1 : 0, dp, hp);
  // the sibling just after dep (an indirect object has a direct one after it)
  let nextSib = -1;
  for (let j = t.childStart[h + 1]! - 1; j >= t.childStart[h]!; j--) {
    const c = t.childList[j]!;
    if (c === dep) break;
    nextSib = c;
  }
  out[f++] = feature3(27, nextSib >= 0 ? p[nextSib]! : NULL_V, dp, dir);
  out[f++] = feature3(28, nextSib >= 0 ? p[nextSib]! : NULL_V, dw, hp);
  // the dependent's own children: function words and how many
  let left = 0;
  for (let j = t.childStart[dep]!; j < t.childStart[dep + 1]!; j++) {
    const c = t.childList[j]!;
    if (c > dep) {
      if (f < LABELER_MAX_FEATURES - 10) out[f++] = feature3(22, p[c]!, dp, dir);
      continue;
    }
    left++;
    if (left <= 4) {
      out[f++] = feature3(23, w[c]!, dp, dir);
      out[f++] = feature3(24, p[c]!, dp, hp);
    }
    // the first function word ("with", "by", "that", "to") with the head's word: talks with → nmod, met with → obl
    if (left === 1) out[f++] = feature3(29, w[c]!, hw, dp);
  }
  out[f++] = feature3(25, Math.min(left, 3), dp, dir);
  // a nominal before it among its own children: a subject of its own (ccomp, advcl) rather than a controlled one (xcomp)
  let ownSubject = 0;
  for (let j = t.childStart[dep]!; j < t.childStart[dep + 1]!; j++) {
    const c = t.childList[j]!;
    if (c < dep && nominal[c]) ownSubject = 1;
  }
  out[f++] = feature3(30, ownSubject, dp, hp);
  out[f++] = feature3(31, hl, dw, dir);
  out[f++] = feature3(32, gp, hw, dp);

  // the head's other left children (auxiliaries, subjects already there)
  let seen = 0;
  for (let j = t.childStart[h + 1]! - 1; j >= t.childStart[h]! && seen < 4; j--) {
    const c = t.childList[j]!;
    if (c >= h || c === dep) continue;
    seen++;
    out[f++] = feature3(26, w[c]!, dp, dir);
  }
  return f;
}
