/** Shared fixtures for the pipeline tests: the real lexicon and rules, loaded once. */
import { resolve } from "node:path";
import { loadRules } from "../../src/pipeline/index.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
export const LEXICON_DIR = resolve(ROOT, "graph-data/lexicon");
export const ARTICLES_DIR = resolve(ROOT, "graph-data/articles");
export const rules = loadRules(LEXICON_DIR);
