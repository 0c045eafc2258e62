/**
 * Tokens of one sentence with character offsets and word classes from Parley's
 * language layer (src/nlp: UD tokenization, tagger, name recognizer). Our own
 * tokenizer decides the boundaries (dotted acronyms such as "U.S." stay whole,
 * possessive "'s" is its own token, "cease-fire" is one token) so that lexicon
 * phrases and cue patterns match predictably; each token takes the classes of
 * the first UD word it covers.
 */
import { tokenizeWords } from "../nlp/tokenize/tokenize.ts";
import { languageModels, namesIn, SentenceTree, tagWords } from "../nlp/pipeline.ts";
import { wordClasses, type NameTag } from "./word-tags.ts";

export interface Token {
  text: string;
  /** Lower-cased text, used by every matcher. */
  lower: string;
  start: number;
  end: number;
  /** Word classes (Person, Place, Verb, Noun, Plural, …) of the first UD word this token covers. */
  tags: ReadonlySet<string>;
  /** Starts with an upper-case letter (or is an acronym). */
  cap: boolean;
  /** Dependency relation of the token's head word ("nsubj", "obj", "amod", …; "" for a token no word covers). */
  readonly rel: string;
}

/** Word boundaries shared by the sentence tokenizer and the lexicon phrases. */
export const TOKEN = /(?:\p{L}\.){2,}|\p{N}+(?:[.,:]\p{N}+)*(?:-\p{L}+)*%?|'s\b|\p{L}[\p{L}\p{N}]*(?:(?:-(?=\p{Ll})|'(?!s\b))\p{L}[\p{L}\p{N}]*)*|[^\s\p{L}\p{N}]/gu;
const EMPTY: ReadonlySet<string> = new Set();

interface TaggedSpan {
  start: number;
  end: number;
  tags: Set<string>;
}

/**
 * Word classes with character spans, from the UD words of the sentence, and
 * the sentence's tree, made as it is read: extraction reads the tree in a few
 * places only (a cue verb used as a noun modifier), and the parser with its
 * labeler is two thirds of the language layer's time.
 */
function tagSpans(text: string): { spans: TaggedSpan[]; tree: SentenceTree } {
  const words = tokenizeWords(text);
  const models = languageModels();
  const tagged = tagWords(models, words.map((w) => w.form));
  const nameOf: Array<NameTag | undefined> = new Array(words.length);
  for (const span of namesIn(models, tagged)) for (let i = span.start; i < span.end; i++) nameOf[i] = span.type;
  const spans = words.map((w, i) => ({ start: w.start, end: w.end, tags: wordClasses(w.form, tagged.upos[i]!, tagged.xpos[i]!, nameOf[i]) }));
  return { spans, tree: new SentenceTree(models, tagged) };
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

/**
 * The relation of the UD word that heads the token's words (the one whose head
 * lies outside the token: "fire" in "cease-fire"), from span `from` on.
 */
function headWordRelation(spans: readonly TaggedSpan[], tree: SentenceTree, from: number, start: number, end: number): string {
  let rel = "";
  for (let w = from; w < spans.length && spans[w]!.start < end; w++) {
    const h = tree.head(w);
    if (h < 0 || spans[h]!.start >= end || spans[h]!.end <= start) return tree.relation(w);
    rel ||= tree.relation(w);
  }
  return rel;
}

/** Typographic apostrophes read as ASCII ones ("People’s" → "People" + "'s"); same length, so offsets hold. */
const asciiApostrophes = (text: string) => text.replace(/[\u2018\u2019]/g, "'");

/** A token whose relation is read from the sentence's parse on first use. */
class SentenceToken implements Token {
  readonly lower: string;
  readonly cap: boolean;
  #rel: string | null = null;

  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
    readonly tags: ReadonlySet<string>,
    private readonly spans: readonly TaggedSpan[],
    private readonly tree: SentenceTree,
    private readonly firstSpan: number,
  ) {
    this.lower = text.toLowerCase();
    this.cap = /^\p{Lu}/u.test(text);
  }

  get rel(): string {
    return (this.#rel ??= headWordRelation(this.spans, this.tree, this.firstSpan, this.start, this.end));
  }
}

export function tokenize(text: string): Token[] {
  const { spans, tree } = tagSpans(text);
  const tokens: Token[] = [];
  let s = 0;
  for (const m of asciiApostrophes(text).matchAll(TOKEN)) {
    const start = m.index!;
    const end = start + m[0].length;
    while (s < spans.length && spans[s]!.end <= start) s++;
    const span = spans[s];
    const tags = span && span.start <= start && start < span.end ? span.tags : EMPTY;
    tokens.push(new SentenceToken(m[0], start, end, tags, spans, tree, s));
  }
  return tokens;
}
