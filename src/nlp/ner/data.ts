/**
 * The recognizer's training data, read from ../shared/nlp (or a folder given):
 *
 * - GUM train, its entity mentions narrowed to names (see gumNameSpans);
 * - UNER EWT dev, in-domain names over web text (UNER EWT train is not in the
 *   folder), given three times the weight of a GUM sentence;
 * - EWT train's words and tags without names, for one round of self-training.
 *
 * UNER test is never read here: it is only for measuring.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseConllu, type ConlluSentence } from "../conllu.ts";
import { readTreebank, treebankFile } from "../treebank.ts";
import { gumNameSpans, readUnerSpans } from "./entity-spans.ts";
import type { NamedSentence, TaggedWords } from "./train.ts";

export const UNER_FOLDER = "uner-english-ewt";

export function unerFile(root: string, split: "dev" | "test"): string {
  return join(root, UNER_FOLDER, `en_ewt-ud-${split}.iob2`);
}

/** Tags for a sentence's words: the tagger's, or gold ones when a caller has them. */
export type TagWords = (words: readonly string[]) => { upos: string[]; xpos: string[] };

/** GUM sentences as training sentences, with their gold tags or the tags given (e.g. jackknifed, by sentence index). */
export function gumNamedSentences(sentences: readonly ConlluSentence[], file: string, tags?: (index: number) => { upos: string[]; xpos: string[] }): NamedSentence[] {
  return sentences.map((s, i) => {
    const words = s.words.map((w) => w.form);
    const t = tags ? tags(i) : { upos: s.words.map((w) => w.upos), xpos: s.words.map((w) => w.xpos) };
    return { words, upos: t.upos, xpos: t.xpos, spans: gumNameSpans(s, file) };
  });
}

export interface NameTrainingData {
  /** Sentences with names, in training order (UNER dev repeated `unerWeight` times). */
  sentences: NamedSentence[];
  /** Sentences without names for self-training. */
  unlabeled: TaggedWords[];
  /** What was read, for a model's header. */
  sources: string[];
}

export interface NameDataOptions {
  /** EWT train and GUM train as already read by the caller (read from `root` when absent). */
  treebanks?: { ewt: ConlluSentence[]; gum: ConlluSentence[] };
  /** Tags for UNER dev's words (run-time tags: the tagger's). */
  tag: TagWords;
  /** Tags for GUM train sentence i (e.g. the parser's jackknifed tags); gold tags when absent. */
  gumTags?: (index: number) => { upos: string[]; xpos: string[] };
  /** Copies of UNER dev among the sentences (in-domain data weighs more); 0 leaves it out. */
  unerWeight?: number;
  /** Whether EWT train's sentences are read for self-training. */
  selfTraining?: boolean;
}

export const NAME_DATA_DEFAULTS = { unerWeight: 3, selfTraining: true } as const;

export function readNameTrainingData(root: string, opts: NameDataOptions): NameTrainingData {
  const unerWeight = opts.unerWeight ?? NAME_DATA_DEFAULTS.unerWeight;
  const selfTraining = opts.selfTraining ?? NAME_DATA_DEFAULTS.selfTraining;
  const gumFile = treebankFile(root, "gum", "train");
  const gum = opts.treebanks?.gum ?? parseConllu(readFileSync(gumFile, "utf8"), gumFile);
  const sentences = gumNamedSentences(gum, gumFile, opts.gumTags);
  const sources = [`gum train (${gum.length} sentences)`];
  if (unerWeight > 0) {
    const file = unerFile(root, "dev");
    const dev = readUnerSpans(file).map((s) => ({ words: s.words, ...opts.tag(s.words), spans: s.spans }));
    for (let k = 0; k < unerWeight; k++) sentences.push(...dev);
    sources.push(`uner ewt dev ×${unerWeight} (${dev.length} sentences)`);
  }
  const unlabeled: TaggedWords[] = [];
  if (selfTraining) {
    for (const s of opts.treebanks?.ewt ?? readTreebank(root, "ewt", "train")) unlabeled.push({ words: s.words.map((w) => w.form), upos: s.words.map((w) => w.upos), xpos: s.words.map((w) => w.xpos) });
    sources.push(`ewt train words and tags for self-training (${unlabeled.length} sentences)`);
  }
  return { sentences, unlabeled, sources };
}
