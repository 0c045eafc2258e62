/**
 * Argument frames of relation cues (cues.json "frame"): where a cue's source and
 * target stand relative to it. One small function per frame, in a registry, so a
 * new frame is one entry here and cues choose it by name.
 */
import { EDGE_TYPE_BY_ID } from "../../ontology.ts";
import type { Mention } from "../mentions/types.ts";
import type { CueMatch } from "./cue-pattern.ts";
import type { SentenceContext } from "./types.ts";
import { coordinated, isType, objectsAfter, passiveAgentAt, subjectsBefore, usable, clauseEnd } from "./arguments.ts";

export type Pair = [Mention, Mention];
export type Frame = (ctx: SentenceContext, cue: CueMatch) => Pair[];

const PARTY = isType(["actor", "organization"]);
const PROPOSAL_DEMAND_HEADS = /\b(demands|requirements|conditions)\b/i;

function fitsTarget(type: string) {
  const def = EDGE_TYPE_BY_ID.get(type)!;
  return (m: Mention) => def.to.includes(m.type);
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

const svo: Frame = (ctx, { cue, start, end }) => {
  const agent = cue.verbal ? passiveAgentAt(ctx, start, end) : -1;
  const fits = fitsTarget(cue.type);
  const prefer = (m: Mention) => m.type === "proposal";
  if (agent >= 0) {
    const sources = objectsAfter(ctx, agent, PARTY, { coordinate: true });
    const targets = subjectsBefore(ctx, start, fits);
    return pairs(sources, targets);
  }
  const sources = subjectsBefore(ctx, start, PARTY);
  const targets = objectsAfter(ctx, end, TARGET_ONLY_PROPOSAL.has(cue.type) ? isType(["proposal"]) : fits, { coordinate: COORDINATED_TARGETS.has(cue.type), prefer: EDGE_TYPE_BY_ID.get(cue.type)!.to.includes("proposal") ? prefer : undefined });
  return pairs(sources, targets);
};

/** "talks between the United States and Ukraine", "a meeting between Zelensky, Trump, and Vance". */
const between: Frame = (ctx, { end }) => {
  const first = objectsAfter(ctx, end, PARTY);
  return first.length ? allPairs(coordinated(ctx, first[0]!, PARTY)) : [];
};

/** "negotiations with the U.S.": the subject of the clause and the party after "with". */
const withFrame: Frame = (ctx, { start, end }) => pairs(subjectsBefore(ctx, start, PARTY), objectsAfter(ctx, end, PARTY, { coordinate: true }));

/** "Washington and Moscow have begun discussing": coordinated subjects act together. */
const joint: Frame = (ctx, { start }) => {
  const group = subjectsBefore(ctx, start, PARTY);
  return group.length > 1 ? allPairs(group) : [];
};

/** "the Trump administration's proposal", "a U.S. cease-fire proposal": the owner put it forward. */
const possessive: Frame = (ctx, { cue, start }) => {
  const proposal = ctx.mentions.find((m) => m.type === "proposal" && m.start <= start && start < m.end && usable(ctx, m));
  if (!proposal) return [];
  const owner = [...ctx.mentions].reverse().find((m) => m.end <= proposal.start && usable(ctx, m));
  if (!owner || !PARTY(owner)) return [];
  const gap = ctx.tokens.slice(owner.end, proposal.start).map((t) => t.lower);
  if (!(gap.length === 0 || (gap.length === 1 && gap[0] === "'s"))) return [];
  const demand = PROPOSAL_DEMAND_HEADS.test(proposal.text);
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
const atPlace: Frame = (ctx, { end }) => {
  const place = ctx.mentions.find((m) => m.start >= end && m.start <= end + 3 && usable(ctx, m) && (m.type === "location" || m.place));
  if (!place) return [];
  const stop = clauseEnd(ctx, end);
  const parties = ctx.mentions.filter((m) => PARTY(m) && usable(ctx, m) && m.end <= stop && m.key !== place.key);
  return parties.map((p): Pair => [p, place]);
};

export const FRAMES: Readonly<Record<string, Frame>> = {
  svo,
  between,
  with: withFrame,
  joint,
  possessive,
  "passive-agent": passiveAgent,
  "at-place": atPlace,
};
