/** What fetchSource gives back: an article page, a feed's items, or "not modified". */

/**
 * An article in the shape of the pipeline's ArticleInput ({title, html,
 * published?, outlet?, url?}), ready for validateArticleInput / prepareArticle.
 * Fields the page does not state are absent, never empty strings.
 */
export interface FetchedArticle {
  /** The headline (at most 500 characters), without a trailing " | Outlet". */
  title: string;
  /** Readability's cleaned content HTML: the story's own markup, links made absolute. */
  html: string;
  /** YYYY-MM-DD as the page writes it (the date part of its own time zone). */
  published?: string;
  /** The site's name (og:site_name, JSON-LD publisher) or else the host without "www.". */
  outlet: string;
  /** normalizeUrl of the canonical URL (when on the same host) or else of the final URL. */
  url: string;
}

export interface FetchedPage {
  kind: "page";
  /** The URL the last redirect led to. */
  finalUrl: string;
  article: FetchedArticle;
  /** The article's plain text: normalizeText(htmlToText(article.html).text), which is what contentHash hashes. */
  text: string;
  /** hashArticleText(text): sha256 hex. */
  contentHash: string;
}

export interface FeedItem {
  /** Absolute http(s) URL of the item's page (relative links resolved against the feed). */
  url: string;
  title: string | null;
  /** YYYY-MM-DD (UTC) of the item's published date, else its updated date. */
  published: string | null;
  /** RSS <guid> / Atom <id>, when the feed gives one. */
  guid: string | null;
}

export interface FetchedFeed {
  kind: "feed";
  finalUrl: string;
  title: string | null;
  /** In feed order; items without an http(s) link are left out. */
  items: FeedItem[];
  /** Validators to pass back as options.etag / options.lastModified on the next poll. */
  etag?: string;
  lastModified?: string;
}

export interface NotModified {
  kind: "not-modified";
  finalUrl: string;
}

export type FetchedSource = FetchedPage | FetchedFeed | NotModified;
