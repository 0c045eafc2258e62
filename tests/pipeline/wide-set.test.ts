/**
 * Extraction on news it was not tuned on: the wide development set (24
 * articles on 24 other negotiations, ../shared/eval/wide, gold-annotated
 * under ONTOLOGY.md v1.1) scored by the team's yardstick. Floors sit a little
 * under what the build measures (see the latest commit message and
 * `npm run eval`), so a change that loses ground on unseen news fails here.
 */
import { describe, expect, it, beforeAll } from "vitest";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { evaluateSet, type Scorer, type SetResult } from "../../src/pipeline/evaluate.ts";
import { LEXICON_DIR, ROOT, rules } from "./helpers.ts";

const EVAL_DIR = resolve(ROOT, "../shared/eval");
let wide: SetResult;

beforeAll(async () => {
  const { score } = (await import(pathToFileURL(resolve(EVAL_DIR, "score.mjs")).href)) as { score: Scorer };
  wide = await evaluateSet({ name: "wide", articlesDir: resolve(EVAL_DIR, "wide/articles"), goldDir: resolve(EVAL_DIR, "wide") }, LEXICON_DIR, score, rules);
});

describe("extraction quality on the wide development set", () => {
  it("reads all 24 articles", () => {
    expect(wide.articles).toBe(24);
  });
  // Measured 0.855 (P 0.890, R 0.822), relations strict 0.563, lenient 0.575 (P 0.762, R 0.461).
  // The floors are the extraction issue's acceptance: a change that falls below them undoes it.
  it("meets the floors: entities F1 ≥ 0.85, relations strict F1 ≥ 0.54, lenient F1 ≥ 0.55 with precision ≥ 0.70", () => {
    const s = wide.score;
    expect(s.entities.f1).toBeGreaterThanOrEqual(0.85);
    expect(s.relations.strict.f1).toBeGreaterThanOrEqual(0.54);
    expect(s.relations.lenient.f1).toBeGreaterThanOrEqual(0.55);
    expect(s.relations.lenient.precision).toBeGreaterThanOrEqual(0.7);
  });
});
