export { buildGraph, buildGraphFromArticles, loadRules, type Corpus, type BuildResult, type BuildProgress, type Rules } from "./build.ts";
export { addArticle, type CorpusState, type AddArticleResult } from "./add-article.ts";
export { validateArticleInput, ArticleInputSchema, type ArticleInput } from "./article-input.ts";
export { diffGraphs, type GraphDiff } from "./diff.ts";
export { reconcileGraph, graphArticleIds, type Reconciled } from "./reconcile.ts";
