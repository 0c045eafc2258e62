/**
 * Training of the labeler on gold trees: each arc's features are read with
 * the gold labels of the arcs named before it, as the parser's trees will
 * later be named with the labeler's own.
 */
import { AveragedPerceptron } from "../linear/averaged-perceptron.ts";
import { argmax } from "../linear/linear-model.ts";
import { seededRandom, shuffled } from "../hash.ts";
import type { ParserInputs } from "../parser/features.ts";
import { LABELER_MAX_FEATURES, labelerFeatures } from "./features.ts";
import type { LabelerWordInputs } from "./labeler.ts";
import { treeView } from "./tree.ts";

export interface LabelerExample {
  inputs: ParserInputs;
  words: LabelerWordInputs;
  /** Gold head per word, n for the root. */
  heads: Int32Array;
  /** Gold label index per word. */
  labels: Int32Array;
}

export interface LabelerTrainingOptions {
  epochs: number;
  seed: number;
  prune: number;
  log?: (message: string) => void;
}

export function trainLabelerWeights(examples: readonly LabelerExample[], labelCount: number, rootLabel: number, opts: LabelerTrainingOptions): AveragedPerceptron {
  const perceptron = new AveragedPerceptron(labelCount);
  const features = new Uint32Array(LABELER_MAX_FEATURES);
  const scores = new Float32Array(labelCount);
  const random = seededRandom(opts.seed);
  const trees = examples.map((ex) => treeView(ex.heads));
  const order = examples.map((_, i) => i);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    let correct = 0;
    let total = 0;
    for (const i of shuffled(order, random)) {
      const ex = examples[i]!;
      const t = trees[i]!;
      for (const dep of t.topDown) {
        if (ex.heads[dep] === t.n) continue;
        const k = labelerFeatures(features, dep, t, ex.inputs, ex.words.isPunct, ex.words.suffix3, ex.words.shape, ex.labels, ex.words.nominal);
        perceptron.score(features, k, scores);
        scores[rootLabel] = -Infinity;
        const guess = argmax(scores, labelCount);
        perceptron.update(features, k, ex.labels[dep]!, guess);
        perceptron.tick();
        if (guess === ex.labels[dep]) correct++;
        total++;
      }
    }
    opts.log?.(`labeler epoch ${epoch}/${opts.epochs}: ${(100 * correct / total).toFixed(2)}% arcs right, ${perceptron.rows} feature rows`);
  }
  return perceptron;
}
