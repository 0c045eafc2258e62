/**
 * References to the two sides of a negotiation: "both sides", "the two
 * leaders", "both neighbouring countries", "the parties". Annotation rule 1
 * resolves them to the parties the article names; relation rules treat one as
 * a single party, and the article's reading (article.ts) replaces it by the
 * two parties it last reported negotiating, or drops what it said if none.
 */
import { spanText, type Token } from "../tokens.ts";
import type { HeadWords } from "../lexicon/types.ts";
import { overlaps, type Mention } from "./types.ts";

export const SIDES_KEY = "group:sides";

/** Start of a group reference ending on the group noun at i, or -1. */
function referenceStart(tokens: readonly Token[], i: number): number {
  // One lower-case adjective may stand between: "both neighbouring countries", "the warring parties".
  for (const j of [i - 1, i - 2]) {
    if (j < 0 || (j === i - 2 && !/^\p{Ll}+$/u.test(tokens[i - 1]!.text))) continue;
    const w = tokens[j]!.lower;
    if (w === "both") return j;
    if (w === "two" && tokens[j - 1]?.lower === "the") return j - 1;
    // "the sides", "the warring parties": only the nouns that name sides by themselves.
    if (w === "the" && /^(sides|parties)$/.test(tokens[i]!.lower)) return j;
  }
  return -1;
}

export function groupReferences(tokens: readonly Token[], sentence: string, known: readonly Mention[], heads: HeadWords): Mention[] {
  const out: Mention[] = [];
  tokens.forEach((t, i) => {
    if (!heads.groupNouns.has(t.lower)) return;
    const start = referenceStart(tokens, i);
    if (start < 0) return;
    const m: Mention = { start, end: i + 1, text: spanText(sentence, tokens, start, i + 1), key: SIDES_KEY, label: "the two sides", type: "organization", source: "compound", anaphor: true };
    if (!known.some((k) => overlaps(k, m))) out.push(m);
  });
  return out;
}
