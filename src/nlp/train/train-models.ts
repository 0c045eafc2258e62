/**
 * `npm run train`: trains the tagger, the parser and the labeler on UD English
 * EWT and GUM train, and writes them to the model folder. Deterministic: the
 * same treebanks and settings give the same model bytes (seeded shuffles, no
 * clock or machine in the files).
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { readTreebank, toTreeSentence, treebankFile, type TreeSentence } from "../treebank.ts";
import type { ConlluSentence } from "../conllu.ts";
import { trainTagger } from "../tagger/train.ts";
import { trainParserWeights } from "../parser/train.ts";
import { trainLabelerWeights } from "../labeler/train.ts";
import { Parser } from "../parser/parser.ts";
import { Labeler } from "../labeler/labeler.ts";
import { saveParser, saveTagger } from "../model-io.ts";
import { DEFAULT_MODEL_DIR, MODEL_FILES } from "../pipeline.ts";
import { jackknifeTags } from "./jackknife.ts";
import { collectVerbForms, VERB_FORMS_FILE } from "../inflect.ts";
import { readNameTrainingData } from "../ner/data.ts";
import { trainNameRecognizer } from "../ner/train.ts";
import { saveNameRecognizer, type NameRecognizer } from "../ner/recognizer.ts";
import { loadNameLists, NAME_LISTS_FILE } from "../ner/name-lists.ts";
import type { Tagger } from "../tagger/tagger.ts";
import { treeExample } from "./examples.ts";
import { TRAINING, type TrainingSettings } from "./settings.ts";

export interface TrainOptions {
  /** Folder holding ud-english-ewt/ and ud-english-gum/. */
  data: string;
  out: string;
  settings?: TrainingSettings;
  /** The recognizer's lists of known names (default: graph-data/models/name-lists.json). */
  nameLists?: string;
  /** Train on these sentences instead of the treebanks (tests: a tiny corpus). */
  sentences?: TreeSentence[];
  log?: (message: string) => void;
}

export interface TrainReport {
  files: Record<string, { bytes: number; sha256: string }>;
  seconds: Record<string, number>;
  sentences: number;
  tokens: number;
}

const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

/** Writes through a temporary file so a killed training run never leaves half a model. */
function writeAtomic(file: string, bytes: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}

export function trainModels(opts: TrainOptions): TrainReport {
  const settings = opts.settings ?? TRAINING;
  const log = opts.log ?? (() => {});
  const seconds: Record<string, number> = {};
  const timed = <T>(name: string, f: () => T): T => {
    const t0 = performance.now();
    const out = f();
    seconds[name] = Math.round((performance.now() - t0) / 100) / 10;
    return out;
  };
  const treebanks = opts.sentences ? undefined : timed("read", () => ({ ewt: readTreebank(opts.data, "ewt", "train"), gum: readTreebank(opts.data, "gum", "train") }));
  const sentences = opts.sentences ?? [...treebanks!.ewt, ...treebanks!.gum].map(toTreeSentence);
  // Hashed after reading: a missing treebank is reported by readTreebank, naming the folder to pass.
  const sources = opts.sentences ? "given sentences" : ["ewt", "gum"].map((tb) => `${tb}:${sha256(readFileSync(treebankFile(opts.data, tb as "ewt", "train"))).slice(0, 16)}`).join(" ");
  const tokens = sentences.reduce((n, s) => n + s.words.length, 0);
  log(`training on ${sentences.length} sentences, ${tokens} words (${sources})`);
  const meta = { trainedOn: sources, settings };

  const tagger = timed("tagger", () => trainTagger(sentences, { ...settings.tagger, seed: settings.seed, log }));
  const classIndex = new Map(tagger.classes.map((c, i) => [c, i]));
  const tags = timed("jackknife", () => jackknifeTags(sentences, classIndex, settings.jackknifeFolds, { ...settings.tagger, seed: settings.seed, log }));

  const labels = [...new Set(sentences.flatMap((s) => s.deprels))].sort();
  if (!labels.includes("root")) labels.push("root");
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const examples = sentences.map((s, i) => treeExample(s, tags[i]!, labelIndex, tagger));
  const parser = timed("parser", () => new Parser(trainParserWeights(examples, { ...settings.parser, seed: settings.seed, log }).average(settings.parser.prune)));
  const labeler = timed("labeler", () => new Labeler(labels, trainLabelerWeights(examples, labels.length, labelIndex.get("root")!, { ...settings.labeler, seed: settings.seed, log }).average(settings.labeler.prune)));

  const names = timed("names", () => trainNames(opts, settings, tagger, sentences, tags, treebanks, log));

  mkdirSync(opts.out, { recursive: true });
  const files: TrainReport["files"] = {};
  const outputs: Array<[string, Buffer]> = [
    [MODEL_FILES.tagger, saveTagger(tagger, meta)],
    [MODEL_FILES.parser, saveParser(parser, labeler, meta)],
    [MODEL_FILES.names, saveNameRecognizer(names, meta)],
    [VERB_FORMS_FILE, Buffer.from(JSON.stringify(collectVerbForms(sentences)) + "\n")],
  ];
  for (const [name, bytes] of outputs) {
    writeAtomic(join(opts.out, name), bytes);
    files[name] = { bytes: bytes.length, sha256: sha256(bytes) };
    log(`wrote ${join(opts.out, name)} (${(bytes.length / 1e6).toFixed(2)} MB)`);
  }
  return { files, seconds, sentences: sentences.length, tokens };
}

/**
 * The name recognizer: GUM train's names (with the jackknifed tags the parser
 * trained on), UNER EWT dev and self-training on EWT train (src/nlp/ner/data.ts).
 * Given sentences (tests) carry no names: the recognizer then learns to find none.
 */
function trainNames(opts: TrainOptions, settings: TrainingSettings, tagger: Tagger, sentences: readonly TreeSentence[], tags: readonly Int32Array[], treebanks: { ewt: ConlluSentence[]; gum: ConlluSentence[] } | undefined, log: (m: string) => void): NameRecognizer {
  const pairsOf = (ids: Int32Array) => ({ upos: Array.from(ids, (t) => tagger.pairs[t]!.upos), xpos: Array.from(ids, (t) => tagger.pairs[t]!.xpos) });
  if (!treebanks) {
    const plain = sentences.map((s, i) => ({ words: s.words, ...pairsOf(tags[i]!), spans: [] }));
    return trainNameRecognizer(plain, { ...settings.names, seed: settings.seed });
  }
  // The training sentences are EWT train then GUM train: GUM sentence i is training sentence ewtCount + i.
  const ewtCount = treebanks.ewt.length;
  const data = readNameTrainingData(opts.data, { treebanks, tag: (words) => pairsOf(tagger.tagIds(words)), gumTags: (i) => pairsOf(tags[ewtCount + i]!) });
  log(`names: ${data.sources.join("; ")}`);
  return trainNameRecognizer(data.sentences, { ...settings.names, seed: settings.seed, gazetteer: loadNameLists(opts.nameLists ?? join(DEFAULT_MODEL_DIR, NAME_LISTS_FILE)), unlabeled: data.unlabeled, log });
}
