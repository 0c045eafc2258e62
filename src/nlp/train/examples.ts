/**
 * Training examples of the parser and the labeler from tree sentences and
 * their (jackknifed) tag ids.
 */
import type { TreeSentence } from "../treebank.ts";
import { hashWords } from "../words.ts";
import { parserInputs } from "../parser/inputs.ts";
import { labelerWordInputs } from "../labeler/inputs.ts";
import type { ParserExample } from "../parser/train.ts";
import type { LabelerExample } from "../labeler/train.ts";

export function treeExample(s: TreeSentence, tags: Int32Array, labelIndex: ReadonlyMap<string, number>): ParserExample & LabelerExample {
  const n = s.words.length;
  const hashes = hashWords(s.words);
  const inputs = parserInputs(hashes.lower, tags);
  const gold = Int32Array.from(s.heads, (h) => (h === 0 ? n : h - 1));
  const labels = Int32Array.from(s.deprels, (l) => {
    const i = labelIndex.get(l);
    if (i === undefined) throw new Error(`training: label ${l} is not in the label list`);
    return i;
  });
  return { inputs, gold, heads: gold, labels, words: labelerWordInputs(s.words, hashes) };
}
