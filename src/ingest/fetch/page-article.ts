/**
 * An HTML page to an article: readability (on a linkedom DOM) finds the story
 * and cleans its markup; the page's meta tags fill in what readability does not
 * say. A page whose story is shorter than MIN_ARTICLE_CHARS (an index, a login
 * wall, a video page) is refused as "not_an_article".
 */
import { Readability } from "@mozilla/readability";
import { IngestError } from "../errors.ts";
import { assertHtmlDepth } from "../html-depth.ts";
import { htmlToText } from "../html-to-text.ts";
import { normalizeText } from "../normalize.ts";
import { hashArticleText } from "./content-hash.ts";
import { FetchError } from "./errors.ts";
import { toIsoDate } from "./iso-date.ts";
import { readPageMeta } from "./page-meta.ts";
import { parsePage } from "./page-dom.ts";
import { normalizeUrl } from "./url.ts";
import type { FetchedPage } from "./types.ts";

/** Fewest characters of story text accepted: a short news brief has a few hundred. */
export const MIN_ARTICLE_CHARS = 250;
/** The pipeline's ArticleInput limits. */
const MAX_TITLE_CHARS = 500;
const MAX_OUTLET_CHARS = 200;
const TITLE_SEPARATORS = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "];

function clean(value: string | null | undefined, max: number): string | undefined {
  const s = value?.replace(/\s+/g, " ").trim();
  return s ? s.slice(0, max).trim() : undefined;
}

/** "Talks resume | The Daily Example" → "Talks resume" when the outlet is "The Daily Example". */
function withoutOutlet(title: string, outlet: string | undefined): string {
  if (!outlet) return title;
  const lower = title.toLowerCase();
  for (const sep of TITLE_SEPARATORS) {
    const suffix = `${sep}${outlet}`.toLowerCase();
    if (lower.endsWith(suffix) && title.length > suffix.length) return title.slice(0, -suffix.length).trim();
  }
  return title;
}

const bareHost = (url: URL) => url.hostname.replace(/^www\./, "");

export function extractArticle(html: string, pageUrl: string, requested: string): Omit<FetchedPage, "kind" | "finalUrl"> {
  const fail = (reason: string) => new FetchError("not_an_article", requested, pageUrl === requested ? reason : `${reason} (at ${pageUrl}, reached by redirect)`);
  try {
    assertHtmlDepth(html, requested);
  } catch (err) {
    if (err instanceof IngestError) throw fail(err.reason);
    throw err;
  }
  const url = new URL(pageUrl);
  const document = parsePage(html, url);
  const meta = readPageMeta(document, url);
  let parsed: ReturnType<Readability["parse"]>;
  try {
    parsed = new Readability(document).parse();
  } catch (err) {
    throw fail(`readability could not read the page (${(err as Error).message})`);
  }
  if (!parsed?.content) throw fail("readability found no article on the page");
  const text = normalizeText(htmlToText(parsed.content, requested).text);
  if (text.length < MIN_ARTICLE_CHARS) {
    throw fail(`readability found ${text.length} characters of article text on the page, fewer than the ${MIN_ARTICLE_CHARS} an article needs`);
  }
  const outlet = clean(parsed.siteName, MAX_OUTLET_CHARS) ?? clean(meta.siteName, MAX_OUTLET_CHARS) ?? bareHost(url);
  const title = clean(withoutOutlet(clean(parsed.title, 2 * MAX_TITLE_CHARS) ?? "", outlet), MAX_TITLE_CHARS) ?? text.split("\n")[0]!.slice(0, 120);
  const published = toIsoDate(parsed.publishedTime) ?? meta.published ?? undefined;
  // A canonical URL on another site is not trusted: it would let any page claim another's identity in the store.
  const canonical = meta.canonical && bareHost(new URL(meta.canonical)) === bareHost(url) ? meta.canonical : null;
  let articleUrl = normalizeUrl(pageUrl);
  try {
    if (canonical) articleUrl = normalizeUrl(canonical);
  } catch {
    /* a canonical URL fetchSource would refuse (too long, credentials) is ignored */
  }
  return {
    article: { title, html: parsed.content, ...(published ? { published } : {}), outlet, url: articleUrl },
    text,
    contentHash: hashArticleText(text),
  };
}
