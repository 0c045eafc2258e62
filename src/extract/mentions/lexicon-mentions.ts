/**
 * Mentions of lexicon entities. A state's capital stands for its government
 * ("Moscow said") unless a place preposition precedes it ("in Moscow"); a demonym
 * stands for the state; either one followed by a military head ("Russian forces",
 * "Moscow's troops", "Ukraine's military") is the state's armed forces.
 */
import { spanText, type Token } from "../tokens.ts";
import type { Lexicon, NameEntry } from "../lexicon/types.ts";
import type { PhraseMatch } from "../lexicon/phrase-trie.ts";
import type { Mention } from "./types.ts";
import { PLACE_PREPOSITIONS, isNameWord, isPossessive } from "./context.ts";

// A capital is also a place name in the lexicon: decide first whether it stands for the government.
const MOTION = /^(travel|flew|fly|flies|flying|went|go|goes|going|return|came|come|comes|coming|head|trip|visit|journey|arriv|moved|move|sent|send|way|back)/;
const KIND_ORDER: Record<NameEntry["kind"], number> = { capital: 0, name: 1, demonym: 2 };

/** "Russian forces", "Ukraine's military", "Kiev's troops": the span after the state word that names its military. */
function militaryAfter(tokens: readonly Token[], end: number, lexicon: Lexicon): number {
  const from = isPossessive(tokens[end]) ? end + 1 : end;
  const m = lexicon.militaryHeads.matchAt(tokens, from);
  if (!m) return -1;
  // "U.S. military aid": the head used as an adjective before a noun names no armed force.
  const next = tokens[m[0]!.end];
  if (next && !next.cap && next.tags.has("Noun") && !next.tags.has("Verb") && !next.tags.has("Plural")) return -1;
  return m[0]!.end;
}

/**
 * "Victoria Nuland", "Washington Post", "Gaza Strip", "East Jerusalem": a city
 * joined to another name word is part of a longer name, left to discovery (not
 * before a place head, "Kursk Oblast", a title, "Kyiv Mayor …", a known name,
 * nor in a title-case headline).
 */
function partOfLongerName(tokens: readonly Token[], start: number, end: number, lexicon: Lexicon, headline: boolean): boolean {
  if (headline) return false;
  const next = tokens[end];
  const joinsNext = isNameWord(next, lexicon.stopwords) && !lexicon.heads.placeExtension.has(next!.lower) && !lexicon.roles.matchAt(tokens, end) && !lexicon.names.matchAt(tokens, end);
  const joinsPrevious = start > 1 && isNameWord(tokens[start - 1], lexicon.stopwords) && !lexicon.names.matchAt(tokens, start - 1) && !lexicon.roles.matchAt(tokens, start - 1);
  return joinsNext || joinsPrevious;
}

/** `headline`: the sentence is a title-case headline (discover.ts isHeadline), where a city never joins a longer name. */
export function lexiconMentions(tokens: readonly Token[], sentence: string, lexicon: Lexicon, isDateline: (i: number) => boolean, headline: boolean): Mention[] {
  const out: Mention[] = [];
  for (const group of lexicon.names.scan(tokens)) {
    const match: PhraseMatch<NameEntry> = [...group].sort((a, b) => KIND_ORDER[a.value.kind] - KIND_ORDER[b.value.kind])[0]!;
    const { start, end } = match;
    const { id, kind } = match.value;
    const entity = lexicon.entities.get(id)!;
    const surface = spanText(sentence, tokens, start, end);
    if ((entity.settlement || kind === "capital") && partOfLongerName(tokens, start, end, lexicon, headline)) continue;
    if (entity.country) {
      const milEnd = militaryAfter(tokens, end, lexicon);
      const forces = lexicon.entities.get(lexicon.armedForces.get(id) ?? "");
      if (milEnd > 0 && forces) {
        out.push({ start, end: milEnd, text: spanText(sentence, tokens, start, milEnd), key: forces.id, label: forces.name, type: "organization", source: "military", kind });
        continue;
      }
    }
    if (kind === "capital") {
      const prev = tokens[start - 1]?.lower;
      // "to" makes a place only after motion ("traveled to Moscow"), not after "support to Kyiv".
      const motion = prev === "to" && MOTION.test(tokens[start - 2]?.lower ?? "");
      const asPlace = (prev !== undefined && prev !== "to" && PLACE_PREPOSITIONS.has(prev)) || motion || isDateline(start);
      const placeId = entity.capitalId ?? null;
      const place = placeId ? lexicon.entities.get(placeId) : undefined;
      if (asPlace && place) {
        out.push({ start, end, text: surface, key: place.id, label: place.name, type: place.type, source: "lexicon", kind });
        continue;
      }
    }
    out.push({ start, end, text: surface, key: id, label: entity.name, type: entity.type, source: "lexicon", kind, place: entity.place || entity.country });
  }
  return out;
}
