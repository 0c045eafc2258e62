/**
 * member_of edges from titles and appositions, and between organizations:
 *  - "Kremlin aide Yuri Ushakov", "British Defense Minister John Healey": the body named before the role;
 *  - "Chief of the General Staff Valery Gerasimov": the body after "of";
 *  - "President Vladimir V. Putin of Russia": the state after the name;
 *  - "President Putin": the affiliation the lexicon knows. A bare title names no body (annotation rule 5):
 *    the nearest state in the sentence, tried before, was as often another person's ("German chancellor
 *    Scholz, Spanish Prime Minister Sánchez").
 *  - "Michael Waltz, the U.S. national security adviser,": the body inside the apposition;
 *  - "Ukraine's Air Force", "the Russian Ministry of Defense", "Russian forces": a body of a state or of another body;
 *  - "the Pakistani delegation was led by Defence Minister Khawaja Asif": the leader of a state's delegation.
 * "Former President X" gives none.
 */
import type { Lexicon } from "../lexicon/types.ts";
import { spanText } from "../tokens.ts";
import type { Mention } from "../mentions/types.ts";
import type { RoleSpan } from "../mentions/titles.ts";
import type { RelationCandidate, SentenceContext } from "./types.ts";
import { isPossessive, phraseEnd } from "../mentions/context.ts";

const ROLE_PREPOSITIONS = new Set(["of", "for", "at", "to"]);
/** Roles whose "for" phrase is what they deal with, not whom they work for. */
const BRIEF_ROLES = /envoy|representative|coordinator|mediator|negotiator|adviser|advisor|minister|secretary|commissioner/;

const isBody = (m: Mention | undefined): m is Mention => !!m && m.type === "organization";

const quote = (ctx: SentenceContext, a: number, b: number) => spanText(ctx.text, ctx.tokens, a, b);

/** A body just before the role: "Kremlin aide", "Ukraine's new envoy", "White House press secretary". */
function bodyBefore(ctx: SentenceContext, role: RoleSpan, lexicon: Lexicon): (Mention & { derived?: boolean }) | undefined {
  const containing = ctx.mentions.find((m) => m.start < role.start && m.end > role.start && isBody(m));
  if (containing) return containing;
  let j = role.start;
  for (let skipped = 0; skipped < 3 && j > 0; skipped++) {
    const prev = ctx.tokens[j - 1]!;
    const m = ctx.mentions.find((x) => x.end === j);
    // "Trump's special envoy": a person's aide stands with the person's state (annotation rule 5), if known.
    if (m && m.type === "actor" && isPossessive(ctx.tokens[m.end])) {
      const state = lexicon.entities.get(m.key)?.memberOf;
      return state ? ({ key: state, start: m.start, derived: true } as Mention & { derived: boolean }) : undefined;
    }
    if (m) return isBody(m) ? m : undefined;
    if (isPossessive(prev) || (!prev.cap && /^\p{Ll}/u.test(prev.text))) j--;
    else return undefined;
  }
  return undefined;
}

/** The body a role phrase names after it: "head of Ukraine's National Security and Defense Council". */
function bodyAfter(ctx: SentenceContext, from: number, limit: number, role: string): Mention | undefined {
  const preposition = ctx.tokens[from]?.lower ?? "";
  if (!ROLE_PREPOSITIONS.has(preposition)) return undefined;
  // "spokesman for the Kremlin" names the body, "envoy for Ukraine" / "High Representative for the Horn of Africa" the brief.
  if (preposition === "for" && BRIEF_ROLES.test(role)) return undefined;
  let found: Mention | undefined;
  for (const m of ctx.mentions) {
    if (m.start <= from || m.start >= limit) continue;
    if (!isBody(m)) break;
    found = m;
    // Follow a possessive chain to its head: "Ukraine's National Security and Defense Council".
    if (!isPossessive(ctx.tokens[m.end])) break;
  }
  return found;
}

/** "Ukraine's military chief", "Russian army commander": a military role of a state belongs to its armed forces. */
function militaryRoleBody(ctx: SentenceContext, role: RoleSpan, bodyKey: string, lexicon: Lexicon): string {
  const forces = lexicon.entities.get(bodyKey)?.country ? lexicon.armedForces.get(bodyKey) : undefined;
  if (!forces) return bodyKey;
  for (let i = role.start; i < role.end; i++) if (lexicon.militaryHeads.matchAt(ctx.tokens, i)) return forces;
  return bodyKey;
}

function titleMemberships(ctx: SentenceContext, lexicon: Lexicon): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const role of ctx.roles) {
    if (role.nameStart < 0 || role.former) continue;
    const person = ctx.mentions.find((m) => m.start === role.nameStart && m.type === "actor");
    if (!person) continue;
    const after = ctx.tokens[person.end]?.lower === "of" ? ctx.mentions.find((m) => m.start === person.end + 1 && isBody(m)) : undefined;
    const known = lexicon.entities.get(person.key)?.memberOf;
    const before = bodyBefore(ctx, role, lexicon);
    // "Putin's spokesman Dmitry Peskov": what the lexicon knows of the person beats the boss's state.
    const body =
      (before && !(before.derived && known) ? before : undefined) ??
      bodyAfter(ctx, role.end, role.nameStart, role.role) ??
      after ??
      (known ? ({ key: known } as Mention) : undefined);
    if (!body) continue;
    const target = militaryRoleBody(ctx, role, body.key, lexicon);
    if (target !== person.key) out.push({ source: person.key, type: "member_of", target, quote: quote(ctx, Math.min(role.start, body.start ?? role.start), person.end), rule: "member:title" });
  }
  return out;
}

/** "Waltz, the U.S. national security adviser," / "Bowman, senior director of the Center …". */
function appositionMemberships(ctx: SentenceContext, lexicon: Lexicon): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const person of ctx.mentions) {
    // "Mahmoud Abbas, and Emir of Qatar Sheikh Tamim": a list goes on after the comma, no apposition.
    if (person.type !== "actor" || ctx.tokens[person.end]?.text !== "," || /^(and|or)$/.test(ctx.tokens[person.end + 1]?.lower ?? "")) continue;
    const segEnd = phraseEnd(ctx.tokens, person.end + 1);
    const role = ctx.roles.find((r) => r.start > person.end && r.end <= segEnd);
    if (!role || role.nameStart >= 0 && role.nameStart < segEnd) continue;
    if (ctx.tokens.slice(person.end + 1, role.start).some((t) => lexicon.former.has(t.lower))) continue;
    // A body before the role first: "Trump's special envoy for Ukraine" is the envoy of Trump's state, for Ukraine.
    const body = bodyBefore(ctx, role, lexicon) ?? bodyAfter(ctx, role.end, segEnd, role.role) ?? ctx.mentions.find((m) => m.start > person.end && m.end <= role.start && isBody(m));
    if (body) out.push({ source: person.key, type: "member_of", target: body.key, quote: quote(ctx, person.start, segEnd), rule: "member:apposition" });
  }
  return out;
}

/** "Ukraine's Air Force", "the U.N.'s agency", "Russian Ministry of Defense", "Russian forces". */
function bodyMemberships(ctx: SentenceContext, lexicon: Lexicon): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  ctx.mentions.forEach((m, i) => {
    const military = lexicon.entities.get(m.key)?.militaryOf;
    if (military) {
      out.push({ source: m.key, type: "member_of", target: military, quote: m.text, rule: "member:military" });
      return;
    }
    const next = ctx.mentions[i + 1];
    if (!isBody(m) || !isBody(next) || lexicon.entities.get(next.key)?.country) return;
    const gap = ctx.tokens.slice(m.end, next.start);
    const possessive = gap.length === 1 && isPossessive(gap[0]);
    const adjectival = gap.length === 0 && m.kind === "demonym";
    if (possessive || adjectival) out.push({ source: next.key, type: "member_of", target: m.key, quote: quote(ctx, m.start, next.end), rule: possessive ? "member:possessive" : "member:demonym" });
  });
  return out;
}

/** Words naming the group a state sends to talks. */
const DELEGATION_WORDS = new Set(["delegation", "delegations", "team", "negotiators"]);
const LED = new Set(["led", "headed", "chaired"]);
const BE = new Set(["was", "were", "is", "are", "been", "being"]);

/**
 * "The Pakistani delegation was led by Defence Minister Khawaja Asif", "a Russian
 * team headed by Vladimir Medinsky": who leads a state's delegation is of that
 * state, even under a bare title (the delegation names the body, rule 5).
 */
function delegationLeaders(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const body of ctx.mentions) {
    if (!isBody(body)) continue;
    // The delegation word inside the mention ("Russian delegation") or right after it ("Pakistani" + "delegation").
    const inside = DELEGATION_WORDS.has(ctx.tokens[body.end - 1]?.lower ?? "");
    if (!inside && !DELEGATION_WORDS.has(ctx.tokens[body.end]?.lower ?? "")) continue;
    let i = inside ? body.end : body.end + 1;
    while (BE.has(ctx.tokens[i]?.lower ?? "")) i++;
    if (!LED.has(ctx.tokens[i]?.lower ?? "") || ctx.tokens[i + 1]?.lower !== "by") continue;
    // The leader may stand after a title: "led by Defence Minister Khawaja Asif".
    const role = ctx.roles.find((r) => r.start === i + 2 && r.nameStart >= 0);
    const at = role ? role.nameStart : i + 2;
    const leader = ctx.mentions.find((m) => m.start === at && m.type === "actor");
    if (leader) out.push({ source: leader.key, type: "member_of", target: body.key, quote: quote(ctx, body.start, leader.end), rule: "member:delegation" });
  }
  return out;
}

export function membershipRelations(ctx: SentenceContext, lexicon: Lexicon): RelationCandidate[] {
  return [...titleMemberships(ctx, lexicon), ...appositionMemberships(ctx, lexicon), ...bodyMemberships(ctx, lexicon), ...delegationLeaders(ctx)];
}
