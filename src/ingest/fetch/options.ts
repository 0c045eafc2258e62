/**
 * Fetch settings: the interface, the defaults, and their validation and
 * resolution in one place. Every limit is on by default; a caller loosens one
 * explicitly (`allowPrivate: true` for a feed on the local network).
 */
import { lookup as dnsLookup } from "node:dns/promises";
import { isPublicAddress } from "./address.ts";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Host name to addresses, like `dns.lookup(host, {all: true})`. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface FetchOptions {
  /** Whole-request budget in ms: connect, headers and body, over all redirects. Default 15,000. */
  timeoutMs?: number;
  /** Largest body read, in bytes after decompression. Default 5 MB. */
  maxBytes?: number;
  /** Redirects followed; each hop is checked like the first URL. Default 5. */
  maxRedirects?: number;
  /** Connect to loopback / private / link-local addresses too. Default false. */
  allowPrivate?: boolean;
  /** Sent as User-Agent. Default DEFAULT_USER_AGENT. */
  userAgent?: string;
  /** From a previous FetchedFeed: sent as If-None-Match; a 304 gives {kind: "not-modified"}. */
  etag?: string;
  /** From a previous FetchedFeed: sent as If-Modified-Since. */
  lastModified?: string;
  /** Cancels the fetch (it then rejects with the signal's reason). */
  signal?: AbortSignal;
  /** DNS resolver for connections (default node:dns lookup). The address check applies to what it returns. */
  resolve?: Resolver;
  /**
   * Which resolved (or literal) addresses may be connected to. Overrides
   * allowPrivate; meant for tests and for deployments with an allowlist.
   */
  allowAddress?: (address: string) => boolean;
}

export const DEFAULT_USER_AGENT = "Parley/0.1 (negotiation news reader; fetches one page or feed when its user asks)";

export const DEFAULT_FETCH_OPTIONS = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  allowPrivate: false,
  userAgent: DEFAULT_USER_AGENT,
} as const;

export interface ResolvedFetchOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  etag?: string;
  lastModified?: string;
  signal?: AbortSignal;
  resolve: Resolver;
  allowAddress: (address: string) => boolean;
}

const systemResolver: Resolver = async (hostname) => (await dnsLookup(hostname, { all: true, verbatim: true })) as ResolvedAddress[];

function check(ok: boolean, what: string): void {
  if (!ok) throw new TypeError(`parley/fetch: expecting ${what}.`);
}

export function resolveFetchOptions(options: FetchOptions = {}): ResolvedFetchOptions {
  const o = { ...DEFAULT_FETCH_OPTIONS, ...options };
  check(Number.isFinite(o.timeoutMs) && o.timeoutMs > 0, "timeoutMs to be a positive number of milliseconds");
  check(Number.isSafeInteger(o.maxBytes) && o.maxBytes > 0, "maxBytes to be a positive integer");
  check(Number.isSafeInteger(o.maxRedirects) && o.maxRedirects >= 0, "maxRedirects to be an integer >= 0");
  check(typeof o.userAgent === "string" && o.userAgent.trim() !== "" && !/[\r\n]/.test(o.userAgent), "userAgent to be a one-line string");
  for (const [name, value] of [["etag", o.etag], ["lastModified", o.lastModified]] as const) {
    check(value === undefined || (typeof value === "string" && !/[\r\n]/.test(value)), `${name} to be a one-line string`);
  }
  return {
    timeoutMs: o.timeoutMs,
    maxBytes: o.maxBytes,
    maxRedirects: o.maxRedirects,
    userAgent: o.userAgent,
    etag: o.etag || undefined,
    lastModified: o.lastModified || undefined,
    signal: o.signal,
    resolve: o.resolve ?? systemResolver,
    allowAddress: o.allowAddress ?? (o.allowPrivate ? () => true : isPublicAddress),
  };
}
