/**
 * Edits as data (issue "Curation"): what an analyst changed, stored in order in
 * the corpus store and re-applied over extraction after every build and every
 * ingest. Entities are named by surface forms (the label or an alias they had
 * when the edit was made), edges by their ends and type, evidence by article and
 * sentence — never by node keys alone — so an edit also catches the same names
 * in articles that arrive later, and one whose target is gone says so.
 */
import type { NodeType } from "../types.ts";

export type EditParams =
  /** B into A: aliases, mentions, articles and edges move; evidence is kept. */
  | { op: "merge"; from: string; into: string }
  /** An alias becomes an entity of its own, with the evidence of the sentences that name it that way. */
  | { op: "split"; entity: string; alias: string; type?: NodeType }
  | { op: "rename"; entity: string; label: string }
  | { op: "retype"; entity: string; type: NodeType }
  /** "Never an entity": every entity its name stands for goes, with its edges. */
  | { op: "delete-entity"; entity: string }
  | { op: "delete-edge"; source: string; type: string; target: string }
  /** "Wrong reading": one evidence item (a sentence) of an edge; the edge goes with its last one. */
  | { op: "reject-evidence"; source: string; type: string; target: string; article: string; sentenceIndex: number }
  /** An edge by hand, with the quote (which occurs in the sentence) that states it. */
  | { op: "add-edge"; source: string; type: string; target: string; article: string; sentenceIndex: number; quote: string }
  /** Takes an article out of the graph (it stays in the store, so undo brings it back). */
  | { op: "delete-article"; article: string }
  /** Cancels an earlier edit (an undo of an undo restores it). */
  | { op: "undo"; target: number };

export type EditOp = EditParams["op"];

export const EDIT_OPS: readonly EditOp[] = ["merge", "split", "rename", "retype", "delete-entity", "delete-edge", "reject-evidence", "add-edge", "delete-article", "undo"];

/** One edit as stored: who, when, why, and the state it was made against. */
export interface Edit {
  id: number;
  at: string;
  author: string;
  reason: string;
  params: EditParams;
  /** The journal position and the node keys its names stood for when it was made. */
  against: { seq: number; nodes: Record<string, string> };
}

export type EditStatus = "applied" | "not-applied" | "undone";

export interface EditOutcome {
  status: EditStatus;
  /** Why it did not apply (its entity, edge or sentence is gone), or null. */
  problem: string | null;
}

/** Outcome of every edit of a log, by id. */
export type CurationReport = Map<number, EditOutcome>;

const q = (s: string) => JSON.stringify(s);

/** One line for people: 'merge "White Home" into "White House"'. */
export function describeEdit(p: EditParams): string {
  switch (p.op) {
    case "merge":
      return `merge ${q(p.from)} into ${q(p.into)}`;
    case "split":
      return `split ${q(p.alias)} off ${q(p.entity)}${p.type ? ` as ${p.type}` : ""}`;
    case "rename":
      return `rename ${q(p.entity)} to ${q(p.label)}`;
    case "retype":
      return `retype ${q(p.entity)} as ${p.type}`;
    case "delete-entity":
      return `delete entity ${q(p.entity)}`;
    case "delete-edge":
      return `delete edge ${q(p.source)} ${p.type} ${q(p.target)}`;
    case "reject-evidence":
      return `wrong reading: ${q(p.source)} ${p.type} ${q(p.target)} in sentence ${p.sentenceIndex} of ${p.article}`;
    case "add-edge":
      return `add edge ${q(p.source)} ${p.type} ${q(p.target)} (sentence ${p.sentenceIndex} of ${p.article})`;
    case "delete-article":
      return `delete article ${p.article}`;
    case "undo":
      return `undo edit #${p.target}`;
  }
}
