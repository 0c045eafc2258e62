/**
 * Reading the treebanks of ../shared/nlp (or a folder given) into the shapes
 * the trainers take. File names follow UD's convention: <lang>_<tb>-ud-<split>.conllu.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parseConllu, type ConlluSentence } from "./conllu.ts";

export type Split = "train" | "dev" | "test";

export const TREEBANKS = {
  ewt: { folder: "ud-english-ewt", prefix: "en_ewt" },
  gum: { folder: "ud-english-gum", prefix: "en_gum" },
} as const;
export type TreebankName = keyof typeof TREEBANKS;

export class TreebankError extends Error {
  expose = true;
  constructor(message: string) {
    super(message);
    this.name = "TreebankError";
  }
}

export function treebankFile(root: string, name: TreebankName, split: Split): string {
  const tb = TREEBANKS[name];
  return join(root, tb.folder, `${tb.prefix}-ud-${split}.conllu`);
}

export function readTreebank(root: string, name: TreebankName, split: Split): ConlluSentence[] {
  const file = treebankFile(root, name, split);
  if (!existsSync(file)) throw new TreebankError(`${file} is missing: pass the folder that holds ${TREEBANKS[name].folder}/ (see ../shared/nlp/README.md)`);
  return parseConllu(readFileSync(file, "utf8"), file, { requireTree: true });
}

/** Forms, tags and the tree of a sentence, as arrays (word i at index i, heads 1-based, 0 = root). */
export interface TreeSentence {
  words: string[];
  lemmas?: string[];
  upos: string[];
  xpos: string[];
  heads: number[];
  deprels: string[];
}

export function toTreeSentence(s: ConlluSentence): TreeSentence {
  return {
    words: s.words.map((w) => w.form),
    lemmas: s.words.map((w) => w.lemma),
    upos: s.words.map((w) => w.upos),
    xpos: s.words.map((w) => w.xpos),
    heads: s.words.map((w) => w.head),
    deprels: s.words.map((w) => w.deprel),
  };
}
