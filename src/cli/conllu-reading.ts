/**
 * The language layer's reading as CoNLL-U sentences, what `parley parse`
 * prints: of raw text (split into sentences by ingest, into words by UD
 * tokenization, names in MISC), or filled into already-tokenized sentences.
 */
import type { ConlluSentence } from "../nlp/conllu.ts";
import { analyzeWords, type LanguageModels } from "../nlp/pipeline.ts";
import { tokenizeWords } from "../nlp/tokenize/tokenize.ts";
import { normalizeText } from "../ingest/index.ts";

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
