/**
 * Names the arcs of a parsed tree with UD relations, top-down and left to
 * right, one greedy decision per word. The root's dependent is always `root`.
 */
import { argmax, type LinearModel } from "../linear/linear-model.ts";
import type { ParserInputs } from "../parser/features.ts";
import { LABELER_MAX_FEATURES, labelerFeatures } from "./features.ts";
import { treeView } from "./tree.ts";

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

  constructor(
    readonly labels: string[],
    readonly model: LinearModel,
  ) {
    this.scores = new Float32Array(labels.length);
  }

  /** Label index per word (root → the index of "root"). */
  label(heads: Int32Array, x: ParserInputs, words: LabelerWordInputs): Int32Array {
    const t = treeView(heads);
    const out = new Int32Array(t.n).fill(-1);
    const root = this.labels.indexOf("root");
    for (const dep of t.topDown) {
      if (heads[dep] === t.n) {
        out[dep] = root;
        continue;
      }
      const k = labelerFeatures(this.features, dep, t, x, words.isPunct, words.suffix3, words.shape, out, words.nominal);
      this.model.score(this.features, k, this.scores);
      this.scores[root] = -Infinity;
      out[dep] = argmax(this.scores, this.labels.length);
    }
    return out;
  }
}
