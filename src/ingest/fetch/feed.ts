/**
 * An RSS (0.9x, 1.0, 2.0) or Atom document to its title and items, with
 * @rowanmanning/feed-parser. Item links are made absolute: the parser resolves
 * them against xml:base or the channel's <link> when that is absolute; what is
 * still relative is resolved against the URL the feed was fetched from. Items
 * without an http(s) link cannot be fetched and are left out.
 */
import { parseFeed } from "@rowanmanning/feed-parser";
import { FetchError } from "./errors.ts";
import { toIsoDate } from "./iso-date.ts";
import type { FeedItem } from "./types.ts";

/** Most items taken from one feed: news feeds carry 10–100; more is an archive dump. */
export const MAX_FEED_ITEMS = 1000;

function absoluteHttp(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** The root element's end tag, last in the document: the parser accepts a feed cut off in the middle. */
const CLOSED_ROOT = /<\/(?:[\w.-]+:)?(?:rss|feed|rdf)\s*>\s*(?:<!--[\s\S]*?-->\s*)*$/i;

const text = (s: string | null | undefined) => s?.replace(/\s+/g, " ").trim() || null;

export function readFeed(xml: string, feedUrl: string, requested: string): { title: string | null; items: FeedItem[] } {
  const fail = (reason: string) => new FetchError("invalid_feed", requested, feedUrl === requested ? reason : `${reason} (at ${feedUrl}, reached by redirect)`);
  if (!CLOSED_ROOT.test(xml.slice(-4096))) throw fail("the feed is cut off: its root element is never closed");
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch (err) {
    throw fail(`is not a readable RSS or Atom feed (${(err as Error).message.split("\n")[0]})`);
  }
  const items: FeedItem[] = [];
  for (const item of feed.items) {
    if (items.length >= MAX_FEED_ITEMS) break;
    const url = absoluteHttp(item.url, feedUrl);
    if (!url) continue;
    items.push({ url, title: text(item.title), published: toIsoDate(item.published ?? item.updated), guid: text(item.id) });
  }
  return { title: text(feed.title), items };
}
