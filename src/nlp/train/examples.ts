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
import type { Tagger } from "../tagger/tagger.ts";

/** `tags` are class ids of `tagger`, which also gives the ambiguity classes and the UPOS of each class. */
export function treeExample(s: TreeSentence, tags: Int32Array, labelIndex: ReadonlyMap<string, number>, tagger: Tagger): ParserExample & LabelerExample {
  const n = s.words.length;
  const hashes = hashWords(s.words);
  const inputs = parserInputs(hashes.lower, tags, s.words, tagger.ambiguityClasses(hashes), hashes.suffix3);
  const gold = Int32Array.from(s.heads, (h) => (h === 0 ? n : h - 1));
  const labels = Int32Array.from(s.deprels, (l) => {
    const i = labelIndex.get(l);
    if (i === undefined) throw new Error(`training: label ${l} is not in the label list`);
    return i;
  });
  return { inputs, gold, heads: gold, labels, words: labelerWordInputs(s.words, hashes, Array.from(tags, (t) => tagger.pairs[t]!.upos)) };
}
