/**
 * The name recognizer: greedy left-to-right BILOU labeling (Begin, Inside,
 * Last, Unit, Outside per name type) with an averaged-perceptron model over
 * hashed features. Decoding only takes labels that keep the sequence well
 * formed (an open name must go on with I or end with L; nothing is left open
 * at the end of the sentence), so every labeling reads back as spans.
 */
import { LinearModel } from "../linear/linear-model.ts";
import { encodeModel, readModelFile, section, ModelFileError, type SectionArray } from "../model-file.ts";
import { hashWords, type WordHashes } from "../words.ts";
import { NAME_TYPES, type NameSpan } from "./entity-spans.ts";
import { Gazetteer } from "./gazetteer.ts";
import { NER_MAX_FEATURES, nameRuns, nerFeatures, sentenceCasing, tagHash, type NameInputs } from "./features.ts";

export type { NameSpan, NameType } from "./entity-spans.ts";

/** Label 0 is O; type t has B = 1+4t, I = 2+4t, L = 3+4t, U = 4+4t. */
export const LABELS: readonly string[] = ["O", ...NAME_TYPES.flatMap((t) => ["B", "I", "L", "U"].map((p) => `${p}-${t}`))];
export const LABEL_COUNT = LABELS.length;
const B = 0, I = 1, L = 2, U = 3;

export const labelOf = (type: number, part: number) => 1 + 4 * type + part;
const partOf = (label: number) => (label - 1) & 3;
const typeOf = (label: number) => (label - 1) >> 2;

/**
 * Whether label c may follow label p (p < 0 at the sentence start); `last` says
 * c is on the sentence's last word, where no name may stay open.
 */
export function allowed(p: number, c: number, last: boolean): boolean {
  const open = p > 0 && (partOf(p) === B || partOf(p) === I);
  if (open) return c > 0 && typeOf(c) === typeOf(p) && (partOf(c) === L || (!last && partOf(c) === I));
  if (c === 0) return true;
  const part = partOf(c);
  return part === U || (part === B && !last);
}

/** Bit c of ALLOWED[(p + 1) * 2 + last] says label c may follow label p (see allowed). */
const ALLOWED = new Uint16Array((LABEL_COUNT + 1) * 2);
for (let p = -1; p < LABEL_COUNT; p++) {
  for (let last = 0; last < 2; last++) {
    let mask = 0;
    for (let c = 0; c < LABEL_COUNT; c++) if (allowed(p, c, last === 1)) mask |= 1 << c;
    ALLOWED[(p + 1) * 2 + last] = mask;
  }
}

/** The best-scoring label allowed after p (the first on a tie). */
export function bestAllowedLabel(scores: Float32Array, p: number, last: boolean): number {
  const mask = ALLOWED[(p + 1) * 2 + (last ? 1 : 0)]!;
  let best = 0;
  let bestScore = -Infinity;
  for (let c = 0; c < LABEL_COUNT; c++) {
    if (!((mask >> c) & 1)) continue;
    if (scores[c]! > bestScore) {
      bestScore = scores[c]!;
      best = c;
    }
  }
  return best;
}

/** BILOU labels of spans over n words. */
export function spansToLabels(spans: readonly NameSpan[], n: number): Int32Array {
  const labels = new Int32Array(n);
  for (const s of spans) {
    const t = NAME_TYPES.indexOf(s.type);
    if (t < 0 || s.start < 0 || s.end > n || s.start >= s.end) throw new Error(`name span ${s.start}..${s.end} (${s.type}) does not fit a ${n}-word sentence`);
    if (s.end - s.start === 1) labels[s.start] = labelOf(t, U);
    else {
      labels[s.start] = labelOf(t, B);
      for (let i = s.start + 1; i < s.end - 1; i++) labels[i] = labelOf(t, I);
      labels[s.end - 1] = labelOf(t, L);
    }
  }
  return labels;
}

/** Spans of a well-formed BILOU labeling. */
export function labelsToSpans(labels: Int32Array): NameSpan[] {
  const out: NameSpan[] = [];
  let start = -1;
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i]!;
    if (c === 0) {
      start = -1;
      continue;
    }
    const part = partOf(c);
    const type = NAME_TYPES[typeOf(c)]!;
    if (part === U) out.push({ start: i, end: i + 1, type });
    else if (part === B) start = i;
    else if (part === L && start >= 0) {
      out.push({ start, end: i + 1, type });
      start = -1;
    }
  }
  return out;
}

const NO_MATCHES = new Uint8Array(0);

/** What the features read of a sentence, computed once before labeling it. */
export function nameInputs(words: readonly string[], upos: readonly string[], xpos: readonly string[], gazetteer?: Gazetteer, h: WordHashes = hashWords(words)): NameInputs {
  const n = words.length;
  if (upos.length !== n || xpos.length !== n) throw new Error(`name recognizer: ${n} words but ${upos.length} UPOS and ${xpos.length} XPOS tags`);
  const u = new Uint32Array(n);
  const x = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    u[i] = tagHash(upos[i]!);
    x[i] = tagHash(xpos[i]!);
  }
  const gaz = gazetteer ? gazetteer.match(h.lower) : NO_MATCHES;
  return { h, upos: u, xpos: x, casing: sentenceCasing(words), ...nameRuns(words, xpos), gaz, lists: gazetteer ? gazetteer.lists.length : 0 };
}

export class NameRecognizer {
  private readonly features = new Uint32Array(NER_MAX_FEATURES);
  private readonly scores = new Float32Array(LABEL_COUNT);

  constructor(
    readonly model: LinearModel,
    /** Lists of known names the features read, when the model was trained with them. */
    readonly gazetteer?: Gazetteer,
  ) {
    if (model.classes !== LABEL_COUNT) throw new Error(`name recognizer: model has ${model.classes} classes, expected ${LABEL_COUNT}`);
  }

  /** BILOU label ids of a sentence (see LABELS). */
  labelIds(x: NameInputs): Int32Array {
    const n = x.h.lower.length;
    const labels = new Int32Array(n);
    let prev = -1;
    for (let i = 0; i < n; i++) {
      const k = nerFeatures(this.features, i, x, labels);
      this.model.score(this.features, k, this.scores);
      prev = labels[i] = bestAllowedLabel(this.scores, prev, i === n - 1);
    }
    return labels;
  }

  /**
   * The names of a sentence, given its words and their UPOS and Penn tags
   * (Parley's tagger's). `hashes`, when the caller already has them for the
   * tagger, saves hashing the words again.
   */
  recognize(words: readonly string[], upos: readonly string[], xpos: readonly string[], hashes?: WordHashes): NameSpan[] {
    if (words.length === 0) return [];
    return labelsToSpans(this.labelIds(nameInputs(words, upos, xpos, this.gazetteer, hashes)));
  }
}

export const NER_MODEL_KIND = "ner";

export function saveNameRecognizer(r: NameRecognizer, meta: Record<string, unknown>): Buffer {
  const sections: Record<string, SectionArray> = { ...r.model.toSections("model") };
  const header: Record<string, unknown> = { ...meta, scheme: "BILOU", labels: LABELS };
  if (r.gazetteer) {
    const { keys, masks } = r.gazetteer.entries();
    sections["gazetteer.keys"] = keys;
    sections["gazetteer.masks"] = masks;
    header.gazetteer = { lists: r.gazetteer.lists, maxWords: r.gazetteer.maxWords };
  }
  return encodeModel(NER_MODEL_KIND, header, sections);
}

export function loadNameRecognizer(file: string): NameRecognizer {
  const contents = readModelFile(file, NER_MODEL_KIND);
  const labels = contents.meta.labels;
  if (!Array.isArray(labels) || labels.length !== LABEL_COUNT || labels.some((l, i) => l !== LABELS[i])) {
    throw new ModelFileError(file, `has labels ${JSON.stringify(labels)}, this Parley reads ${LABELS.join(" ")}`);
  }
  const get = <T>(name: string, ctor: new (...a: never[]) => T): T => section(contents, file, name, ctor as never) as T;
  let model: LinearModel;
  try {
    model = LinearModel.fromSections(LABEL_COUNT, get, "model");
  } catch (err) {
    if (err instanceof ModelFileError) throw err;
    throw new ModelFileError(file, `has an inconsistent model (${(err as Error).message})`);
  }
  let gazetteer: Gazetteer | undefined;
  const g = contents.meta.gazetteer as { lists?: unknown; maxWords?: unknown } | undefined;
  if (g !== undefined) {
    if (!Array.isArray(g.lists) || g.lists.some((l) => typeof l !== "string") || typeof g.maxWords !== "number" || g.maxWords < 1) throw new ModelFileError(file, "has an unreadable gazetteer header");
    try {
      gazetteer = new Gazetteer(g.lists as string[], g.maxWords, get("gazetteer.keys", Uint32Array), get("gazetteer.masks", Uint16Array));
    } catch (err) {
      if (err instanceof ModelFileError) throw err;
      throw new ModelFileError(file, `has an inconsistent gazetteer (${(err as Error).message})`);
    }
  }
  return new NameRecognizer(model, gazetteer);
}
