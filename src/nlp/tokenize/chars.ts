/**
 * Character classes for the tokenizer: space, letter, digit or other. The
 * scanner asks for the class of almost every character, so the answer comes
 * from a 64K-entry table filled on first sight of each code unit; Unicode
 * property regexes run once per distinct character, never per occurrence.
 */

export const SPACE = 1;
export const LETTER = 2;
export const DIGIT = 3;
export const OTHER = 4;

/** Class + 0 per BMP code unit; 0 means "not computed yet". */
const bmp = new Uint8Array(65536);
/** Astral code points (emoji, rare scripts), keyed by code point. */
const astral = new Map<number, number>();

// Marks count as letters so that combining accents stay inside their word;
// non-decimal numerals (², ½) also stay inside words ("km²").
const LETTER_RE = /^[\p{L}\p{M}\p{No}\p{Nl}]$/u;
const DIGIT_RE = /^\p{Nd}$/u;
// \s covers NBSP, thin spaces, U+FEFF; zero-width space is added because it
// separates words in pasted web text but JavaScript does not count it as space.
const SPACE_RE = /^[\s\u200B]$/u;

function compute(ch: string): number {
  if (SPACE_RE.test(ch)) return SPACE;
  if (DIGIT_RE.test(ch)) return DIGIT;
  if (LETTER_RE.test(ch)) return LETTER;
  return OTHER;
}

/** Class of the code unit at `i`; both halves of a surrogate pair get the class of the pair. */
export function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdfff) {
    const c = bmp[code];
    if (c !== 0) return c;
    const computed = compute(String.fromCharCode(code));
    bmp[code] = computed;
    return computed;
  }
  // Surrogate: classify the whole code point (a lone surrogate is OTHER).
  let start = i;
  if (code >= 0xdc00 && i > 0) {
    const prev = text.charCodeAt(i - 1);
    if (prev >= 0xd800 && prev < 0xdc00) start = i - 1;
  }
  const cp = text.codePointAt(start)!;
  if (cp < 0x10000) return OTHER;
  let c = astral.get(cp);
  if (c === undefined) {
    c = compute(String.fromCodePoint(cp));
    astral.set(cp, c);
  }
  return c;
}

export function isAlnumAt(text: string, i: number): boolean {
  const c = classAt(text, i);
  return c === LETTER || c === DIGIT;
}

export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isUpperAscii(code: number): boolean {
  return code >= 65 && code <= 90;
}

export function isLowerAscii(code: number): boolean {
  return code >= 97 && code <= 122;
}

/** Straight, right-curly and grave apostrophes: all three write the clitic in "it's", "it’s", "mama`s". */
export function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x60;
}

/** ASCII hyphen-minus and the Unicode hyphens that play the same role inside compounds. */
export function isHyphen(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x2011;
}
