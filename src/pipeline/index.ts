export { buildGraph, buildGraphFromArticles, buildGraphWithStore, graphFromExtractions, ensureExtractions, loadRules, type Corpus, type BuildResult, type BuildProgress, type Rules, type StoreBuildResult } from "./build.ts";
export { syncFolder, type SyncedCorpus } from "./sync-folder.ts";
export { createExtractorPool, inProcessExtractor, ExtractorError, type Extractor } from "./extractor/index.ts";
export { LiveCorpus, DuplicateArticleError, type LiveCorpusOptions, type AddArticleResult } from "./live-corpus.ts";
export { validateArticleInput, ArticleInputSchema, type ArticleInput } from "./article-input.ts";
export { diffGraphs, type GraphDiff } from "./diff.ts";
export { ingestUrl, type UrlIngestResult, type UrlIngestOptions, type ItemOutcome, type AddFetched } from "./ingest-url.ts";
export { articleInputFromFile } from "./file-input.ts";
