/**
 * Bare references to a place ("the region", "that territory", "the city"): not
 * entities themselves, but relation arguments that resolve to the latest place of
 * that kind named before them (resolve/article.ts).
 */
import { spanText, type Token } from "../tokens.ts";
import type { Mention } from "./types.ts";
import type { HeadWords } from "../lexicon/types.ts";
import { overlaps } from "./types.ts";

const DETERMINERS = new Set(["the", "that", "this"]);

export function placeAnaphora(tokens: readonly Token[], sentence: string, known: readonly Mention[], heads: HeadWords): Mention[] {
  const out: Mention[] = [];
  tokens.forEach((t, i) => {
    if (!heads.placeAnaphora.has(t.lower) || !DETERMINERS.has(tokens[i - 1]?.lower ?? "")) return;
    const m: Mention = { start: i - 1, end: i + 1, text: spanText(sentence, tokens, i - 1, i + 1), key: "place:?", label: t.lower, type: "location", source: "compound", anaphor: true };
    if (!known.some((k) => overlaps(k, m))) out.push(m);
  });
  return out;
}
