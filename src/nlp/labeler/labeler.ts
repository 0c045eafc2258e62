/**
 * Names the arcs of a parsed tree with UD relations, top-down and left to
 * right, one greedy decision per word. The root's dependent is always `root`.
 */
import { argmax, type LinearModel } from "../linear/linear-model.ts";
import type { ParserInputs } from "../parser/features.ts";
import { LABELER_MAX_FEATURES, labelerFeatures } from "./features.ts";
import { previousSibling, treeView, type TreeView } from "./tree.ts";

export interface LabelerWordInputs {
  isPunct: Uint8Array;
  /** Nouns, proper nouns and pronouns (by tag): possible subjects. */
  nominal: Uint8Array;
  suffix3: Uint32Array;
  shape: Uint32Array;
}

export class Labeler {
  private readonly features = new Uint32Array(LABELER_MAX_FEATURES);
  private readonly scores: Float32Array;
  private readonly rootLabel: number;

  constructor(
    readonly labels: string[],
    readonly model: LinearModel,
  ) {
    this.scores = new Float32Array(labels.length);
    this.rootLabel = labels.indexOf("root");
  }

  /** Label index per word (root → the index of "root"). */
  label(heads: Int32Array, x: ParserInputs, words: LabelerWordInputs): Int32Array {
    const t = treeView(heads);
    const out = new Int32Array(t.n).fill(-1);
    // Top-down and left to right, each word's head and previous sibling are labeled before it.
    for (const dep of t.topDown) this.labelWord(t, x, words, out, dep);
    return out;
  }

  /**
   * The label of one word, written into `out` (-1: not labeled yet) with what
   * it is read from first: its head's label and its previous sibling's, the
   * only labels its features read. So labeling a few words gives them the
   * labels `label()` gives, without naming the whole tree.
   */
  labelWord(t: TreeView, x: ParserInputs, words: LabelerWordInputs, out: Int32Array, dep: number): number {
    if (out[dep]! >= 0) return out[dep]!;
    const head = t.heads[dep]!;
    if (head === t.n) return (out[dep] = this.rootLabel);
    this.labelWord(t, x, words, out, head);
    const previous = previousSibling(t, dep);
    if (previous >= 0) this.labelWord(t, x, words, out, previous);
    const k = labelerFeatures(this.features, dep, t, x, words.isPunct, words.suffix3, words.shape, out, words.nominal);
    this.model.score(this.features, k, this.scores);
    this.scores[this.rootLabel] = -Infinity;
    return (out[dep] = argmax(this.scores, this.labels.length));
  }
}
