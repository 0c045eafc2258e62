/**
 * Page furniture and credits: drops the lines that belong to the web page
 * ("Subscribe Us", "Leave A Reply", comment widgets), cuts the page's parts out
 * of a line (a photo credit in parentheses), drops an author box and the
 * biography after it, and lifts byline / credit lines out of the story into
 * article metadata. The patterns are data
 * (graph-data/lexicon/furniture.json).
 */

export interface FurnitureRules {
  lines: Set<string>;
  prefixes: string[];
  cutAfter: Set<string>;
  credits: RegExp[];
  topBylines: RegExp[];
  inline: RegExp[];
}

export interface FurnitureData {
  lines: string[];
  prefixes: string[];
  cutAfter: string[];
  credits: string[];
  topBylines: string[];
  /** Parts of a line that are the page's, cut out of it ("(photo credit: REUTERS/…)"); optional. */
  inline?: string[];
}

/** How many leading lines may hold a bare byline. */
const BYLINE_ZONE = 6;
/** Longest line taken for an author box when it holds a credited name. */
const AUTHOR_BOX_WORDS = 6;

export function compileFurniture(data: FurnitureData): FurnitureRules {
  const lower = (xs: string[]) => xs.map((x) => x.toLowerCase());
  return {
    lines: new Set(lower(data.lines)),
    prefixes: lower(data.prefixes),
    cutAfter: new Set(lower(data.cutAfter)),
    credits: data.credits.map((p) => new RegExp(p, "iu")),
    topBylines: data.topBylines.map((p) => new RegExp(p, "u")),
    inline: (data.inline ?? []).map((p) => new RegExp(p, "giu")),
  };
}

export interface StrippedText {
  lines: string[];
  credits: string[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function splitNames(names: string): string[] {
  return names
    .split(/,\s*|\s+and\s+|(?:^|\s+)as well as\s+/)
    .map((n) => n.replace(/\s+from\s+.*$/, "").replace(/\(.*?\)/g, "").trim())
    .filter((n) => /^\p{Lu}/u.test(n));
}

function creditNames(line: string, patterns: RegExp[]): string[] | null {
  for (const p of patterns) {
    const m = p.exec(line);
    if (m) return splitNames(m.groups?.names ?? "");
  }
  return null;
}

/** Removes furniture lines (and everything after an end-of-article widget) and collects credits. */
export function stripFurniture(lines: string[], rules: FurnitureRules, title?: string): StrippedText {
  const kept: string[] = [];
  const credits: string[] = [];
  const titleKey = title?.trim().toLowerCase();
  // The line after an author box, when it names the author, is the author's biography.
  let afterAuthorBox = false;
  for (const raw of lines) {
    const line = rules.inline.reduce((l, p) => l.replace(p, ""), raw).trim();
    if (!line) continue;
    const bio = afterAuthorBox && credits.some((n) => n.split(/\s+/).some((w) => new RegExp(`\\b${escapeRegExp(w)}\\b`, "u").test(line)));
    afterAuthorBox = false;
    if (bio) continue;
    const key = line.toLowerCase();
    if (rules.cutAfter.has(key) && kept.length > 0) break;
    if (rules.lines.has(key) || rules.prefixes.some((p) => key.startsWith(p))) continue;
    // An author box repeats the byline's name ("OC MediaYousef Bardouka", "Yousef Bardouka").
    if (credits.some((n) => line.includes(n)) && line.split(/\s+/).length <= AUTHOR_BOX_WORDS) {
      afterAuthorBox = true;
      continue;
    }
    const names = creditNames(line, rules.credits) ?? (kept.length < BYLINE_ZONE && key !== titleKey ? creditNames(line, rules.topBylines) : null);
    if (names) {
      credits.push(...names);
      continue;
    }
    kept.push(line);
  }
  return { lines: kept, credits };
}
