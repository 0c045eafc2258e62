/**
 * Bench task "nlp": words per second of Parley's language layer (tag + parse
 * + label, one thread) on the sentences of UD English EWT test, gold words,
 * and the time to load its models. Peer: compromise tagging the same
 * sentences' text, the part-of-speech tagger a JavaScript user would pick
 * (it has no parser). Each side runs three passes and reports its best, the
 * first warming the JIT.
 */
import nlp from "compromise";
import { readTreebank } from "../../src/nlp/treebank.ts";
import { sentenceComment } from "../../src/nlp/conllu.ts";
import { analyzeWords, loadLanguageModels } from "../../src/nlp/pipeline.ts";
import { DEFAULT_TREEBANK_DIR } from "../../src/cli/paths.ts";
import type { TaskContext, TaskResult } from "../task-types.ts";
import { cpuSecondsSince } from "../stats.ts";

const PASSES = 3;

export async function nlpSpeed(ctx: TaskContext): Promise<TaskResult> {
  const sentences = readTreebank(DEFAULT_TREEBANK_DIR, "ewt", "test");
  const limit = ctx.quick ? 300 : sentences.length;
  const picked = sentences.slice(0, limit);
  const words = picked.reduce((n, s) => n + s.words.length, 0);
  let loadMs = 0;
  let run: () => void;
  if (ctx.side === "parley") {
    const t0 = performance.now();
    const models = loadLanguageModels();
    loadMs = performance.now() - t0;
    const forms = picked.map((s) => s.words.map((w) => w.form));
    run = () => forms.forEach((f) => analyzeWords(models, f));
  } else {
    const texts = picked.map((s) => sentenceComment(s, "text") ?? s.words.map((w) => w.form).join(" "));
    run = () => texts.forEach((t) => nlp(t).compute("tagger"));
  }
  let best = Infinity;
  let bestCpu = Infinity;
  for (let pass = 0; pass < PASSES; pass++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    best = Math.min(best, (performance.now() - t0) / 1000);
    bestCpu = Math.min(bestCpu, cpuSecondsSince(cpu0));
  }
  return { words, seconds: best, cpuSeconds: bestCpu, wordsPerS: words / best, wordsPerCpuS: words / bestCpu, loadMs };
}
