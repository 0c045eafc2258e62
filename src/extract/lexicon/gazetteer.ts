/**
 * The gazetteer (graph-data/lexicon/gazetteer.json, built from packages by
 * `npm run lexicon:build`) as lexicon entities: each state an organization with
 * its armed forces (a location when it never acts), each city a location.
 * entities.json comes first: its places replace a city of the same id, and a
 * name it or a state already uses is not given to a city.
 */
import type { LexEntity } from "./types.ts";

export interface StateSpec {
  id: string;
  name: string;
  aliases: string[];
  demonyms: string[];
  capitals: string[];
  capitalId: string | null;
}

export interface PlaceSpec {
  id: string;
  name: string;
  aliases: string[];
  state: string | null;
}

export interface GazetteerFile {
  states: StateSpec[];
  places: PlaceSpec[];
}

/** A state and, when it has a demonym, its armed forces ("Russian Armed Forces"). */
export function stateEntities(spec: StateSpec, militaryTemplate: string): LexEntity[] {
  const demonym = spec.demonyms[0];
  const country: LexEntity = { id: spec.id, name: spec.name, type: "organization", aliases: spec.aliases, country: true, demonym, capitalId: spec.capitalId };
  if (!demonym) return [country];
  const forcesName = militaryTemplate.replace("{demonym}", demonym);
  const forces: LexEntity = {
    id: `${spec.id}-armed-forces`,
    name: forcesName,
    type: "organization",
    aliases: [forcesName, `Armed Forces of ${spec.name}`, `${demonym} military`, `${demonym} army`],
    memberOf: spec.id,
    militaryOf: spec.id,
  };
  return [country, forces];
}

/** A city as a place, with only the names no other entry claims (null when none is left or its id is taken). */
export function placeEntity(spec: PlaceSpec, idTaken: (id: string) => boolean, nameTaken: (name: string) => boolean): LexEntity | null {
  if (idTaken(spec.id)) return null;
  const aliases = spec.aliases.filter((a) => !nameTaken(a));
  if (nameTaken(spec.name) || aliases.length === 0) return null;
  return { id: spec.id, name: spec.name, type: "location", aliases, settlement: true };
}
