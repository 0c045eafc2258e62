/**
 * `parley train [--data DIR] [--out DIR]` (`npm run train`): trains the
 * language models (tagger, parser, labeler, name recognizer) on the UD English
 * treebanks and Universal NER, and writes them to graph-data/models/. Progress goes to standard error.
 */
import type { Command } from "commander";
import { resolve } from "node:path";
import { DEFAULT_MODEL_DIR, DEFAULT_TREEBANK_DIR } from "../paths.ts";

export function registerTrain(program: Command): void {
  program
    .command("train")
    .description("train the language models on the UD English treebanks (EWT, GUM) and write them to graph-data/models/")
    .option("--data <dir>", "folder holding ud-english-ewt/, ud-english-gum/, uner-english-ewt/", DEFAULT_TREEBANK_DIR)
    .option("--out <dir>", "folder to write the models to", DEFAULT_MODEL_DIR)
    .action(async (opts: { data: string; out: string }) => {
      // Loaded when the command runs, so `parley --help` does not pay for the trainer.
      const { trainModels } = await import("../../nlp/train/train-models.ts");
      const started = performance.now();
      const log = (m: string) => process.stderr.write(`parley train: ${m}\n`);
      const report = trainModels({ data: resolve(opts.data), out: resolve(opts.out), log });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      log(`done in ${seconds} s (${Object.entries(report.seconds).map(([k, v]) => `${k} ${v} s`).join(", ")})`);
      for (const [name, f] of Object.entries(report.files)) log(`${name}: ${f.bytes} bytes, sha256 ${f.sha256.slice(0, 16)}`);
    });
}
