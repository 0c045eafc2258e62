/**
 * Splits a word core (core.ts) into UD words: contractions ("gonna" → "gon"
 * "na"), hyphenated compounds ("long-term" → "long" "-" "term", but "non-stop",
 * "e-mail", phone numbers and dates stay whole), slashes ("and/or"), clitics
 * ("don't" → "do" "n't", "we're" → "we" "'re") and numbers written against
 * their unit ("5pm" → "5" "pm").
 */
import { classAt, DIGIT, isApostrophe, isDigitCode, isHyphen, isLowerAscii, LETTER } from "./chars.ts";
import { F_APOSTROPHE, F_AT, F_DIGIT, F_DOT_LETTER, F_HYPHEN, F_LETTER, F_SLASH } from "./core.ts";
import { CONTRACTIONS, HYPHEN_PREFIXES, HYPHEN_SUFFIXES, NUMBER_SUFFIXES, UNITS } from "./lexicon.ts";
import type { SpanList } from "./spans.ts";

const SLASH = 0x2f;

export function emitCore(text: string, s: number, e: number, flags: number, out: SpanList): void {
  if ((flags & ~(F_LETTER | F_APOSTROPHE)) === 0 && e - s <= 8 && emitContraction(text, s, e, flags, out)) return;
  // Hyphens and slashes inside addresses, domains and file names are part of the name.
  if ((flags & (F_HYPHEN | F_SLASH)) === 0 || (flags & (F_AT | F_DOT_LETTER)) !== 0) {
    emitPiece(text, s, e, flags, out);
    return;
  }
  if ((flags & ~(F_DIGIT | F_HYPHEN | F_SLASH)) === 0 && (flags & F_HYPHEN) !== 0 && numberKeepsHyphens(text, s, e)) {
    out.push(s, e);
    return;
  }
  let pieceStart = s;
  let segStart = s;
  for (let k = s; k < e; k++) {
    const code = text.charCodeAt(k);
    const hyphen = isHyphen(code);
    if (!hyphen && code !== SLASH) continue;
    let segEnd = k + 1;
    while (segEnd < e && !isHyphen(text.charCodeAt(segEnd)) && text.charCodeAt(segEnd) !== SLASH) segEnd++;
    const split = hyphen ? hyphenSplits(text, segStart, k, segEnd) : slashSplits(text, segStart, k, segEnd);
    if (split) {
      emitPiece(text, pieceStart, k, flags, out);
      out.push(k, k + 1);
      pieceStart = k + 1;
    }
    segStart = k + 1;
  }
  emitPiece(text, pieceStart, e, flags, out);
}

/**
 * Hashes of the contraction keys: most words are short and alphabetic, so a
 * hash over their lower-cased code units rules them out before any string is
 * built for the map lookup.
 */
const CONTRACTION_HASHES = new Set<number>();
for (const key of CONTRACTIONS.keys()) CONTRACTION_HASHES.add(lowerHash(key, 0, key.length));

/** FNV-1a over lower-cased ASCII, with every apostrophe counted as "'". */
function lowerHash(text: string, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let k = s; k < e; k++) {
    let c = text.charCodeAt(k);
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    else if (isApostrophe(c)) c = 0x27;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h;
}

function emitContraction(text: string, s: number, e: number, flags: number, out: SpanList): boolean {
  if (!CONTRACTION_HASHES.has(lowerHash(text, s, e))) return false;
  let key = text.slice(s, e).toLowerCase();
  if (flags & F_APOSTROPHE) key = key.replace(/[’`]/g, "'");
  const offsets = CONTRACTIONS.get(key);
  // "IM" is instant messaging, not "I'm".
  if (offsets === undefined || (key === "im" && text.charCodeAt(s + 1) === 0x4d)) return false;
  let p = s;
  for (const off of offsets) {
    out.push(p, s + off);
    p = s + off;
  }
  out.push(p, e);
  return true;
}

/**
 * Digit groups joined by hyphens (and slashes): phone numbers, ZIP+4 and dates
 * stay whole ("713-853-3989", "713/853-3989", "555-1234", "77030-2707",
 * "11-20-2000"); ranges split ("5-10", "1969-1970", "1776-77").
 */
function numberKeepsHyphens(text: string, s: number, e: number): boolean {
  let groups = 1;
  let firstLen = -1;
  let lastStart = s;
  for (let k = s; k < e; k++) {
    if (isDigitCode(text.charCodeAt(k))) continue;
    if (firstLen < 0) firstLen = k - s;
    groups++;
    lastStart = k + 1;
  }
  if (groups >= 3) return true;
  return e - lastStart === 4 && (firstLen === 1 || firstLen === 3 || firstLen === 5);
}

/** A hyphen splits unless the left part is a bound prefix ("non-", "e-") or the right a suffix ("-wise"). */
function hyphenSplits(text: string, segStart: number, hyphen: number, segEnd: number): boolean {
  const left = hyphen - segStart;
  if (left <= 7 && HYPHEN_PREFIXES.has(text.slice(segStart, hyphen).toLowerCase())) return false;
  const right = segEnd - hyphen - 1;
  if (right <= 5 && right >= 4 && HYPHEN_SUFFIXES.has(text.slice(hyphen + 1, segEnd).toLowerCase())) return false;
  return true;
}

/** A slash splits words ("and/or") but not numbers ("9/11", "1/2") or letter pairs ("w/o", "b/c", "A/C"). */
function slashSplits(text: string, segStart: number, slash: number, segEnd: number): boolean {
  if (classAt(text, slash - 1) === DIGIT && classAt(text, slash + 1) === DIGIT) return false;
  return !(slash - segStart === 1 && segEnd - slash === 2);
}

/** Emits one piece, splitting clitics off its end and digits off a unit. */
function emitPiece(text: string, s: number, e: number, flags: number, out: SpanList): void {
  if ((flags & F_APOSTROPHE) === 0) {
    emitBase(text, s, e, flags, out);
    return;
  }
  // Strip up to three clitics from the end ("shouldn't've" → "should" "n't" "'ve").
  const c1 = cliticStart(text, s, e);
  const c2 = c1 < 0 ? -1 : cliticStart(text, s, c1);
  const c3 = c2 < 0 ? -1 : cliticStart(text, s, c2);
  const baseEnd = c3 >= 0 ? c3 : c2 >= 0 ? c2 : c1 >= 0 ? c1 : e;
  emitBase(text, s, baseEnd, flags, out);
  if (c3 >= 0) out.push(c3, c2);
  if (c2 >= 0) out.push(c2, c1);
  if (c1 >= 0) out.push(c1, e);
}

/** Start of a clitic ending [s, e) after a letter, or -1: "n't", "'s", "'d", "'m", "'re", "'ve", "'ll". */
function cliticStart(text: string, s: number, e: number): number {
  const len = e - s;
  if (len < 3) return -1;
  const last = text.charCodeAt(e - 1) | 0x20;
  if (isApostrophe(text.charCodeAt(e - 2))) {
    if (last === 0x74) {
      // "n't" needs a letter before the n: "don't" → "do" + "n't", "can't" → "ca" + "n't".
      return len >= 4 && (text.charCodeAt(e - 3) | 0x20) === 0x6e && classAt(text, e - 4) === LETTER ? e - 3 : -1;
    }
    if ((last === 0x73 || last === 0x64 || last === 0x6d) && classAt(text, e - 3) === LETTER) return e - 2;
    // A number's possessive ("2003's", "969's") but not a decade ("1960's", "80's") or "12's".
    if (last === 0x73 && len >= 5 && text.charCodeAt(e - 3) !== 0x30 && allDigits(text, s, e - 2)) return e - 2;
    return -1;
  }
  if (len >= 4 && isApostrophe(text.charCodeAt(e - 3)) && classAt(text, e - 4) === LETTER) {
    const mid = text.charCodeAt(e - 2) | 0x20;
    if ((mid === 0x72 && last === 0x65) || (mid === 0x76 && last === 0x65) || (mid === 0x6c && last === 0x6c)) return e - 3;
  }
  return -1;
}

function allDigits(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (!isDigitCode(text.charCodeAt(k))) return false;
  return true;
}

/** Emits a piece without clitics: splits "5'9" at the apostrophe and "5pm", "$3M", "35mm" at the unit. */
function emitBase(text: string, s: number, e: number, flags: number, out: SpanList): void {
  if (s >= e) return;
  if ((flags & F_DIGIT) === 0 || !isDigitCode(text.charCodeAt(s))) {
    out.push(s, e);
    return;
  }
  let k = s + 1;
  while (k < e) {
    const c = text.charCodeAt(k);
    if (isDigitCode(c)) k++;
    else if ((c === 0x2c || c === 0x2e || c === 0x3a) && k + 1 < e && isDigitCode(text.charCodeAt(k + 1))) k += 2;
    else break;
  }
  if (k === e) {
    out.push(s, e);
    return;
  }
  // Feet and inches: "5'9" → "5" "'" "9".
  if (isApostrophe(text.charCodeAt(k)) && k + 1 < e && isDigitCode(text.charCodeAt(k + 1))) {
    out.push(s, k);
    out.push(k, k + 1);
    emitBase(text, k + 1, e, flags, out);
    return;
  }
  if (splitsUnit(text, k, e)) out.push(s, k), out.push(k, e);
  else out.push(s, e);
}

/** Whether letters [k, e) after a number are a unit or a separate word rather than "th", "s", "A" in "4A". */
function splitsUnit(text: string, k: number, e: number): boolean {
  const len = e - k;
  if (len > 12) return false;
  let lower = true;
  for (let i = k; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e && len === 3) continue; // "p.m", "a.m"
    if (classAt(text, i) !== LETTER) return false;
    if (!isLowerAscii(c)) lower = false;
  }
  const unit = text.slice(k, e);
  if (NUMBER_SUFFIXES.has(unit.toLowerCase())) return false;
  // A long lower-case word run into a number is a typo for two words ("2days", "61persons").
  return UNITS.has(unit) || (lower && len >= 4);
}

