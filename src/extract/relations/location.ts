/**
 * located_in edges from the ways news writes where a place is:
 *  - "Sudzha, a key town in the Kursk region" (apposition naming a kind of place);
 *  - "the Kursk region of Russia", "Sudzha in Kursk" (place of/in place);
 *  - "Russia's Kursk region", "Moscow's oil refinery" (possessive);
 *  - "Jeddah, Saudi Arabia", "Turnberry, Ayrshire, Scotland" (an address: each place in the next; not a list);
 *  - "the Egyptian city of Sharm El-Sheikh" (kind of place of a state);
 *  - "Beersheba and other Israeli cities" (one of a state's places of a kind).
 */
import type { Lexicon } from "../lexicon/types.ts";
import { spanText } from "../tokens.ts";
import type { Mention } from "../mentions/types.ts";
import type { RelationCandidate, SentenceContext } from "./types.ts";
import { isPossessive } from "../mentions/context.ts";

function isContainer(m: Mention | undefined, lexicon: Lexicon): m is Mention {
  return !!m && (m.type === "location" || !!lexicon.entities.get(m.key)?.country);
}

function quote(ctx: SentenceContext, a: Mention, b: Mention): string {
  const [x, y] = a.start < b.start ? [a, b] : [b, a];
  return spanText(ctx.text, ctx.tokens, x.start, y.end);
}

/** "cities" → "city", "towns" → "town": the kind of place a plural names. */
const singular = (w: string) => w.replace(/ies$/, "y").replace(/s$/, "");

/** Words that open an apposition naming a kind of place: "Sudzha, a key town in …", "Shire, one of the main towns in …". */
const APPOSITION_OPENERS = new Set(["a", "an", "the", "one"]);

/**
 * Places written one after another with commas are an address ("Turnberry,
 * Ayrshire, Scotland": each in the next) unless the run ends as a list does,
 * with "and" or "or" before its last item ("Kharkiv, Odesa and Dnipro").
 */
function endsInList(ms: readonly Mention[], i: number, ctx: SentenceContext): boolean {
  const commaOnly = (a: Mention, b: Mention) => b.start === a.end + 1 && ctx.tokens[a.end]?.text === ",";
  let j = i;
  while (ms[j + 1] && commaOnly(ms[j]!, ms[j + 1]!)) j++;
  const after = ctx.tokens[ms[j]!.end];
  const afterNext = ctx.tokens[ms[j]!.end + 1];
  const conjunction = (w: string | undefined) => w === "and" || w === "or";
  return conjunction(after?.lower) || (after?.text === "," && conjunction(afterNext?.lower));
}

export function locationRelations(ctx: SentenceContext, lexicon: Lexicon): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const add = (place: Mention, container: Mention, rule: string) => {
    if (place.key !== container.key) out.push({ source: place.key, type: "located_in", target: container.key, quote: quote(ctx, place, container), rule });
  };
  const ms = ctx.mentions;
  ms.forEach((m, i) => {
    const next = ms[i + 1];
    if (m.type !== "location" || !next) return;
    const gap = ctx.tokens.slice(m.end, next.start).map((t) => t.lower);
    const words = gap.filter((w) => w !== "the" && !lexicon.heads.directions.has(w));
    if ((words.length === 1 && (words[0] === "of" || words[0] === "in")) && isContainer(next, lexicon)) add(m, next, "located:of-in");
    else if (gap.length === 1 && gap[0] === "," && next.kind !== "demonym" && isContainer(next, lexicon) && [".", ",", ";", ")", undefined].includes(ctx.tokens[next.end]?.text) && !endsInList(ms, i, ctx)) add(m, next, "located:comma");
    else if (gap[0] === "," && APPOSITION_OPENERS.has(gap[1] ?? "") && gap.some((w) => lexicon.heads.location.has(singular(w))) && ["in", "of"].includes(gap[gap.length - 1] === "the" ? gap[gap.length - 2]! : gap[gap.length - 1]!) && isContainer(next, lexicon)) add(m, next, "located:apposition");
  });
  // "Beersheba and other Israeli cities": the place is one of the state's places of that kind.
  ms.forEach((m, i) => {
    const next = ms[i + 1];
    if (m.type !== "location" || !next || next.kind !== "demonym" || !lexicon.entities.get(next.key)?.country) return;
    const gap = ctx.tokens.slice(m.end, next.start).map((t) => t.lower);
    const kind = singular(ctx.tokens[next.end]?.lower ?? "");
    if (gap.length === 2 && gap[0] === "and" && gap[1] === "other" && lexicon.heads.appositionPlace.has(kind)) add(m, next, "located:and-other");
  });
  // "the Egyptian city of Sharm El-Sheikh", "Russia's city of Kursk": the state's demonym or possessive, a kind of place, "of", the place.
  ms.forEach((m, i) => {
    const next = ms[i + 1];
    if (!next || !lexicon.entities.get(m.key)?.country || next.type !== "location") return;
    const gap = ctx.tokens.slice(m.end, next.start).map((t) => t.lower).filter((w) => w !== "'s");
    if (gap.length === 2 && lexicon.heads.appositionPlace.has(gap[0]!) && gap[1] === "of") add(next, m, "located:kind-of");
  });
  ms.forEach((m, i) => {
    const next = ms[i + 1];
    if (!isContainer(m, lexicon) || !next || next.type !== "location") return;
    const gap = ctx.tokens.slice(m.end, next.start);
    if (gap.length === 1 && isPossessive(gap[0])) add(next, m, "located:possessive");
  });
  return out;
}
