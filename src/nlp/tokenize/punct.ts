/**
 * Tokens that start with a character that is neither a letter nor a digit:
 * quotes and apostrophes ("''", "'em", "'72", a clitic "'s" after a period),
 * emoticons, runs of terminal punctuation ("...", "?!"), emoji, and runs of
 * one repeated symbol ("--", "***", ">>"), as UD EWT/GUM write them.
 */
import { classAt, DIGIT, isAlnumAt, isApostrophe, LETTER } from "./chars.ts";
import { APOSTROPHE_WORDS, CLITICS, EMOTICONS } from "./lexicon.ts";
import type { SpanList } from "./spans.ts";

/** Emoticons grouped by first character, so most characters check none. */
const EMOTICONS_BY_FIRST = new Map<number, string[]>();
for (const e of EMOTICONS) {
  const list = EMOTICONS_BY_FIRST.get(e.charCodeAt(0)) ?? [];
  list.push(e);
  EMOTICONS_BY_FIRST.set(e.charCodeAt(0), list);
}

const LEFT_SINGLE = 0x2018;

function isQuoteMark(code: number): boolean {
  return isApostrophe(code) || code === LEFT_SINGLE;
}

function isBracket(code: number): boolean {
  return code === 0x28 || code === 0x29 || code === 0x5b || code === 0x5d || code === 0x7b || code === 0x7d;
}

/** End of 2–4 lower-case letters starting at `k` that end a word, or 0. */
function extensionEnd(text: string, k: number, e: number): number {
  let r = k;
  while (r < e && r - k < 5 && text.charCodeAt(r) >= 0x61 && text.charCodeAt(r) <= 0x7a) r++;
  const len = r - k;
  return len >= 2 && len <= 4 && (r === e || !isAlnumAt(text, r)) ? r : 0;
}

function isTerminal(code: number): boolean {
  return code === 0x2e || code === 0x3f || code === 0x21 || code === 0x2026;
}

/**
 * Emits the token starting at `i` (not a letter or digit) and returns where
 * the next one starts, or -1 when a word starts here with its sign: "@user",
 * "#hashtag", "+44" at the start of a chunk, ".5".
 */
export function scanPunct(text: string, i: number, chunkStart: number, e: number, out: SpanList): number {
  const code = text.charCodeAt(i);
  const next = i + 1 < e ? text.charCodeAt(i + 1) : -1;
  if (isQuoteMark(code)) return scanQuote(text, i, e, out);
  if (code === 0x2e && next >= 0) {
    const prev = i > chunkStart ? text.charCodeAt(i - 1) : -1;
    // A number without its leading zero (".265", "$.04"), not the end of "3..5".
    if (classAt(text, i + 1) === DIGIT && (prev < 0 || (prev !== 0x2e && !isAlnumAt(text, i - 1)))) return -1;
    // A file extension written apart from its name: "(draft).doc", "save as .pdf".
    if (prev < 0 || prev === 0x29) {
      const end = extensionEnd(text, i + 1, e);
      if (end > 0) {
        out.push(i, end);
        return end;
      }
    }
  }
  const emoticons = EMOTICONS_BY_FIRST.get(code);
  if (emoticons !== undefined) {
    for (const emo of emoticons) {
      const end = i + emo.length;
      if (end <= e && text.startsWith(emo, i) && (end === e || !isAlnumAt(text, end))) {
        out.push(i, end);
        return end;
      }
    }
  }
  if (isBracket(code)) {
    // Brackets are never merged: "((it))" is five words.
    out.push(i, i + 1);
    return i + 1;
  }
  if ((code === 0x40 || code === 0x23) && next >= 0 && classAt(text, i + 1) === LETTER) return -1;
  if (code === 0x2b && i === chunkStart && next >= 0 && classAt(text, i + 1) === DIGIT) return -1;
  let r = i + 1;
  if (isTerminal(code)) {
    while (r < e && isTerminal(text.charCodeAt(r))) r++;
  } else if (code >= 0xd800 && code < 0xdc00 && next >= 0xdc00 && next <= 0xdfff) {
    r = endOfEmoji(text, i + 2, e);
  } else {
    while (r < e && text.charCodeAt(r) === code) r++;
    if (r < e && text.charCodeAt(r) === 0xfe0f) r++; // "❤️": the variation selector belongs to the symbol
  }
  out.push(i, r);
  return r;
}

/** Pairs of quote marks ("''", "‘’"), year abbreviations ("'72", "'60s"), "'em", a clitic after a period ("U.S.'s"). */
function scanQuote(text: string, i: number, e: number, out: SpanList): number {
  if (i + 1 < e && isQuoteMark(text.charCodeAt(i + 1))) {
    out.push(i, i + 2);
    return i + 2;
  }
  const code = text.charCodeAt(i);
  if (code !== LEFT_SINGLE && i + 1 < e && isAlnumAt(text, i + 1)) {
    if (classAt(text, i + 1) === DIGIT) {
      // "'72", "'60s" but not "'72nd" or a quoted number "'1000'".
      if (i + 2 < e && classAt(text, i + 2) === DIGIT) {
        let end = i + 3;
        if (end < e && text.charCodeAt(end) === 0x73) end++;
        if (end === e || !isAlnumAt(text, end)) {
          out.push(i, end);
          return end;
        }
      }
    } else {
      let r = i + 1;
      while (r < e && r - i <= 6 && classAt(text, r) === LETTER) r++;
      if (r === e || !isAlnumAt(text, r)) {
        const w = text.slice(i + 1, r).toLowerCase();
        // A clitic after a period ("U.S.'s") or typed apart ("Bush 's"); a
        // quoted single letter ('s') is too rare to take precedence.
        if (CLITICS.has(w) || APOSTROPHE_WORDS.has(w)) {
          out.push(i, r);
          return r;
        }
      }
    }
  }
  out.push(i, i + 1);
  return i + 1;
}

/** Extends an emoji past variation selectors, skin tones, keycaps and zero-width-joiner sequences. */
function endOfEmoji(text: string, r: number, e: number): number {
  while (r < e) {
    const c = text.charCodeAt(r);
    if (c === 0xfe0f || c === 0xfe0e || c === 0x20e3) r++;
    else if (c === 0xd83c && r + 1 < e && text.charCodeAt(r + 1) >= 0xdffb && text.charCodeAt(r + 1) <= 0xdfff) r += 2;
    else if (c === 0x200d && r + 1 < e) {
      const d = text.charCodeAt(r + 1);
      r += d >= 0xd800 && d < 0xdc00 && r + 2 < e ? 3 : 2;
    } else break;
  }
  return r;
}
