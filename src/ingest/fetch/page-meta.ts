/**
 * What a page says about itself in its <head> and markup: publication date,
 * site name and canonical URL. Read before readability runs (it rewrites the
 * document). JSON-LD is left to readability, which parses it.
 */
import { toIsoDate } from "./iso-date.ts";

/** Meta keys (name, property or itemprop, lowercased) that carry the publication time, best first. */
const PUBLISHED_KEYS = [
  "article:published_time",
  "datepublished",
  "og:published_time",
  "parsely-pub-date",
  "sailthru.date",
  "publish-date",
  "pubdate",
  "dc.date.issued",
  "dcterms.issued",
  "dc.date",
  "date",
];
/** <time datetime> elements, most specific first: a "last updated" stamp in a sidebar comes last. */
const TIME_SELECTORS = ["time[pubdate][datetime]", "article time[datetime]", "main time[datetime]", "time[datetime]"];

export interface PageMeta {
  /** YYYY-MM-DD. */
  published: string | null;
  siteName: string | null;
  /** Absolute http(s) URL from <link rel="canonical"> or og:url. */
  canonical: string | null;
}

function metaValues(document: Document): Map<string, string> {
  const values = new Map<string, string>();
  for (const meta of document.querySelectorAll("meta[content]")) {
    const content = meta.getAttribute("content")?.trim();
    if (!content) continue;
    for (const attr of ["property", "name", "itemprop"]) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key && !values.has(key)) values.set(key, content);
    }
  }
  return values;
}

function absoluteHttp(href: string | null | undefined, base: URL): string | null {
  if (!href?.trim()) return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export function readPageMeta(document: Document, pageUrl: URL): PageMeta {
  const metas = metaValues(document);
  const fromMeta = PUBLISHED_KEYS.map((k) => toIsoDate(metas.get(k))).find(Boolean);
  const fromTime = TIME_SELECTORS.map((sel) => toIsoDate(document.querySelector(sel)?.getAttribute("datetime"))).find(Boolean);
  const canonicalLink = [...document.querySelectorAll("link[rel][href]")].find((l) => /(^|\s)canonical(\s|$)/i.test(l.getAttribute("rel") ?? ""));
  return {
    published: fromMeta ?? fromTime ?? null,
    siteName: metas.get("og:site_name") ?? metas.get("application-name") ?? null,
    canonical: absoluteHttp(canonicalLink?.getAttribute("href"), pageUrl) ?? absoluteHttp(metas.get("og:url"), pageUrl),
  };
}
