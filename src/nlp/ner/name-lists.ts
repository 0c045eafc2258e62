/**
 * The lists of known names the recognizer learns from (countries, cities,
 * first names, organizations, …), read from graph-data/models/name-lists.json
 * at training time; a trained model carries its own copy, so recognizing
 * needs no list file.
 */
import { ModelFileError, readJsonModelFile } from "../model-file.ts";
import { MAX_LISTS } from "./gazetteer.ts";

export const NAME_LISTS_FILE = "name-lists.json";

export function loadNameLists(file: string): Record<string, string[]> {
  const data = readJsonModelFile(file);
  const lists = (data as { lists?: unknown } | null)?.lists;
  if (!lists || typeof lists !== "object" || Array.isArray(lists)) throw new ModelFileError(file, 'has no "lists" object');
  const entries = Object.entries(lists as Record<string, unknown>);
  if (entries.length > MAX_LISTS) throw new ModelFileError(file, `has ${entries.length} lists, at most ${MAX_LISTS}`);
  for (const [name, words] of entries) {
    if (!Array.isArray(words) || words.some((w) => typeof w !== "string" || w === "")) throw new ModelFileError(file, `list "${name}" must be an array of non-empty strings`);
  }
  return lists as Record<string, string[]>;
}
