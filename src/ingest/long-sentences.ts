/**
 * Cuts an overlong "sentence" (no full stop for thousands of characters) into
 * pieces of at most MAX_SENTENCE_CHARS, so extraction, whose cost grows faster
 * than linearly with sentence length, stays linear in the article's length.
 * A piece ends at the last clause break (; : ,) in its second half, else at the
 * last space, else (one enormous word) exactly at the cap.
 */
import { MAX_SENTENCE_CHARS } from "./limits.ts";

export interface Piece {
  text: string;
  /** Offset of the piece in the text it was cut from. */
  offset: number;
}

function cutAt(text: string, from: number, max: number): number {
  const window = text.slice(from, from + max);
  const half = Math.floor(max / 2);
  const clause = Math.max(window.lastIndexOf("; "), window.lastIndexOf(": "), window.lastIndexOf(", "));
  if (clause >= half) return from + clause + 1;
  const space = window.lastIndexOf(" ");
  return space > 0 ? from + space : from + max;
}

/** `text` itself when short enough, else its pieces (trimmed, none empty). */
export function splitLongSentence(text: string): Piece[] {
  const max = MAX_SENTENCE_CHARS;
  if (text.length <= max) return [{ text, offset: 0 }];
  const pieces: Piece[] = [];
  let at = 0;
  while (at < text.length) {
    while (text[at] === " ") at++;
    if (at >= text.length) break;
    const end = text.length - at <= max ? text.length : cutAt(text, at, max);
    const piece = text.slice(at, end).trimEnd();
    if (piece) pieces.push({ text: piece, offset: at });
    at = end;
  }
  return pieces;
}
