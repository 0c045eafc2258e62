/**
 * `parley parse "<text>" | --file F [--input text|conllu] [--models DIR]`:
 * prints the language layer's reading as CoNLL-U — the structure extraction
 * reads, with the names found in MISC ("Name=B-person"). With `--input conllu` the file is already tokenized (ID and FORM
 * filled); it is written back with UPOS, XPOS, HEAD and DEPREL filled, every
 * other line and column as it was (the standard way to score a parser on gold
 * tokens).
 */
import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { formatConllu, parseConllu, type ConlluSentence } from "../../nlp/conllu.ts";
import { DEFAULT_LEXICON_DIR, DEFAULT_MODEL_DIR } from "../paths.ts";
import { UserError } from "../user-error.ts";

const INPUTS = ["text", "conllu"] as const;

function readInput(text: string | undefined, file: string | undefined): { content: string; name: string } {
  if (text !== undefined && file !== undefined) throw new UserError("give either text or --file, not both");
  if (file !== undefined) {
    try {
      return { content: readFileSync(resolve(file), "utf8"), name: file };
    } catch (err) {
      throw new UserError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
  }
  if (text === undefined) throw new UserError('give the text to parse ("parley parse \\"Putin met Trump.\\"") or --file F');
  return { content: text, name: "<argument>" };
}

export function registerParse(program: Command): void {
  program
    .command("parse")
    .description("print the tags and dependency tree of a text (or of tokenized CoNLL-U) as CoNLL-U")
    .argument("[text]", "text to parse")
    .option("--file <file>", "read the input from a file")
    .option("--input <format>", `input format: ${INPUTS.join(" or ")}`, "text")
    .option("--models <dir>", "folder of the language models", DEFAULT_MODEL_DIR)
    .action(async (text: string | undefined, opts: { file?: string; input: string; models: string }) => {
      if (!(INPUTS as readonly string[]).includes(opts.input)) throw new UserError(`--input must be ${INPUTS.join(" or ")}, got "${opts.input}"`);
      const { content, name } = readInput(text, opts.file);
      // Loaded when the command runs, so `parley --help` does not pay for the language layer.
      const [{ annotateConllu, parseText }, { loadLanguageModels }, { loadIngestRules }] = await Promise.all([import("../conllu-reading.ts"), import("../../nlp/pipeline.ts"), import("../../ingest/index.ts")]);
      const models = loadLanguageModels(resolve(opts.models));
      let sentences: ConlluSentence[];
      if (opts.input === "conllu") {
        sentences = parseConllu(content, name);
        annotateConllu(models, sentences);
      } else {
        sentences = parseText(models, content, loadIngestRules(DEFAULT_LEXICON_DIR).splitSentences);
      }
      process.stdout.write(formatConllu(sentences));
    });
}
