/**
 * One GET that follows redirects by hand, so that every hop is checked like the
 * first URL (scheme, credentials, literal address; names are checked at DNS
 * lookup by the guarded agent) and counted against maxRedirects.
 */
import type { Readable } from "node:stream";
import { request, type Agent } from "undici";
import { FetchError } from "./errors.ts";
import { literalAddressRefusal } from "./guarded-agent.ts";
import { parseSourceUrl } from "./url.ts";
import type { ResolvedFetchOptions } from "./options.ts";

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ACCEPT = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";
/** What read-body.ts can decode. */
export const ACCEPT_ENCODING = "gzip, deflate, br";

export interface HttpResponse {
  /** The URL that answered (after redirects). */
  url: string;
  status: number;
  headers: Record<string, string | undefined>;
  body: Readable & { dump(): Promise<void> };
}

export interface HopTracker {
  /** The URL being fetched; fetchSource names it in errors. */
  hop: string;
}

function header(headers: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(", ") : v]));
}

function requestHeaders(options: ResolvedFetchOptions): Record<string, string> {
  const h: Record<string, string> = { "user-agent": options.userAgent, accept: ACCEPT, "accept-encoding": ACCEPT_ENCODING };
  if (options.etag) h["if-none-match"] = options.etag;
  if (options.lastModified) h["if-modified-since"] = options.lastModified;
  return h;
}

export async function getFollowingRedirects(requested: string, options: ResolvedFetchOptions, agent: Agent, signal: AbortSignal, tracker: HopTracker): Promise<HttpResponse> {
  let url = parseSourceUrl(requested);
  for (let redirects = 0; ; redirects++) {
    tracker.hop = url.href;
    const refused = literalAddressRefusal(url.hostname, options);
    if (refused) {
      const at = url.href === requested ? "" : ` (at ${url.href}, reached by redirect)`;
      throw new FetchError("private_address", requested, `the host ${refused.address} is ${refused.description}${at}; only public addresses are fetched unless allowPrivate is set`);
    }
    const res = await request(url, { method: "GET", dispatcher: agent, signal, headers: requestHeaders(options) });
    const headers = header(res.headers);
    const response: HttpResponse = { url: url.href, status: res.statusCode, headers, body: res.body };
    if (!REDIRECTS.has(res.statusCode) || !headers.location) return response;
    await res.body.dump();
    let next: string;
    try {
      next = new URL(headers.location, url).href;
    } catch {
      next = headers.location;
    }
    if (redirects >= options.maxRedirects) {
      throw new FetchError("too_many_redirects", requested, `more than ${options.maxRedirects} redirects (the last one, from ${url.href}, to ${next})`);
    }
    url = parseSourceUrl(next, requested);
  }
}
