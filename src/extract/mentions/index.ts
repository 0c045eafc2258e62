/**
 * All mentions of one sentence, from three sources merged by span: the lexicon
 * (longest match), title cues + name discovery, and proposal phrases; then
 * compounds (regions, facilities, "the X administration"), references to
 * places ("the region") and to the two sides ("both countries").
 */
import type { Token } from "../tokens.ts";
import { tokenize } from "../tokens.ts";
import type { Lexicon } from "../lexicon/types.ts";
import type { Mention } from "./types.ts";
import { lexiconMentions } from "./lexicon-mentions.ts";
import { findRoles, titledStarts, type RoleSpan } from "./titles.ts";
import { absorbedBy, discoverNames, isHeadline } from "./discover.ts";
import { proposalMentions } from "./proposals.ts";
import { buildCompounds } from "./compounds.ts";
import { placeAnaphora } from "./place-anaphora.ts";
import { groupReferences } from "./group-references.ts";

export interface SentenceAnalysis {
  tokens: Token[];
  mentions: Mention[];
  roles: RoleSpan[];
}

export function analyzeSentence(text: string, lexicon: Lexicon, opts: { dateline: boolean }): SentenceAnalysis {
  const tokens = tokenize(text);
  // "WASHINGTON - President …": the dateline's place opens the first sentence.
  const isDateline = (i: number) => opts.dateline && i === 0 && tokens[1]?.text === "-";
  const headline = isHeadline(tokens, lexicon);
  const lexical = lexiconMentions(tokens, text, lexicon, isDateline, headline);
  const roles = findRoles(tokens, lexicon);
  const titled = titledStarts(tokens, roles, lexicon);
  for (const m of lexical) if (titled.has(m.start)) m.titled = true;
  const roleSpans = roles.map((r) => ({ start: r.start, end: r.titleEnd }) as Mention);
  const roleAt = (i: number) => roles.some((r) => r.start === i);
  const discovered = discoverNames(tokens, text, lexicon, [...lexical, ...roleSpans], titled, roleAt, headline);
  const absorbed = absorbedBy(discovered, lexical);
  const named = buildCompounds([...lexical.filter((m) => !absorbed.has(m)), ...discovered].sort((a, b) => a.start - b.start), tokens, text, lexicon);
  const proposals = proposalMentions(tokens, text, named, lexicon.heads.proposal, lexicon.clauseVerbForms);
  const places = placeAnaphora(tokens, text, [...named, ...proposals], lexicon.heads);
  const groups = groupReferences(tokens, text, [...named, ...proposals, ...places], lexicon.heads);
  const mentions = [...named, ...proposals, ...places, ...groups].sort((a, b) => a.start - b.start || b.end - a.end);
  return { tokens, mentions, roles };
}

export type { Mention } from "./types.ts";
export type { RoleSpan } from "./titles.ts";
