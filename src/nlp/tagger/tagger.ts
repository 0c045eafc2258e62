/**
 * Greedy left-to-right part-of-speech tagger. Each class is a UPOS–XPOS pair
 * seen in training ("PROPN NNP", "AUX VBZ"), so the two tag sets always agree.
 */
import { LinearModel, argmax } from "../linear/linear-model.ts";
import { hashWords, type WordHashes } from "../words.ts";
import { TAGGER_MAX_FEATURES, historyFeatures, wordFeatures } from "./features.ts";

export interface TagPair {
  upos: string;
  xpos: string;
}

export class Tagger {
  private readonly features = new Uint32Array(TAGGER_MAX_FEATURES);
  private readonly scores: Float32Array;
  private readonly ambiguityOf: Map<number, number>;
  private readonly historyCache = new Map<number, Float32Array>();
  readonly pairs: TagPair[];

  constructor(
    /** "UPOS XPOS" per class. */
    readonly classes: string[],
    readonly model: LinearModel,
    /** Lower-case word hash → ambiguity class hash, for words frequent in training. */
    ambiguity: Map<number, number>,
    /**
     * Word form hash → class, for frequent words that the training data tags one
     * way (≥ 99.5% of at least 20 occurrences: "the", ",", "of"): tagged without
     * scoring, which is over a third of running text.
     */
    readonly dictionary: Map<number, number> = new Map(),
  ) {
    this.scores = new Float32Array(classes.length);
    this.ambiguityOf = ambiguity;
    this.pairs = classes.map((c) => {
      const [upos, xpos] = c.split(" ");
      return { upos: upos!, xpos: xpos! };
    });
  }

  /** Summed weights of the history features for a (t-1, t-2) pair, computed once per pair. */
  private historyScores(t1: number, t2: number): Float32Array {
    const key = (t1 + 1) * 1024 + (t2 + 1);
    let cached = this.historyCache.get(key);
    if (!cached) {
      cached = new Float32Array(this.classes.length);
      const n = historyFeatures(this.features, t1, t2);
      this.model.score(this.features, n, cached);
      this.historyCache.set(key, cached);
    }
    return cached;
  }

  get ambiguity(): ReadonlyMap<number, number> {
    return this.ambiguityOf;
  }

  ambiguityClasses(h: WordHashes): Uint32Array {
    const out = new Uint32Array(h.lower.length);
    for (let i = 0; i < out.length; i++) out[i] = this.ambiguityOf.get(h.lower[i]!) ?? 0;
    return out;
  }

  /** Class index per word; `amb`, when the caller needs the ambiguity classes too, saves computing them twice. */
  tagIds(words: readonly string[], hashes: WordHashes = hashWords(words), amb: Uint32Array = this.ambiguityClasses(hashes)): Int32Array {
    const tags = new Int32Array(words.length);
    const dictionary = this.dictionary;
    for (let i = 0; i < words.length; i++) {
      const known = dictionary.get(hashes.form[i]!);
      if (known !== undefined) {
        tags[i] = known;
        continue;
      }
      this.scores.set(this.historyScores(i > 0 ? tags[i - 1]! : -1, i > 1 ? tags[i - 2]! : -1));
      const n = wordFeatures(this.features, i, hashes, amb, tags);
      this.model.add(this.features, n, this.scores);
      tags[i] = argmax(this.scores, this.classes.length);
    }
    return tags;
  }

  tag(words: readonly string[]): TagPair[] {
    return Array.from(this.tagIds(words), (t) => this.pairs[t]!);
  }
}
