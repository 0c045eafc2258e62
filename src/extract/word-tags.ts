/**
 * The word classes extraction's rules ask about ("Verb", "Plural", "Person",
 * "Month", …), read off the language layer's UPOS/XPOS tags and name spans.
 * One place owns the mapping, so rules keep asking `tags.has("Verb")` while the
 * tags come from Parley's own tagger instead of compromise.
 */

const BE = new Set(["be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m"]);
const MONTHS = new Set(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."]);
const WEEKDAYS = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);
const ORDINAL = /^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)$/;

export type NameTag = "person" | "organization" | "place";

/** The classes each UPOS tag stands for (a proper noun is a noun, an auxiliary a verb). */
const CLASSES_OF_UPOS: Record<string, readonly string[]> = {
  PROPN: ["ProperNoun", "Noun"],
  NOUN: ["Noun"],
  VERB: ["Verb"],
  AUX: ["Verb", "Auxiliary"],
  ADV: ["Adverb"],
  ADJ: ["Adjective"],
  NUM: ["Value", "Cardinal"],
  ADP: ["FunctionWord"],
  PART: ["FunctionWord"],
  SCONJ: ["FunctionWord"],
  CCONJ: ["FunctionWord"],
};

/** Word classes of one word from its form, tags and the name span (if any) it falls in. */
export function wordClasses(form: string, upos: string, xpos: string, name: NameTag | undefined): Set<string> {
  const lower = form.toLowerCase();
  const tags = new Set<string>();
  for (const tag of CLASSES_OF_UPOS[upos] ?? []) tags.add(tag);
  if (xpos === "NNS" || xpos === "NNPS") tags.add("Plural");
  if (upos === "AUX" && BE.has(lower)) tags.add("Copula");
  if (xpos === "MD") tags.add("Modal");
  if (xpos === "VBG") tags.add("Gerund");
  if (xpos === "VBN") tags.add("Participle");
  if (ORDINAL.test(lower)) tags.add("Value").add("Ordinal");
  if (MONTHS.has(lower)) tags.add("Date").add("Month");
  if (WEEKDAYS.has(lower)) tags.add("Date").add("WeekDay");
  if (name === "person") tags.add("Person");
  else if (name === "place") tags.add("Place");
  else if (name === "organization") tags.add("Organization");
  return tags;
}
