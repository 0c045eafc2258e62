/**
 * The language layer as one call: words → tags → tree → labels, and the
 * names among the words. Models are read from graph-data/models/ (or a folder
 * given) once per process.
 */
import { join } from "node:path";
import { DEFAULT_MODEL_DIR, MODEL_FILES } from "./model-files.ts";
import { hashWords, type WordHashes } from "./words.ts";
import { parserInputs } from "./parser/inputs.ts";
import type { ParserInputs } from "./parser/features.ts";
import { labelerWordInputs } from "./labeler/inputs.ts";
import { treeView, type TreeView } from "./labeler/tree.ts";
import type { LabelerWordInputs } from "./labeler/labeler.ts";
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

/** A sentence's words with their tags: what the tree and the names are both read from. */
export interface TaggedWords {
  words: readonly string[];
  hashes: WordHashes;
  amb: Uint32Array;
  tags: Int32Array;
  upos: string[];
  xpos: string[];
}

export function tagWords(models: LanguageModels, words: readonly string[]): TaggedWords {
  const hashes = hashWords(words);
  const amb = models.tagger.ambiguityClasses(hashes);
  const tags = models.tagger.tagIds(words, hashes, amb);
  const pairs = models.tagger.pairs;
  return { words, hashes, amb, tags, upos: Array.from(tags, (t) => pairs[t]!.upos), xpos: Array.from(tags, (t) => pairs[t]!.xpos) };
}

/** The unlabeled tree of tagged words: heads 0..n-1, n for the root (what issue 12's speed floor names with tagging). */
function unlabeledTree(models: LanguageModels, t: TaggedWords): { inputs: ParserInputs; heads: Int32Array } {
  const inputs = parserInputs(t.hashes.lower, t.tags, t.words, t.amb, t.hashes.suffix3);
  return { inputs, heads: t.words.length ? models.parser.parse(inputs, t.words.length) : new Int32Array(0) };
}

/** Tagging and unlabeled parsing alone (the bench's "tag + unlabeled parse only"). */
export function tagAndParse(models: LanguageModels, words: readonly string[]): Int32Array {
  return unlabeledTree(models, tagWords(models, words)).heads;
}

/** The labeled tree of tagged words: CoNLL-U heads (1-based, 0 for the root) and relations. */
export function parseTagged(models: LanguageModels, t: TaggedWords): { heads: Int32Array; deprels: string[] } {
  const n = t.words.length;
  const { inputs, heads } = unlabeledTree(models, t);
  const labels = n ? models.labeler.label(heads, inputs, labelerWordInputs(t.words, t.hashes, t.upos)) : new Int32Array(0);
  return { heads: Int32Array.from(heads, (h) => (h === n ? 0 : h + 1)), deprels: Array.from(labels, (l) => models.labeler.labels[l]!) };
}

/**
 * A sentence's labeled tree, made as it is read: parsed when first asked
 * about, and each word labeled when its relation is first asked for (with
 * what its label is read from), so a caller that needs a few relations does
 * not pay for naming every arc. The answers are parseTagged's.
 */
export class SentenceTree {
  #tree: { heads: Int32Array; view: TreeView; inputs: ParserInputs; words: LabelerWordInputs; labels: Int32Array } | null = null;

  constructor(
    private readonly models: LanguageModels,
    private readonly tagged: TaggedWords,
  ) {}

  get size(): number {
    return this.tagged.words.length;
  }

  /** Word i's head: a word index, or -1 for the root. */
  head(i: number): number {
    const h = this.tree().heads[i]!;
    return h === this.size ? -1 : h;
  }

  /** Word i's relation to its head ("nsubj", "obj", …; "root"). */
  relation(i: number): string {
    const t = this.tree();
    return this.models.labeler.labels[this.models.labeler.labelWord(t.view, t.inputs, t.words, t.labels, i)]!;
  }

  private tree() {
    if (this.#tree) return this.#tree;
    const { inputs, heads } = unlabeledTree(this.models, this.tagged);
    const words = labelerWordInputs(this.tagged.words, this.tagged.hashes, this.tagged.upos);
    return (this.#tree = { heads, view: treeView(heads), inputs, words, labels: new Int32Array(this.size).fill(-1) });
  }
}

/** Person, organization and place names among tagged words. */
export function namesIn(models: LanguageModels, t: TaggedWords): NameSpan[] {
  return t.words.length ? models.names.recognize(t.words, t.upos, t.xpos, t.hashes) : [];
}

export function analyzeWords(models: LanguageModels, words: readonly string[]): WordAnalysis {
  if (words.length === 0) return { upos: [], xpos: [], heads: new Int32Array(0), deprels: [], names: [] };
  const tagged = tagWords(models, words);
  return { upos: tagged.upos, xpos: tagged.xpos, ...parseTagged(models, tagged), names: namesIn(models, tagged) };
}
