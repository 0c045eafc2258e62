/**
 * The address an article is recognized by: its URL normalized (fragment,
 * default port and tracking parameters dropped; src/ingest/fetch/url.ts), or
 * the URL as given when it does not parse — a manifest may hold anything.
 */
import { normalizeUrl } from "../ingest/fetch/index.ts";

export function urlKeyOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return normalizeUrl(url);
  } catch {
    return url;
  }
}
