/** Small token-context predicates shared by the mention finders (vocabulary lives in graph-data/lexicon/heads.json). */
import type { Token } from "../tokens.ts";

/** Prepositions after which a capital or an unknown name is a place, not an actor. */
export const PLACE_PREPOSITIONS = new Set(["in", "to", "at", "into", "near", "outside", "around", "over", "on", "across", "toward", "towards", "through", "inside", "within"]);

/** Where an inserted phrase such as an apposition ends: the next comma, stop or semicolon from `from`. */
export function phraseEnd(tokens: readonly Token[], from: number): number {
  for (let i = from; i < tokens.length; i++) if (tokens[i]!.text === "," || tokens[i]!.text === "." || tokens[i]!.text === ";") return i;
  return tokens.length;
}

export function isPunct(t: Token | undefined): boolean {
  return !!t && /^[^\p{L}\p{N}]+$/u.test(t.text);
}

export function isPossessive(t: Token | undefined): boolean {
  return !!t && (t.lower === "'s" || t.lower === "'");
}

/** Capitalized word that can be part of a name: letters, not an all-lower word, not a stop word. */
export function isNameWord(t: Token | undefined, stop: ReadonlySet<string>): boolean {
  // "Kiev-controlled", "Russian-backed": a capitalized word with a lower-case suffix is an adjective.
  return !!t && t.cap && /\p{L}/u.test(t.text) && !stop.has(t.lower) && !/-\p{Ll}/u.test(t.text);
}
