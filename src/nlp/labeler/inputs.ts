/**
 * Per-word values the labeler reads beside the parser's: which words are
 * clause punctuation (commas, colons, dashes, brackets: what separates an
 * apposition or a conjunct from its head), suffixes and shapes.
 */
import type { WordHashes } from "../words.ts";
import type { LabelerWordInputs } from "./labeler.ts";
import { CLAUSE_PUNCTUATION } from "../parser/inputs.ts";


const NOMINAL = new Set(["NOUN", "PROPN", "PRON"]);

/** `upos`: each word's predicted UPOS. */
export function labelerWordInputs(words: readonly string[], hashes: WordHashes, upos: readonly string[]): LabelerWordInputs {
  return {
    isPunct: Uint8Array.from(words, (w) => (CLAUSE_PUNCTUATION.has(w) ? 1 : 0)),
    nominal: Uint8Array.from(upos, (u) => (NOMINAL.has(u) ? 1 : 0)),
    suffix3: hashes.suffix3,
    shape: hashes.shape,
  };
}
