/**
 * Reads graph-data/lexicon/heads.json: the head words that type names no
 * lexicon knows ("… Council" is an organization) and find proposal phrases
 * ("… peace plan"). Kept as data so a new domain (trade talks, a peace deal)
 * is taught its vocabulary without touching code; a missing or mistyped list
 * fails at load, naming the file and the key.
 */
import type { HeadWords } from "./types.ts";

type WordLists = Omit<HeadWords, "proposal">;
const LISTS: Array<keyof WordLists> = [
  "organization", "location", "placeExtension", "placeExtensionWords", "actingCollectives",
  "appositionOrganization", "appositionPlace", "government", "placeAnaphora", "groupNouns", "directions", "reportingVerbs",
];
const PROPOSAL_LISTS = ["heads", "generic", "selfSpecific", "genericModifiers", "demands", "clauseVerbs", "creationVerbs", "documentNames"] as const;

function wordSet(value: unknown, where: string, fail: (message: string) => Error): Set<string> {
  if (!Array.isArray(value) || value.some((w) => typeof w !== "string" || w.trim() === "")) throw fail(`${where} must be a list of words`);
  return new Set(value.map((w: string) => w.toLowerCase()));
}

export function parseHeadWords(data: Record<string, unknown>, fail: (message: string) => Error): HeadWords {
  const lists = Object.fromEntries(LISTS.map((k) => [k, wordSet(data[k], `heads.json "${k}"`, fail)])) as WordLists;
  const proposal = (data.proposal ?? {}) as Record<string, unknown>;
  const folds = proposal.folds;
  if (!folds || typeof folds !== "object" || Object.values(folds).some((v) => typeof v !== "string")) throw fail(`heads.json "proposal.folds" must map words to words`);
  return {
    ...lists,
    proposal: {
      ...(Object.fromEntries(PROPOSAL_LISTS.map((k) => [k, wordSet(proposal[k], `heads.json "proposal.${k}"`, fail)])) as Record<(typeof PROPOSAL_LISTS)[number], Set<string>>),
      folds: new Map(Object.entries(folds as Record<string, string>)),
    },
  };
}
