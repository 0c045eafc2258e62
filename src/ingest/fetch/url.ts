/**
 * URLs a fetch accepts (absolute http: or https:, no credentials) and the
 * normal form the store compares to recognize the same article twice.
 */
import { FetchError } from "./errors.ts";

/** Longest URL accepted, as for a posted article's `url` field. */
export const MAX_URL_CHARS = 2000;

/** Query parameters that only say where a click came from ("utm_source", "fbclid"). */
const TRACKING_PREFIXES = ["utm_"];
const TRACKING_NAMES = new Set(["fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "_ga", "_gl"]);

function isTracking(pair: string): boolean {
  const rawKey = pair.split("=", 1)[0]!;
  let key: string;
  try {
    key = decodeURIComponent(rawKey.replace(/\+/g, " ")).toLowerCase();
  } catch {
    return false;
  }
  return TRACKING_NAMES.has(key) || TRACKING_PREFIXES.some((p) => key.startsWith(p));
}

/**
 * `url` parsed, or a FetchError "bad_url" naming it. `requested` is the URL the
 * caller asked for, when `url` is a redirect target.
 */
export function parseSourceUrl(url: string, requested = url): URL {
  const fail = (reason: string) => new FetchError("bad_url", requested, reason);
  if (typeof url !== "string" || !url.trim()) throw fail("no URL given");
  if (url.length > MAX_URL_CHARS) throw fail(`the URL is ${url.length} characters, more than the ${MAX_URL_CHARS} accepted`);
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw fail(url === requested ? "is not a valid absolute URL" : `redirects to "${url}", which is not a valid URL`);
  }
  const where = url === requested ? "" : `redirects to ${parsed.href}: `;
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw fail(`${where}only http: and https: addresses are fetched, not ${parsed.protocol}`);
  if (parsed.username || parsed.password) throw fail(`${where}addresses with a user name or password are not fetched`);
  return parsed;
}

/**
 * The form in which two addresses of one article compare equal: fragment
 * dropped, host lowercased (and punycoded), default port dropped, tracking
 * parameters (utm_*, fbclid, gclid, ...) removed. Other parameters are kept in
 * their order and spelling. Throws FetchError "bad_url" for what fetchSource
 * would refuse.
 */
export function normalizeUrl(url: string): string {
  const parsed = parseSourceUrl(url);
  parsed.hash = "";
  const kept = parsed.search.slice(1).split("&").filter((pair) => pair !== "" && !isTracking(pair));
  // Also drops a bare "?" left with no parameters.
  parsed.search = kept.length ? `?${kept.join("&")}` : "";
  return parsed.href;
}
