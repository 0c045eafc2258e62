/**
 * Argument frames of relation cues (cues.json "frame"): where a cue's source and
 * target stand relative to it. One small function per frame, in a registry, so a
 * new frame is one entry here and cues choose it by name.
 */
import { EDGE_TYPE_BY_ID } from "../../ontology.ts";
import type { Mention } from "../mentions/types.ts";
import { SIDES_KEY } from "../mentions/group-references.ts";
import type { Lexicon } from "../lexicon/types.ts";
import type { CueMatch } from "./cue-pattern.ts";
import type { SentenceContext } from "./types.ts";
import { coordinated, isType, objectsAfter, passiveAgentAt, subjectsBefore, usable, clauseEnd, clauseStart, clauseSubject, oblique } from "./arguments.ts";

export type Pair = [Mention, Mention];
export type Frame = (ctx: SentenceContext, cue: CueMatch) => Pair[];

const PARTY = isType(["actor", "organization"]);

function fitsTarget(type: string, narrowed?: ReadonlySet<string>) {
  const def = EDGE_TYPE_BY_ID.get(type)!;
  return (m: Mention) => def.to.includes(m.type) && (!narrowed || narrowed.has(m.type));
}

function pairs(sources: Mention[], targets: Mention[]): Pair[] {
  return sources.flatMap((s) => targets.filter((t) => t.key !== s.key).map((t): Pair => [s, t]));
}

/** All pairs among a group of parties (symmetric relations). */
function allPairs(group: Mention[]): Pair[] {
  const out: Pair[] = [];
  group.forEach((a, i) => group.slice(i + 1).forEach((b) => a.key !== b.key && out.push([a, b])));
  return out;
}

const TARGET_ONLY_PROPOSAL = new Set(["proposed", "considered"]);
const COORDINATED_TARGETS = new Set(["attacked", "captured", "visited", "criticized", "negotiated_with", "met_with", "aided", "suspended_aid_to"]);

const PARTY_TYPES = new Set(["negotiated_with", "met_with", "criticized", "threatened", "aided", "suspended_aid_to", "supported", "rejected", "demanded"]);
/** Before an object, these make it a place or a source, not the counterpart ("met at the White House", "concessions from the West"). */
const PLACE_MARKERS = new Set(["at", "in", "near", "inside", "outside", "from"]);
const POSSESSIVE_DETERMINERS = new Set(["their", "its", "his", "her", "our", "my", "your"]);
const ADJECTIVAL_BEFORE = new Set(["a", "an", "the", "previously", "newly", "recently", "already"]);
/** Relations of a word that modifies a noun (rule "arc:modifier"): a verb form there names no act. */
const NOUN_MODIFIER_RELATIONS = new Set(["amod", "compound"]);

const RELATIVE = new Set(["which", "that", "whom"]);

/** "a 30-day cease-fire, which Ukraine had agreed to": in a relative clause the object is the noun the clause hangs on. */
function relativeHead(ctx: SentenceContext, subjects: Mention[], fits: (m: Mention) => boolean): Mention[] | undefined {
  const first = subjects[0];
  if (!first || !RELATIVE.has(ctx.tokens[first.start - 1]?.lower ?? "")) return undefined;
  let i = first.start - 2;
  if (ctx.tokens[i]?.text === ",") i--;
  const head = ctx.mentions.find((m) => m.end === i + 1 && usable(ctx, m));
  return head && fits(head) ? [head] : undefined;
}

/** "Russia's devastating struggle on Ukraine": the owner of an event noun is its agent. */
function possessor(ctx: SentenceContext, cueStart: number): Mention[] | null {
  let i = cueStart - 1;
  while (i > 0 && cueStart - i <= 2 && !ctx.tokens[i]!.cap && /^\p{Ll}+$/u.test(ctx.tokens[i]!.text)) i--;
  if (ctx.tokens[i]?.lower !== "'s") return null;
  const owner = ctx.mentions.find((m) => m.end === i && PARTY(m) && usable(ctx, m));
  return owner ? [owner] : null;
}

const svo: Frame = (ctx, { cue, start, end }) => {
  // "a previously proposed cease-fire": a participle used as an adjective states no act;
  // "a Feb. 28 meeting", "U.S.-Ukraine meeting": an -ing form after a determiner, number or name is a noun.
  const cueWord = ctx.tokens[start]!;
  const before = ctx.tokens[start - 1];
  if (cue.verbal && ADJECTIVAL_BEFORE.has(before?.lower ?? "") && /(ed|en)$/.test(cueWord.lower)) return [];
  const before2 = ctx.tokens[start - 2];
  const nounModifier = before?.cap && (before2?.text === "-" || ADJECTIVAL_BEFORE.has(before2?.lower ?? ""));
  if (cue.verbal && /ing$/.test(cueWord.lower) && before && (ADJECTIVAL_BEFORE.has(before.lower) || nounModifier || /^\p{N}/u.test(before.text))) return [];
  // "their call for", "its offer": after a possessive determiner the cue is a noun; "win back": a particle of another verb.
  if (cue.verbal && before && (POSSESSIVE_DETERMINERS.has(before.lower) || (before.tags.has("Verb") && !before.tags.has("Auxiliary") && !before.tags.has("Modal") && !before.tags.has("Copula") && !/^(to|not)$/.test(before.lower) && cue.elements.length === 1))) return [];
  // The parse's word for the same: a verb form modifying a noun ("their negotiating position", "a U.S.-backed plan").
  // Asked only of forms that can modify a noun (a participle, a gerund, or a word not tagged a verb: a finite or base
  // verb is never amod or compound), and last of these tests: reading a relation parses the sentence.
  const modifierForm = !cueWord.tags.has("Verb") || cueWord.tags.has("Participle") || cueWord.tags.has("Gerund");
  if (cue.verbal && modifierForm && !before?.tags.has("Auxiliary") && NOUN_MODIFIER_RELATIONS.has(cueWord.rel)) return [];
  const agent = cue.verbal ? passiveAgentAt(ctx, start, end) : -1;
  const fits = fitsTarget(cue.type, cue.targets);
  const prefer = (m: Mention) => m.type === "proposal";
  if (agent >= 0) {
    const sources = objectsAfter(ctx, agent, PARTY, { coordinate: true });
    const targets = subjectsBefore(ctx, start, fits, { stopAtPronoun: true });
    return pairs(sources, targets);
  }
  // "the plan's call for", "Russia's offer of": after "'s" even a verbal cue is a noun whose agent is the owner, if a party.
  const owned = before?.lower === "'s";
  const sources = owned ? (possessor(ctx, start) ?? []) : (!cue.verbal && possessor(ctx, start)) || subjectsBefore(ctx, start, PARTY);
  // "handed over demands", "issued strong objections": a proposal inside the cue is its object.
  const inside = ctx.mentions.find((m) => m.type === "proposal" && m.start >= start && m.end <= end && usable(ctx, m) && fits(m));
  const onlyProposals = TARGET_ONLY_PROPOSAL.has(cue.type);
  // A party met "at the White House" or criticized "in Kyiv" is a place there, not the counterpart.
  const counterpart = (m: Mention) => fits(m) && !(PARTY_TYPES.has(cue.type) && PLACE_MARKERS.has(ctx.tokens[m.start - 1]?.lower === "the" ? ctx.tokens[m.start - 2]?.lower ?? "" : ctx.tokens[m.start - 1]?.lower ?? ""));
  // "struck a framework trade deal with Europe": when a proposal is the cue's object, a verb of
  // force or hostility is the idiom's ("strike a deal"), not an act against the party after it.
  if (!inside && cue.verbal && !EDGE_TYPE_BY_ID.get(cue.type)!.to.includes("proposal") && objectsAfter(ctx, end, () => true)[0]?.type === "proposal") return [];
  // "agreed to establish a mechanism", "refused to accept the plan": a stance on an act is a stance on its object.
  const objectFrom = cue.verbal && ctx.tokens[end]?.tags.has("Verb") && ctx.tokens[end - 1]?.lower === "to" && !ctx.mentions.some((m) => m.start === end) ? end + 1 : end;
  const targets = inside ? [inside] : relativeHead(ctx, sources, fits) ?? objectsAfter(ctx, objectFrom, onlyProposals ? isType(["proposal"]) : counterpart, { coordinate: COORDINATED_TARGETS.has(cue.type), prefer: EDGE_TYPE_BY_ID.get(cue.type)!.to.includes("proposal") ? prefer : undefined, window: onlyProposals ? 25 : undefined });
  return pairs(sources, targets);
};

/** The parties named after `end`, with those coordinated with the first ("between X, Y and Z"). */
function partiesAfter(ctx: SentenceContext, end: number): Mention[] {
  const first = objectsAfter(ctx, end, PARTY);
  return first.length ? coordinated(ctx, first[0]!, PARTY) : [];
}

/** "Both sides agreed": the group stands for two parties the article resolves (article.ts), paired with itself. */
function sidesGroup(group: Mention[]): Pair[] | undefined {
  return group.length === 1 && group[0]!.key === SIDES_KEY ? [[group[0]!, group[0]!]] : undefined;
}

/** "talks between the United States and Ukraine", "a meeting between Zelensky, Trump, and Vance". */
const between: Frame = (ctx, { end }) => allPairs(partiesAfter(ctx, end));

/**
 * "Oman mediated a ceasefire deal between the Houthis and the US": the mediator
 * negotiated with each side (annotation rule 10), and the sides with each other.
 */
const mediator: Frame = (ctx, { start, end }) => {
  const sides = partiesAfter(ctx, end);
  return sides.length ? [...pairs(subjectsBefore(ctx, start, PARTY), sides), ...allPairs(sides)] : [];
};

/**
 * "Trump welcomed Pashinyan and Aliyev to the White House": the parties the
 * cue names between its verb and "to" came to the place after it.
 */
const guests: Frame = (ctx, { start, end }) => {
  const place = ctx.mentions.find((m) => m.start >= end && m.start <= end + 2 && usable(ctx, m) && (m.type === "location" || m.place));
  if (!place) return [];
  const visitors = ctx.mentions.filter((m) => m.start > start && m.end < end && PARTY(m) && usable(ctx, m));
  return visitors.map((v): Pair => [v, place]);
};

/**
 * "The summit was attended by X, Y and Z", "X attended the talks": the
 * attendees came to where the article said the meeting was held.
 */
const attendees: Frame = (ctx, { cue, start, end }) => {
  const place = ctx.eventPlace;
  if (!place) return [];
  const parties = cue.pattern.endsWith(" by") ? objectsAfter(ctx, end, PARTY, { coordinate: true }) : subjectsBefore(ctx, start, PARTY);
  return parties.map((p): Pair => [p, place]);
};

/** The side a party belongs to, as far as the lexicon knows (a state is its own side). */
export function sideOf(key: string, lexicon: Lexicon): string | undefined {
  const e = lexicon.entities.get(key);
  if (!e) return undefined;
  return e.country ? e.id : e.memberOf ? sideOf(e.memberOf, lexicon) ?? e.memberOf : undefined;
}

/** "negotiations with the U.S.": the subject of the clause and the party after "with". */
const withFrame: Frame = (ctx, { start, end }) => pairs(subjectsBefore(ctx, start, PARTY), objectsAfter(ctx, end, PARTY, { coordinate: true }));

/** "Washington and Moscow have begun discussing": coordinated subjects act together. */
const joint: Frame = (ctx, { start }) => {
  const group = subjectsBefore(ctx, start, PARTY);
  return sidesGroup(group) ?? (group.length > 1 ? allPairs(group) : []);
};

/** "Ukraine and Russia launched strikes on each other": each coordinated subject acts on every other. */
const reciprocal: Frame = (ctx, { start }) => {
  const group = subjectsBefore(ctx, start, PARTY);
  // "Both sides blame each other": article.ts gives both directions.
  return sidesGroup(group) ?? (group.length > 1 ? pairs(group, group) : []);
};

/** "the Trump administration's proposal", "a U.S. cease-fire proposal": the owner put it forward. */
const possessive: Frame = (ctx, { cue, start }) => {
  const proposal = ctx.mentions.find((m) => m.type === "proposal" && m.start <= start && start < m.end && usable(ctx, m));
  if (!proposal) return [];
  const owner = [...ctx.mentions].reverse().find((m) => m.end <= proposal.start && usable(ctx, m));
  if (!owner || !PARTY(owner)) return [];
  const gap = ctx.tokens.slice(owner.end, proposal.start).map((t) => t.lower);
  if (!(gap.length === 0 || (gap.length === 1 && gap[0] === "'s"))) return [];
  const demand = ctx.tokens.slice(proposal.start, proposal.end).some((t) => ctx.heads.proposal.demands.has(t.lower));
  if ((cue.type === "demanded") !== demand) return [];
  return [[owner, proposal]];
};

/** "a cease-fire plan submitted by the United States": the agent after the cue, the proposal before it. */
const passiveAgent: Frame = (ctx, { start, end }) => {
  const proposal = [...ctx.mentions].reverse().find((m) => m.type === "proposal" && m.end <= start && start - m.end <= 4 && usable(ctx, m));
  if (!proposal) return [];
  return pairs(objectsAfter(ctx, end, PARTY), [proposal]);
};

/** "talks in Saudi Arabia", "a meeting at the White House": the parties of the clause were at the place. */
const atPlace: Frame = (ctx, { start, end }) => {
  const place = ctx.mentions.find((m) => m.start >= end && m.start <= end + 3 && usable(ctx, m) && (m.type === "location" || m.place));
  if (!place) return [];
  // The meeting's parties: the clause's subject, and whoever the meeting was "with"/"between".
  const subject = clauseSubject(ctx, start, PARTY);
  const parties = [...subjectsBefore(ctx, start, PARTY), ...(subject ? coordinated(ctx, subject, PARTY).filter((m) => !oblique(ctx, m)) : [])];
  for (let i = clauseStart(ctx, end); i < clauseEnd(ctx, end); i++) {
    const w = ctx.tokens[i]!.lower;
    const ledBy = w === "by" && /^(led|headed|chaired|hosted|attended)$/.test(ctx.tokens[i - 1]?.lower ?? "");
    if (w === "with" || w === "between" || ledBy) parties.push(...objectsAfter(ctx, i + 1, PARTY, { coordinate: true }));
  }
  return [...new Set(parties)].filter((p) => p.key !== place.key).map((p): Pair => [p, place]);
};

export const FRAMES: Readonly<Record<string, Frame>> = {
  svo,
  between,
  mediator,
  guests,
  attendees,
  with: withFrame,
  joint,
  reciprocal,
  possessive,
  "passive-agent": passiveAgent,
  "at-place": atPlace,
};
