/**
 * Extraction scored against gold annotations: each evaluation set (articles +
 * gold entities and relations) is built into a graph in memory and scored by
 * the team's yardstick (shared/eval/score.mjs), which is passed in so the core
 * does not depend on where the gold sets live.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildGraph, type Rules } from "./build.ts";

export interface EvaluationSet {
  name: string;
  articlesDir: string;
  goldDir: string;
}

interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Score {
  entities: PRF & { typeAccuracy: number };
  relations: { strict: PRF; lenient: PRF; pair: PRF };
  relationRecallByType: Record<string, { gold: number; found: number }>;
  detail: Record<string, string[]>;
}

export type Scorer = (graph: unknown, entities: unknown[], relations: unknown[]) => Score;

export interface SetResult {
  name: string;
  articles: number;
  seconds: number;
  score: Score;
}

/** A gold file that cannot be read; its message is meant for the user. */
export class GoldFileError extends Error {
  override name = "GoldFileError";
  expose = true;
}

function readGold(dir: string, file: string): unknown[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(join(dir, file), "utf8"));
  } catch (err) {
    throw new GoldFileError(`gold file ${join(dir, file)}: ${(err as Error).message}`);
  }
  if (!Array.isArray(data)) throw new GoldFileError(`gold file ${join(dir, file)} is not a JSON list`);
  return data;
}

export async function evaluateSet(set: EvaluationSet, lexiconDir: string, scorer: Scorer, rules?: Rules): Promise<SetResult> {
  const started = performance.now();
  const entities = readGold(set.goldDir, "entities.json");
  const relations = readGold(set.goldDir, "relations.json");
  const { graph, articles } = await buildGraph({ articlesDir: set.articlesDir, lexiconDir }, undefined, rules);
  // The scorer reads graphology's serialized form (score.mjs), which export() is: no need to go through JSON text.
  const score = scorer(graph.export(), entities, relations);
  return { name: set.name, articles: articles.length, seconds: (performance.now() - started) / 1000, score };
}
