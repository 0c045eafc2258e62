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
import { analyzeWords, loadLanguageModels, type LanguageModels } from "../../nlp/pipeline.ts";
import { tokenizeWords } from "../../nlp/tokenize/tokenize.ts";
import { loadIngestRules, normalizeText } from "../../ingest/index.ts";
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

/** Fills the predicted columns of gold-tokenized sentences in place. */
export function annotateConllu(models: LanguageModels, sentences: ConlluSentence[]): void {
  for (const s of sentences) {
    const a = analyzeWords(models, s.words.map((w) => w.form));
    s.words.forEach((w, i) => {
      w.upos = a.upos[i]!;
      w.xpos = a.xpos[i]!;
      w.head = a.heads[i]!;
      w.deprel = a.deprels[i]!;
    });
  }
}

/** Raw text → sentences (ingest's splitter) → words (UD tokenization) → annotated CoNLL-U sentences. */
export function parseText(models: LanguageModels, text: string, splitSentences: (t: string) => { text: string }[]): ConlluSentence[] {
  return splitSentences(normalizeText(text)).map((sentence, k) => {
    const tokens = tokenizeWords(sentence.text);
    const a = analyzeWords(models, tokens.map((t) => t.form));
    // Names go in MISC as BIO tags ("Name=B-person"), beside SpaceAfter.
    const nameTag: string[] = new Array(tokens.length).fill("");
    for (const span of a.names) for (let i = span.start; i < span.end; i++) nameTag[i] = `Name=${i === span.start ? "B" : "I"}-${span.type}`;
    const words = tokens.map((t, i) => ({
      id: i + 1,
      form: t.form,
      lemma: "_",
      upos: a.upos[i]!,
      xpos: a.xpos[i]!,
      feats: "_",
      head: a.heads[i]!,
      deprel: a.deprels[i]!,
      deps: "_",
      misc: [nameTag[i], t.spaceAfter || i === tokens.length - 1 ? "" : "SpaceAfter=No"].filter(Boolean).join("|") || "_",
    }));
    return {
      lines: [{ kind: "comment" as const, text: `# sent_id = ${k + 1}` }, { kind: "comment" as const, text: `# text = ${sentence.text}` }, ...words.map((_, index) => ({ kind: "word" as const, index }))],
      words,
      lineNumber: 0,
    };
  }).filter((s) => s.words.length > 0);
}

export function registerParse(program: Command): void {
  program
    .command("parse")
    .description("print the tags and dependency tree of a text (or of tokenized CoNLL-U) as CoNLL-U")
    .argument("[text]", "text to parse")
    .option("--file <file>", "read the input from a file")
    .option("--input <format>", `input format: ${INPUTS.join(" or ")}`, "text")
    .option("--models <dir>", "folder of the language models", DEFAULT_MODEL_DIR)
    .action((text: string | undefined, opts: { file?: string; input: string; models: string }) => {
      if (!(INPUTS as readonly string[]).includes(opts.input)) throw new UserError(`--input must be ${INPUTS.join(" or ")}, got "${opts.input}"`);
      const { content, name } = readInput(text, opts.file);
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
