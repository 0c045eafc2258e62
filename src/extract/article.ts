/**
 * Extraction of one article: mentions per sentence (lexicon, titles, discovery,
 * proposals), alias resolution inside the article, then relations per sentence.
 */
import type { Article } from "../types.ts";
import type { Lexicon } from "./lexicon/types.ts";
import { analyzeSentence, type SentenceAnalysis } from "./mentions/index.ts";
import type { Mention } from "./mentions/types.ts";
import { gluedToPrevious, type Token } from "./tokens.ts";
import { resolveArticle } from "./resolve/article.ts";
import { phraseEnd } from "./mentions/context.ts";
import { sentenceRelations, type RelationCandidate, type SentenceContext } from "./relations/index.ts";
import { SIDES_KEY } from "./mentions/group-references.ts";

export interface LocatedMention extends Mention {
  sentenceIndex: number;
}

export interface LocatedRelation extends RelationCandidate {
  sentenceIndex: number;
}

export interface ArticleExtraction {
  article: Article;
  mentions: LocatedMention[];
  relations: LocatedRelation[];
}

const APPOSITION_OPENERS = new Set(["the", "a", "an"]);

/** A dash standing apart ("Rih - President"): ingest spells every en/em dash this way; a hyphen is glued. */
const spacedDash = (tokens: readonly Token[], i: number) => tokens[i]?.text === "-" && !gluedToPrevious(tokens, i);
/** Longest remark between dashes taken as an apposition; a longer one is more likely a clause. */
const DASH_REMARK_WORDS = 8;

/**
 * Token indexes of appositions ("Waltz, the U.S. national security adviser,", "Kryvyy Rih - Zelensky's
 * hometown -"): mentions there describe, they do not act.
 */
function appositionTokens(analysis: SentenceAnalysis): Set<number> {
  const out = new Set<number>();
  const { tokens, mentions, roles } = analysis;
  for (const m of mentions) {
    // "Kryvyy Rih—President Zelensky's hometown—": a remark between dashes describes the name before it.
    if (spacedDash(tokens, m.end)) {
      const close = tokens.findIndex((_, i) => i > m.end && i <= m.end + DASH_REMARK_WORDS && spacedDash(tokens, i));
      if (close > 0) for (let i = m.end; i <= close; i++) out.add(i);
      continue;
    }
    if (m.type !== "actor" || tokens[m.end]?.text !== ",") continue;
    const opener = tokens[m.end + 1];
    if (!opener || !(APPOSITION_OPENERS.has(opener.lower) || roles.some((r) => r.start === m.end + 1) || /^(senior|former|chairman|head|director|spokes)/.test(opener.lower))) continue;
    const end = phraseEnd(tokens, m.end + 1);
    if (!roles.some((r) => r.start > m.end && r.start < end)) continue;
    for (let i = m.end + 1; i < end; i++) out.add(i);
  }
  return out;
}

const HELD = new Set(["held", "took", "convened", "opened", "began", "concluded", "ended"]);

/**
 * "An international summit ... was held Monday in Sharm El-Sheikh": a meeting
 * word, a verb of holding it, then "in"/"at" and a place within a few words.
 */
function meetingPlace(ctx: SentenceContext, lexicon: Lexicon): Mention | undefined {
  const meeting = lexicon.classes.get("meeting");
  if (!meeting || !ctx.tokens.some((t) => meeting.has(t.lower))) return undefined;
  for (let i = 0; i < ctx.tokens.length; i++) {
    if (!HELD.has(ctx.tokens[i]!.lower)) continue;
    for (let j = i + 1; j <= i + 4 && j < ctx.tokens.length; j++) {
      if (ctx.tokens[j]!.lower !== "in" && ctx.tokens[j]!.lower !== "at") continue;
      const place = ctx.mentions.find((m) => m.start > j && m.start <= j + 6 && m.kind !== "demonym" && (m.type === "location" || m.place));
      if (place) return place;
    }
  }
  return undefined;
}

/**
 * The two sides of the article's negotiation so far: among the pairs it
 * reported negotiating, the states or bodies before people (a mediator's talks
 * with one side name no two sides), then the most often named, then the latest.
 */
class Sides {
  private readonly tally = new Map<string, { pair: [string, string]; count: number; last: number; bodies: boolean }>();
  private seen = 0;

  note(relations: readonly RelationCandidate[], typeOf: (key: string) => string | undefined): void {
    for (const r of relations) {
      if (r.type !== "negotiated_with" || r.source === SIDES_KEY || r.target === SIDES_KEY) continue;
      const pair = [r.source, r.target].sort() as [string, string];
      const key = pair.join("|");
      const entry = this.tally.get(key) ?? { pair, count: 0, last: 0, bodies: pair.every((k) => typeOf(k) === "organization") };
      entry.count++;
      entry.last = ++this.seen;
      this.tally.set(key, entry);
    }
  }

  get current(): [string, string] | undefined {
    const best = [...this.tally.values()].sort((a, b) => Number(b.bodies) - Number(a.bodies) || b.count - a.count || b.last - a.last)[0];
    return best?.pair;
  }
}

/**
 * Relations stated of "both sides": of each side ("both sides agreed to the
 * truce" → each supported it), between the sides, both ways, when both ends
 * are the group ("the two sides blame each other"), never of a side with itself; dropped when the
 * article has named no sides yet.
 */
function expandSides(relations: readonly RelationCandidate[], sides: [string, string] | undefined): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const r of relations) {
    const fromGroup = r.source === SIDES_KEY, toGroup = r.target === SIDES_KEY;
    if (!fromGroup && !toGroup) {
      out.push(r);
      continue;
    }
    if (!sides) continue;
    const pairs: Array<[string, string]> = fromGroup && toGroup ? [sides, [sides[1], sides[0]]] : fromGroup ? sides.map((s): [string, string] => [s, r.target]) : sides.map((t): [string, string] => [r.source, t]);
    for (const [source, target] of pairs) if (source !== target) out.push({ ...r, source, target, rule: `${r.rule}+sides` });
  }
  return out;
}

export function extractArticle(article: Article, lexicon: Lexicon): ArticleExtraction {
  const analyses = article.sentences.map((s) => analyzeSentence(s.text, lexicon, { dateline: s.index === 0 }));
  resolveArticle(analyses, lexicon, article.id);
  const mentions: LocatedMention[] = [];
  const relations: LocatedRelation[] = [];
  let previousActor: Mention | undefined;
  // The two parties reported negotiating: what "both sides" / "the two leaders" stand for.
  const sides = new Sides();
  let eventPlace: Mention | undefined;
  analyses.forEach((analysis, sentenceIndex) => {
    const resolved = analysis.mentions.filter((m) => !m.key.endsWith(":?"));
    for (const m of resolved) if (!m.anaphor) mentions.push({ ...m, sentenceIndex });
    const ctx: SentenceContext = { text: article.sentences[sentenceIndex]!.text, tokens: analysis.tokens, mentions: resolved, roles: analysis.roles, apposition: appositionTokens(analysis), heads: lexicon.heads, previousActor, eventPlace };
    const found = sentenceRelations(ctx, lexicon);
    for (const r of expandSides(found, sides.current)) relations.push({ ...r, sentenceIndex });
    sides.note(found, (key) => resolved.find((m) => m.key === key)?.type);
    eventPlace = meetingPlace(ctx, lexicon) ?? eventPlace;
    previousActor = [...resolved].reverse().find((m) => m.type === "actor") ?? previousActor;
  });
  // A proposal too generic to be named across articles ("the truce", "a trade deal") is a node
  // only when the article says who did something with it.
  const related = new Set(relations.flatMap((r) => [r.source, r.target]));
  const unused = (m: Mention) => m.type === "proposal" && (m.key.endsWith(`@${article.id}`) || !!m.needsRelation) && !related.has(m.key);
  return { article, mentions: mentions.filter((m) => !unused(m)), relations };
}
