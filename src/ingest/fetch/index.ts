/** Fetching articles and feeds by URL (issue 14): fetchSource and what the store needs to recognize a URL or story again. */
import type { FetchOptions } from "./options.ts";
import type { FetchedSource } from "./types.ts";

/**
 * Fetches an article page or a feed (./fetch-source.ts). Its HTTP client, DOM,
 * readability and feed parser (about 0.6 s of imports) load on the first
 * fetch, not when a server or a build that never fetches starts.
 */
export async function fetchSource(url: string, options: FetchOptions = {}): Promise<FetchedSource> {
  return (await import("./fetch-source.ts")).fetchSource(url, options);
}
export { FetchError, type FetchErrorCode, type FetchErrorDetails } from "./errors.ts";
export { DEFAULT_FETCH_OPTIONS, DEFAULT_USER_AGENT, type FetchOptions, type Resolver, type ResolvedAddress } from "./options.ts";
export { normalizeUrl } from "./url.ts";
export { hashArticleText } from "./content-hash.ts";
export { classifyAddress, isPublicAddress, type AddressClass } from "./address.ts";
export type { FetchedSource, FetchedPage, FetchedFeed, FeedItem, FetchedArticle, NotModified } from "./types.ts";
