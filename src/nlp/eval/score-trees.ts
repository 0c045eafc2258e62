/**
 * Scores of tagged and parsed sentences against gold, with the CoNLL 2018
 * shared task's definitions on gold tokenization: every word counts,
 * punctuation included; LAS compares the universal part of the relation
 * ("nsubj" for "nsubj:pass"), and LAS with full labels is reported beside it.
 */
import type { WordAnalysis } from "../pipeline.ts";
import type { TreeSentence } from "../treebank.ts";

export interface TreeScores {
  words: number;
  upos: number;
  xpos: number;
  uas: number;
  las: number;
  /** LAS counting subtypes ("nsubj:pass" ≠ "nsubj"). */
  lasFull: number;
}

const universal = (label: string) => label.split(":")[0]!;

export function scoreTrees(gold: readonly TreeSentence[], predicted: readonly WordAnalysis[]): TreeScores {
  let words = 0, upos = 0, xpos = 0, uas = 0, las = 0, lasFull = 0;
  gold.forEach((g, s) => {
    const p = predicted[s]!;
    if (p.upos.length !== g.words.length) throw new Error(`scoring: sentence ${s + 1} has ${g.words.length} gold words and ${p.upos.length} predicted`);
    for (let i = 0; i < g.words.length; i++) {
      words++;
      if (p.upos[i] === g.upos[i]) upos++;
      if (p.xpos[i] === g.xpos[i]) xpos++;
      if (p.heads[i] === g.heads[i]) {
        uas++;
        if (universal(p.deprels[i]!) === universal(g.deprels[i]!)) las++;
        if (p.deprels[i] === g.deprels[i]) lasFull++;
      }
    }
  });
  const pct = (k: number) => (words ? Math.round((10000 * k) / words) / 100 : 0);
  return { words, upos: pct(upos), xpos: pct(xpos), uas: pct(uas), las: pct(las), lasFull: pct(lasFull) };
}
