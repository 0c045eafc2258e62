/** A mention: a span of tokens in one sentence that refers to an entity. */
import type { NodeType } from "../../types.ts";

export type MentionSource = "lexicon" | "title" | "nlp" | "proposal" | "military" | "compound";

export interface Mention {
  /** Token span [start, end) in the sentence. */
  start: number;
  end: number;
  /** Surface form as written. */
  text: string;
  /** Entity key inside the article: a lexicon id, or "name:…"/"proposal:…" for discovered ones. */
  key: string;
  /** Best canonical name this mention suggests. */
  label: string;
  type: NodeType;
  source: MentionSource;
  /** How a lexicon phrase was used: the state's own name, its demonym, or its capital. */
  kind?: "name" | "demonym" | "capital";
  /** Preceded by a role title or honorific ("President", "Mr."). */
  titled?: boolean;
  /** A body that is also a place one can be at ("the Kremlin", "the White House"). */
  place?: boolean;
  /** A lone capitalized word kept only if it joins a full name of the article (a surname). */
  weak?: boolean;
  /** A bare reference ("the proposal") resolved to the article's latest proposal. */
  anaphor?: boolean;
  /** A proposal's own capitalized name ("Pretoria Agreement"): the same proposal wherever it is named. */
  named?: boolean;
  /** An entity only if a relation of the article uses it ("proposed exchanging 1,200 soldiers"). */
  needsRelation?: boolean;
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
