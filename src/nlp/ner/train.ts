/**
 * Training of the name recognizer: averaged-perceptron epochs over sentences
 * in a seeded order, each word's decision conditioned on the labels already
 * given on its left (gold labels, the usual choice for greedy taggers).
 */
import { AveragedPerceptron } from "../linear/averaged-perceptron.ts";
import { seededRandom, shuffled } from "../hash.ts";
import { NER_MAX_FEATURES, nerFeatures, type NameInputs } from "./features.ts";
import { LABEL_COUNT, NameRecognizer, bestAllowedLabel, nameInputs, spansToLabels } from "./recognizer.ts";
import type { NameSpan } from "./entity-spans.ts";
import { Gazetteer } from "./gazetteer.ts";

/** Words and their UPOS and Penn tags. */
export interface TaggedWords {
  words: readonly string[];
  upos: readonly string[];
  xpos: readonly string[];
}

/** A training sentence: words, their tags (predicted or jackknifed ones are better than gold) and gold names. */
export interface NamedSentence extends TaggedWords {
  spans: readonly NameSpan[];
}

export interface NameTrainingOptions {
  epochs: number;
  seed: number;
  /** Averaged weights below this in magnitude are dropped from the model. */
  prune: number;
  /** Lists of known names to read as features (kept in the model); none by default. */
  gazetteer?: Readonly<Record<string, readonly string[]>>;
  /**
   * Sentences without names for one round of self-training: a first model
   * labels them, and the final model learns from the labeled sentences and
   * these together.
   */
  unlabeled?: readonly TaggedWords[];
  log?: (message: string) => void;
}

/**
 * Settings chosen by two-fold cross-validation on UNER dev (GUM train plus one
 * half of its documents, scored on the other half): more epochs than 6 did not
 * help, pruning at 0.5 costs nothing and shrinks the model, and the gazetteer
 * is worth about 4 points of F1 (pass it as `gazetteer`: see name-lists.ts).
 */
export const NER_TRAINING = { epochs: 6, seed: 1, prune: 0.5 } as const satisfies NameTrainingOptions;

export function trainNameRecognizerWeights(sentences: readonly NamedSentence[], opts: NameTrainingOptions, gazetteer?: Gazetteer): AveragedPerceptron {
  const perceptron = new AveragedPerceptron(LABEL_COUNT);
  const features = new Uint32Array(NER_MAX_FEATURES);
  const scores = new Float32Array(LABEL_COUNT);
  const prepared: { x: NameInputs; gold: Int32Array }[] = sentences
    .filter((s) => s.words.length > 0)
    .map((s) => ({ x: nameInputs(s.words, s.upos, s.xpos, gazetteer), gold: spansToLabels(s.spans, s.words.length) }));
  const random = seededRandom(opts.seed);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    let correct = 0;
    let total = 0;
    for (const s of shuffled(prepared, random)) {
      const n = s.gold.length;
      let prev = -1;
      for (let i = 0; i < n; i++) {
        const k = nerFeatures(features, i, s.x, s.gold);
        perceptron.score(features, k, scores);
        const guess = bestAllowedLabel(scores, prev, i === n - 1);
        const truth = s.gold[i]!;
        perceptron.update(features, k, truth, guess);
        perceptron.tick();
        if (guess === truth) correct++;
        total++;
        prev = truth;
      }
    }
    opts.log?.(`ner epoch ${epoch}/${opts.epochs}: ${(100 * correct / total).toFixed(2)}% labels right, ${perceptron.rows} feature rows`);
  }
  return perceptron;
}

/**
 * Trains a recognizer on sentences with gold name spans and the tags the
 * recognizer will be given at run time (`NER_TRAINING` holds the settings
 * chosen on GUM and UNER dev; data.ts reads the usual corpus). Deterministic:
 * the same sentences and options give the same model, byte for byte once
 * saved.
 */
export function trainNameRecognizer(sentences: readonly NamedSentence[], opts: NameTrainingOptions = NER_TRAINING): NameRecognizer {
  const gazetteer = opts.gazetteer ? Gazetteer.fromLists(opts.gazetteer) : undefined;
  const first = new NameRecognizer(trainNameRecognizerWeights(sentences, opts, gazetteer).average(opts.prune), gazetteer);
  if (!opts.unlabeled?.length) return first;
  let names = 0;
  const labeled: NamedSentence[] = opts.unlabeled.map((s) => {
    const spans = first.recognize(s.words, s.upos, s.xpos);
    names += spans.length;
    return { ...s, spans };
  });
  opts.log?.(`ner self-training: ${names} names found in ${labeled.length} unlabeled sentences`);
  return new NameRecognizer(trainNameRecognizerWeights([...sentences, ...labeled], opts, gazetteer).average(opts.prune), gazetteer);
}
