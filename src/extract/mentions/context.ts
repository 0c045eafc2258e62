/** Small token-context predicates shared by the mention finders, word lists as data in one place. */
import type { Token } from "../tokens.ts";

/** Prepositions after which a capital or an unknown name is a place, not an actor. */
export const PLACE_PREPOSITIONS = new Set(["in", "to", "at", "into", "near", "outside", "around", "over", "on", "across", "toward", "towards", "through", "inside", "within"]);

/** Head words that make a discovered name an organization or a location. */
export const ORGANIZATION_HEADS = new Set([
  "ministry", "council", "committee", "agency", "company", "foundation", "institute", "center", "centre", "press", "party", "force", "forces",
  "army", "navy", "bank", "group", "commission", "organization", "organisation", "office", "department", "union", "coalition", "alliance",
  "parliament", "assembly", "court", "service", "university", "times", "post", "news", "corporation", "fund", "board", "staff", "guard",
  "administration", "government", "cabinet", "senate", "congress", "federation", "bureau", "network", "channel", "agency", "forum",
]);
export const LOCATION_HEADS = new Set([
  "region", "oblast", "province", "area", "peninsula", "plant", "refinery", "airport", "port", "dam", "base", "district", "city", "town",
  "village", "river", "sea", "gulf", "island", "islands", "strait", "border", "station", "mountains", "valley", "bay", "square", "street",
]);
/** Lower-case heads that may extend a place name: "Kursk region", "Zaporizhzhia nuclear power plant". */
export const PLACE_EXTENSION_HEADS = new Set(["region", "oblast", "province", "area", "peninsula", "plant", "refinery", "airport", "port", "dam", "district"]);
/** Words a place extension may cross on its way to its head. */
export const PLACE_EXTENSION_WORDS = new Set(["nuclear", "power", "energy", "oil", "gas", "thermal", "hydroelectric", "international", "military", "air"]);
/** Words that, after a demonym, make it stand for the state acting. */
export const ACTING_COLLECTIVES = new Set([
  "officials", "official", "authorities", "officers", "delegation", "delegations", "leaders", "leader", "leadership", "government", "side",
  "negotiators", "diplomats", "drone", "drones", "missile", "missiles", "strikes", "strike", "attack", "attacks", "offensive", "president",
  "administration", "envoy", "envoys", "team", "counterparts", "allies", "nations", "countries", "forces", "sources", "media", "claims",
]);

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
