export { IngestError } from "./errors.ts";
export { loadArticles, readArticleFile, readArticleText, parseArticleFile, readManifest, listArticleFiles, articleIdOf, undatedWarning, MANIFEST_FILE, type ManifestEntry } from "./load-articles.ts";
export { parseArticle, formatOf, stringField, type IngestRules, type ArticleFormat } from "./article.ts";
export { loadIngestRules } from "./rules.ts";
export { normalizeText } from "./normalize.ts";
export { htmlToText } from "./html-to-text.ts";
