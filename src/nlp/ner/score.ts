/**
 * CoNLL-style scoring of names: a predicted name counts only when its start,
 * end and type all match a gold name; precision, recall and F1 are micro
 * averages over all names, and per type.
 */
import { NAME_TYPES, type NameSpan, type NameType } from "./entity-spans.ts";

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface NameScores extends PRF {
  byType: Record<NameType, PRF & { gold: number; predicted: number; correct: number }>;
  gold: number;
  predicted: number;
  correct: number;
}

function prf(correct: number, gold: number, predicted: number): PRF {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

export function scoreNames(gold: readonly (readonly NameSpan[])[], predicted: readonly (readonly NameSpan[])[]): NameScores {
  if (gold.length !== predicted.length) throw new Error(`scoreNames: ${gold.length} gold sentences but ${predicted.length} predicted`);
  const count = { gold: new Map<NameType, number>(), predicted: new Map<NameType, number>(), correct: new Map<NameType, number>() };
  const inc = (m: Map<NameType, number>, t: NameType) => m.set(t, (m.get(t) ?? 0) + 1);
  for (let s = 0; s < gold.length; s++) {
    const wanted = new Set(gold[s]!.map((g) => `${g.start} ${g.end} ${g.type}`));
    for (const g of gold[s]!) inc(count.gold, g.type);
    const seen = new Set<string>();
    for (const p of predicted[s]!) {
      const key = `${p.start} ${p.end} ${p.type}`;
      inc(count.predicted, p.type);
      if (wanted.has(key) && !seen.has(key)) inc(count.correct, p.type);
      seen.add(key);
    }
  }
  const byType = {} as NameScores["byType"];
  let g = 0, p = 0, c = 0;
  for (const t of NAME_TYPES) {
    const gt = count.gold.get(t) ?? 0, pt = count.predicted.get(t) ?? 0, ct = count.correct.get(t) ?? 0;
    byType[t] = { ...prf(ct, gt, pt), gold: gt, predicted: pt, correct: ct };
    g += gt;
    p += pt;
    c += ct;
  }
  return { ...prf(c, g, p), byType, gold: g, predicted: p, correct: c };
}

/** One line per score, for logs: "all P 81.2 R 77.0 F1 79.0 (1037 gold)". */
export function formatNameScores(s: NameScores): string {
  const pct = (v: number) => (100 * v).toFixed(1);
  const line = (name: string, x: PRF & { gold: number }) => `${name.padEnd(13)} P ${pct(x.precision)} R ${pct(x.recall)} F1 ${pct(x.f1)} (${x.gold} gold)`;
  return [line("all", s), ...NAME_TYPES.map((t) => line(t, s.byType[t]))].join("\n");
}
