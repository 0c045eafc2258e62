/**
 * Splits one sentence of raw text into words the way UD English (EWT, GUM)
 * writes them, so that the tagger and parser trained on those treebanks see
 * the words they were trained on: punctuation split off, clitics separated
 * ("do" "n't", "it" "'s", "gon" "na"), hyphenated compounds split
 * ("cease" "-" "fire"), while abbreviations ("U.S.", "Mr."), numbers ("1,000",
 * "3.5"), URLs and e-mail addresses stay whole. Every word is a substring of
 * the input, located by its offsets.
 *
 * The scan is linear: whitespace chunks are cut into tokens left to right,
 * each decision looking only a bounded distance ahead or within the word.
 */
import { classAt, DIGIT, isHyphen, isUpperAscii, LETTER, SPACE } from "./chars.ts";
import { coreFlags, F_LETTER, isAbbreviation, scanCore } from "./core.ts";
import { BANG_NAMES, CONTEXT_CONTRACTIONS, DOLLAR_PREFIXES } from "./lexicon.ts";
import { scanPunct } from "./punct.ts";
import { SpanList } from "./spans.ts";
import { emitCore } from "./split.ts";

export interface WordToken {
  /** The word as UD writes it ("n't", "'s", "ca", "gon", "na", "U.S."); always text.slice(start, end). */
  form: string;
  /** Offset of the first character in the input (UTF-16 index), inclusive. */
  start: number;
  /** Offset after the last character, exclusive; words split off one whitespace token have adjacent offsets. */
  end: number;
  /** Whether whitespace follows the word in the input. */
  spaceAfter: boolean;
}

const DOT = 0x2e;

/** Reused between calls: tokenizing is synchronous, so one buffer is never shared by two calls. */
const spans = new SpanList();

export function tokenizeWords(text: string): WordToken[] {
  spans.reset();
  let contentEnd = text.length;
  while (contentEnd > 0 && classAt(text, contentEnd - 1) === SPACE) contentEnd--;
  let i = 0;
  while (i < contentEnd) {
    if (classAt(text, i) === SPACE) {
      i++;
      continue;
    }
    let e = i + 1;
    while (e < contentEnd && classAt(text, e) !== SPACE) e++;
    tokenizeChunk(text, i, e, contentEnd);
    i = e;
  }
  const words: WordToken[] = [];
  const last = spans.length - 1;
  for (let k = 0; k <= last; k++) {
    const start = spans.starts[k];
    const end = spans.ends[k];
    const split = k < last && end - start <= 4 ? contextSplit(text, start, end, spans.starts[k + 1], spans.ends[k + 1]) : 0;
    if (split > 0) words.push({ form: text.slice(start, split), start, end: split, spaceAfter: false });
    const from = split > 0 ? split : start;
    words.push({ form: text.slice(from, end), start: from, end, spaceAfter: end < text.length && classAt(text, end) === SPACE });
  }
  return words;
}

/** Where "its", "your", "lets" split as a contraction given the next word ("its a" → "it" "s"), or 0. */
function contextSplit(text: string, start: number, end: number, nextStart: number, nextEnd: number): number {
  const c = text.charCodeAt(start) | 0x20;
  if ((c !== 0x69 && c !== 0x79 && c !== 0x6c) || end - start < 3 || isUpperAscii(text.charCodeAt(start + 1))) return 0;
  const rule = CONTEXT_CONTRACTIONS.get(text.slice(start, end).toLowerCase());
  if (rule === undefined || nextEnd - nextStart > 12) return 0;
  return rule.before.has(text.slice(nextStart, nextEnd).toLowerCase()) ? start + rule.offset : 0;
}

/** Tokenizes the whitespace-free chunk [s, e). */
function tokenizeChunk(text: string, s: number, e: number, contentEnd: number): void {
  let i = s;
  while (i < e) {
    const cls = classAt(text, i);
    if (cls !== LETTER && cls !== DIGIT) {
      const next = scanPunct(text, i, s, e, spans);
      if (next >= 0) {
        i = next;
        continue;
      }
    }
    i = scanWord(text, i, e, contentEnd);
  }
}

/** Emits the word(s) starting at `start` and returns the end of what was consumed. */
function scanWord(text: string, start: number, e: number, contentEnd: number): number {
  const urlEnd = urlAt(text, start, e);
  if (urlEnd > 0) {
    spans.push(start, urlEnd);
    return urlEnd;
  }
  const coreEnd = scanCore(text, start, e);
  const flags = coreFlags;
  let attach = false;
  if (coreEnd < e) {
    const c = text.charCodeAt(coreEnd);
    if (c === DOT) {
      // An abbreviation keeps one period, but not the sentence's last one (EWT
      // writes "etc" "." at the end) nor the first of an ellipsis ("etc...").
      let run = coreEnd + 1;
      while (run < e && run - coreEnd < 3 && text.charCodeAt(run) === DOT) run++;
      const dots = run - coreEnd;
      attach = dots < 3 && !(dots === 1 && coreEnd + 1 === contentEnd) &&
        isAbbreviation(text, start, coreEnd, flags, digitFollows(text, coreEnd + 1, contentEnd));
    } else if (isHyphen(c) && (coreEnd + 1 === e || isClauseMark(text.charCodeAt(coreEnd + 1)))) {
      // A cut-off word keeps its hyphen ("th-", "w-,"), a whole word does not ("Steve-").
      const len = coreEnd - start;
      attach = flags === F_LETTER && (len === 1 || (len === 2 && !isUpperAscii(text.charCodeAt(start + 1))));
    } else if (c === 0x21 && flags === F_LETTER && BANG_NAMES.has(text.slice(start, coreEnd))) {
      attach = true;
    } else if (c === 0x24 && flags === F_LETTER && coreEnd - start <= 2 && DOLLAR_PREFIXES.has(text.slice(start, coreEnd))) {
      attach = true; // "US$", "HK$"
    }
  }
  emitCore(text, start, coreEnd, flags, spans);
  if (!attach) return coreEnd;
  spans.setLastEnd(coreEnd + 1);
  return coreEnd + 1;
}

function isClauseMark(code: number): boolean {
  return code === 0x2c || code === 0x2e || code === 0x3f || code === 0x21 || code === 0x3b || code === 0x3a;
}

/** Whether the next non-space character after `i` is a digit ("No. 5"). */
function digitFollows(text: string, i: number, contentEnd: number): boolean {
  while (i < contentEnd && classAt(text, i) === SPACE) i++;
  return i < contentEnd && classAt(text, i) === DIGIT;
}

/**
 * End of a URL starting at `start` ("http://", "https://", "ftp://", "www.", "mailto:"),
 * or 0. The URL runs to the end of the chunk less trailing punctuation; a
 * closing bracket stays when the URL opened one ("…/Foo_(bar)").
 */
function urlAt(text: string, start: number, e: number): number {
  const c = text.charCodeAt(start) | 0x20;
  let bodyStart: number;
  if (c === 0x68 && startsWithLower(text, start, e, "http")) {
    let k = start + 4;
    if (k < e && (text.charCodeAt(k) | 0x20) === 0x73) k++;
    if (!text.startsWith("://", k)) return 0;
    bodyStart = k + 3;
  } else if (c === 0x66 && startsWithLower(text, start, e, "ftp://")) bodyStart = start + 6;
  else if (c === 0x6d && startsWithLower(text, start, e, "mailto:")) bodyStart = start + 7;
  else if (c === 0x77 && startsWithLower(text, start, e, "www.")) bodyStart = start + 4;
  else return 0;
  if (bodyStart >= e) return 0;
  let open = 0;
  for (let k = bodyStart; k < e; k++) {
    const d = text.charCodeAt(k);
    if (d === 0x28) open++;
    else if (d === 0x29) open--;
  }
  let end = e;
  while (end > bodyStart) {
    const d = text.charCodeAt(end - 1);
    if (d === 0x29 && open >= 0) break;
    if (!TRAILING_URL_PUNCT.includes(String.fromCharCode(d))) break;
    if (d === 0x29) open++;
    end--;
  }
  return end;
}

const TRAILING_URL_PUNCT = ".,;:!?'\"”’»)]}>";

function startsWithLower(text: string, start: number, e: number, prefix: string): boolean {
  if (start + prefix.length > e) return false;
  for (let k = 0; k < prefix.length; k++) {
    const c = text.charCodeAt(start + k);
    const p = prefix.charCodeAt(k);
    if (c !== p && (c | 0x20) !== p) return false;
  }
  return true;
}
