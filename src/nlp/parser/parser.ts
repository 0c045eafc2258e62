/**
 * Greedy arc-eager dependency parser: at each configuration the linear model
 * scores the four transitions and the best one allowed is taken, 2n
 * transitions for n words. Labels are given afterwards by the labeler, which
 * sees the whole tree.
 */
import { INLINE_CLASSES, type LinearModel } from "../linear/linear-model.ts";
import { PARSER_MAX_FEATURES, parserFeatures, type ParserInputs } from "./features.ts";
import { ACTIONS, NONE, ParserState } from "./state.ts";

export class Parser {
  private readonly features = new Uint32Array(PARSER_MAX_FEATURES);
  // Room for every inline class: the model writes all of a slot's weights.
  private readonly scores = new Float32Array(INLINE_CLASSES);

  constructor(readonly model: LinearModel) {}

  /** Head of each word: 0..n-1, or n for the root. Exactly one word takes the root. */
  parse(x: ParserInputs, n: number): Int32Array {
    const st = new ParserState(n);
    while (!st.done) st.apply(this.next(st, x));
    return singleRoot(st.heads.subarray(0, n), n);
  }

  next(st: ParserState, x: ParserInputs): number {
    const only = onlyAction(st);
    if (only >= 0) return only;
    const k = parserFeatures(this.features, st, x);
    this.model.score(this.features, k, this.scores);
    return bestAllowed(st, this.scores);
  }
}

/**
 * The one transition allowed, or -1 when there is a choice: an empty stack
 * must shift, and with only the root left in the buffer the stack top must go
 * to it or be reduced. About a fifth of all configurations need no scoring.
 */
export function onlyAction(st: ParserState): number {
  let only = -1;
  for (let a = 0; a < ACTIONS; a++) {
    if (!st.canApply(a)) continue;
    if (only >= 0) return -1;
    only = a;
  }
  return only;
}

export function bestAllowed(st: ParserState, scores: Float32Array): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let a = 0; a < ACTIONS; a++) {
    if (!st.canApply(a)) continue;
    if (scores[a]! > bestScore) {
      bestScore = scores[a]!;
      best = a;
    }
  }
  return best;
}

/**
 * UD trees have one root. When the parser leaves several words on the root,
 * the one heading the largest subtree stays and the others attach to it.
 */
export function singleRoot(heads: Int32Array, n: number): Int32Array {
  const roots: number[] = [];
  for (let i = 0; i < n; i++) if (heads[i] === n || heads[i] === NONE) roots.push(i);
  if (roots.length === 1) return heads;
  if (roots.length === 0) throw new Error("parser: a tree without a root");
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    // Walk to the top; trees from the transition system are acyclic.
    let h = i;
    while (heads[h] !== n && heads[h] !== NONE) h = heads[h]!;
    size[h]++;
  }
  let keep = roots[0]!;
  for (const r of roots) if (size[r]! > size[keep]!) keep = r;
  for (const r of roots) heads[r] = r === keep ? n : keep;
  return heads;
}
