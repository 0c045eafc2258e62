/**
 * Name spans — person, organization, place — and the two sources they are read
 * from: Universal NER's IOB2 files (PER, ORG, LOC over EWT) and GUM's entity
 * annotation (the `Entity=` MISC attribute), which marks every mention of
 * every entity and is narrowed here to the names a recognizer should find.
 */
import { readFileSync } from "node:fs";
import type { ConlluSentence } from "../conllu.ts";

export type NameType = "person" | "organization" | "place";
export const NAME_TYPES: readonly NameType[] = ["person", "organization", "place"];

/** A name: words start..end-1 of a sentence (end exclusive). */
export interface NameSpan {
  start: number;
  end: number;
  type: NameType;
}

export class NameDataError extends Error {
  expose = true;
  /** `line` 0 when the message is about the whole file. */
  constructor(readonly file: string, readonly line: number, message: string) {
    super(line > 0 ? `${file}:${line}: ${message}` : `${file}: ${message}`);
    this.name = "NameDataError";
  }
}

// ---------------------------------------------------------------------------
// Universal NER (IOB2)

const UNER_TYPES: Record<string, NameType> = { PER: "person", ORG: "organization", LOC: "place" };

export interface UnerSentence {
  words: string[];
  spans: NameSpan[];
  /** 1-based line of the sentence's first word. */
  lineNumber: number;
  /** From a `# sent_id = …` comment, when there is one. */
  sentId?: string;
}

/**
 * Parses Universal NER's IOB2 format: `#` comment lines, one word a line as
 * tab-separated columns (id, word, tag, …), a blank line after each sentence.
 * Tags are O, B-T or I-T with T one of PER, ORG, LOC; an I-T must continue a
 * T span (strict IOB2), anything else is an error naming the file and line.
 */
export function parseUner(text: string, file = "<iob2>"): UnerSentence[] {
  const out: UnerSentence[] = [];
  const lines = text.split(/\r?\n/);
  let words: string[] = [];
  let spans: NameSpan[] = [];
  let first = 0;
  let open: NameSpan | undefined;
  let sentId: string | undefined;
  const finish = () => {
    if (words.length > 0) out.push(sentId === undefined ? { words, spans, lineNumber: first } : { words, spans, lineNumber: first, sentId });
    words = [];
    spans = [];
    open = undefined;
    sentId = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    if (line.trim() === "") {
      finish();
      continue;
    }
    if (line.startsWith("#")) {
      if (words.length > 0) throw new NameDataError(file, lineNo, "comment line inside a sentence (a blank line must end the sentence first)");
      const m = /^#\s*sent_id\s*=\s*(.*)$/.exec(line);
      if (m) sentId = m[1]!.trim();
      continue;
    }
    const cols = line.split("\t");
    if (cols.length < 3) throw new NameDataError(file, lineNo, `expected at least 3 tab-separated columns (id, word, tag), found ${cols.length}`);
    const id = cols[0]!;
    if (id !== String(words.length + 1)) throw new NameDataError(file, lineNo, `word id "${id}" out of order, expected ${words.length + 1}`);
    const word = cols[1]!;
    if (word === "") throw new NameDataError(file, lineNo, "word is empty");
    if (words.length === 0) first = lineNo;
    const tag = cols[2]!;
    const index = words.length;
    words.push(word);
    if (tag === "O") {
      open = undefined;
      continue;
    }
    const m = /^([BI])-(.+)$/.exec(tag);
    const type = m ? UNER_TYPES[m[2]!] : undefined;
    if (!m || !type) throw new NameDataError(file, lineNo, `tag "${tag}" is not O, B-T or I-T with T one of PER, ORG, LOC`);
    if (m[1] === "I") {
      if (!open || open.type !== type) throw new NameDataError(file, lineNo, `tag ${tag} does not continue a ${m[2]} span (IOB2 needs B-${m[2]} first)`);
      open.end = index + 1;
    } else {
      open = { start: index, end: index + 1, type };
      spans.push(open);
    }
  }
  finish();
  return out;
}

export function readUnerSpans(file: string): UnerSentence[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new NameDataError(file, 0, code === "ENOENT" ? "is missing" : `cannot be read (${code ?? String(err)})`);
  }
  return parseUner(text, file);
}

/** IOB2 tags of spans over n words ("B-PER", "I-PER", "O"). */
export function spansToIob2(spans: readonly NameSpan[], n: number): string[] {
  const tags = new Array<string>(n).fill("O");
  const code = { person: "PER", organization: "ORG", place: "LOC" } as const;
  for (const s of spans) for (let i = s.start; i < s.end; i++) tags[i] = `${i === s.start ? "B" : "I"}-${code[s.type]}`;
  return tags;
}

// ---------------------------------------------------------------------------
// GUM entities

/** One GUM mention: words start..end-1, its entity type and the other fields of its opening bracket. */
export interface GumMention {
  start: number;
  end: number;
  id: string;
  etype: string;
  /** The raw opening annotation, e.g. "1-person-new-sssss-cf1-1,2-coref-Daniel_Bernoulli". */
  annotation: string;
}

/**
 * The mentions of a sentence from its words' `Entity=` MISC values: `(id-etype-…`
 * opens a mention at the word, `id)` closes the innermost open mention with
 * that id, `(id-etype-…)` is a one-word mention. Unbalanced brackets are
 * errors naming the file and the sentence's line.
 */
export function gumMentions(sentence: ConlluSentence, file = "<conllu>"): GumMention[] {
  const out: GumMention[] = [];
  const open: GumMention[] = [];
  sentence.words.forEach((w, i) => {
    if (w.misc === "_" || !w.misc.includes("Entity=")) return;
    const value = w.misc.split("|").find((p) => p.startsWith("Entity="))?.slice("Entity=".length) ?? "";
    let k = 0;
    while (k < value.length) {
      if (value[k] === "(") {
        let j = k + 1;
        while (j < value.length && value[j] !== "(" && value[j] !== ")") j++;
        const annotation = value.slice(k + 1, j);
        const dash = annotation.indexOf("-");
        if (dash <= 0) throw new NameDataError(file, sentence.lineNumber, `word ${w.id}: entity "${annotation}" has no id-etype`);
        const id = annotation.slice(0, dash);
        const etype = annotation.slice(dash + 1).split("-")[0]!;
        const m: GumMention = { start: i, end: -1, id, etype, annotation };
        if (value[j] === ")") {
          m.end = i + 1;
          out.push(m);
          j++;
        } else open.push(m);
        k = j;
      } else {
        const close = /^(\d+)\)/.exec(value.slice(k));
        if (!close) throw new NameDataError(file, sentence.lineNumber, `word ${w.id}: cannot read Entity=${value} at "${value.slice(k)}"`);
        let at = open.length - 1;
        while (at >= 0 && open[at]!.id !== close[1]) at--;
        if (at < 0) throw new NameDataError(file, sentence.lineNumber, `word ${w.id}: entity ${close[1]} closes but is not open`);
        const m = open.splice(at, 1)[0]!;
        m.end = i + 1;
        out.push(m);
        k += close[0].length;
      }
    }
  });
  if (open.length) throw new NameDataError(file, sentence.lineNumber, `entity ${open[0]!.id} opens at word ${open[0]!.start + 1} and never closes in the sentence`);
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

const GUM_TYPES: Record<string, NameType> = { person: "person", organization: "organization", place: "place" };

/**
 * Words that open a person mention without being part of the name
 * ("President Bush", "Dr. Cooper", "Prime Minister Iyad Allawi"): UNER leaves
 * them out. Compared lower-case without a final period.
 */
const TITLES = new Set(
  (
    "mr mrs ms miss mx dr doctor prof professor president vice prime minister premier chancellor secretary " +
    "senator sen governor gov rep representative congressman congresswoman mayor ambassador judge justice " +
    "king queen prince princess emperor empress tsar czar sultan duke duchess baron baroness sir dame lord lady " +
    "general gen colonel col major maj captain capt lieutenant lt sergeant sgt admiral commander cmdr officer " +
    "pope cardinal archbishop bishop reverend rev father fr pastor rabbi imam sheikh ayatollah " +
    "chairman chairwoman chief director inspector detective coach speaker whip fellow protector dean saint st"
  ).split(" "),
);

export function isTitle(word: string): boolean {
  return TITLES.has(word.toLowerCase().replace(/\.$/, ""));
}

/** Dependents that stay inside a name: the name's own parts. */
const NAME_PARTS = new Set(["flat", "flat:name", "flat:foreign", "fixed", "goeswith"]);

/** A proper noun or a number, or an adjective tagged NNP ("New" in "New York"). */
function isProperNoun(w: ConlluSentence["words"][number]): boolean {
  return w.upos === "PROPN" || w.upos === "NUM" || w.xpos === "NNP" || w.xpos === "NNPS";
}

/**
 * The name inside one GUM mention, or undefined when the mention is not a
 * name (its head is a pronoun, a common noun, …). The rules:
 *
 * - The mention's head is its word whose syntactic head lies outside it; it
 *   must be a proper noun (PROPN).
 * - The name grows from the head over `flat`/`fixed`/`goeswith` dependents and
 *   over `compound` and `amod` dependents that are themselves proper nouns or
 *   numbers ("Apollo 11"), then over punctuation between name words
 *   ("Coca - Cola", "Enron Broadband Services , Inc.").
 * - For organizations and places, an `nmod` proper noun joins with its
 *   preposition, determiner and coordination ("University of Chicago", "Bank
 *   of England", "Department of Housing and Urban Development", "Gulf of
 *   Mexico"); for persons it does not ("John Smith of Microsoft").
 * - Determiners before the name ("the United States") and the possessive 's
 *   after it ("Bush 's") stay out, as do appositions and modifiers; a person's
 *   leading titles are dropped ("President Bush" → "Bush"), and a mention that
 *   is nothing but a title ("the President") is not a name.
 * - The name is the contiguous stretch of these words around the head.
 */
export function nameInMention(sentence: ConlluSentence, m: GumMention): NameSpan | undefined {
  const type = GUM_TYPES[m.etype];
  if (!type) return undefined;
  const words = sentence.words;
  const inside = (i: number) => i >= m.start && i < m.end;
  let head = -1;
  for (let i = m.start; i < m.end; i++) {
    const h = words[i]!.head - 1;
    if (!inside(h)) {
      if (head < 0 || (words[head]!.upos !== "PROPN" && words[i]!.upos === "PROPN")) head = i;
    }
  }
  if (head < 0) return undefined;
  if (words[head]!.upos !== "PROPN") {
    // "English captain Harry Kane", "debutants Panama": a common noun with its name in apposition.
    let named = -1;
    for (let d = m.start; d < m.end; d++) if (words[d]!.head - 1 === head && words[d]!.deprel === "appos" && words[d]!.upos === "PROPN") named = d;
    if (named < 0) return undefined;
    head = named;
  }
  // A name inside a larger proper name ("Adobe Acrobat", "FIFA World Cup") is not one: UNER leaves it out.
  const governor = words[head]!.head - 1;
  if (governor >= 0 && !inside(governor) && words[head]!.deprel === "compound" && isProperNoun(words[governor]!) && !isTitle(words[governor]!.form)) return undefined;
  const inName = new Uint8Array(words.length);
  /** Words that joined the name as an "of" nmod (or its conjunct): their function words join too. */
  const joined = new Uint8Array(words.length);
  inName[head] = 1;
  const queue = [head];
  while (queue.length) {
    const g = queue.pop()!;
    for (let d = m.start; d < m.end; d++) {
      if (inName[d] || words[d]!.head - 1 !== g) continue;
      const w = words[d]!;
      const rel = w.deprel;
      const base = rel.split(":")[0]!;
      let take = NAME_PARTS.has(rel) || ((base === "compound" || base === "amod") && isProperNoun(w));
      // Inside an nmod that joined the name: its preposition, determiner and coordination.
      if (!take && joined[g] && (base === "case" || base === "det" || base === "cc" || (base === "conj" && (w.upos === "PROPN" || w.upos === "NOUN" || w.upos === "ADJ")))) {
        take = true;
        if (base === "conj") joined[d] = 1;
      }
      if (!take && base === "nmod" && type !== "person" && w.upos === "PROPN" && hasOf(words, d)) {
        take = true;
        joined[d] = 1;
      }
      if (!take && base === "punct" && d > m.start && d < m.end - 1) take = true;
      if (take) {
        inName[d] = 1;
        queue.push(d);
      }
    }
  }
  let start = head;
  let end = head + 1;
  while (start > m.start && inName[start - 1]) start--;
  while (end < m.end && inName[end]) end++;
  // Trim what may not open or close a name.
  const edge = (i: number) => words[i]!.upos === "PUNCT" || words[i]!.upos === "DET" || words[i]!.upos === "ADP" || words[i]!.upos === "CCONJ" || words[i]!.xpos === "POS";
  while (start < end && edge(start)) start++;
  while (end > start && edge(end - 1)) end--;
  if (type === "person") while (start < end - 1 && isTitle(words[start]!.form) && start !== head) start++;
  if (start >= end) return undefined;
  if (type === "person" && end - start === 1 && isTitle(words[start]!.form)) return undefined;
  // People named by a plural proper noun are groups ("the Palestinians", "the Huguenots"), not names.
  if (type === "person") {
    let plural = true;
    for (let i = start; i < end; i++) if (words[i]!.xpos !== "NNPS") plural = false;
    if (plural) return undefined;
  }
  return { start, end, type };
}

/** Whether word d has an "of" (or "for", "de") preposition among its dependents: "Bank of England". */
function hasOf(words: ConlluSentence["words"], d: number): boolean {
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.head - 1 !== d || words[i]!.deprel !== "case") continue;
    const p = words[i]!.form.toLowerCase();
    if (p === "of" || p === "for" || p === "de" || p === "du" || p === "del" || p === "di") return true;
  }
  return false;
}

/**
 * The names of a GUM sentence: the name inside each person, organization or
 * place mention (see nameInMention). Names never nest or overlap: the longest
 * (then the earliest, then the outer mention's) wins, so "University of
 * Chicago" absorbs its "Chicago", and a coordination "Bush and Cheney", whose
 * name is its head "Bush", merges with its first conjunct's.
 */
export function gumNameSpans(sentence: ConlluSentence, file = "<conllu>"): NameSpan[] {
  const mentions = gumMentions(sentence, file);
  const candidates: NameSpan[] = [];
  for (const m of mentions) {
    const span = nameInMention(sentence, m);
    if (span) candidates.push(span);
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(sentence.words.length);
  const out: NameSpan[] = [];
  for (const c of candidates) {
    let free = true;
    for (let i = c.start; i < c.end; i++) if (taken[i]) free = false;
    if (!free) continue;
    for (let i = c.start; i < c.end; i++) taken[i] = 1;
    out.push(c);
  }
  return out.sort((a, b) => a.start - b.start);
}
