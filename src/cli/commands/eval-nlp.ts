/**
 * `parley eval-nlp [--data DIR] [--models DIR] [--json]` (`npm run eval:nlp`):
 * scores the language models on EWT test and GUM test (gold tokenization,
 * CoNLL 2018 definitions), names on UNER EWT test, and measures words per
 * second on one core.
 */
import type { Command } from "commander";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { DEFAULT_MODEL_DIR, DEFAULT_TREEBANK_DIR, PROJECT_ROOT } from "../paths.ts";
import { UserError } from "../user-error.ts";

export function registerEvalNlp(program: Command): void {
  program
    .command("eval-nlp")
    .description("score the language models on UD English EWT and GUM test, and measure their speed")
    .option("--data <dir>", "folder holding the treebanks", DEFAULT_TREEBANK_DIR)
    .option("--models <dir>", "folder of the language models", DEFAULT_MODEL_DIR)
    .option("--json", "print the scores as JSON")
    .option("--write-bench [file]", "also record the scores under notes[\"language models\"] of the benchmark results", false)
    .action(async (opts: { data: string; models: string; json?: boolean; writeBench: string | boolean }) => {
      // Loaded when the command runs, so `parley --help` does not pay for the language layer.
      const [{ evaluateModels }, { loadLanguageModels }] = await Promise.all([import("../../nlp/eval/evaluate.ts"), import("../../nlp/pipeline.ts")]);
      const t0 = performance.now();
      const models = loadLanguageModels(resolve(opts.models));
      const loadMs = Math.round(performance.now() - t0);
      const result = { loadMs, ...evaluateModels(models, resolve(opts.data)) };
      if (opts.writeBench) {
        const file = typeof opts.writeBench === "string" ? resolve(opts.writeBench) : resolve(PROJECT_ROOT, "bench/results.json");
        let results: { notes?: Record<string, unknown> };
        try {
          results = JSON.parse(readFileSync(file, "utf8"));
        } catch (err) {
          throw new UserError(`cannot read the benchmark results ${file}: ${(err as Error).message}`);
        }
        results.notes = { ...results.notes, "language models": { date: new Date().toISOString(), ...result } };
        writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
      }
      if (opts.json) {
        process.stdout.write(JSON.stringify(result, null, 2) + "\n");
        return;
      }
      const lines = [`models loaded in ${result.loadMs} ms`, "treebank   words   UPOS   XPOS    UAS    LAS  LAS(full labels)"];
      for (const [name, s] of Object.entries(result.treebanks)) {
        lines.push(`${name.padEnd(9)} ${String(s.words).padStart(6)}  ${s.upos.toFixed(2)}  ${s.xpos.toFixed(2)}  ${s.uas.toFixed(2)}  ${s.las.toFixed(2)}  ${s.lasFull.toFixed(2)}`);
      }
      const pct = (v: number) => (100 * v).toFixed(1);
      const n = result.names;
      lines.push(`names, UNER EWT test: P ${pct(n.precision)} R ${pct(n.recall)} F1 ${pct(n.f1)} (${n.gold} gold; person F1 ${pct(n.byType.person.f1)}, organization ${pct(n.byType.organization.f1)}, place ${pct(n.byType.place.f1)})`);
      lines.push(`speed: ${result.speed.wordsPerSecond} words/s on one core (tag + parse + label + names, ${result.speed.words} words, best of 3)`);
      process.stdout.write(lines.join("\n") + "\n");
    });
}
