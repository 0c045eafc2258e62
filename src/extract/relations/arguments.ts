/**
 * Finding a cue's arguments: the subject is the nearest fitting mention before the
 * cue in its clause, expanded over coordination ("Rubio and Waltz"); the object is
 * the first fitting mention after it. Mentions inside appositions are skipped, and
 * a clause ends at a semicolon, a colon or the sentence's end.
 */
import type { NodeType } from "../../types.ts";
import type { Mention } from "../mentions/types.ts";
import type { SentenceContext } from "./types.ts";
import { gluedToPrevious } from "../tokens.ts";

const CLAUSE_END = new Set([";", ":"]);
const COORDINATORS = new Set([",", "and", "or"]);
/** Words that may open the next member of a list: "Zelensky and several European leaders". */
const LIST_DETERMINERS = new Set(["the", "a", "an", "several", "some", "many", "other", "various", "both", "all"]);
const NEGATIONS = new Set(["not", "n't", "never", "no", "neither", "nor", "without"]);
const BE = new Set(["was", "were", "is", "are", "be", "been", "being", "'s"]);
const OBJECT_WINDOW = 14;
/** Words that open another clause: an object is never looked for beyond them. */
const CLAUSE_OPENERS = new Set(["that", "which", "who", "whom", "whether", "because", "after", "before", "while", "if", "when", "but", "although", "though", "saying", "stating", "said", "says"]);
const PREPOSITIONS = new Set(["in", "at", "on", "to", "from", "with", "of", "for", "by", "into", "near", "about", "against", "toward", "towards", "over", "under", "between", "among", "across", "through", "during", "since", "like"]);
const PERSONAL_PRONOUNS = new Set(["he", "she"]);

/** "U.S. envoy Steve Witkoff", "Kremlin aide Ushakov": a body right before a titled name only describes that person. */
function titleModifier(ctx: SentenceContext, m: Mention): boolean {
  const at = ctx.tokens[m.end]?.lower === "'s" ? m.end + 1 : m.end;
  return ctx.roles.some((r) => r.start === at && r.nameStart > r.start && !ctx.tokens.slice(r.end, r.nameStart).some((t) => t.text === ","));
}

export function usable(ctx: SentenceContext, m: Mention): boolean {
  if (ctx.apposition.has(m.start) || m.key.endsWith(":?") || titleModifier(ctx, m)) return false;
  // A demonym only modifying a noun ("Russian sovereignty") names no party; a plural ("the Russians") or an acting collective does.
  if (m.kind === "demonym" && !/s$/.test(m.text)) return ctx.heads.actingCollectives.has(ctx.tokens[m.end]?.lower ?? "") || ctx.tokens[m.end]?.lower === "and";
  return true;
}

/** Mentions joined to `m` by commas/"and" on both sides (same broad kind: party or place). */
export function coordinated(ctx: SentenceContext, m: Mention, fits: (m: Mention) => boolean): Mention[] {
  const group = [m];
  // "King Abdullah II of Jordan, President Abbas and ...": the body after a person's "of" is part of how the person is named.
  const all = ctx.mentions.filter((x) => usable(ctx, x));
  // "Emir of Qatar Sheikh Tamim": a body inside a title is part of the title too.
  const inTitle = (x: Mention) => ctx.roles.some((r) => r.nameStart > r.end && r.start <= x.start && x.end <= r.nameStart);
  const list = all.filter((x, k) => !inTitle(x) && !(k > 0 && all[k - 1]!.type === "actor" && ctx.tokens[x.start - 1]?.lower === "of" && x.start - all[k - 1]!.end <= 2));
  const i = list.indexOf(m);
  // "Rubio and Waltz", "Kryvyy Rih, Odesa, and Dnipro", "U.S.-Ukraine" (a glued hyphen pair).
  // Appositions and role titles inside a list are skipped: "Yermak, the president's chief of staff, Foreign Minister Sybiha and …".
  // "Trump and Chinese President Xi": a demonym before a title describes the next member, it is no party of its own.
  const describing = ctx.mentions.filter((x) => !usable(ctx, x));
  const skipped = all.filter((x) => !list.includes(x));
  const ofBody = (i: number) => skipped.some((x) => (x.start <= i && i < x.end) || x.start - 1 === i) || /^(ii|iii|iv)$/.test(ctx.tokens[i]?.lower ?? "");
  const described = (i: number) => ctx.apposition.has(i) || ctx.roles.some((r) => r.start <= i && i < Math.max(r.end, r.nameStart)) || describing.some((x) => x.start <= i && i < x.end && ctx.roles.some((r) => r.start === x.end));
  const joined = (a: Mention, b: Mention) => {
    const between = ctx.tokens.slice(a.end, b.start);
    if (between.length === 1 && between[0]!.text === "-" && gluedToPrevious(ctx.tokens, a.end)) return true;
    // "Kryvyy Rih—President Zelensky's hometown—as well as Odesa": "as well as" joins like "and".
    const gap = between.filter((_, k) => !described(a.end + k) && !ofBody(a.end + k) && !LIST_DETERMINERS.has(between[k]!.lower)).map((t) => t.lower).join(" ").replace(/\bas well as\b/g, "and").split(" ").filter(Boolean);
    return gap.length > 0 && gap.length <= 3 && gap.every((w) => COORDINATORS.has(w));
  };
  if (i < 0) return group;
  for (let j = i - 1; j >= 0 && fits(list[j]!) && joined(list[j]!, group[0]!); j--) group.unshift(list[j]!);
  for (let j = i + 1; j < list.length && fits(list[j]!) && joined(group[group.length - 1]!, list[j]!); j++) group.push(list[j]!);
  return group;
}

export function clauseStart(ctx: SentenceContext, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (CLAUSE_END.has(ctx.tokens[i]!.text)) return i + 1;
  return 0;
}

export function clauseEnd(ctx: SentenceContext, at: number): number {
  for (let i = at; i < ctx.tokens.length; i++) if (CLAUSE_END.has(ctx.tokens[i]!.text) || ctx.tokens[i]!.text === ".") return i;
  return ctx.tokens.length;
}

export const isType = (types: readonly NodeType[]) => (m: Mention) => types.includes(m.type);

/** Governed by a preposition ("talks in Saudi Arabia") or a possessor ("Russia's claim"): not an agent. */
export function oblique(ctx: SentenceContext, m: Mention): boolean {
  // Look past what stands between a preposition and its noun: "with Russian President Vladimir Putin".
  const inRole = (j: number) => ctx.roles.some((r) => r.start <= j && j < r.end);
  const inDemonym = (j: number) => ctx.mentions.some((x) => x.kind === "demonym" && x.start <= j && j < x.end);
  let i = m.start - 1;
  while (i >= 0 && (/^(the|a|an)$/.test(ctx.tokens[i]!.lower) || inRole(i) || inDemonym(i))) i--;
  // "The Ministers of Foreign Affairs of France, Germany and the UK met …": the bodies of a plural
  // title with no name after it act through its holders.
  if (ctx.tokens[i]?.lower === "of" && pluralTitleBefore(ctx, i)) return false;
  return PREPOSITIONS.has(ctx.tokens[i]?.lower ?? "") || ctx.tokens[m.end]?.lower === "'s";
}

function pluralTitleBefore(ctx: SentenceContext, of: number): boolean {
  return ctx.roles.some((r) => r.nameStart < 0 && r.start < of && of <= r.titleEnd + 4 && /s$/.test(ctx.tokens[r.end - 1]!.lower) && ctx.tokens.slice(r.end, of).every((t) => t.cap || t.lower === "of" || t.lower === "the"));
}

/** The person a "he"/"she" stands for: the latest actor before it that is a subject (not after a preposition), else the latest one, else the article's last. */
function antecedent(ctx: SentenceContext, pronounAt: number): Mention | undefined {
  const before = ctx.mentions.filter((m) => m.end <= pronounAt && m.type === "actor" && usable(ctx, m)).reverse();
  return before.find((m) => !oblique(ctx, m)) ?? before[0] ?? ctx.previousActor;
}

/** The clause's grammatical subject: its first fitting mention that is not governed by a preposition. */
export function clauseSubject(ctx: SentenceContext, at: number, fits: (m: Mention) => boolean): Mention | undefined {
  const from = clauseStart(ctx, at);
  return ctx.mentions.find((m) => m.start >= from && m.end <= at && usable(ctx, m) && fits(m) && !oblique(ctx, m));
}

/**
 * "Ukraine's military said it had targeted …", "the ministries said they would …": an "it"/"they"
 * opening a reported clause stands for whoever said it (a body or state for "it").
 */
function reportedSubject(ctx: SentenceContext, pronounAt: number, fits: (m: Mention) => boolean): Mention[] | undefined {
  const pronoun = ctx.tokens[pronounAt]!.lower;
  if (pronoun !== "it" && pronoun !== "they") return undefined;
  let verb = pronounAt - 1;
  if (ctx.tokens[verb]?.lower === "that") verb--;
  if (verb < 0 || !ctx.heads.reportingVerbs.has(ctx.tokens[verb]!.lower)) return undefined;
  const sayers = subjectsBefore(ctx, verb, (m) => fits(m) && (pronoun === "they" || m.type !== "actor"));
  return sayers.length ? sayers : undefined;
}

/** Nearest fitting mention ending before `at` (a he/she in between stands for its antecedent), with its coordinated group. */
export function subjectsBefore(ctx: SentenceContext, at: number, fits: (m: Mention) => boolean, opts: { stopAtPronoun?: boolean } = {}): Mention[] {
  const from = clauseStart(ctx, at);
  for (let i = at - 1; i >= from; i--) {
    const m = ctx.mentions.find((x) => x.end === i + 1 && x.start >= from && usable(ctx, x) && fits(x) && (!oblique(ctx, x) || x.end === at));
    if (m) return coordinated(ctx, m, fits);
    if (opts.stopAtPronoun && /^(it|they|them|this|that)$/.test(ctx.tokens[i]!.lower)) return [];
    const reported = reportedSubject(ctx, i, fits);
    if (reported) return reported;
    if (PERSONAL_PRONOUNS.has(ctx.tokens[i]!.lower)) {
      const who = antecedent(ctx, i);
      return who && fits(who) ? [who] : [];
    }
  }
  return [];
}

/** First fitting mention starting at or after `at` (within a window), preferring `prefer` if one is in reach. */
export function objectsAfter(ctx: SentenceContext, at: number, fits: (m: Mention) => boolean, opts: { coordinate?: boolean; prefer?: (m: Mention) => boolean; window?: number } = {}): Mention[] {
  let end = Math.min(clauseEnd(ctx, at), at + (opts.window ?? OBJECT_WINDOW));
  for (let i = at; i < end; i++) {
    const t = ctx.tokens[i]!;
    // A finite verb opens another clause; participles used as adjectives ("a revised version") or in
    // reduced relatives ("a delegation led by X") do not.
    const prev = ctx.tokens[i - 1]?.lower ?? "";
    const participle = ctx.tokens[i + 1]?.lower === "by" || ["a", "an", "the"].includes(prev) || /ly$/.test(prev);
    const verb = t.tags.has("Verb") && !participle && !t.tags.has("Gerund") && !t.tags.has("Auxiliary") && !t.tags.has("Copula") && !t.tags.has("Participle") && !ctx.mentions.some((m) => m.start <= i && i < m.end);
    // "recaptured that territory": a "that" opening a mention is its determiner, not a new clause.
    const opener = CLAUSE_OPENERS.has(t.lower) && !ctx.mentions.some((m) => m.start === i);
    if (opener || (verb && i > at)) {
      end = i;
      break;
    }
  }
  const inReach = ctx.mentions.filter((m) => m.start >= at && m.start < end && usable(ctx, m) && fits(m));
  let pick = (opts.prefer && inReach.find(opts.prefer)) || inReach[0];
  if (!pick) return [];
  // "targeted Moscow's oil refinery", "visited Russia's Kursk region": the owned thing is the object, not its owner.
  if (ctx.tokens[pick.end]?.lower === "'s") pick = inReach.find((m) => m.start === pick!.end + 1) ?? pick;
  return opts.coordinate ? coordinated(ctx, pick, fits) : [pick];
}

export function negated(ctx: SentenceContext, cueStart: number): boolean {
  for (let i = Math.max(0, cueStart - 3); i < cueStart; i++) if (NEGATIONS.has(ctx.tokens[i]!.lower)) return true;
  return false;
}

/** "was dismissed by X": a verbal cue after a form of "be" and followed by "by". */
export function passiveAgentAt(ctx: SentenceContext, cueStart: number, cueEnd: number): number {
  const before = ctx.tokens[cueStart - 1]?.lower ?? "";
  const before2 = ctx.tokens[cueStart - 2]?.lower ?? "";
  if (!(BE.has(before) || (BE.has(before2) && /ly$/.test(before)))) return -1;
  return ctx.tokens[cueEnd]?.lower === "by" ? cueEnd + 1 : -1;
}
