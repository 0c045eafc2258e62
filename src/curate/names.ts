/**
 * How an edit's name finds entities: folded as the console folds names (case,
 * diacritics, punctuation and a possessive "'s" do not matter), and a leading
 * article dropped ("the White House" is an alias of "White House"), against
 * each entity's label and aliases.
 */
import type { ResolvedEntity } from "../extract/index.ts";
import { fold } from "../query/index.ts";

export function foldName(s: string): string {
  return fold(s).replace(/^(the|a|an) /, "");
}

/** Every folded form an entity answers to. */
export function formsOf(e: Pick<ResolvedEntity, "label" | "aliases">): Set<string> {
  return new Set([e.label, ...e.aliases].map(foldName));
}

/**
 * The entities a name stands for, best first: those whose label it is before
 * those with it as an alias; then lexicon entities, then by mentions.
 */
export function entitiesNamed(entities: Iterable<ResolvedEntity>, name: string, forms: (e: ResolvedEntity) => Set<string>): ResolvedEntity[] {
  const folded = foldName(name);
  if (!folded) return [];
  const hits: Array<{ e: ResolvedEntity; byLabel: boolean }> = [];
  for (const e of entities) if (forms(e).has(folded)) hits.push({ e, byLabel: foldName(e.label) === folded });
  return hits
    .sort((a, b) => Number(b.byLabel) - Number(a.byLabel) || Number(b.e.known) - Number(a.e.known) || b.e.mentions - a.e.mentions || (a.e.key < b.e.key ? -1 : a.e.key > b.e.key ? 1 : 0))
    .map((h) => h.e);
}

/** Whether `text` names `folded` as whole words. */
export function mentionsName(foldedText: string, folded: string): boolean {
  return folded !== "" && ` ${foldedText} `.includes(` ${folded} `);
}
