/**
 * `npm run eval:nlp`: the language models on the standard test sets with gold
 * tokenization — UPOS, XPOS, UAS, LAS on UD English EWT test and GUM test —
 * names (person, organization, place) on Universal NER over EWT test, and how
 * many words per second one core tags, parses and finds names in.
 */
import { readTreebank, toTreeSentence, type TreebankName } from "../treebank.ts";
import { analyzeWords, type LanguageModels, type WordAnalysis } from "../pipeline.ts";
import { scoreTrees, type TreeScores } from "./score-trees.ts";
import { readUnerSpans } from "../ner/entity-spans.ts";
import { unerFile } from "../ner/data.ts";
import { scoreNames, type NameScores } from "../ner/score.ts";

export interface NlpEvaluation {
  treebanks: Record<string, TreeScores>;
  /** Person / organization / place spans on Universal NER over EWT test (exact span and type). */
  names: NameScores;
  speed: { words: number; seconds: number; wordsPerSecond: number };
}

export function evaluateTreebank(models: LanguageModels, data: string, name: TreebankName, split: "dev" | "test"): { scores: TreeScores; words: number; seconds: number } {
  const gold = readTreebank(data, name, split).map(toTreeSentence);
  const t0 = performance.now();
  const predicted: WordAnalysis[] = gold.map((s) => analyzeWords(models, s.words));
  const seconds = (performance.now() - t0) / 1000;
  return { scores: scoreTrees(gold, predicted), words: predicted.reduce((n, p) => n + p.upos.length, 0), seconds };
}

/** Words per second of tagging + parsing + labeling on one thread, best of `rounds` passes (the first warms the JIT). */
export function measureSpeed(models: LanguageModels, sentences: readonly string[][], rounds = 3): NlpEvaluation["speed"] {
  const words = sentences.reduce((n, s) => n + s.length, 0);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const s of sentences) analyzeWords(models, s);
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return { words, seconds: Math.round(best * 1000) / 1000, wordsPerSecond: Math.round(words / best) };
}

/** Names found with the models' own tags on UNER EWT test's words. */
export function evaluateNames(models: LanguageModels, data: string): NameScores {
  const gold = readUnerSpans(unerFile(data, "test"));
  return scoreNames(gold.map((s) => s.spans), gold.map((s) => analyzeWords(models, s.words).names));
}

export function evaluateModels(models: LanguageModels, data: string): NlpEvaluation {
  const treebanks: Record<string, TreeScores> = {};
  for (const name of ["ewt", "gum"] as const) treebanks[`${name}-test`] = evaluateTreebank(models, data, name, "test").scores;
  const speedSet = readTreebank(data, "ewt", "test").map((s) => s.words.map((w) => w.form));
  return { treebanks, names: evaluateNames(models, data), speed: measureSpeed(models, speedSet) };
}
