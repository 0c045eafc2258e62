/**
 * The graph from the resolved corpus, per the graph-file contract (DESIGN.md):
 * nodes keyed by slug, one edge per (source, type, target), symmetric types stored
 * once in key order, evidence sorted with one item per sentence, first/last seen from publication dates,
 * laid out and colored. Insertion order is sorted so the file is deterministic.
 */
import { MultiDirectedGraph } from "graphology";
import type { Article, ArticleMeta, EdgeAttributes, GraphAttributes, NodeAttributes } from "../types.ts";
import { EDGE_TYPE_BY_ID } from "../ontology.ts";
import type { ResolvedCorpus } from "../extract/index.ts";
import type { ParleyGraph } from "./persist.ts";
import { slugify } from "./slug.ts";
import { layoutGraph } from "./layout.ts";
import { RESERVED_NODE_KEYS } from "./reserved-keys.ts";
import { sortInSteps } from "./sort-in-steps.ts";

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Word counts of article objects already met (an article's text is never changed in place: a changed file is a
 * new object): a live corpus assembles the same 10,000 articles after every ingest.
 */
const wordCounts = new WeakMap<Article, number>();

function wordsOf(a: Article): number {
  let n = wordCounts.get(a);
  if (n === undefined) wordCounts.set(a, (n = a.text.split(/\s+/).filter(Boolean).length));
  return n;
}

function articleMeta(a: Article): ArticleMeta {
  return { id: a.id, title: a.title, outlet: a.outlet, published: a.published, url: a.url, file: a.file, credits: a.credits, sentences: a.sentences.length, words: wordsOf(a) };
}

/** Unique slugs: a clash between two entities, or with a reserved key ("constructor"), gets the type appended. */
function nodeKeys(corpus: ResolvedCorpus): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Set<string>(RESERVED_NODE_KEYS);
  for (const e of [...corpus.entities].sort((a, b) => b.mentions - a.mentions || byString(a.key, b.key))) {
    let slug = slugify(e.label);
    if (used.has(slug)) slug = `${slug}-${e.type}`;
    for (let n = 2; used.has(slug); n++) slug = `${slugify(e.label)}-${n}`;
    used.add(slug);
    keys.set(e.key, slug);
  }
  return keys;
}

/** `layout: false` leaves positions at 0 for the caller to place (live ingest lays out on another thread). */
export function assembleGraph(corpus: ResolvedCorpus, articles: Article[], options: { layout?: boolean } = {}): ParleyGraph {
  const steps = assembleGraphInSteps(corpus, articles);
  let step = steps.next();
  while (!step.done) step = steps.next();
  if (options.layout !== false) layoutGraph(step.value);
  return step.value;
}

/** Nodes or edges added per step of assembleGraphInSteps. */
const STEP = 500;

/** assembleGraph without the layout, pausing every STEP nodes or edges (see resolveCorpusInSteps). */
export function* assembleGraphInSteps(corpus: ResolvedCorpus, articles: Article[]): Generator<void, ParleyGraph> {
  let done = 0;
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.replaceAttributes({ name: "Parley knowledge graph", articles: articles.map(articleMeta) });
  const published = new Map(articles.map((a) => [a.id, a.published]));
  yield;
  const keys = nodeKeys(corpus);
  yield;
  // Lexicon entities first, then by mentions: readers of the file (and greedy matchers) meet the canonical,
  // main actors before discovered variants and places that share their aliases.
  const nodes = corpus.entities
    .map((e) => ({ ...e, slug: keys.get(e.key)! }))
    .sort((a, b) => Number(b.known) - Number(a.known) || b.mentions - a.mentions || byString(a.slug, b.slug));
  yield;
  for (const e of nodes) {
    if (++done % STEP === 0) yield;
    graph.addNode(e.slug, { label: e.label, type: e.type, aliases: e.aliases, mentions: e.mentions, articles: e.articles, x: 0, y: 0, size: 1, color: "" });
  }
  const edges = new Map<string, { source: string; target: string; attrs: EdgeAttributes }>();
  for (const r of corpus.relations) {
    if (++done % STEP === 0) yield;
    const def = EDGE_TYPE_BY_ID.get(r.type)!;
    let source = keys.get(r.source)!;
    let target = keys.get(r.target)!;
    if (def.symmetric && target < source) [source, target] = [target, source];
    const key = `${source}|${r.type}|${target}`;
    const existing = edges.get(key);
    const evidence = [...(existing?.attrs.evidence ?? []), ...r.evidence];
    edges.set(key, { source, target, attrs: { type: r.type, label: def.label, weight: 0, evidence, firstSeen: null, lastSeen: null } });
  }
  // Keys are distinct: the stepped sort gives the order one sort would.
  for (const key of yield* sortInSteps([...edges.keys()], byString)) {
    if (++done % STEP === 0) yield;
    const { source, target, attrs } = edges.get(key)!;
    attrs.evidence.sort((a, b) => byString(a.article, b.article) || a.sentenceIndex - b.sentenceIndex || byString(a.rule, b.rule));
    // One item per sentence: several rules (or both directions of a symmetric edge) reading the same sentence
    // are one piece of evidence to a reader, not five.
    attrs.evidence = attrs.evidence.filter((e, i, all) => i === 0 || e.article !== all[i - 1]!.article || e.sentenceIndex !== all[i - 1]!.sentenceIndex);
    const dates = attrs.evidence.map((e) => published.get(e.article)).filter((d): d is string => !!d).sort(byString);
    attrs.weight = new Set(attrs.evidence.map((e) => `${e.article}#${e.sentenceIndex}`)).size;
    attrs.firstSeen = dates[0] ?? null;
    attrs.lastSeen = dates[dates.length - 1] ?? null;
    graph.addDirectedEdgeWithKey(key, source, target, attrs);
  }
  return graph;
}
