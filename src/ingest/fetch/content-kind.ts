/**
 * Page or feed? First from the Content-Type (refusing images, PDFs, binaries
 * before their body is read), then, where the type is generic (XML, plain text,
 * none) or commonly wrong (feeds served as text/html), from the document's root
 * element.
 */

export interface MediaType {
  /** "text/html", lowercased, without parameters. */
  essence: string;
  charset?: string;
}

/** What the Content-Type alone says: "html" and "xml" are confirmed by the root element. */
export type DeclaredKind = "page" | "html" | "xml" | "unknown";

const DECLARED: Record<string, DeclaredKind> = {
  "application/xhtml+xml": "page",
  "text/html": "html",
  "application/rss+xml": "xml",
  "application/atom+xml": "xml",
  "application/rdf+xml": "xml",
  "application/xml": "xml",
  "text/xml": "xml",
  // Served for feeds and pages by misconfigured servers: the root element decides.
  "text/plain": "unknown",
};

const FEED_ROOTS = new Set(["rss", "feed", "rdf"]);
const PAGE_ROOTS = new Set(["html", "head", "body"]);
const SNIFF_CHARS = 65_536;

export function parseMediaType(header: string | undefined): MediaType | null {
  if (!header?.trim()) return null;
  const [essence, ...params] = header.split(";");
  const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)?.[1]).find(Boolean);
  return { essence: essence!.trim().toLowerCase(), charset };
}

/** Null when the type is neither a page nor a feed (image/png, application/pdf, application/octet-stream). */
export function declaredKind(type: MediaType | null): DeclaredKind | null {
  return type ? (DECLARED[type.essence] ?? null) : "unknown";
}

/** Local name of the root element, lowercased ("rss", "feed", "rdf" for rdf:RDF, "html"); null when none. */
export function rootElement(text: string): string | null {
  const s = text.slice(0, SNIFF_CHARS);
  let at = s.charCodeAt(0) === 0xfeff ? 1 : 0;
  /** The position after `token` (searched from `from`), or -1. */
  const past = (token: string, from: number) => {
    const i = s.indexOf(token, from);
    return i === -1 ? -1 : i + token.length;
  };
  while (at !== -1 && at < s.length) {
    while (/\s/.test(s[at] ?? "")) at++;
    if (s.startsWith("<?", at)) at = past("?>", at);
    else if (s.startsWith("<!--", at)) at = past("-->", at);
    else if (/^<!doctype\s+html[\s>]/i.test(s.slice(at, at + 15))) return "html";
    else if (s.startsWith("<!", at)) {
      // A DOCTYPE, maybe with an internal subset "[ ... ]" holding ">" characters.
      const close = s.indexOf(">", at);
      const subset = s.indexOf("[", at);
      at = subset !== -1 && subset < close ? past("]", subset) : at;
      at = at === -1 ? -1 : past(">", at);
    } else {
      const name = /^<([A-Za-z_][\w.:-]*)/.exec(s.slice(at, at + 100))?.[1];
      return name ? name.replace(/^.*:/, "").toLowerCase() : null;
    }
  }
  return null;
}

/** The kind of a response from its declared kind and its body; null when it is neither. */
export function decideKind(declared: DeclaredKind, text: string): "page" | "feed" | null {
  if (declared === "page") return "page";
  const root = rootElement(text);
  if (root && FEED_ROOTS.has(root)) return "feed";
  if (declared === "html") return "page";
  return root && PAGE_ROOTS.has(root) ? "page" : null;
}

/** For messages: the root element found, or "no root element". */
export function describeRoot(text: string): string {
  const root = rootElement(text);
  return root ? `its root element is <${root}>` : "it has no XML or HTML root element";
}
