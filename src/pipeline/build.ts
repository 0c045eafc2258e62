/**
 * The pipeline's story: articles → ingest → extract → resolve → graph.
 * `buildGraphFromArticles` is pure (same articles and lexicon, same graph);
 * `buildGraph` adds reading the articles folder and reporting progress;
 * `buildGraphWithStore` reads the folder through the corpus store, so that only
 * new or changed articles — or all of them, after a change of lexicon, models
 * or extractor — are extracted, and applies the store's curation log (the
 * others know no edits). All three give the same graph for the same folder and no edits.
 */
import type { Article } from "../types.ts";
import { loadArticles, loadIngestRules, type IngestRules } from "../ingest/index.ts";
import { loadLexicon, extractArticle, type ArticleExtraction, type Lexicon, type ResolvedCorpus } from "../extract/index.ts";
import type { CurationReport, Edit } from "../curate/index.ts";
import { curatedGraph } from "./curation.ts";
import { applyLayout, computeLayout, layoutInput, structureHash, type LayoutInput } from "../graph/layout.ts";
import type { ParleyGraph } from "../graph/persist.ts";
import { describeVersionChange, type CorpusStore, type ExtractorVersion, type StoredExtraction } from "../store/index.ts";
import { syncFolder, type SyncedCorpus } from "./sync-folder.ts";
import { createExtractorPool, inProcessExtractor, type Extractor } from "./extractor/index.ts";

export interface Corpus {
  articlesDir: string;
  lexiconDir: string;
}

export type BuildProgress = (stage: "ingest" | "extract" | "graph", done: number, total: number, item?: string) => void;

export interface BuildResult {
  graph: ParleyGraph;
  articles: Article[];
}

export interface Rules {
  ingest: IngestRules;
  lexicon: Lexicon;
}

export function loadRules(lexiconDir: string): Rules {
  return { ingest: loadIngestRules(lexiconDir), lexicon: loadLexicon(lexiconDir) };
}

/**
 * Corpus resolution and assembly over extractions already made (one per article, in article order),
 * without curation; `layout: false` leaves the positions to the caller.
 */
export function graphFromExtractions(extractions: ArticleExtraction[], lexicon: Lexicon, onProgress?: BuildProgress, options: { layout?: boolean } = {}): ParleyGraph {
  onProgress?.("graph", 0, 1);
  const { graph } = curatedGraph(extractions, lexicon, [], options);
  onProgress?.("graph", 1, 1);
  return graph;
}

/**
 * The positions of a structure: from the store when it has laid out this very
 * structure before (same numbers, without the seconds ForceAtlas2 takes on a
 * large corpus), else computed (on this thread unless told) and kept there.
 */
export async function storedLayout(store: CorpusStore, input: LayoutInput, compute: (input: LayoutInput) => Promise<Float64Array> = async (i) => computeLayout(i)): Promise<Float64Array> {
  const structure = structureHash(input);
  const known = store.layout(structure);
  if (known) return known;
  const positions = await compute(input);
  store.saveLayout(structure, positions);
  return positions;
}

/** Lays the graph out through storedLayout. */
export async function layOutWithStore(graph: ParleyGraph, store: CorpusStore): Promise<void> {
  const input = layoutInput(graph);
  const { keys } = input;
  applyLayout(graph, keys, await storedLayout(store, input));
}

export function buildGraphFromArticles(articles: Article[], lexicon: Lexicon, onProgress?: BuildProgress): ParleyGraph {
  const extractions = articles.map((article, i) => {
    const extraction = extractArticle(article, lexicon);
    onProgress?.("extract", i + 1, articles.length, article.id);
    return extraction;
  });
  return graphFromExtractions(extractions, lexicon, onProgress);
}

export async function buildGraph(corpus: Corpus, onProgress?: BuildProgress, rules = loadRules(corpus.lexiconDir), onWarning?: (message: string) => void): Promise<BuildResult> {
  const articles = await loadArticles(corpus.articlesDir, rules.ingest, (file, done, total) => onProgress?.("ingest", done, total, file), onWarning);
  return { graph: buildGraphFromArticles(articles, rules.lexicon, onProgress), articles };
}

export interface StoreBuildOptions {
  store: CorpusStore;
  version: ExtractorVersion;
  /** Extraction threads for what must be extracted (default 1: on the calling thread). */
  threads?: number;
  onProgress?: BuildProgress;
  onWarning?: (message: string) => void;
}

export interface StoreBuildResult extends BuildResult {
  synced: SyncedCorpus;
  /** Every stored article's extraction (those deleted by an edit too). */
  extractions: ArticleExtraction[];
  /** The curation log applied, and what became of each edit. */
  edits: Edit[];
  curation: CurationReport;
  /** The corpus resolution the edits were applied over (what a new edit is tried against). */
  resolved: ResolvedCorpus;
  reused: number;
  extracted: number;
  /** Why stored extractions could not be reused ("the lexicon changed"), when that was so. */
  reextractReason: string | null;
}

/** Store commits during a long extraction, so a build that is stopped keeps what it did. */
const COMMIT_EVERY = 25;
/** Below this many articles a worker pool costs more to start than it saves. */
const POOL_MIN_ARTICLES = 8;

/**
 * Extractions under `version` for every article: those stored are reused, the
 * rest extracted and stored as they come. `extractor` is asked for only when
 * something is missing, with how many, and is closed afterwards.
 */
export async function ensureExtractions(
  store: CorpusStore,
  articles: Article[],
  contentHashes: Map<string, string>,
  version: ExtractorVersion,
  extractor: (missing: number) => Promise<Extractor>,
  onProgress?: BuildProgress,
): Promise<{ extractions: ArticleExtraction[]; reused: number; extracted: number }> {
  const stored = store.extractions(version.key);
  const missing = articles.filter((a) => !stored.has(contentHashes.get(a.id)!));
  if (missing.length) {
    const pool = await extractor(missing.length);
    try {
      const batch: Array<{ contentHash: string; extraction: StoredExtraction }> = [];
      let done = 0;
      await Promise.all(
        missing.map(async (article) => {
          const extraction = await pool.extract(article);
          const contentHash = contentHashes.get(article.id)!;
          stored.set(contentHash, extraction);
          batch.push({ contentHash, extraction });
          if (batch.length >= COMMIT_EVERY) store.commit({ extractions: batch.splice(0) }, version.key);
          onProgress?.("extract", ++done, missing.length, article.id);
        }),
      );
      if (batch.length) store.commit({ extractions: batch }, version.key);
    } finally {
      await pool.close();
    }
  }
  const extractions = articles.map((article) => ({ article, ...stored.get(contentHashes.get(article.id)!)! }));
  return { extractions, reused: articles.length - missing.length, extracted: missing.length };
}

export async function buildGraphWithStore(corpus: Corpus, options: StoreBuildOptions, rules = loadRules(corpus.lexiconDir)): Promise<StoreBuildResult> {
  const { store, version, onProgress, threads = 1 } = options;
  const synced = await syncFolder(store, corpus.articlesDir, rules.ingest, version.key, (file, done, total) => onProgress?.("ingest", done, total, file), options.onWarning);
  const previous = store.getMeta("extractor");
  const makeExtractor = async (missing: number) => (threads > 1 && missing >= POOL_MIN_ARTICLES ? createExtractorPool({ lexiconDir: corpus.lexiconDir, threads }) : inProcessExtractor(rules.lexicon));
  const { extractions, reused, extracted } = await ensureExtractions(store, synced.articles, synced.contentHashes, version, makeExtractor, onProgress);
  let reextractReason: string | null = null;
  if (previous && previous !== JSON.stringify(version.parts) && extracted > synced.added.length + synced.updated.length) {
    reextractReason = `${describeVersionChange(JSON.parse(previous), version.parts)} changed`;
  }
  store.setMeta("extractor", JSON.stringify(version.parts));
  store.pruneExtractions(version.key);
  onProgress?.("graph", 0, 1);
  const edits = store.edits();
  const { graph, articles, report, resolved } = curatedGraph(extractions, rules.lexicon, edits, { layout: false });
  onProgress?.("graph", 1, 1);
  await layOutWithStore(graph, store);
  return { graph, articles, synced, extractions, edits, curation: report, resolved, reused, extracted, reextractReason };
}
