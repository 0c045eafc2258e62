/**
 * Bench task "nlp": words per second of Parley's language layer on one thread
 * (the whole of it: tags, tree, labels and names; and tagging + parsing alone,
 * what issue 12's speed floor names) on the sentences of UD English EWT test,
 * gold words, and the time to load its models. Peer: compromise tagging the same
 * sentences' text, the part-of-speech tagger a JavaScript user would pick
 * (it has no parser). Each side runs three passes and reports its best, the
 * first warming the JIT.
 */
import nlp from "compromise";
import { readTreebank } from "../../src/nlp/treebank.ts";
import { sentenceComment } from "../../src/nlp/conllu.ts";
import { analyzeWords, loadLanguageModels, tagAndParse } from "../../src/nlp/pipeline.ts";
import { DEFAULT_TREEBANK_DIR } from "../../src/cli/paths.ts";
import type { TaskContext, TaskResult } from "../task-types.ts";
import { cpuSecondsSince } from "../stats.ts";

const PASSES = 3;

export async function nlpSpeed(ctx: TaskContext): Promise<TaskResult> {
  const sentences = readTreebank(DEFAULT_TREEBANK_DIR, "ewt", "test");
  const limit = ctx.quick ? 300 : sentences.length;
  const picked = sentences.slice(0, limit);
  const words = picked.reduce((n, s) => n + s.words.length, 0);
  if (ctx.side === "parley") {
    const t0 = performance.now();
    const models = loadLanguageModels();
    const loadMs = performance.now() - t0;
    const forms = picked.map((s) => s.words.map((w) => w.form));
    const whole = bestOf(() => forms.forEach((f) => analyzeWords(models, f)));
    // What the speed floor names: tags and the unlabeled tree, without the labels and names built on them.
    const tagParse = bestOf(() => forms.forEach((f) => tagAndParse(models, f)));
    return { words, seconds: whole.s, cpuSeconds: whole.cpuS, wordsPerS: words / whole.s, wordsPerCpuS: words / whole.cpuS, tagParseWordsPerS: words / tagParse.s, tagParseWordsPerCpuS: words / tagParse.cpuS, loadMs };
  }
  const texts = picked.map((s) => sentenceComment(s, "text") ?? s.words.map((w) => w.form).join(" "));
  const tagged = bestOf(() => texts.forEach((t) => nlp(t).compute("tagger")));
  return { words, seconds: tagged.s, cpuSeconds: tagged.cpuS, wordsPerS: words / tagged.s, wordsPerCpuS: words / tagged.cpuS, tagParseWordsPerS: words / tagged.s, tagParseWordsPerCpuS: words / tagged.cpuS };
}

/** Best wall and CPU seconds of PASSES runs (the first warms the JIT). */
function bestOf(run: () => void): { s: number; cpuS: number } {
  let s = Infinity;
  let cpuS = Infinity;
  for (let pass = 0; pass < PASSES; pass++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    s = Math.min(s, (performance.now() - t0) / 1000);
    cpuS = Math.min(cpuS, cpuSecondsSince(cpu0));
  }
  return { s, cpuS };
}
