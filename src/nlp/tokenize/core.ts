/**
 * Finds the "core" of a word: a run of letters and digits held together by
 * joiners that UD keeps inside a word or splits by rule ("U.S", "1,000",
 * "10:30", "cease-fire", "don't", "AT&T", "kenneth.lay@enron.com"). Scanning
 * records which joiners were seen, so the splitting rules (split.ts) and the
 * abbreviation test only look at what is there.
 */
import { classAt, DIGIT, isApostrophe, isHyphen, isLowerAscii, isUpperAscii, LETTER } from "./chars.ts";
import { ABBREVIATIONS, NUMBER_ABBREVIATIONS } from "./lexicon.ts";

export const F_LETTER = 1;
export const F_DIGIT = 2;
export const F_DOT = 4;
/** A period followed by a letter: domains, file names, "U.S". */
export const F_DOT_LETTER = 8;
export const F_HYPHEN = 16;
export const F_SLASH = 32;
export const F_APOSTROPHE = 64;
export const F_AT = 128;
/** Any other joiner or a leading sign (&, _, ~, *, @handle, #tag, +44). */
export const F_OTHER = 256;

/** Flags of the last core scanned; a module variable so the hot path allocates nothing. */
export let coreFlags = 0;

const DOT = 0x2e;

/**
 * Returns the end of the core starting at `start` (an alphanumeric, or a
 * leading "@", "#", "+" or "." that belongs to the word). A joiner counts only
 * when an alphanumeric follows it, so trailing punctuation is never inside.
 */
export function scanCore(text: string, start: number, end: number): number {
  let flags = 0;
  let k = start;
  const first = text.charCodeAt(k);
  if (first === 0x40 || first === 0x23 || first === 0x2b || first === DOT) {
    flags |= F_OTHER;
    k++;
  }
  let segStart = k;
  while (k < end) {
    const cls = classAt(text, k);
    if (cls === LETTER) {
      flags |= F_LETTER;
      k++;
      continue;
    }
    if (cls === DIGIT) {
      flags |= F_DIGIT;
      k++;
      continue;
    }
    if (k + 1 >= end || k === segStart) break;
    if (text.charCodeAt(k) === DOT && text.charCodeAt(k + 1) === DOT) {
      // Addresses shortened by mailing-list archives: "franz371...@gmail.com".
      const at = elidedAddressAt(text, k, end);
      if (at < 0) break;
      flags |= F_AT;
      k = at + 1;
      segStart = k;
      continue;
    }
    const next = classAt(text, k + 1);
    if (next !== LETTER && next !== DIGIT) break;
    const code = text.charCodeAt(k);
    if (code === DOT) {
      if (next === LETTER && splitsAtDot(text, segStart, k, end)) break;
      flags |= next === LETTER ? F_DOT | F_DOT_LETTER : F_DOT;
    } else if (code === 0x2c || code === 0x3a) {
      // "1,000" and "10:30" only: a comma or colon between letters separates words.
      if (classAt(text, k - 1) !== DIGIT || next !== DIGIT) break;
      flags |= F_OTHER;
    } else if (isHyphen(code)) flags |= F_HYPHEN;
    else if (code === 0x2f) flags |= F_SLASH;
    else if (isApostrophe(code)) flags |= F_APOSTROPHE;
    else if (code === 0x40) flags |= F_AT;
    else if (code === 0x26 || code === 0x5f || code === 0x7e) flags |= F_OTHER;
    else if (code === 0x2a && next === LETTER && classAt(text, k - 1) === LETTER) flags |= F_OTHER; // "sh*t"
    else break;
    k++;
    segStart = k;
  }
  coreFlags = flags;
  return k;
}

/** Position of the "@" when dots at `k` are followed by "@" and a letter or digit, else -1. */
function elidedAddressAt(text: string, k: number, end: number): number {
  let r = k;
  while (r < end && r - k < 4 && text.charCodeAt(r) === DOT) r++;
  if (r - k < 2 || r + 1 >= end || text.charCodeAt(r) !== 0x40) return -1;
  const c = classAt(text, r + 1);
  return c === LETTER || c === DIGIT ? r : -1;
}

/**
 * A period with no space after it still ends a word when a capitalised word
 * follows an abbreviation, an initial or an ordinary word ("Dr.Michael",
 * "S.Korea", "sushi.They"), but not in acronyms, domains or addresses
 * ("Ph.D", "M.Sc", "EI.London", "Tana.Jones@enron").
 */
function splitsAtDot(text: string, segStart: number, dot: number, end: number): boolean {
  if (!isUpperAscii(text.charCodeAt(dot + 1))) return false;
  let r = dot + 2;
  while (r < end && isLowerAscii(text.charCodeAt(r))) r++;
  if (r - dot - 2 < 2) return false;
  if (r < end) {
    const c = text.charCodeAt(r);
    if (classAt(text, r) === LETTER || classAt(text, r) === DIGIT) return false;
    if (c === 0x40 || c === DOT || c === 0x5f || c === 0x2f) return false;
  }
  const segLen = dot - segStart;
  if (segLen === 1) return isUpperAscii(text.charCodeAt(segStart));
  let lower = false;
  for (let k = segStart; k < dot; k++) {
    if (classAt(text, k) !== LETTER) return false;
    if (isLowerAscii(text.charCodeAt(k))) lower = true;
  }
  return lower;
}

/**
 * Whether the core [s, e) keeps a period that follows it: initials ("M."),
 * dotted acronyms ("U.S.", "e.g.", "Ph.D."), listed abbreviations ("Mr.",
 * "Calif.") and number abbreviations before a number ("No. 5").
 */
export function isAbbreviation(text: string, s: number, e: number, flags: number, beforeNumber: boolean): boolean {
  const len = e - s;
  if (flags === F_LETTER) {
    if (len === 1) return true;
    if (len > 7) return false;
    const w = text.slice(s, e);
    return ABBREVIATIONS.has(w) || (beforeNumber && NUMBER_ABBREVIATIONS.has(w));
  }
  if (flags !== (F_LETTER | F_DOT | F_DOT_LETTER)) return false;
  // Dotted: short alphabetic segments ("a.k.a", "U.S.A", "Ph.D", "M.Sc"), unlike
  // domains and file names ("cnn.com", "notes.doc") whose later segments are longer.
  let seg = 0;
  let limit = 3;
  for (let k = s; k < e; k++) {
    if (text.charCodeAt(k) === DOT) {
      seg = 0;
      limit = 2;
    } else if (++seg > limit) return false;
  }
  return true;
}
