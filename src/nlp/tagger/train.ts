/**
 * Training of the tagger: the class list (UPOS–XPOS pairs seen at least
 * MIN_PAIR_COUNT times; a rarer pair is read as the commonest pair with its
 * XPOS), the ambiguity classes, and averaged-perceptron epochs over the
 * sentences in a seeded order.
 */
import { AveragedPerceptron } from "../linear/averaged-perceptron.ts";
import { argmax } from "../linear/linear-model.ts";
import { hashString, seededRandom, shuffled } from "../hash.ts";
import { hashWords, type WordHashes } from "../words.ts";
import { TAGGER_MAX_FEATURES, taggerFeatures } from "./features.ts";
import { Tagger } from "./tagger.ts";

export interface TaggedSentence {
  words: string[];
  upos: string[];
  xpos: string[];
}

export interface TaggerTrainingOptions {
  epochs: number;
  seed: number;
  /** Rows whose averaged weights all stay below this are dropped from the model. */
  prune: number;
  log?: (message: string) => void;
}

const MIN_PAIR_COUNT = 3;
/** A word needs this many training occurrences for its ambiguity class to be trusted. */
const MIN_WORD_COUNT = 3;
/** Tags under this share of a word's occurrences are left out of its ambiguity class. */
const MIN_TAG_SHARE = 0.01;

export function tagClasses(sentences: readonly TaggedSentence[]): { classes: string[]; classOf: (upos: string, xpos: string) => number } {
  const counts = new Map<string, number>();
  for (const s of sentences) s.words.forEach((_, i) => counts.set(`${s.upos[i]} ${s.xpos[i]}`, (counts.get(`${s.upos[i]} ${s.xpos[i]}`) ?? 0) + 1));
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const classes = ranked.filter(([, n]) => n >= MIN_PAIR_COUNT).map(([pair]) => pair);
  const index = new Map(classes.map((c, i) => [c, i]));
  const byXpos = new Map<string, number>();
  const byUpos = new Map<string, number>();
  classes.forEach((c, i) => {
    const [u, x] = c.split(" ");
    if (!byXpos.has(x!)) byXpos.set(x!, i);
    if (!byUpos.has(u!)) byUpos.set(u!, i);
  });
  const classOf = (upos: string, xpos: string) => index.get(`${upos} ${xpos}`) ?? byXpos.get(xpos) ?? byUpos.get(upos) ?? 0;
  return { classes, classOf };
}

/** How often training gives each class to each word (as `keyOf` spells it), words in sorted order. */
function classCounts(sentences: readonly TaggedSentence[], classOf: (u: string, x: string) => number, keyOf: (word: string) => string): Array<[string, Map<number, number>, number]> {
  const seen = new Map<string, Map<number, number>>();
  for (const s of sentences) {
    s.words.forEach((word, i) => {
      const key = keyOf(word);
      let tags = seen.get(key);
      if (!tags) seen.set(key, (tags = new Map()));
      const c = classOf(s.upos[i]!, s.xpos[i]!);
      tags.set(c, (tags.get(c) ?? 0) + 1);
    });
  }
  return [...seen].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([word, tags]) => [word, new Map([...tags].sort((a, b) => a[0] - b[0])), [...tags.values()].reduce((x, y) => x + y, 0)]);
}

export function buildAmbiguity(sentences: readonly TaggedSentence[], classOf: (u: string, x: string) => number): Map<number, number> {
  const out = new Map<number, number>();
  for (const [word, tags, total] of classCounts(sentences, classOf, (w) => w.toLowerCase())) {
    if (total < MIN_WORD_COUNT) continue;
    const kept = [...tags].filter(([, n]) => n / total >= MIN_TAG_SHARE).map(([c]) => c);
    out.set(hashString(word), hashString(kept.join(",")) || 1);
  }
  return out;
}

export function trainTagger(sentences: readonly TaggedSentence[], opts: TaggerTrainingOptions): Tagger {
  const trained = trainTaggerWeights(sentences, opts);
  return new Tagger(trained.classes, trained.perceptron.average(opts.prune), trained.ambiguity, buildDictionary(sentences, trained.classOf));
}

const DICTIONARY_MIN_COUNT = 20;
const DICTIONARY_MIN_SHARE = 0.995;

/** Forms (case kept: "US" is not "us") that training tags one way nearly always. */
export function buildDictionary(sentences: readonly TaggedSentence[], classOf: (u: string, x: string) => number): Map<number, number> {
  const out = new Map<number, number>();
  for (const [word, tags, total] of classCounts(sentences, classOf, (w) => w)) {
    let best = -1;
    let bestCount = 0;
    for (const [c, n] of tags) if (n > bestCount) [best, bestCount] = [c, n];
    if (total >= DICTIONARY_MIN_COUNT && bestCount / total >= DICTIONARY_MIN_SHARE) out.set(hashString(word), best);
  }
  return out;
}

/** The training itself, returning the perceptron before averaging (to compare pruning levels). */
export function trainTaggerWeights(sentences: readonly TaggedSentence[], opts: TaggerTrainingOptions) {
  const { classes, classOf } = tagClasses(sentences);
  const ambiguity = buildAmbiguity(sentences, classOf);
  const perceptron = new AveragedPerceptron(classes.length);
  const features = new Uint32Array(TAGGER_MAX_FEATURES);
  const scores = new Float32Array(classes.length);
  const prepared = sentences.map((s) => {
    const hashes: WordHashes = hashWords(s.words);
    const amb = new Uint32Array(s.words.length);
    for (let i = 0; i < amb.length; i++) amb[i] = ambiguity.get(hashes.lower[i]!) ?? 0;
    return { hashes, amb, gold: Int32Array.from(s.words, (_, i) => classOf(s.upos[i]!, s.xpos[i]!)) };
  });
  const random = seededRandom(opts.seed);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    let correct = 0;
    let total = 0;
    for (const s of shuffled(prepared, random)) {
      const tags = new Int32Array(s.gold.length);
      for (let i = 0; i < tags.length; i++) {
        const n = taggerFeatures(features, i, s.hashes, s.amb, tags);
        perceptron.score(features, n, scores);
        const guess = argmax(scores, classes.length);
        perceptron.update(features, n, s.gold[i]!, guess);
        perceptron.tick();
        if (guess === s.gold[i]) correct++;
        total++;
        // Condition on the predicted history, as at run time (gold history measured 0.1 UPOS worse on dev).
        tags[i] = guess;
      }
    }
    opts.log?.(`tagger epoch ${epoch}/${opts.epochs}: train accuracy ${(100 * correct / total).toFixed(2)}%, ${perceptron.rows} feature rows`);
  }
  return { classes, classOf, ambiguity, perceptron };
}
