/**
 * Features of the parser's configurations: the unlabeled templates of Zhang &
 * Nivre (2011) — words and tags of the stack top, the next three buffer words,
 * the stack top's head and grandparent, the outermost children of the stack
 * top and buffer front, their distance and valencies — plus the second stack
 * item, whether the stack top already has a head (what REDUCE needs), and
 * ambiguity classes and suffixes of the stack top and buffer front paired with
 * the other word (what still holds when a tag is wrong).
 * `w` and `p` are per-word hashes of the lower-case form and the tag; index n
 * is the root.
 */
import { feature1, feature2, feature3 } from "../hash.ts";
import { NONE, type ParserState } from "./state.ts";

export const PARSER_MAX_FEATURES = 96;

const NULL_W = 0x4e554c4c;

/** Per-word values the templates read, with one extra slot for the root. */
export interface ParserInputs {
  w: Uint32Array;
  p: Uint32Array;
  /** Word and tag mixed, for the templates that pair two whole words. */
  wp: Uint32Array;
  /** Running count of clause punctuation (commas, colons, dashes, brackets) before each word. */
  punctBefore: Int32Array;
  /** Ambiguity class of each word (the tags training gave it): a tag error does not change it. */
  a: Uint32Array;
  /** Last three letters of each word's lower-case form: a word's kind when its tag is wrong. */
  s: Uint32Array;
}

export function parserFeatures(out: Uint32Array, st: ParserState, x: ParserInputs): number {
  const { w, p, wp } = x;
  const n = st.n;
  const s0 = st.s0;
  const b0 = st.b;
  const b1 = b0 + 1 <= n ? b0 + 1 : NONE;
  const b2 = b0 + 2 <= n ? b0 + 2 : NONE;
  const s1 = st.s1;
  const s0h = s0 >= 0 ? st.heads[s0]! : NONE;
  const s0h2 = s0h >= 0 && s0h < n ? st.heads[s0h]! : NONE;
  const s0l = s0 >= 0 ? st.left1[s0]! : NONE;
  const s0l2 = s0 >= 0 ? st.left2[s0]! : NONE;
  const s0r = s0 >= 0 ? st.right1[s0]! : NONE;
  const s0r2 = s0 >= 0 ? st.right2[s0]! : NONE;
  const b0l = st.left1[b0]!;
  const b0l2 = st.left2[b0]!;

  const s0w = s0 >= 0 ? w[s0]! : NULL_W, s0p = s0 >= 0 ? p[s0]! : NULL_W, s0wp = s0 >= 0 ? wp[s0]! : NULL_W;
  const b0w = w[b0]!, b0p = p[b0]!, b0wp = wp[b0]!;
  const b1w = b1 >= 0 ? w[b1]! : NULL_W, b1p = b1 >= 0 ? p[b1]! : NULL_W;
  const b2w = b2 >= 0 ? w[b2]! : NULL_W, b2p = b2 >= 0 ? p[b2]! : NULL_W;
  const s1w = s1 >= 0 ? w[s1]! : NULL_W, s1p = s1 >= 0 ? p[s1]! : NULL_W;
  const s0hw = s0h >= 0 ? w[s0h]! : NULL_W, s0hp = s0h >= 0 ? p[s0h]! : NULL_W;
  const s0h2w = s0h2 >= 0 ? w[s0h2]! : NULL_W, s0h2p = s0h2 >= 0 ? p[s0h2]! : NULL_W;
  const s0lw = s0l >= 0 ? w[s0l]! : NULL_W, s0lp = s0l >= 0 ? p[s0l]! : NULL_W;
  const s0l2w = s0l2 >= 0 ? w[s0l2]! : NULL_W, s0l2p = s0l2 >= 0 ? p[s0l2]! : NULL_W;
  const s0rw = s0r >= 0 ? w[s0r]! : NULL_W, s0rp = s0r >= 0 ? p[s0r]! : NULL_W;
  const s0r2w = s0r2 >= 0 ? w[s0r2]! : NULL_W, s0r2p = s0r2 >= 0 ? p[s0r2]! : NULL_W;
  const b0lw = b0l >= 0 ? w[b0l]! : NULL_W, b0lp = b0l >= 0 ? p[b0l]! : NULL_W;
  const b0l2w = b0l2 >= 0 ? w[b0l2]! : NULL_W, b0l2p = b0l2 >= 0 ? p[b0l2]! : NULL_W;
  const dist = s0 >= 0 ? Math.min(b0 - s0, 6) : 0;
  const s0vl = s0 >= 0 ? st.leftCount[s0]! : 0, s0vr = s0 >= 0 ? st.rightCount[s0]! : 0;
  const b0vl = st.leftCount[b0]!;
  const s0hasHead = s0h >= 0 ? 1 : 0;

  let f = 0;
  out[f++] = feature1(1, 0);
  // single words
  out[f++] = feature1(2, s0w);
  out[f++] = feature1(3, s0p);
  out[f++] = feature1(4, s0wp);
  out[f++] = feature1(5, b0w);
  out[f++] = feature1(6, b0p);
  out[f++] = feature1(7, b0wp);
  out[f++] = feature1(8, b1w);
  out[f++] = feature1(9, b1p);
  out[f++] = feature2(10, b1w, b1p);
  out[f++] = feature1(11, b2w);
  out[f++] = feature1(12, b2p);
  out[f++] = feature2(13, b2w, b2p);
  out[f++] = feature1(14, s1w);
  out[f++] = feature1(15, s1p);
  // word pairs
  out[f++] = feature2(16, s0wp, b0wp);
  out[f++] = feature2(17, s0wp, b0w);
  out[f++] = feature2(18, s0w, b0wp);
  out[f++] = feature2(19, s0wp, b0p);
  out[f++] = feature2(20, s0p, b0wp);
  out[f++] = feature2(21, s0w, b0w);
  out[f++] = feature2(22, s0p, b0p);
  out[f++] = feature2(23, b0p, b1p);
  // three words
  out[f++] = feature3(24, b0p, b1p, b2p);
  out[f++] = feature3(25, s0p, b0p, b1p);
  out[f++] = feature3(26, s0hp, s0p, b0p);
  out[f++] = feature3(27, s0p, s0lp, b0p);
  out[f++] = feature3(28, s0p, s0rp, b0p);
  out[f++] = feature3(29, s0p, b0p, b0lp);
  out[f++] = feature3(30, s1p, s0p, b0p);
  // distance
  out[f++] = feature2(31, s0w, dist);
  out[f++] = feature2(32, s0p, dist);
  out[f++] = feature2(33, b0w, dist);
  out[f++] = feature2(34, b0p, dist);
  out[f++] = feature3(35, s0w, b0w, dist);
  out[f++] = feature3(36, s0p, b0p, dist);
  // valency
  out[f++] = feature2(37, s0w, s0vr);
  out[f++] = feature2(38, s0p, s0vr);
  out[f++] = feature2(39, s0w, s0vl);
  out[f++] = feature2(40, s0p, s0vl);
  out[f++] = feature2(41, b0w, b0vl);
  out[f++] = feature2(42, b0p, b0vl);
  // second order: head and outermost children
  out[f++] = feature1(43, s0hw);
  out[f++] = feature1(44, s0hp);
  out[f++] = feature1(45, s0lw);
  out[f++] = feature1(46, s0lp);
  out[f++] = feature1(47, s0rw);
  out[f++] = feature1(48, s0rp);
  out[f++] = feature1(49, b0lw);
  out[f++] = feature1(50, b0lp);
  // third order
  out[f++] = feature1(51, s0h2w);
  out[f++] = feature1(52, s0h2p);
  out[f++] = feature1(53, s0l2w);
  out[f++] = feature1(54, s0l2p);
  out[f++] = feature1(55, s0r2w);
  out[f++] = feature1(56, s0r2p);
  out[f++] = feature1(57, b0l2w);
  out[f++] = feature1(58, b0l2p);
  out[f++] = feature3(59, s0p, s0lp, s0l2p);
  out[f++] = feature3(60, s0p, s0rp, s0r2p);
  out[f++] = feature3(61, s0p, s0hp, s0h2p);
  out[f++] = feature3(62, b0p, b0lp, b0l2p);
  // arc-eager specifics
  out[f++] = feature2(63, s0hasHead, s0p);
  out[f++] = feature3(64, s0hasHead, s0p, b0p);
  out[f++] = feature3(65, s0hasHead, s0w, b0p);
  out[f++] = feature3(66, s0p, b0p, b0vl);
  // punctuation between the two: what separates conjuncts, appositions and clauses
  const between = s0 >= 0 ? Math.min(x.punctBefore[b0]! - x.punctBefore[s0 + 1]!, 2) : 0;
  out[f++] = feature3(67, s0p, b0p, between);
  out[f++] = feature3(68, s0w, b0p, between);
  out[f++] = feature2(69, b0w, b1w);
  out[f++] = feature3(70, s0w, b0p, b1p);
  out[f++] = feature3(71, s0p, b0w, b1p);
  // ambiguity classes: what the words could be, beside what the tagger said they are
  const s0a = s0 >= 0 ? x.a[s0]! : NULL_W, b0a = x.a[b0]!, b1a = b1 >= 0 ? x.a[b1]! : NULL_W;
  out[f++] = feature2(72, s0a, b0a);
  out[f++] = feature3(73, s0a, b0p, s0p);
  out[f++] = feature3(74, b0a, b1a, b0p);
  out[f++] = feature3(75, s0p, b0a, b0p);
  // suffixes and classes with the other word: robust to a wrong tag on either side
  const s0s = s0 >= 0 ? x.s[s0]! : NULL_W, b0s = x.s[b0]!;
  out[f++] = feature2(76, s0s, b0p);
  out[f++] = feature2(77, s0p, b0s);
  out[f++] = feature2(78, s0s, b0s);
  out[f++] = feature3(79, s0a, b0a, dist);
  out[f++] = feature2(80, s0w, b0a);
  out[f++] = feature2(81, s0a, b0w);
  out[f++] = feature3(82, s1p, s0a, b0a);
  return f;
}
