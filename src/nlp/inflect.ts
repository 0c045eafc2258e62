/**
 * English verb inflection: the forms a cue verb takes in text ("meet" → met,
 * meets, meeting). Regular spelling rules, overridden by the forms the
 * treebanks attest for a lemma (graph-data/models/verb-forms.json, written by
 * `npm run train`), which is where irregular verbs ("begin" → began, begun)
 * and doubled consonants ("admit" → admitted) come from.
 */
import { join } from "node:path";
import { ModelFileError, readJsonModelFile } from "./model-file.ts";

/** Lemma → its attested forms per Penn tag: {VBD: [...], VBN: [...], VBZ: [...], VBG: [...]}. */
export type VerbForms = Record<string, Partial<Record<VerbTag, string[]>>>;
export type VerbTag = "VBD" | "VBN" | "VBZ" | "VBG";
const TAGS: VerbTag[] = ["VBD", "VBN", "VBZ", "VBG"];
export const VERB_FORMS_FILE = "verb-forms.json";

const VOWEL = /[aeiou]/;
/**
 * Whether the last consonant doubles before -ed/-ing: one vowel between consonants
 * in a one-syllable word ("stop", "plan"; not "meet", "fix", "show"), or a final
 * stressed syllable English spells this way ("submit", "prefer", "compel", "occur").
 */
const doubles = (w: string) => /^[^aeiou]*[aeiou][bdgklmnprt]$/.test(w) || /(?:mit|[ern]fer|pel|cur|gret|trol|bid)$/.test(w);
/** Verbs made of a prefix and a verb the treebanks know: "retake" inflects like "take". */
const PREFIX = /^(re|un|out|over|under|mis|with|fore|up)(?=[a-z]{3})/;

export function regularForm(lemma: string, tag: VerbTag): string {
  const w = lemma;
  switch (tag) {
    case "VBZ":
      if (/(s|x|z|ch|sh|o)$/.test(w)) return w + "es";
      if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + "ies";
      return w + "s";
    case "VBG":
      if (/ie$/.test(w)) return w.slice(0, -2) + "ying";
      if (/[^aeioy]e$/.test(w)) return w.slice(0, -1) + "ing";
      if (doubles(w)) return w + w.at(-1) + "ing";
      return w + "ing";
    default:
      if (/e$/.test(w)) return w + "d";
      if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + "ied";
      if (doubles(w)) return w + w.at(-1) + "ed";
      return w + "ed";
  }
}

/** Every form of a verb (the lemma included), attested forms taking precedence over the rules. */
export function inflections(lemma: string, attested: VerbForms): string[] {
  const lower = lemma.toLowerCase();
  const forms = new Set([lower]);
  const prefix = PREFIX.exec(lower)?.[0] ?? "";
  const base = lower.slice(prefix.length);
  const own = Object.hasOwn(attested, lower) ? attested[lower]! : {};
  const ofBase = prefix && Object.hasOwn(attested, base) ? attested[base]! : {};
  for (const tag of TAGS) {
    if (own[tag]) own[tag]!.forEach((f) => forms.add(f));
    else (ofBase[tag] ?? []).forEach((f) => forms.add(prefix + f));
    // The rule's form too: the treebanks may lack a form or hold a misspelling of it; a form no text uses matches nothing.
    if (VOWEL.test(lower)) forms.add(regularForm(lower, tag));
    // British spelling doubles a final l after one vowel: "refuelled", "travelling".
    if (tag !== "VBZ" && /(?:[^aeiou][aeiou]|ue)l$/.test(lower)) forms.add(lower + "l" + (tag === "VBG" ? "ing" : "ed"));
  }
  return [...forms].sort();
}

/** Attested forms from treebank sentences with lemmas: each lemma's forms per tag, most frequent first, rare misspellings dropped. */
export function collectVerbForms(sentences: ReadonlyArray<{ words: string[]; lemmas?: string[]; upos: string[]; xpos: string[] }>): VerbForms {
  const counts = new Map<string, Map<string, number>>();
  for (const s of sentences) {
    if (!s.lemmas) continue;
    s.words.forEach((word, i) => {
      const tag = s.xpos[i] as VerbTag;
      if ((s.upos[i] !== "VERB" && s.upos[i] !== "AUX") || !TAGS.includes(tag)) return;
      const lemma = s.lemmas![i]!.toLowerCase();
      if (!/^[a-z]+$/.test(lemma)) return;
      const key = `${lemma} ${tag}`;
      let forms = counts.get(key);
      if (!forms) counts.set(key, (forms = new Map()));
      const form = word.toLowerCase();
      forms.set(form, (forms.get(form) ?? 0) + 1);
    });
  }
  const out: VerbForms = {};
  for (const key of [...counts.keys()].sort()) {
    const [lemma, tag] = key.split(" ") as [string, VerbTag];
    const forms = [...counts.get(key)!].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const top = forms[0]![1];
    // A form seen far less than the main one is a typo or a dialect spelling ("stoped"): keep the main forms only.
    const kept = forms.filter(([f, n]) => n * 5 >= top && /^[a-z]+$/.test(f)).map(([f]) => f);
    if (kept.length) (out[lemma] ??= {})[tag] = kept;
  }
  return out;
}

export function loadVerbForms(dir: string): VerbForms {
  const file = join(dir, VERB_FORMS_FILE);
  const data = readJsonModelFile(file);
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new ModelFileError(file, "is not an object of verb forms");
  return data as VerbForms;
}
