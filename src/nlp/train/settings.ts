/**
 * Training settings of the language models, chosen on EWT and GUM dev (see
 * graph-data/models/MODEL_CARD.md for the measurements behind them).
 */
export const TRAINING = {
  seed: 20251,
  tagger: { epochs: 8, prune: 0.5 },
  /** Folds for the jackknifed tags the parser trains on (it must learn from tags as wrong as at run time). */
  jackknifeFolds: 4,
  parser: { epochs: 12, explore: 0.9, prune: 1 },
  labeler: { epochs: 10, prune: 0 },
  /** Chosen by the recognizer's cross-validation on UNER dev (src/nlp/ner/train.ts). */
  names: { epochs: 6, prune: 0.5 },
} as const;

export type TrainingSettings = typeof TRAINING;
