/**
 * Training of the parser with the dynamic oracle: from the second epoch on the
 * parser follows its own prediction (with probability `explore`), and every
 * decision is scored against the cheapest transitions still open.
 */
import { AveragedPerceptron } from "../linear/averaged-perceptron.ts";
import { seededRandom, shuffled } from "../hash.ts";
import type { LinearModel } from "../linear/linear-model.ts";
import { PARSER_MAX_FEATURES, parserFeatures, type ParserInputs } from "./features.ts";
import { transitionCost } from "./oracle.ts";
import { bestAllowed, onlyAction } from "./parser.ts";
import { ACTIONS, ParserState } from "./state.ts";

export interface ParserExample {
  inputs: ParserInputs;
  /** Gold head per word, n for the root. */
  gold: Int32Array;
}

export interface ParserTrainingOptions {
  epochs: number;
  seed: number;
  /** Chance of following a wrong prediction once the first epoch is over. */
  explore: number;
  prune: number;
  log?: (message: string) => void;
}

export function trainParserWeights(examples: readonly ParserExample[], opts: ParserTrainingOptions): AveragedPerceptron {
  const perceptron = new AveragedPerceptron(ACTIONS);
  const features = new Uint32Array(PARSER_MAX_FEATURES);
  const scores = new Float32Array(ACTIONS);
  const costs = new Int32Array(ACTIONS);
  const random = seededRandom(opts.seed);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    let correct = 0;
    let total = 0;
    for (const ex of shuffled(examples, random)) {
      const n = ex.gold.length;
      const st = new ParserState(n);
      while (!st.done) {
        const only = onlyAction(st);
        if (only >= 0) {
          st.apply(only);
          continue;
        }
        const k = parserFeatures(features, st, ex.inputs);
        perceptron.score(features, k, scores);
        const guess = bestAllowed(st, scores);
        let minCost = Infinity;
        for (let a = 0; a < ACTIONS; a++) {
          costs[a] = st.canApply(a) ? transitionCost(st, a, ex.gold) : -1;
          if (costs[a]! >= 0 && costs[a]! < minCost) minCost = costs[a]!;
        }
        // The best-scoring of the cheapest transitions is the one to learn.
        let truth = -1;
        for (let a = 0; a < ACTIONS; a++) if (costs[a] === minCost && (truth < 0 || scores[a]! > scores[truth]!)) truth = a;
        if (costs[guess] !== minCost) perceptron.update(features, k, truth, guess);
        else correct++;
        total++;
        perceptron.tick();
        const follow = epoch > 1 && costs[guess] !== minCost && random() < opts.explore ? guess : costs[guess] === minCost ? guess : truth;
        st.apply(follow);
      }
    }
    opts.log?.(`parser epoch ${epoch}/${opts.epochs}: ${(100 * correct / total).toFixed(2)}% transitions right, ${perceptron.rows} feature rows`);
  }
  return perceptron;
}

export function trainParser(examples: readonly ParserExample[], opts: ParserTrainingOptions): LinearModel {
  return trainParserWeights(examples, opts).average(opts.prune);
}
