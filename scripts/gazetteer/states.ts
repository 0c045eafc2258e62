/**
 * States of the gazetteer from world-countries: every state and territory with
 * its common, official and alternative names, English demonyms (plus their
 * plurals) and first capital, merged with the hand additions. A demonym shared
 * by several entries ("American", "Congolese") goes to one: an independent UN
 * member first, then the one with more people in its cities.
 */
import { demonymPlural, fold, isUsableName, slug } from "./names.ts";

/** The fields of a world-countries record the build reads. */
export interface CountryRecord {
  cca3: string;
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  demonyms?: { eng?: { f: string; m: string } };
  independent: boolean | null;
  unMember: boolean;
}

/** A hand addition for one state (by ISO alpha-3 code), with its reason. */
export interface StateAddition {
  cca3: string;
  id?: string;
  aliases?: string[];
  demonyms?: string[];
  capitals?: string[];
  reason: string;
}

export interface GazetteerState {
  id: string;
  name: string;
  code: string;
  aliases: string[];
  demonyms: string[];
  capitals: string[];
  capitalId: string | null;
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

/** A name and its folded spelling ("Türkiye", "Turkiye"), when usable in English text. */
function withFolds(names: Iterable<string>): string[] {
  return [...names].flatMap((n) => [n, fold(n)]).filter(isUsableName);
}

/**
 * capitalIdOf: the id of the capital's place (from the city data), or null
 * when the capital shares the state's name (Singapore, Monaco).
 */
export function buildStates(records: readonly CountryRecord[], additions: readonly StateAddition[], weight: (cca2: string) => number, capitalIdOf: (r: CountryRecord) => string | null): GazetteerState[] {
  const extra = new Map(additions.map((a) => [a.cca3, a]));
  for (const a of additions) if (!records.some((r) => r.cca3 === a.cca3)) throw new Error(`gazetteer additions: no state with code ${a.cca3}`);
  const rank = (r: CountryRecord) => [r.independent && r.unMember ? 1 : 0, weight(r.cca2)] as const;
  const better = (a: CountryRecord, b: CountryRecord) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0] !== y[0] ? x[0] > y[0] : x[1] !== y[1] ? x[1] > y[1] : a.cca3 < b.cca3;
  };
  // Each demonym (singular or plural) belongs to the entry that ranks first among those that use it.
  const demonymsOf = new Map<string, string[]>();
  const owner = new Map<string, CountryRecord>();
  for (const r of records) {
    const eng = r.demonyms?.eng;
    // "Antiguan, Barbudan": one demonym per part of the state.
    const base = eng ? [eng.m, eng.f].flatMap((d) => d.split(/,\s*/)) : [];
    const forms = [...withFolds([...base, ...base.map(demonymPlural).filter((d): d is string => !!d)]), ...(extra.get(r.cca3)?.demonyms ?? [])];
    demonymsOf.set(r.cca3, forms);
    for (const d of forms) if (!owner.has(d) || better(r, owner.get(d)!)) owner.set(d, r);
  }
  return records
    .map((r): GazetteerState => {
      const add = extra.get(r.cca3);
      // Hand forms are kept as written ("US", "U.S."); a hand demonym is no alias ("Saudi" is an adjective).
      const packaged = withFolds([r.name.common, r.name.official, ...r.altSpellings]).filter((a) => !/,|\(/.test(a) && !add?.demonyms?.includes(a));
      const aliases = sorted([...packaged, ...(add?.aliases ?? [])]);
      const capitalId = capitalIdOf(r);
      const capitals = capitalId ? sorted([...withFolds(r.capital.slice(0, 1)), ...(add?.capitals ?? [])]) : [];
      // Order kept: the package's singular first, it names the armed forces ("Russian Armed Forces").
      const demonyms = [...new Set(demonymsOf.get(r.cca3)!.filter((d) => owner.get(d) === r && (!aliases.includes(d) || !!add?.demonyms?.includes(d))))];
      return { id: add?.id ?? slug(r.name.common), name: r.name.common, code: r.cca3, aliases, demonyms, capitals, capitalId };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
