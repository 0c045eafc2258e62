/** Loads the ingest rules (furniture patterns, abbreviations) from the lexicon folder. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compileFurniture, type FurnitureData } from "./furniture.ts";
import { createSentenceSplitter, type AbbreviationData } from "./sentences.ts";
import type { IngestRules } from "./article.ts";

export function loadIngestRules(lexiconDir: string): IngestRules {
  const read = <T>(name: string): T => JSON.parse(readFileSync(join(lexiconDir, name), "utf8")) as T;
  return {
    furniture: compileFurniture(read<FurnitureData>("furniture.json")),
    splitSentences: createSentenceSplitter(read<AbbreviationData>("abbreviations.json")),
  };
}
