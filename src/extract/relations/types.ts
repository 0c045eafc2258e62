/** A relation read from one sentence, before corpus-wide merging. */
import type { Token } from "../tokens.ts";
import type { Mention } from "../mentions/types.ts";
import type { RoleSpan } from "../mentions/titles.ts";
import type { HeadWords } from "../lexicon/types.ts";

export interface RelationCandidate {
  source: string;
  type: string;
  target: string;
  /** The cue span quoted as evidence. */
  quote: string;
  rule: string;
}

/** What every relation rule sees of a sentence. */
export interface SentenceContext {
  text: string;
  tokens: Token[];
  /** Resolved mentions in order, appositions excluded from argument search. */
  mentions: Mention[];
  roles: RoleSpan[];
  /** Token indexes inside an apposition ("Waltz, the U.S. national security adviser,"). */
  apposition: Set<number>;
  /** The lexicon's head words (acting collectives after a demonym, place heads). */
  heads: HeadWords;
  /** The latest actor mentioned in earlier sentences, for "he"/"she". */
  previousActor?: Mention;
  /** Where the article's latest reported meeting took place ("the summit was held in Sharm El-Sheikh"). */
  eventPlace?: Mention;
}
