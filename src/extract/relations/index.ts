/**
 * All relations of one sentence: cue-driven rules (cues.json, argument frames),
 * membership from titles and appositions, and locations. Negated cues ("did not
 * reject") and planned events ("will meet", modality.ts) give nothing; every candidate is checked against the ontology's
 * source/target types.
 */
import { EDGE_TYPE_BY_ID } from "../../ontology.ts";
import type { Lexicon } from "../lexicon/types.ts";
import { spanText } from "../tokens.ts";
import { isDemandList } from "../mentions/proposals.ts";
import type { Mention } from "../mentions/types.ts";
import { findCues } from "./cue-pattern.ts";
import { SIDES_KEY } from "../mentions/group-references.ts";
import { FRAMES, sideOf } from "./frames.ts";
import { negated } from "./arguments.ts";
import { plannedEvent } from "./modality.ts";
import { membershipRelations } from "./membership.ts";
import { locationRelations } from "./location.ts";
import type { RelationCandidate, SentenceContext } from "./types.ts";

function typesFit(type: string, source: Mention | { type: string }, target: Mention | { type: string }): boolean {
  const def = EDGE_TYPE_BY_ID.get(type);
  return !!def && def.from.includes(source.type as never) && def.to.includes(target.type as never);
}

/** A party does not "visit" its own seat: the U.S. or Trump at the White House, Russia or Putin in Moscow. */
function ownSeat(party: string, place: string, lexicon: Lexicon): boolean {
  const seatOf = lexicon.seatOf.get(place);
  if (!seatOf) return false;
  const affiliation = lexicon.entities.get(party)?.memberOf;
  return seatOf === party || affiliation === seatOf || (!!affiliation && lexicon.entities.get(affiliation)?.memberOf === seatOf);
}

/**
 * Both parties' sides are known and differ (Russia and Ukraine, not two allies
 * or two strangers): from the lexicon, or from a title in the same sentence
 * ("Qatari mediator X" stands with Qatar).
 */
function acrossSides(a: string, b: string, lexicon: Lexicon, titled: ReadonlyMap<string, string>): boolean {
  const side = (k: string) => sideOf(k, lexicon) ?? (titled.has(k) ? sideOf(titled.get(k)!, lexicon) ?? titled.get(k) : undefined);
  const sa = side(a), sb = side(b);
  return sa !== undefined && sb !== undefined && sa !== sb;
}

export function sentenceRelations(ctx: SentenceContext, lexicon: Lexicon): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const memberships = membershipRelations(ctx, lexicon);
  const titled = new Map(memberships.map((r) => [r.source, r.target]));
  for (const match of findCues(lexicon.cues, ctx.tokens)) {
    if (negated(ctx, match.start) || plannedEvent(ctx, match, lexicon)) continue;
    const frame = FRAMES[match.cue.frame];
    if (!frame) throw new Error(`cues.json: unknown frame "${match.cue.frame}" in pattern "${match.cue.pattern}"`);
    const quote = spanText(ctx.text, ctx.tokens, match.start, match.end);
    for (const [s, t] of frame(ctx, match)) {
      // Putting forward a list of demands is demanding ("submitted a list of its demands").
      let type = match.cue.type === "proposed" && isDemandList(t.key) ? "demanded" : match.cue.type;
      if (match.cue.unlessSides && !acrossSides(s.key, t.key, lexicon, titled)) type = match.cue.unlessSides;
      // A party never relates to itself; "the two sides" with itself is the two sides with each other (article.ts).
      if ((s.key === t.key && s.key !== SIDES_KEY) || !typesFit(type, s, t)) continue;
      if (match.cue.type === "visited" && ownSeat(s.key, t.key, lexicon)) continue;
      // Negotiation is across sides; two of one side in the same talks are co-delegates, not counterparts.
      if (match.cue.type === "negotiated_with" && sideOf(s.key, lexicon) !== undefined && sideOf(s.key, lexicon) === sideOf(t.key, lexicon)) continue;
      out.push({ source: s.key, type, target: t.key, quote, rule: match.cue.id });
    }
  }
  const typeOf = new Map(ctx.mentions.map((m) => [m.key, m]));
  for (const r of [...memberships, ...locationRelations(ctx, lexicon)]) {
    const s = typeOf.get(r.source) ?? lexicon.entities.get(r.source);
    const t = typeOf.get(r.target) ?? lexicon.entities.get(r.target);
    if (s && t && typesFit(r.type, s, t)) out.push(r);
  }
  return out;
}

export type { RelationCandidate, SentenceContext } from "./types.ts";
