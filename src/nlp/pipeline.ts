/**
 * The language layer as one call: words → tags → tree → labels, and the
 * names among the words. Models are read from graph-data/models/ (or a folder
 * given) once per process.
 */
import { join } from "node:path";
import { DEFAULT_MODEL_DIR, MODEL_FILES } from "./model-files.ts";
import { hashWords } from "./words.ts";
import { parserInputs } from "./parser/inputs.ts";
import { labelerWordInputs } from "./labeler/inputs.ts";
import { loadParser, loadTagger } from "./model-io.ts";
import { loadVerbForms, type VerbForms } from "./inflect.ts";
import { loadNameRecognizer, type NameRecognizer, type NameSpan } from "./ner/recognizer.ts";
import type { Tagger } from "./tagger/tagger.ts";
import type { Parser } from "./parser/parser.ts";
import type { Labeler } from "./labeler/labeler.ts";

export { DEFAULT_MODEL_DIR, MODEL_FILES };

export interface LanguageModels {
  tagger: Tagger;
  parser: Parser;
  labeler: Labeler;
  names: NameRecognizer;
}

export interface WordAnalysis {
  upos: string[];
  xpos: string[];
  /** CoNLL-U heads: 1-based, 0 for the root. */
  heads: Int32Array;
  deprels: string[];
  /** Person, organization and place names (word spans, end exclusive). */
  names: NameSpan[];
}

export function loadLanguageModels(dir = DEFAULT_MODEL_DIR): LanguageModels {
  const tagger = loadTagger(join(dir, MODEL_FILES.tagger));
  const { parser, labeler } = loadParser(join(dir, MODEL_FILES.parser));
  return { tagger, parser, labeler, names: loadNameRecognizer(join(dir, MODEL_FILES.names)) };
}

const cache = new Map<string, LanguageModels>();

/** The models of a folder, loaded on first use and shared by every caller in the process. */
export function languageModels(dir = DEFAULT_MODEL_DIR): LanguageModels {
  let models = cache.get(dir);
  if (!models) cache.set(dir, (models = loadLanguageModels(dir)));
  return models;
}

const verbFormCache = new Map<string, VerbForms>();

/** The verb forms the treebanks attest (see inflect.ts), loaded once per folder. */
export function attestedVerbForms(dir = DEFAULT_MODEL_DIR): VerbForms {
  let forms = verbFormCache.get(dir);
  if (!forms) verbFormCache.set(dir, (forms = loadVerbForms(dir)));
  return forms;
}

export function analyzeWords(models: LanguageModels, words: readonly string[]): WordAnalysis {
  const n = words.length;
  if (n === 0) return { upos: [], xpos: [], heads: new Int32Array(0), deprels: [], names: [] };
  const hashes = hashWords(words);
  const amb = models.tagger.ambiguityClasses(hashes);
  const tags = models.tagger.tagIds(words, hashes, amb);
  const pairs = models.tagger.pairs;
  const upos = Array.from(tags, (t) => pairs[t]!.upos);
  const xpos = Array.from(tags, (t) => pairs[t]!.xpos);
  const inputs = parserInputs(hashes.lower, tags, words, amb, hashes.suffix3);
  const heads = models.parser.parse(inputs, n);
  const labels = models.labeler.label(heads, inputs, labelerWordInputs(words, hashes, upos));
  return {
    upos,
    xpos,
    heads: Int32Array.from(heads, (h) => (h === n ? 0 : h + 1)),
    deprels: Array.from(labels, (l) => models.labeler.labels[l]!),
    names: models.names.recognize(words, upos, xpos, hashes),
  };
}
