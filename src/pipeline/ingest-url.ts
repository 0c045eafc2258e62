/**
 * Ingest by address: one article page, or every new item of an RSS/Atom feed.
 * The network waits happen before `add` (by default the live corpus's own; a
 * server passes its one-at-a-time ingest), so a slow site never holds up other
 * ingests. An address already in the corpus is not fetched again; a feed item that fails is reported and the others go on.
 */
import type { Article } from "../types.ts";
import { fetchSource, FetchError, type FetchedArticle, type FetchOptions } from "../ingest/fetch/index.ts";
import { DuplicateArticleError, type LiveCorpus } from "./live-corpus.ts";
import { urlKeyOf } from "./url-key.ts";

/** Adds one fetched article to the corpus (committing it is enough). */
export type AddFetched = (input: FetchedArticle) => Promise<{ article: Article }>;

export interface ItemOutcome {
  url: string;
  status: "ingested" | "duplicate" | "failed";
  /** The article ingested, or the one this address or text repeats. */
  article?: string;
  message?: string;
}

export type UrlIngestResult =
  | { kind: "page"; outcome: ItemOutcome }
  | { kind: "feed"; title: string | null; outcomes: ItemOutcome[]; etag?: string; lastModified?: string }
  | { kind: "not-modified" };

export interface UrlIngestOptions extends FetchOptions {
  /** Most feed items taken from one poll (default 100), newest as the feed lists them. */
  maxItems?: number;
  onItem?: (outcome: ItemOutcome) => void;
}

function knownAddress(live: LiveCorpus, url: string): string | null {
  const key = urlKeyOf(url);
  return key ? live.store.findByUrl(key) : null;
}

async function ingestPage(live: LiveCorpus, url: string, options: FetchOptions, add: AddFetched): Promise<ItemOutcome> {
  const known = knownAddress(live, url);
  if (known) return { url, status: "duplicate", article: known, message: `already ingested as article "${known}"` };
  try {
    const source = await fetchSource(url, options);
    if (source.kind === "feed") throw new FetchError("unsupported_type", url, "is a feed listed as an item of a feed; it is not followed");
    if (source.kind !== "page") throw new FetchError("http_status", url, "answered 304 Not Modified to a request that was not conditional");
    const { article } = await add(source.article);
    return { url, status: "ingested", article: article.id };
  } catch (err) {
    if (err instanceof DuplicateArticleError) return { url, status: "duplicate", article: err.existing, message: err.message };
    if (err instanceof Error && (err as { expose?: boolean }).expose) return { url, status: "failed", message: err.message };
    throw err;
  }
}

/**
 * Fetches `url`; a page is ingested (a refusal throws, as a posted article's
 * would), a feed has each new item fetched and ingested in turn.
 */
export async function ingestUrl(live: LiveCorpus, url: string, options: UrlIngestOptions = {}, add: AddFetched = (input) => live.add(input)): Promise<UrlIngestResult> {
  const { maxItems = 100, onItem, ...fetchOptions } = options;
  const known = knownAddress(live, url);
  if (known) throw new DuplicateArticleError(url, known, "url");
  const source = await fetchSource(url, fetchOptions);
  if (source.kind === "not-modified") return { kind: "not-modified" };
  if (source.kind === "page") {
    const { article } = await add(source.article);
    return { kind: "page", outcome: { url, status: "ingested", article: article.id } };
  }
  const outcomes: ItemOutcome[] = [];
  // Conditional headers belong to the feed request only.
  const { etag: _e, lastModified: _l, ...pageOptions } = fetchOptions;
  for (const item of source.items.slice(0, maxItems)) {
    const outcome = await ingestPage(live, item.url, pageOptions, add);
    outcomes.push(outcome);
    onItem?.(outcome);
  }
  return { kind: "feed", title: source.title, outcomes, etag: source.etag, lastModified: source.lastModified };
}
