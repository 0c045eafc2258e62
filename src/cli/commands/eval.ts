/**
 * `parley eval [--gold-dir DIR] [--set NAME...] [--json] [--verbose]`
 * (`npm run eval`): builds the seed corpus and the wide development set and
 * scores both against their gold annotations with the team's yardstick
 * (DIR/score.mjs; DIR defaults to ../shared/eval): entities, relations
 * strict / lenient / pair, recall per relation type, and with --verbose the
 * misses and false positives.
 */
import type { Command } from "commander";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { EvaluationSet, Scorer, SetResult } from "../../pipeline/evaluate.ts";
import { DEFAULT_ARTICLES_DIR, DEFAULT_EVAL_DIR, DEFAULT_LEXICON_DIR } from "../paths.ts";
import { UserError } from "../user-error.ts";

const SETS = ["seeds", "wide"] as const;

/** Where each set's articles are: the seeds are the project's own corpus; other sets carry theirs. */
function evaluationSet(name: string, evalDir: string): EvaluationSet {
  const goldDir = join(evalDir, name);
  if (!existsSync(join(goldDir, "entities.json"))) throw new UserError(`no gold set "${name}" in ${evalDir} (expected ${join(goldDir, "entities.json")})`);
  const own = join(goldDir, "articles");
  return { name, goldDir, articlesDir: existsSync(own) ? own : DEFAULT_ARTICLES_DIR };
}

async function loadScorer(evalDir: string): Promise<Scorer> {
  const file = join(evalDir, "score.mjs");
  if (!existsSync(file)) throw new UserError(`the yardstick ${file} is missing (give the folder of the gold sets with --gold-dir)`);
  const mod = (await import(pathToFileURL(file).href)) as { score?: Scorer };
  if (typeof mod.score !== "function") throw new UserError(`${file} exports no score() function`);
  return mod.score;
}

const row = (name: string, x: { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number }) =>
  `${name.padEnd(18)} P ${x.precision.toFixed(3)}  R ${x.recall.toFixed(3)}  F1 ${x.f1.toFixed(3)}  (tp ${x.tp}, fp ${x.fp}, fn ${x.fn})`;

function report(r: SetResult, verbose: boolean): string {
  const s = r.score;
  const lines = [`== ${r.name}: ${r.articles} articles, built and scored in ${r.seconds.toFixed(1)} s`];
  lines.push(`${row("entities", s.entities)}  type accuracy ${s.entities.typeAccuracy.toFixed(3)}`);
  for (const m of ["strict", "lenient", "pair"] as const) lines.push(row(`relations ${m}`, s.relations[m]));
  const byType = Object.entries(s.relationRecallByType).sort((a, b) => b[1].gold - a[1].gold);
  lines.push(`recall by type: ${byType.map(([t, v]) => `${t} ${v.found}/${v.gold}`).join(", ")}`);
  if (verbose) {
    for (const [name, items] of Object.entries(s.detail)) lines.push(`${name} (${items.length}):\n  ${items.join("\n  ")}`);
  }
  return lines.join("\n");
}

export function registerEval(program: Command): void {
  program
    .command("eval")
    .description("score extraction on the seed corpus and the wide development set against their gold annotations")
    .option("--gold-dir <dir>", "folder of the gold sets and score.mjs", DEFAULT_EVAL_DIR)
    .option("--set <name...>", `sets to score (${SETS.join(", ")})`, [...SETS])
    .option("--lexicon <dir>", "lexicon folder", DEFAULT_LEXICON_DIR)
    .option("--json", "print the scores as JSON")
    .option("--verbose", "list unmatched and missed entities, false-positive and missed relations")
    .action(async (opts: { goldDir: string; set: string[]; lexicon: string; json?: boolean; verbose?: boolean }) => {
      const evalDir = resolve(opts.goldDir);
      const scorer = await loadScorer(evalDir);
      // Loaded when the command runs, so `parley --help` does not pay for the pipeline.
      const { evaluateSet } = await import("../../pipeline/evaluate.ts");
      const results: SetResult[] = [];
      for (const name of opts.set) {
        const result = await evaluateSet(evaluationSet(name, evalDir), resolve(opts.lexicon), scorer);
        if (!opts.verbose) delete (result.score as { detail?: unknown }).detail;
        results.push(result);
        if (!opts.json) process.stdout.write(report(result, !!opts.verbose) + "\n");
      }
      if (opts.json) process.stdout.write(JSON.stringify(results, null, 2) + "\n");
    });
}
