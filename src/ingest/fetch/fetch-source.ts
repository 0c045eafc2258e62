/**
 * fetchSource: one URL to an article page or a feed's items, under the limits
 * of FetchOptions (options.ts). The story: check the URL, GET it through the
 * guarded agent following checked redirects, answer a 304, refuse what is not a
 * success or not a page or feed, read the body under the size cap, decode it,
 * and hand it to the page or feed reader.
 */
import { FetchError } from "./errors.ts";
import { resolveFetchOptions, type FetchOptions, type ResolvedFetchOptions } from "./options.ts";
import { createGuardedAgent } from "./guarded-agent.ts";
import { startDeadline } from "./deadline.ts";
import { getFollowingRedirects, type HttpResponse } from "./http-get.ts";
import { toFetchError } from "./network-errors.ts";
import { readBody } from "./read-body.ts";
import { decodeBody } from "./charset.ts";
import { declaredKind, decideKind, describeRoot, parseMediaType } from "./content-kind.ts";
import { extractArticle } from "./page-article.ts";
import { readFeed } from "./feed.ts";
import { parseSourceUrl } from "./url.ts";
import type { FetchedSource, NotModified } from "./types.ts";

function statusError(requested: string, res: HttpResponse): FetchError {
  const at = res.url === requested ? "" : ` (at ${res.url}, reached by redirect)`;
  return new FetchError("http_status", requested, `the server answered HTTP ${res.status}${at}`, { status: res.status });
}

function typeError(requested: string, res: HttpResponse, contentType: string, why: string): FetchError {
  const at = res.url === requested ? "" : ` (at ${res.url}, reached by redirect)`;
  return new FetchError("unsupported_type", requested, `${why}: only HTML pages and RSS / Atom feeds are read${at}`, { contentType });
}

interface Downloaded {
  kind: "page" | "feed";
  url: string;
  headers: Record<string, string | undefined>;
  text: string;
}

/** The network half: a decoded page or feed body, or not-modified. Every failure is a FetchError (or the caller's abort). */
async function download(requested: string, o: ResolvedFetchOptions): Promise<Downloaded | NotModified> {
  const agent = createGuardedAgent(o);
  const deadline = startDeadline(o.timeoutMs, o.signal);
  const tracker = { hop: requested };
  try {
    const res = await getFollowingRedirects(requested, o, agent, deadline.signal, tracker);
    if (res.status === 304 && (o.etag || o.lastModified)) {
      await res.body.dump();
      return { kind: "not-modified", finalUrl: res.url };
    }
    if (res.status < 200 || res.status > 299) throw statusError(requested, res);
    const contentType = res.headers["content-type"] ?? "";
    const mediaType = parseMediaType(contentType);
    const declared = declaredKind(mediaType);
    if (!declared) throw typeError(requested, res, contentType, `the content type is ${mediaType!.essence}`);
    const bytes = await readBody({ url: res.url, requested, headers: res.headers, body: res.body }, o.maxBytes);
    const text = decodeBody(bytes, mediaType?.charset).text;
    const kind = decideKind(declared, text);
    if (!kind) throw typeError(requested, res, contentType, `the content type is ${mediaType?.essence ?? "not given"} and ${describeRoot(text)}`);
    return { kind, url: res.url, headers: res.headers, text };
  } catch (err) {
    throw toFetchError(err, { requested, hop: tracker.hop, deadline, timeoutMs: o.timeoutMs, outer: o.signal });
  } finally {
    deadline.clear();
    void agent.destroy().catch(() => {});
  }
}

export async function fetchSource(url: string, options: FetchOptions = {}): Promise<FetchedSource> {
  const o = resolveFetchOptions(options);
  const requested = parseSourceUrl(url).href;
  const got = await download(requested, o);
  if (got.kind === "not-modified") return got;
  if (got.kind === "page") return { kind: "page", finalUrl: got.url, ...extractArticle(got.text, got.url, requested) };
  const { etag, "last-modified": lastModified } = got.headers;
  return { kind: "feed", finalUrl: got.url, ...readFeed(got.text, got.url, requested), ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}
