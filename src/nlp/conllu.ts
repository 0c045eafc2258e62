/**
 * CoNLL-U reading and writing (https://universaldependencies.org/format.html).
 * A sentence keeps every line it was read from — comments, multiword-token
 * ranges ("3-4"), empty nodes ("8.1") — so that annotating gold-tokenized input
 * writes back the same sentences and words in the same order, with only the
 * predicted columns changed.
 */

export interface ConlluWord {
  /** 1-based position among the sentence's words (not counting ranges or empty nodes). */
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  /** 0 for the root; -1 when the column is "_" (not annotated). */
  head: number;
  deprel: string;
  deps: string;
  misc: string;
}

/** A line other than a word: a comment, a multiword-token range or an empty node, kept verbatim. */
export interface ConlluOtherLine {
  kind: "comment" | "range" | "empty";
  text: string;
  /** For a range: the first and last word id it covers. */
  range?: [number, number];
}

export interface ConlluSentence {
  /** Every line in order; words appear as indexes into `words`. */
  lines: Array<ConlluOtherLine | { kind: "word"; index: number }>;
  words: ConlluWord[];
  /** 1-based line number of the sentence's first line in its file, for messages. */
  lineNumber: number;
}

export class ConlluError extends Error {
  expose = true;
  constructor(readonly file: string, readonly line: number, message: string) {
    super(`${file}:${line}: ${message}`);
    this.name = "ConlluError";
  }
}

const WORD_ID = /^[1-9]\d*$/;
const RANGE_ID = /^([1-9]\d*)-([1-9]\d*)$/;
const EMPTY_ID = /^\d+\.[1-9]\d*$/;

/**
 * Parses CoNLL-U text. `requireColumns` says which annotations must be present
 * (training data needs HEAD and DEPREL; input to annotate only needs ID and FORM).
 */
export function parseConllu(text: string, file = "<conllu>", opts: { requireTree?: boolean } = {}): ConlluSentence[] {
  const sentences: ConlluSentence[] = [];
  let current: ConlluSentence | undefined;
  const lines = text.split(/\r?\n/);
  const finish = (lineNo: number) => {
    if (!current) return;
    if (current.words.length === 0) throw new ConlluError(file, current.lineNumber, "sentence has no word lines");
    if (opts.requireTree) checkTree(current, file);
    sentences.push(current);
    current = undefined;
    void lineNo;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    if (raw.trim() === "") {
      finish(lineNo);
      continue;
    }
    current ??= { lines: [], words: [], lineNumber: lineNo };
    if (raw.startsWith("#")) {
      current.lines.push({ kind: "comment", text: raw });
      continue;
    }
    const cols = raw.split("\t");
    if (cols.length !== 10) throw new ConlluError(file, lineNo, `expected 10 tab-separated columns, found ${cols.length}`);
    const id = cols[0]!;
    const range = RANGE_ID.exec(id);
    if (range) {
      current.lines.push({ kind: "range", text: raw, range: [Number(range[1]), Number(range[2])] });
      continue;
    }
    if (EMPTY_ID.test(id)) {
      current.lines.push({ kind: "empty", text: raw });
      continue;
    }
    if (!WORD_ID.test(id)) throw new ConlluError(file, lineNo, `ID "${id}" is not a word id, a range or an empty node`);
    const expected = current.words.length + 1;
    if (Number(id) !== expected) throw new ConlluError(file, lineNo, `word ID ${id} out of order, expected ${expected}`);
    if (cols[1] === "") throw new ConlluError(file, lineNo, "FORM is empty");
    const headCol = cols[6]!;
    if (headCol !== "_" && !/^\d+$/.test(headCol)) throw new ConlluError(file, lineNo, `HEAD "${headCol}" is not a number`);
    current.lines.push({ kind: "word", index: current.words.length });
    current.words.push({
      id: expected,
      form: cols[1]!,
      lemma: cols[2]!,
      upos: cols[3]!,
      xpos: cols[4]!,
      feats: cols[5]!,
      head: headCol === "_" ? -1 : Number(headCol),
      deprel: cols[7]!,
      deps: cols[8]!,
      misc: cols[9]!,
    });
  }
  finish(lines.length);
  return sentences;
}

function checkTree(sentence: ConlluSentence, file: string): void {
  const n = sentence.words.length;
  for (const w of sentence.words) {
    if (w.head < 0 || w.head > n) throw new ConlluError(file, sentence.lineNumber, `word ${w.id} has HEAD ${w.head}, outside 0..${n}`);
    if (w.deprel === "_" || w.deprel === "") throw new ConlluError(file, sentence.lineNumber, `word ${w.id} has no DEPREL`);
  }
}

/** Writes sentences back, each word line rebuilt from its (possibly re-annotated) columns. */
export function formatConllu(sentences: readonly ConlluSentence[]): string {
  const out: string[] = [];
  for (const s of sentences) {
    for (const line of s.lines) {
      if (line.kind !== "word") out.push(line.text);
      else out.push(formatWord(s.words[line.index]!));
    }
    out.push("");
  }
  return out.join("\n") + (out.length ? "\n" : "");
}

export function formatWord(w: ConlluWord): string {
  return [w.id, w.form, w.lemma, w.upos, w.xpos, w.feats, w.head < 0 ? "_" : w.head, w.deprel, w.deps, w.misc].join("\t");
}

/** The value of `# key = value` among a sentence's comments. */
export function sentenceComment(sentence: ConlluSentence, key: string): string | undefined {
  const prefix = `# ${key} = `;
  for (const line of sentence.lines) if (line.kind === "comment" && line.text.startsWith(prefix)) return line.text.slice(prefix.length);
  return undefined;
}
