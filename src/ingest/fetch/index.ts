/** Fetching articles and feeds by URL (issue 14): fetchSource and what the store needs to recognize a URL or story again. */
export { fetchSource } from "./fetch-source.ts";
export { FetchError, type FetchErrorCode, type FetchErrorDetails } from "./errors.ts";
export { DEFAULT_FETCH_OPTIONS, DEFAULT_USER_AGENT, type FetchOptions, type Resolver, type ResolvedAddress } from "./options.ts";
export { normalizeUrl } from "./url.ts";
export { hashArticleText } from "./content-hash.ts";
export { classifyAddress, isPublicAddress, type AddressClass } from "./address.ts";
export type { FetchedSource, FetchedPage, FetchedFeed, FeedItem, FetchedArticle, NotModified } from "./types.ts";
