/**
 * Finding a cue's arguments: the subject is the nearest fitting mention before the
 * cue in its clause, expanded over coordination ("Rubio and Waltz"); the object is
 * the first fitting mention after it. Mentions inside appositions are skipped, and
 * a clause ends at a semicolon, a colon or the sentence's end.
 */
import type { NodeType } from "../../types.ts";
import type { Mention } from "../mentions/types.ts";
import type { SentenceContext } from "./types.ts";

const CLAUSE_END = new Set([";", ":"]);
const COORDINATORS = new Set([",", "and", "with", "as", "well", "also", "the", "both"]);
const NEGATIONS = new Set(["not", "n't", "never", "no", "neither", "nor", "without"]);
const BE = new Set(["was", "were", "is", "are", "be", "been", "being", "'s"]);
const OBJECT_WINDOW = 14;

export function usable(ctx: SentenceContext, m: Mention): boolean {
  return !ctx.apposition.has(m.start) && m.key !== "proposal:?";
}

/** Mentions joined to `m` by commas/"and" on both sides (same broad kind: party or place). */
export function coordinated(ctx: SentenceContext, m: Mention, fits: (m: Mention) => boolean): Mention[] {
  const group = [m];
  const list = ctx.mentions.filter((x) => usable(ctx, x));
  const i = list.indexOf(m);
  const joined = (a: Mention, b: Mention) => ctx.tokens.slice(a.end, b.start).every((t) => COORDINATORS.has(t.lower)) && b.start - a.end <= 3 && b.start > a.end;
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

/** Nearest fitting mention ending before `at`, with its coordinated group. */
export function subjectsBefore(ctx: SentenceContext, at: number, fits: (m: Mention) => boolean): Mention[] {
  const from = clauseStart(ctx, at);
  for (let k = ctx.mentions.length - 1; k >= 0; k--) {
    const m = ctx.mentions[k]!;
    if (m.end > at || m.start < from) continue;
    if (!usable(ctx, m) || !fits(m)) continue;
    return coordinated(ctx, m, fits);
  }
  return [];
}

/** First fitting mention starting at or after `at` (within a window), preferring `prefer` if one is in reach. */
export function objectsAfter(ctx: SentenceContext, at: number, fits: (m: Mention) => boolean, opts: { coordinate?: boolean; prefer?: (m: Mention) => boolean } = {}): Mention[] {
  const end = Math.min(clauseEnd(ctx, at), at + OBJECT_WINDOW);
  const inReach = ctx.mentions.filter((m) => m.start >= at && m.start < end && usable(ctx, m) && fits(m));
  const pick = (opts.prefer && inReach.find(opts.prefer)) || inReach[0];
  if (!pick) return [];
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
