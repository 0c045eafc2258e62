/**
 * The articles folder into the corpus store: a file whose bytes (and manifest
 * entry) are unchanged is taken from the store without being parsed again; a
 * new or changed file is parsed; a file gone from the folder leaves the corpus.
 * All of it is one commit, so the journal records exactly what changed.
 */
import type { Article } from "../types.ts";
import { listArticleFiles, parseArticleFile, readArticleText, readManifest, undatedWarning, type IngestRules } from "../ingest/index.ts";
import { urlKeyOf } from "./url-key.ts";
import { contentHashOf, sourceHashOf, type ArticlePut, type CorpusStore } from "../store/index.ts";

export interface SyncedCorpus {
  /** Every article of the folder, in file order. */
  articles: Article[];
  /** Content hash of each article, by id. */
  contentHashes: Map<string, string>;
  added: string[];
  updated: string[];
  removed: string[];
  /** Journal sequence number after the sync. */
  seq: number;
}

export async function syncFolder(
  store: CorpusStore,
  articlesDir: string,
  rules: IngestRules,
  version: string,
  onArticle?: (file: string, done: number, total: number) => void,
  onWarning?: (message: string) => void,
): Promise<SyncedCorpus> {
  const manifest = await readManifest(articlesDir);
  const files = await listArticleFiles(articlesDir);
  const stored = new Map(store.articleRows().map((r) => [r.file, r]));
  const articles: Article[] = [];
  const contentHashes = new Map<string, string>();
  const puts: ArticlePut[] = [];
  const added: string[] = [];
  const updated: string[] = [];
  for (const file of files) {
    const text = await readArticleText(articlesDir, file);
    const entry = manifest.get(file);
    const sourceHash = sourceHashOf(text, entry);
    const row = stored.get(file);
    let article = row?.sourceHash === sourceHash ? store.article(row.id) : null;
    if (article) {
      contentHashes.set(article.id, row!.contentHash);
    } else {
      article = parseArticleFile(text, file, entry, rules);
      const contentHash = contentHashOf(article);
      contentHashes.set(article.id, contentHash);
      puts.push({ article, sourceHash, contentHash, urlKey: urlKeyOf(article.url) });
      (row ? updated : added).push(article.id);
    }
    if (!article.published) onWarning?.(undatedWarning(article));
    articles.push(article);
    onArticle?.(file, articles.length, files.length);
  }
  const inFolder = new Set(files);
  const removed = [...stored.values()].filter((r) => !inFolder.has(r.file)).map((r) => r.id);
  const seq = puts.length || removed.length ? store.commit({ put: puts, remove: removed }, version) : store.journalSeq();
  return { articles, contentHashes, added, updated, removed, seq };
}
