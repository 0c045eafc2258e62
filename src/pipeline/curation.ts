/**
 * The graph of a corpus with its curation log applied (src/curate): deleted
 * articles left out before corpus resolution, the other edits applied between
 * resolution and assembly. `parley build`, the live corpus after an ingest or
 * an edit, and `parley edit` all make their graph here, so a correction holds
 * in every graph Parley writes.
 */
import type { Article } from "../types.ts";
import { resolveCorpus, resolveCorpusInSteps, type ArticleExtraction, type Lexicon, type ResolvedCorpus } from "../extract/index.ts";
import { assembleGraph, assembleGraphInSteps } from "../graph/assemble.ts";
import type { ParleyGraph } from "../graph/persist.ts";
import { runInTurns } from "../graph/in-turns.ts";
import { applyEdits, deletedArticles, type CurationReport, type Edit } from "../curate/index.ts";

export interface CuratedGraph {
  graph: ParleyGraph;
  /** The articles in the graph (the stored ones but those deleted by an edit). */
  articles: Article[];
  report: CurationReport;
  /** The corpus resolution the edits were applied over. */
  resolved: ResolvedCorpus;
}

/**
 * The last resolution, kept by a caller that rebuilds often (the live corpus):
 * an edit that changes no article set applies over it instead of resolving
 * 10,000 articles again.
 */
export interface ResolutionCache {
  extractions?: readonly ArticleExtraction[];
  deleted?: string;
  resolved?: ResolvedCorpus;
}

function kept(extractions: readonly ArticleExtraction[], edits: readonly Edit[]) {
  const deleted = deletedArticles(edits);
  const inGraph = deleted.size ? extractions.filter((e) => !deleted.has(e.article.id)) : [...extractions];
  return { inGraph, deletedKey: [...deleted].sort().join("\n"), stored: new Set(extractions.map((e) => e.article.id)) };
}

/** `layout: false` leaves the positions to the caller. */
export function curatedGraph(extractions: readonly ArticleExtraction[], lexicon: Lexicon, edits: readonly Edit[], options: { layout?: boolean } = {}): CuratedGraph {
  const { inGraph, stored } = kept(extractions, edits);
  const articles = inGraph.map((e) => e.article);
  const resolved = resolveCorpus(inGraph, lexicon);
  const { corpus, report } = applyEdits(resolved, articles, edits, stored);
  return { graph: assembleGraph(corpus, articles, options), articles, report, resolved };
}

/**
 * curatedGraph without the layout, in steps of a few milliseconds with the
 * event loop free between them: what a server runs after an ingest or an edit,
 * so requests keep being answered while 10,000 articles are resolved. Same graph.
 */
export async function curatedGraphInTurns(extractions: readonly ArticleExtraction[], lexicon: Lexicon, edits: readonly Edit[], cache: ResolutionCache = {}): Promise<CuratedGraph> {
  const { inGraph, deletedKey, stored } = kept(extractions, edits);
  const articles = inGraph.map((e) => e.article);
  let resolved = cache.extractions === extractions && cache.deleted === deletedKey ? cache.resolved : undefined;
  if (!resolved) {
    resolved = await runInTurns(resolveCorpusInSteps(inGraph, lexicon));
    Object.assign(cache, { extractions, deleted: deletedKey, resolved });
  }
  const { corpus, report } = applyEdits(resolved, articles, edits, stored);
  return { graph: await runInTurns(assembleGraphInSteps(corpus, articles)), articles, report, resolved };
}

/** A curated graph and what it was made from: what a new edit is tried against. */
export interface CurationState {
  edits: readonly Edit[];
  report: CurationReport;
  /** Articles in the graph, and every stored article's id (deleted ones too). */
  articles: readonly Article[];
  stored: ReadonlySet<string>;
  resolved: ResolvedCorpus;
}

/**
 * Why `trial` would change nothing after the log as it stands (its entity is
 * not in the graph, its article already deleted), or null when it applies.
 */
export function whyNotApplicable(trial: Edit, state: CurationState): string | null {
  const p = trial.params;
  if (p.op === "delete-article") {
    if (!state.stored.has(p.article)) return `there is no article ${p.article}`;
    return state.articles.some((a) => a.id === p.article) ? null : `article ${p.article} is already deleted`;
  }
  if (p.op === "undo") {
    if (!state.edits.some((e) => e.id === p.target)) return `there is no edit #${p.target}`;
    return state.report.get(p.target)?.status === "undone" ? `edit #${p.target} is already undone` : null;
  }
  const outcome = applyEdits(state.resolved, state.articles, [...state.edits, trial], state.stored).report.get(trial.id)!;
  return outcome.status === "applied" ? null : outcome.problem;
}
