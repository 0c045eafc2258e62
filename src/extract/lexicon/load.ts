/**
 * Loads graph-data/lexicon/*.json into a Lexicon: known entities, the gazetteer's
 * states (with demonyms, capitals and a synthesized armed-forces entity per
 * state) and cities,
 * role titles, relation cues and stop lists. Malformed data fails loudly with
 * the file name.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { NodeType } from "../../types.ts";
import { NODE_TYPES } from "../../types.ts";
import { PhraseTrie } from "./phrase-trie.ts";
import type { LexEntity, Lexicon, NameEntry } from "./types.ts";
import { compileCue, type CueSpec } from "../relations/cue-pattern.ts";
import { inflections } from "../../nlp/inflect.ts";
import { attestedVerbForms } from "../../nlp/pipeline.ts";
import { nameKey } from "../mentions/name-key.ts";
import { parseHeadWords } from "./heads.ts";
import { placeEntity, stateEntities, type GazetteerFile } from "./gazetteer.ts";

export class LexiconError extends Error {
  override name = "LexiconError";
  expose = true;
}

function readJson<T>(dir: string, file: string): T {
  try {
    return JSON.parse(readFileSync(join(dir, file), "utf8")) as T;
  } catch (err) {
    throw new LexiconError(`lexicon file ${file}: ${(err as Error).message}`);
  }
}

/** The plural of a role phrase: its head noun (the word before "of", else the last) takes the plural. */
export function pluralRole(role: string): string {
  const words = role.split(" ");
  const of = words.indexOf("of");
  const h = of > 0 ? of - 1 : words.length - 1;
  const w = words[h]!;
  words[h] = /(wo)?man$/.test(w) ? w.replace(/man$/, "men") : /(s|sh|ch|x)$/.test(w) ? `${w}es` : /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`;
  return words.join(" ");
}

export function loadLexicon(dir: string): Lexicon {
  const { entities: entitySpecs } = readJson<{ entities: LexEntity[] }>(dir, "entities.json");
  const gazetteer = readJson<GazetteerFile>(dir, "gazetteer.json");
  const roles = readJson<{ roles: string[]; honorifics: string[]; former: string[]; portfolioWords?: string[]; militaryHeads: string[]; militaryNames: { template: string } }>(dir, "roles.json");
  const stop = readJson<{ words: string[]; headlineCapitalizedRatio: number }>(dir, "stoplists.json");
  const heads = parseHeadWords(readJson<Record<string, unknown>>(dir, "heads.json"), (message) => new LexiconError(`lexicon file ${message}`));
  const cueData = readJson<{ classes: Record<string, string[]>; cues: CueSpec[] }>(dir, "cues.json");

  const entities = new Map<string, LexEntity>();
  const names = new PhraseTrie<NameEntry>();
  // Every name given so far (nameKey), so that a city never takes a state's or a known entity's name.
  const claimed = new Set<string>();
  // nameKey of each phrase, computed once: the gazetteer has some 20,000 names.
  const keyCache = new Map<string, string>();
  const keyOf = (phrase: string) => {
    let k = keyCache.get(phrase);
    if (k === undefined) keyCache.set(phrase, (k = nameKey(phrase)));
    return k;
  };
  // A capital's names are claimed by its state, but not against the capital's own place ("London" is also the place london).
  const capitalOf = new Map<string, string>();
  const addName = (phrase: string, entry: NameEntry, proper: boolean) => {
    names.add(phrase, entry, { proper });
    claimed.add(keyOf(phrase));
  };
  const add = (e: LexEntity, proper = false) => {
    if (!e.id || !e.name || !NODE_TYPES.includes(e.type as NodeType)) throw new LexiconError(`lexicon entry ${JSON.stringify(e.id ?? e.name)} needs id, name and a type among ${NODE_TYPES.join(", ")}`);
    if (entities.has(e.id)) throw new LexiconError(`lexicon id "${e.id}" is defined twice`);
    entities.set(e.id, e);
    for (const alias of new Set([e.name, ...e.aliases])) addName(alias, { id: e.id, kind: "name" }, proper);
  };
  if (!Array.isArray(gazetteer.states) || !Array.isArray(gazetteer.places)) throw new LexiconError("lexicon file gazetteer.json needs lists \"states\" and \"places\" (rebuild it with npm run lexicon:build)");
  for (const c of gazetteer.states) {
    for (const e of stateEntities(c, roles.militaryNames.template)) add(e, e.country === true);
    for (const d of c.demonyms) addName(d, { id: c.id, kind: "demonym" }, true);
    for (const cap of c.capitals) addName(cap, { id: c.id, kind: "capital" }, true);
    for (const cap of c.capitals) if (c.capitalId) capitalOf.set(keyOf(cap), c.capitalId);
  }
  for (const e of entitySpecs) add(e);
  for (const p of gazetteer.places) {
    const place = placeEntity(p, (id) => entities.has(id), (name) => claimed.has(keyOf(name)) && capitalOf.get(keyOf(name)) !== p.id);
    if (place) add(place, true);
  }
  for (const e of entities.values()) {
    if (e.memberOf && !entities.has(e.memberOf)) throw new LexiconError(`lexicon entry "${e.id}": memberOf "${e.memberOf}" is not a known id`);
  }

  const roleTrie = new PhraseTrie<string>();
  // "Presidents El-Sisi and Trump", "the foreign ministers": a plural title is a title too, never a name.
  for (const r of roles.roles) for (const form of new Set([r, pluralRole(r)])) roleTrie.add(form, r);
  const militaryHeads = new PhraseTrie<string>();
  for (const h of roles.militaryHeads) militaryHeads.add(h, h);
  const classes = new Map(Object.entries(cueData.classes).map(([k, v]) => [k, new Set(v.map((w) => w.toLowerCase()))]));
  const armedForces = new Map<string, string>();
  const seatOf = new Map<string, string>();
  const nameKeys = new Map<string, string>();
  for (const e of entities.values()) {
    if (e.militaryOf) armedForces.set(e.militaryOf, e.id);
    if (e.memberOf) seatOf.set(e.id, e.memberOf);
    for (const a of [e.name, ...e.aliases]) if (!nameKeys.has(keyOf(a))) nameKeys.set(keyOf(a), e.id);
  }
  for (const e of entities.values()) if (e.capitalId && !seatOf.has(e.capitalId)) seatOf.set(e.capitalId, e.id);

  return {
    entities,
    names,
    roles: roleTrie,
    honorifics: new Set(roles.honorifics),
    portfolioWords: new Set((roles.portfolioWords ?? []).map((w) => w.toLowerCase())),
    clauseVerbForms: new Set([...heads.proposal.clauseVerbs].flatMap((v) => inflections(v, attestedVerbForms()))),
    former: new Set(roles.former),
    militaryHeads,
    heads,
    stopwords: new Set(stop.words),
    headlineCapitalizedRatio: stop.headlineCapitalizedRatio,
    cues: cueData.cues.map((c, i) => compileCue(c, i, classes)),
    classes,
    armedForces,
    seatOf,
    nameKeys,
  };
}
