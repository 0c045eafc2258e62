/**
 * `parley eval-nlp [--data DIR] [--models DIR] [--json]` (`npm run eval:nlp`):
 * scores the language models on EWT test and GUM test (gold tokenization,
 * CoNLL 2018 definitions) and measures words per second on one core.
 */
import type { Command } from "commander";
import { resolve } from "node:path";
import { evaluateModels } from "../../nlp/eval/evaluate.ts";
import { ModelFileError } from "../../nlp/model-file.ts";
import { loadLanguageModels } from "../../nlp/pipeline.ts";
import { TreebankError } from "../../nlp/treebank.ts";
import { DEFAULT_MODEL_DIR, DEFAULT_TREEBANK_DIR } from "../paths.ts";
import { UserError } from "../user-error.ts";

export function registerEvalNlp(program: Command): void {
  program
    .command("eval-nlp")
    .description("score the language models on UD English EWT and GUM test, and measure their speed")
    .option("--data <dir>", "folder holding the treebanks", DEFAULT_TREEBANK_DIR)
    .option("--models <dir>", "folder of the language models", DEFAULT_MODEL_DIR)
    .option("--json", "print the scores as JSON")
    .action((opts: { data: string; models: string; json?: boolean }) => {
      let result;
      try {
        const t0 = performance.now();
        const models = loadLanguageModels(resolve(opts.models));
        const loadMs = Math.round(performance.now() - t0);
        result = { loadMs, ...evaluateModels(models, resolve(opts.data)) };
      } catch (err) {
        if (err instanceof ModelFileError || err instanceof TreebankError) throw new UserError(err.message);
        throw err;
      }
      if (opts.json) {
        process.stdout.write(JSON.stringify(result, null, 2) + "\n");
        return;
      }
      const lines = [`models loaded in ${result.loadMs} ms`, "treebank   words   UPOS   XPOS    UAS    LAS  LAS(full labels)"];
      for (const [name, s] of Object.entries(result.treebanks)) {
        lines.push(`${name.padEnd(9)} ${String(s.words).padStart(6)}  ${s.upos.toFixed(2)}  ${s.xpos.toFixed(2)}  ${s.uas.toFixed(2)}  ${s.las.toFixed(2)}  ${s.lasFull.toFixed(2)}`);
      }
      lines.push(`speed: ${result.speed.wordsPerSecond} words/s on one core (tag + parse + label, ${result.speed.words} words, best of 3)`);
      process.stdout.write(lines.join("\n") + "\n");
    });
}
