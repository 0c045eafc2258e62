/**
 * Jackknifed tags: the training sentences are split into folds and each fold
 * is tagged by a tagger trained on the others, so the parser trains on tags
 * with the errors it will meet at run time rather than on gold tags.
 */
import type { TreeSentence } from "../treebank.ts";
import { trainTagger } from "../tagger/train.ts";

export function jackknifeTags(sentences: readonly TreeSentence[], classIndex: ReadonlyMap<string, number>, folds: number, opts: { epochs: number; prune: number; seed: number; log?: (m: string) => void }): Int32Array[] {
  const out: Int32Array[] = new Array(sentences.length);
  for (let fold = 0; fold < folds; fold++) {
    const heldOut = sentences.filter((_, i) => i % folds === fold);
    const rest = sentences.filter((_, i) => i % folds !== fold);
    const tagger = trainTagger(rest, { epochs: opts.epochs, prune: opts.prune, seed: opts.seed + fold + 1 });
    // The fold's tagger has its own class list: map its classes onto the final tagger's.
    const toFinal = Int32Array.from(tagger.classes, (c) => classIndex.get(c) ?? 0);
    let k = 0;
    for (let i = fold; i < sentences.length; i += folds) {
      const tags = tagger.tagIds(heldOut[k++]!.words);
      out[i] = tags.map((t) => toFinal[t]!);
    }
    opts.log?.(`jackknife fold ${fold + 1}/${folds}: ${heldOut.length} sentences tagged`);
  }
  return out;
}
