/**
 * Sentence splitting that survives news typography: abbreviations (Mr., Feb.),
 * initials ("Dmitri S. Peskov"), dotted acronyms ("U.S.", which may or may not end
 * a sentence) and quotes that close a sentence ('... court." Next'). Paragraph and
 * line breaks always end a sentence, so headlines stand on their own. A run
 * longer than MAX_SENTENCE_CHARS is cut into pieces (long-sentences.ts).
 */
import type { Sentence } from "../types.ts";
import { splitLongSentence } from "./long-sentences.ts";

export interface AbbreviationData {
  always: string[];
  ambiguous: string[];
  sentenceOpeners: string[];
}

export interface SentenceSplitter {
  (text: string): Sentence[];
}

// A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space.
const BOUNDARY = /([.!?]+)(["')\]]*)(\s+)(?=["'(\[]?[\p{Lu}\p{N}])/gu;

export function createSentenceSplitter(data: AbbreviationData): SentenceSplitter {
  const always = new Set(data.always.map((a) => a.toLowerCase()));
  const ambiguous = new Set(data.ambiguous.map((a) => a.toLowerCase()));
  const openers = new Set(data.sentenceOpeners.map((a) => a.toLowerCase()));

  function endsSentence(text: string, at: number, punct: string, closers: string, nextStart: number): boolean {
    if (punct !== "." || closers) return true;
    const before = /([\p{L}.'-]+)$/u.exec(text.slice(Math.max(0, at - 20), at))?.[1] ?? "";
    const token = before.replace(/^[.'-]+/, "").toLowerCase();
    if (/^\p{Lu}$/u.test(before)) return false; // an initial: "Dmitri S. Peskov"
    if (always.has(token)) return false;
    if (ambiguous.has(token) || /^(\p{L}\.)+\p{L}$/u.test(token)) {
      const next = /^["'(\[]?([\p{L}]+)/u.exec(text.slice(nextStart))?.[1]?.toLowerCase() ?? "";
      return openers.has(next);
    }
    return true;
  }

  return function split(text: string): Sentence[] {
    const out: Sentence[] = [];
    const push = (start: number, end: number) => {
      const raw = text.slice(start, end);
      const trimmed = raw.trim();
      if (!trimmed) return;
      const at = start + raw.indexOf(trimmed);
      for (const piece of splitLongSentence(trimmed)) out.push({ index: out.length, text: piece.text, start: at + piece.offset });
    };
    let paragraphStart = 0;
    for (const paragraph of text.split("\n")) {
      let start = paragraphStart;
      for (const m of paragraph.matchAll(BOUNDARY)) {
        const at = paragraphStart + m.index!;
        const nextStart = at + m[0].length;
        if (endsSentence(text, at, m[1]!, m[2]!, nextStart)) {
          push(start, at + m[1]!.length + m[2]!.length);
          start = nextStart;
        }
      }
      push(start, paragraphStart + paragraph.length);
      paragraphStart += paragraph.length + 1;
    }
    return out;
  };
}
