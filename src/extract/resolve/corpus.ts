/**
 * Resolution across articles: one entity per real-world thing. Keys from the
 * lexicon already agree; discovered names meet on their normalized key; a lone
 * surname joins the one full name in the corpus ending with it; "Kursk" joins
 * "Kursk region"; a proposal joins the one more specific proposal that contains
 * all its words ("cease-fire proposal" → "30-day cease-fire proposal"). States
 * that never act in the corpus become places.
 */
import type { Evidence, NodeType } from "../../types.ts";
import type { Lexicon } from "../lexicon/types.ts";
import type { ArticleExtraction } from "../article.ts";
import { nameKey } from "../mentions/name-key.ts";

export interface ResolvedEntity {
  key: string;
  label: string;
  type: NodeType;
  aliases: string[];
  mentions: number;
  articles: string[];
  /** Known to the lexicon (not only discovered in the text). */
  known: boolean;
}

export interface ResolvedRelation {
  source: string;
  type: string;
  target: string;
  evidence: Evidence[];
}

export interface ResolvedCorpus {
  entities: ResolvedEntity[];
  relations: ResolvedRelation[];
}

/** Relation types whose target may be a mere place. */
const PLACE_TARGET_TYPES = new Set(["visited", "located_in", "attacked", "captured"]);

interface Tally {
  forms: Map<string, number>;
  types: Map<NodeType, number>;
  mentions: number;
  articles: Set<string>;
}

function words(key: string): string[] {
  return key.replace(/^(name|proposal):/, "").split(" ");
}

/** Keys looked at per step of the rewrites. */
const KEYS_STEP = 2000;

function* buildRewrites(tallies: Map<string, Tally>, lexicon: Lexicon): Generator<void, Map<string, string>> {
  const rewrite = new Map<string, string>();
  const keys = [...tallies.keys()].sort();
  const majorityType = (k: string) => [...tallies.get(k)!.types].sort((a, b) => b[1] - a[1])[0]![0];
  // A gazetteer city whose region the corpus names ("Kursk" beside "the Kursk region") is that region, as a discovered name would be.
  // Full names of actors by their last word, in key order: who a lone surname may be.
  const fullActorsByLast = new Map<string, string[]>();
  let done = 0;
  for (const k of keys) {
    if (++done % KEYS_STEP === 0) yield;
    const city = lexicon.entities.get(k);
    const region = city?.settlement ? `name:${nameKey(city.name)} region` : "";
    if (region && tallies.has(region)) rewrite.set(k, region);
    if (k.startsWith("name:") && k.includes(" ") && majorityType(k) === "actor") {
      const last = k.slice(k.lastIndexOf(" ") + 1);
      const same = fullActorsByLast.get(last);
      if (same) same.push(k);
      else fullActorsByLast.set(last, [k]);
    }
  }
  // Surnames and bare place names.
  for (const k of keys) {
    if (++done % KEYS_STEP === 0) yield;
    if (!k.startsWith("name:") || k.includes(" ")) continue;
    const w = k.slice(5);
    // Keys ending with " w" are those whose last word is w (w has no space).
    const fullActors = fullActorsByLast.get(w) ?? [];
    if (tallies.has(`name:${w} region`)) rewrite.set(k, `name:${w} region`);
    else if (fullActors.length === 1) rewrite.set(k, fullActors[0]!);
  }
  // Proposals: a key joins the unique most frequent proposal whose words include all of its words.
  for (const k of keys) {
    if (!k.startsWith("proposal:")) continue;
    const mine = words(k);
    const supersets = keys.filter((o) => o !== k && o.startsWith("proposal:") && mine.every((w) => words(o).includes(w)));
    if (supersets.length === 0) continue;
    const maximal = supersets.filter((o) => !supersets.some((p) => p !== o && words(o).every((w) => words(p).includes(w))));
    const best = maximal.sort((a, b) => tallies.get(b)!.mentions - tallies.get(a)!.mentions || (a < b ? -1 : 1))[0]!;
    if (maximal.length === 1 || tallies.get(best)!.mentions > tallies.get(maximal[1]!)!.mentions) rewrite.set(k, best);
  }
  return rewrite;
}

function pickLabel(key: string, tally: Tally, lexicon: Lexicon): string {
  const known = lexicon.entities.get(key);
  if (known) return known.name;
  const forms = [...tally.forms].map(([f, n]) => [f.replace(/^(the|a|an) /i, "").replace(/'s$/, ""), n] as const);
  // People: the longest form is the full name; others: the most frequent, then the longest.
  const byCount = forms.sort((a, b) => b[1] - a[1] || b[0].split(" ").length - a[0].split(" ").length || (a[0] < b[0] ? -1 : 1));
  return byCount[0]![0];
}

export function resolveCorpus(extractions: ArticleExtraction[], lexicon: Lexicon): ResolvedCorpus {
  const steps = resolveCorpusInSteps(extractions, lexicon);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How many articles (or entities) a step of resolveCorpusInSteps covers: a few milliseconds of work. */
const STEP = 250;

/**
 * resolveCorpus as a generator that pauses every STEP articles, so a server can
 * resolve 10,000 articles between requests instead of blocking them for a
 * second. Draining it gives exactly resolveCorpus's result.
 */
export function* resolveCorpusInSteps(extractions: ArticleExtraction[], lexicon: Lexicon): Generator<void, ResolvedCorpus> {
  const tallies = new Map<string, Tally>();
  let done = 0;
  for (const ex of extractions) {
    if (++done % STEP === 0) yield;
    for (const m of ex.mentions) {
      let t = tallies.get(m.key);
      if (!t) tallies.set(m.key, (t = { forms: new Map(), types: new Map(), mentions: 0, articles: new Set() }));
      t.forms.set(m.text, (t.forms.get(m.text) ?? 0) + 1);
      t.types.set(m.type, (t.types.get(m.type) ?? 0) + 1);
      t.mentions++;
      t.articles.add(ex.article.id);
    }
  }
  yield;
  const rewrite = yield* buildRewrites(tallies, lexicon);
  const final = (k: string) => rewrite.get(k) ?? k;
  const merged = new Map<string, Tally>();
  for (const [k, t] of tallies) {
    if (++done % KEYS_STEP === 0) yield;
    const into = final(k);
    let m = merged.get(into);
    if (!m) merged.set(into, (m = { forms: new Map(), types: new Map(), mentions: 0, articles: new Set() }));
    for (const [f, n] of t.forms) m.forms.set(f, (m.forms.get(f) ?? 0) + n);
    for (const [ty, n] of t.types) m.types.set(ty, (m.types.get(ty) ?? 0) + n);
    m.mentions += t.mentions;
    for (const a of t.articles) m.articles.add(a);
  }

  yield;
  const relations = new Map<string, ResolvedRelation>();
  for (const ex of extractions) {
    if (++done % STEP === 0) yield;
    for (const r of ex.relations) {
      const source = final(r.source);
      const target = final(r.target);
      // A body the lexicon supplies ("President Macron" → France) exists even if the corpus never names it.
      if (!merged.has(target) && lexicon.entities.has(target)) merged.set(target, { forms: new Map(), types: new Map([[lexicon.entities.get(target)!.type, 1]]), mentions: 0, articles: new Set() });
      if (source === target || !merged.has(source) || !merged.has(target)) continue;
      const id = `${source}|${r.type}|${target}`;
      let rel = relations.get(id);
      if (!rel) relations.set(id, (rel = { source, type: r.type, target, evidence: [] }));
      const sentence = ex.article.sentences[r.sentenceIndex]!.text;
      if (!rel.evidence.some((e) => e.article === ex.article.id && e.sentenceIndex === r.sentenceIndex && e.rule === r.rule)) {
        rel.evidence.push({ article: ex.article.id, sentence, quote: r.quote, rule: r.rule, sentenceIndex: r.sentenceIndex });
      }
    }
  }

  const acting = new Set<string>();
  for (const r of relations.values()) {
    acting.add(r.source);
    if (!PLACE_TARGET_TYPES.has(r.type)) acting.add(r.target);
  }
  yield;
  const entities: ResolvedEntity[] = [];
  for (const [key, t] of merged) {
    if (++done % STEP === 0) yield;
    const known = lexicon.entities.get(key);
    let type: NodeType = known?.type ?? [...t.types].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    if (known?.country && !acting.has(key)) type = "location";
    entities.push({ key, label: pickLabel(key, t, lexicon), type, aliases: [...t.forms.keys()].sort(), mentions: t.mentions, articles: [...t.articles].sort(), known: !!known });
  }
  return { entities, relations: [...relations.values()] };
}
