/**
 * Name helpers of the gazetteer build: ids, diacritic folding, English plurals
 * of demonyms, and the test for a name that is also an ordinary word or a
 * person's name (such a city stays out unless it is a capital or large).
 */

/** "Côte d'Ivoire" → "Cote d'Ivoire": the spelling English news often uses. */
export function fold(s: string): string {
  return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[ʻʼ`´]/g, "'");
}

/** "Washington, D.C." → "washington-dc", "Türkiye" → "turkiye". */
export function slug(s: string): string {
  return fold(s)
    .toLowerCase()
    .replace(/['’.]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** A form the tokenizer can match in English text: Latin letters, no inverted "Korea, Republic of" or "(…)". */
export function isUsableName(s: string): boolean {
  return /^[\p{Script=Latin}][\p{Script=Latin}\s.'’-]*$/u.test(s) && s.replace(/[^\p{L}]/gu, "").length >= 3;
}

/** "Russian" → "Russians", "Thai" → "Thais"; "Chinese", "Swiss", "British", "French" have no plural in -s. */
export function demonymPlural(d: string): string | null {
  return /(ese|ish|ch|sh|ss|s|x|z)$/i.test(d) ? null : `${d}s`;
}

export interface WordLists {
  /** Lower-case English words (word-list). */
  english: ReadonlySet<string>;
  /** Lower-case given names and surnames (graph-data/models/name-lists.json "first", "last"). */
  personal: ReadonlySet<string>;
  /** Lower-case names compromise knows as cities (name-lists.json "city"): a word that is one of these is still a city. */
  knownCities: ReadonlySet<string>;
}

/** Why a city name would read as something else ("reading", "Nancy", "Tyler"), or null. */
export function commonNameReason(name: string, lists: WordLists): string | null {
  const key = fold(name).toLowerCase();
  if (lists.knownCities.has(key)) return null;
  if (lists.english.has(key)) return "english-word";
  // A one-word name only: "Santa Maria" or "San Jose" are no person's name.
  if (!/\s/.test(key) && lists.personal.has(key)) return "personal-name";
  return null;
}
