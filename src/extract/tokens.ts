/**
 * Tokens of one sentence with character offsets and part-of-speech tags from
 * compromise. Our own tokenizer decides the boundaries (dotted acronyms such as
 * "U.S." stay whole, possessive "'s" is its own token) so that lexicon phrases and
 * cue patterns match predictably; compromise contributes the tags.
 */
import nlp from "compromise";

export interface Token {
  text: string;
  /** Lower-cased text, used by every matcher. */
  lower: string;
  start: number;
  end: number;
  /** compromise tags (Person, Place, Verb, ProperNoun, …) of the word this token falls in. */
  tags: ReadonlySet<string>;
  /** Starts with an upper-case letter (or is an acronym). */
  cap: boolean;
}

/** Word boundaries shared by the sentence tokenizer and the lexicon phrases. */
export const TOKEN = /(?:\p{L}\.){2,}|\p{N}+(?:[.,:]\p{N}+)*(?:-\p{L}+)*%?|'s\b|\p{L}[\p{L}\p{N}]*(?:(?:-(?=\p{Ll})|'(?!s\b))\p{L}[\p{L}\p{N}]*)*|[^\s\p{L}\p{N}]/gu;
const EMPTY: ReadonlySet<string> = new Set();

interface TaggedSpan {
  start: number;
  end: number;
  tags: Set<string>;
}

/** compromise's view of a term, read straight from the document (see tagSpans). */
interface CompromiseTerm {
  tags: Set<string>;
  offset: { start: number; length: number };
}

/**
 * Tags with character spans. Reads the tagged terms off the document instead of
 * asking for `.json()`, which would build text, normal forms and sentence
 * objects we never use (about a third of compromise's time per sentence).
 */
function tagSpans(text: string): TaggedSpan[] {
  const doc = nlp(text);
  doc.compute("offset");
  const spans: TaggedSpan[] = [];
  for (const sentence of doc.docs as unknown as CompromiseTerm[][]) {
    for (const term of sentence) spans.push({ start: term.offset.start, end: term.offset.start + term.offset.length, tags: term.tags });
  }
  return spans;
}

/** Token i starts where token i-1 ends: no space between them ("Al-Khulaifi" vs "Rih - President"). */
export function gluedToPrevious(tokens: readonly Token[], i: number): boolean {
  return i > 0 && tokens[i] !== undefined && tokens[i]!.start === tokens[i - 1]!.end;
}

/** The text of tokens [start, end) as written in the sentence. */
export function spanText(sentence: string, tokens: readonly Token[], start: number, end: number): string {
  return sentence.slice(tokens[start]!.start, tokens[Math.min(end, tokens.length) - 1]!.end);
}

/** Splits a phrase into the same words the sentence tokenizer produces. */
export function splitWords(phrase: string): string[] {
  return [...phrase.replace(/[\u2018\u2019]/g, "'").matchAll(TOKEN)].map((m) => m[0]);
}

export function tokenize(text: string): Token[] {
  const spans = tagSpans(text);
  const tokens: Token[] = [];
  let s = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index!;
    const end = start + m[0].length;
    while (s < spans.length && spans[s]!.end <= start) s++;
    const span = spans[s];
    const tags = span && span.start <= start && start < span.end ? span.tags : EMPTY;
    tokens.push({ text: m[0], lower: m[0].toLowerCase(), start, end, tags, cap: /^\p{Lu}/u.test(m[0]) });
  }
  return tokens;
}
