export { loadLexicon, LexiconError } from "./lexicon/load.ts";
export type { Lexicon, LexEntity } from "./lexicon/types.ts";
export { extractArticle, type ArticleExtraction } from "./article.ts";
export { resolveCorpus, resolveCorpusInSteps, type ResolvedCorpus, type ResolvedEntity, type ResolvedRelation } from "./resolve/corpus.ts";
