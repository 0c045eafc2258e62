/**
 * Greedy left-to-right part-of-speech tagger. Each class is a UPOS–XPOS pair
 * seen in training ("PROPN NNP", "AUX VBZ"), so the two tag sets always agree.
 */
import { LinearModel, argmax } from "../linear/linear-model.ts";
import { hashWords, type WordHashes } from "../words.ts";
import { TAGGER_MAX_FEATURES, taggerFeatures } from "./features.ts";

export interface TagPair {
  upos: string;
  xpos: string;
}

export class Tagger {
  private readonly features = new Uint32Array(TAGGER_MAX_FEATURES);
  private readonly scores: Float32Array;
  private readonly ambiguityOf: Map<number, number>;
  readonly pairs: TagPair[];

  constructor(
    /** "UPOS XPOS" per class. */
    readonly classes: string[],
    readonly model: LinearModel,
    /** Lower-case word hash → ambiguity class hash, for words frequent in training. */
    ambiguity: Map<number, number>,
  ) {
    this.scores = new Float32Array(classes.length);
    this.ambiguityOf = ambiguity;
    this.pairs = classes.map((c) => {
      const [upos, xpos] = c.split(" ");
      return { upos: upos!, xpos: xpos! };
    });
  }

  get ambiguity(): ReadonlyMap<number, number> {
    return this.ambiguityOf;
  }

  ambiguityClasses(h: WordHashes): Uint32Array {
    const out = new Uint32Array(h.lower.length);
    for (let i = 0; i < out.length; i++) out[i] = this.ambiguityOf.get(h.lower[i]!) ?? 0;
    return out;
  }

  /** Class index per word. */
  tagIds(words: readonly string[], hashes: WordHashes = hashWords(words)): Int32Array {
    const amb = this.ambiguityClasses(hashes);
    const tags = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) {
      const n = taggerFeatures(this.features, i, hashes, amb, tags);
      this.model.score(this.features, n, this.scores);
      tags[i] = argmax(this.scores, this.classes.length);
    }
    return tags;
  }

  tag(words: readonly string[]): TagPair[] {
    return Array.from(this.tagIds(words), (t) => this.pairs[t]!);
  }
}
