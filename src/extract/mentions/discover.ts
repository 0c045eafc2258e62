/**
 * Discovery of names the lexicon lacks: runs of capitalized words (joined over
 * "of", "for", "and" inside organization names, and over initials), typed by
 * title cues ("Kremlin aide X" → actor), head words ("… Council" → organization,
 * "… region" → location), the name recognizer's person/place/organization tags, an
 * apposition ("Deep State, a Ukrainian website") and context ("in X" → place).
 */
import type { NodeType } from "../../types.ts";
import { gluedToPrevious, spanText, type Token } from "../tokens.ts";
import type { HeadWords, Lexicon } from "../lexicon/types.ts";
import { overlaps, type Mention } from "./types.ts";
import { nameKey } from "./name-key.ts";
import { PLACE_PREPOSITIONS, isNameWord } from "./context.ts";

const CONNECTORS = new Set(["of", "for", "and", "on", "de", "von", "der", "bin", "al"]);
/** Ordinals and numbers are never part of a name ("First- and Fifth-Amendment grounds"). */
const NUMERIC_TAGS = ["Value", "Ordinal", "Cardinal", "Date", "Month", "WeekDay"];
const PERSON_TAGS = ["Person", "FirstName", "LastName", "MaleName", "FemaleName", "Honorific"];
const PLACE_TAGS = ["Place", "City", "Country", "Region", "Address"];

function hasTag(tokens: readonly Token[], start: number, end: number, tags: string[]): boolean {
  for (let i = start; i < end; i++) if (tags.some((t) => tokens[i]!.tags.has(t))) return true;
  return false;
}

/** Head noun of an apposition right after the name: "Deep State, an authoritative Ukrainian website". */
function appositionHead(tokens: readonly Token[], end: number, heads: HeadWords): string | null {
  if (tokens[end]?.text !== ",") return null;
  const det = tokens[end + 1]?.lower;
  if (det !== "a" && det !== "an" && det !== "the") return null;
  for (let i = end + 2; i < Math.min(tokens.length, end + 8); i++) {
    const w = tokens[i]!.lower;
    if (heads.appositionOrganization.has(w) || heads.appositionPlace.has(w)) return w;
    if (tokens[i]!.text === ",") break;
  }
  return null;
}

/** Words after which a proposal's own name goes on ("Declaration of Commitment to Protect the Civilians of Sudan"). */
const DOCUMENT_JOINERS = new Set(["of", "on", "for", "to"]);

/** The name's head word: the last before its first joiner ("Declaration" of "Declaration of Commitment …"), else its last. */
function nameHead(tokens: readonly Token[], start: number, end: number): string {
  for (let k = start + 1; k < end; k++) if (DOCUMENT_JOINERS.has(tokens[k]!.lower)) return tokens[k - 1]!.lower;
  return tokens[end - 1]!.lower;
}

/** "Pretoria Agreement", "Implementation Annex", "Jeddah Declaration of …": a capitalized name headed by a document noun. */
function isDocumentName(tokens: readonly Token[], start: number, end: number, heads: HeadWords): boolean {
  return end - start >= 2 && heads.proposal.documentNames.has(nameHead(tokens, start, end));
}

/** A run that holds a capitalized document noun, so joiners and "the" may continue its name. */
function inDocumentName(tokens: readonly Token[], start: number, j: number, heads: HeadWords): boolean {
  for (let k = start; k < j; k++) if (tokens[k]!.cap && heads.proposal.documentNames.has(tokens[k]!.lower)) return true;
  return false;
}

function typeOf(tokens: readonly Token[], start: number, end: number, titled: boolean, roleAt: (i: number) => boolean, heads: HeadWords): NodeType | null {
  const head = tokens[end - 1]!.lower;
  if (titled) return "actor";
  if (isDocumentName(tokens, start, end, heads)) return "proposal";
  // "Economic Revitalization Minister Ryosei Akazawa": capitalized words right before "Minister" are its portfolio.
  if (tokens[end]?.lower === "minister" && tokens[end]!.cap && !hasTag(tokens, start, end, ["Organization", ...PLACE_TAGS])) return null;
  // "White House press secretary", "Kremlin aide": a name right before a role is the role's organization.
  for (let j = end; j < end + 3 && j < tokens.length; j++) {
    if (roleAt(j)) return "organization";
    if (tokens[j]!.cap || !/\p{L}/u.test(tokens[j]!.text)) break;
  }
  if (heads.organization.has(head)) return "organization";
  if (heads.location.has(head)) return "location";
  const appo = appositionHead(tokens, end, heads);
  if (appo) return heads.appositionPlace.has(appo) ? "location" : "organization";
  const prev = tokens[start - 1]?.lower;
  // "the city of Sharm El-Sheikh", "the town of Shire": a name after a kind of place and "of".
  if (prev === "of" && heads.appositionPlace.has(tokens[start - 2]?.lower ?? "")) return "location";
  if (hasTag(tokens, start, end, ["Organization"])) return "organization";
  if (hasTag(tokens, start, end, PERSON_TAGS)) return "actor";
  if (hasTag(tokens, start, end, PLACE_TAGS)) return "location";
  if (prev && PLACE_PREPOSITIONS.has(prev)) return "location";
  if (end - start >= 2) return end - start <= 3 ? "actor" : "organization";
  return null;
}

/**
 * Two or three proper nouns with no head word among them, ending the run: the
 * shape of a person's name after a body's name ("Joint Staff Omar Haddad")
 * when the recognizer has not marked it.
 */
function personNameAt(tokens: readonly Token[], j: number, lexicon: Lexicon): boolean {
  let k = j;
  while (k < tokens.length && tokens[k]!.cap && tokens[k]!.tags.has("ProperNoun") && !lexicon.heads.organization.has(tokens[k]!.lower) && !lexicon.heads.location.has(tokens[k]!.lower)) k++;
  const words = k - j;
  return words >= 2 && words <= 3 && !tokens[k]?.cap;
}

/** Lower-case particles inside names, before a hyphen: "al-Shaibani", "el-Sisi", "bin-Salman". */
const NAME_PARTICLES = new Set(["al", "el", "ad", "ash", "as", "at", "ibn", "bin", "bint", "abu", "abd"]);

/**
 * An "and" at j inside a run joins one name ("National Security and Defense
 * Council", "Ministry of Trade and Industry", "Center on Military and
 * Political Power", "Central and Eastern Europe") only when a connector came
 * before it in the run, the name after it ends on an organization's head
 * word, or a lone adjective shares the longer name's head; otherwise it joins
 * two names ("Kosovo and Serbia", "Brussels and Willem Marx").
 */
function joinsBody(tokens: readonly Token[], i: number, j: number, lexicon: Lexicon): boolean {
  for (let k = i; k < j; k++) if (CONNECTORS.has(tokens[k]!.lower) && tokens[k]!.lower !== "and") return true;
  // "Central and Eastern Europe": one adjective joined to a longer name shares its head.
  if (j - i === 1 && tokens[i]!.tags.has("Adjective") && nameWordsEnd(tokens, j + 1, lexicon) - (j + 1) >= 2) return true;
  return endsOnOrganizationHead(tokens, j + 1, lexicon);
}

/** End of the name words from `from` (exclusive). */
function nameWordsEnd(tokens: readonly Token[], from: number, lexicon: Lexicon): number {
  let k = from;
  while (isNameWord(tokens[k], lexicon.stopwords)) k++;
  return k;
}

function endsOnOrganizationHead(tokens: readonly Token[], from: number, lexicon: Lexicon): boolean {
  const k = nameWordsEnd(tokens, from, lexicon);
  return k > from && lexicon.heads.organization.has(tokens[k - 1]!.lower);
}

/** Where a capitalized run starting at i ends (exclusive). */
function runEnd(tokens: readonly Token[], i: number, taken: (j: number) => boolean, lexicon: Lexicon): number {
  let j = i;
  while (j < tokens.length && !taken(j)) {
    const t = tokens[j]!;
    if ((isNameWord(t, lexicon.stopwords) && !NUMERIC_TAGS.some((g) => t.tags.has(g))) || (j > i && (/^\p{Lu}\.$/u.test(t.text) || REGNAL.test(t.text)))) {
      j++;
      // "the General Staff Valery Gerasimov": an organization's head word ends it before a person's name.
      if (lexicon.heads.organization.has(t.lower) && (tokens[j]?.tags.has("Person") || personNameAt(tokens, j, lexicon))) break;
      continue;
    }
    // "Antony J. Blinken": the stop of an initial inside a name.
    if (j > i && t.text === "." && /^\p{Lu}$/u.test(tokens[j - 1]!.text) && gluedToPrevious(tokens, j) && isNameWord(tokens[j + 1], lexicon.stopwords) && !taken(j + 1)) {
      j++;
      continue;
    }
    // "Tigray People's Liberation Front": a possessive inside a body's name that ends on its head word.
    if (j > i && t.lower === "'s" && isNameWord(tokens[j + 1], lexicon.stopwords) && !taken(j + 1) && endsOnOrganizationHead(tokens, j + 1, lexicon)) {
      j++;
      continue;
    }
    // "Coalition of the Willing", "Office of the President": "of the" inside a body's name, after its head word.
    if (j > i && t.lower === "of" && tokens[j + 1]?.lower === "the" && lexicon.heads.organization.has(tokens[j - 1]!.lower) && isNameWord(tokens[j + 2], lexicon.stopwords) && !taken(j + 2)) {
      j += 2;
      continue;
    }
    // "Asaad al-Shaibani", "Tamim bin Hamad": a lower-case name particle glued to the next name word by a hyphen.
    if (j > i && NAME_PARTICLES.has(t.lower) && tokens[j + 1]?.text === "-" && gluedToPrevious(tokens, j + 1) && gluedToPrevious(tokens, j + 2) && isNameWord(tokens[j + 2], lexicon.stopwords) && !taken(j + 2)) {
      j += 3;
      continue;
    }
    // "Declaration of Commitment to Protect the Civilians of Sudan": inside a document's name,
    // "to" and "the" join too — a title, not a clause.
    // A known name inside ("… Civilians of Sudan") is taken into it; another document named
    // after a joiner ("Implementation Annex of the Agreement …") is a proposal of its own.
    const afterName = j > i && /\p{L}/u.test(tokens[j - 1]!.text) && tokens[j - 1]!.cap;
    if (afterName && (DOCUMENT_JOINERS.has(t.lower) || t.lower === "the") && inDocumentName(tokens, i, j, lexicon.heads)) {
      const k = t.lower !== "the" && tokens[j + 1]?.lower === "the" ? j + 2 : j + 1;
      if (isNameWord(tokens[k], lexicon.stopwords) && !lexicon.heads.proposal.documentNames.has(tokens[k]!.lower)) {
        j = k;
        while (j < tokens.length && taken(j)) j++;
        continue;
      }
    }
    // "Foundation for Defense of Democracies": a connector between two name words, not before "the".
    // "Al-Khulaifi", "Abdel-Fattah": a hyphen glued between two name words joins them.
    const gluedHyphen = t.text === "-" && gluedToPrevious(tokens, j) && gluedToPrevious(tokens, j + 1);
    if (j > i && (CONNECTORS.has(t.lower) || gluedHyphen) && isNameWord(tokens[j + 1], lexicon.stopwords) && !taken(j + 1) && (t.lower !== "and" || joinsBody(tokens, i, j, lexicon))) {
      j++;
      continue;
    }
    break;
  }
  return j;
}

function allPortfolio(tokens: readonly Token[], start: number, end: number, lexicon: Lexicon): boolean {
  for (let k = start; k < end; k++) if (!lexicon.portfolioWords.has(tokens[k]!.lower) && !CONNECTORS.has(tokens[k]!.lower)) return false;
  return true;
}

/** A title-case line without a closing stop ("U.S. Pushes for Diplomatic Solution"): only lexicon names count there. */
export function isHeadline(tokens: readonly Token[], lexicon: Lexicon): boolean {
  // A closing quote ends a quoted headline too ('Ishiba on Future Role: "Will Comment After Full Review"'): look before it.
  let last = tokens.length - 1;
  while (last > 0 && /^["'\u201d\u2019]$/.test(tokens[last]!.text)) last--;
  if (/^[.!?]$/.test(tokens[last]?.text ?? "")) return false;
  const words = tokens.filter((t) => /\p{L}/u.test(t.text) && !lexicon.stopwords.has(t.lower));
  if (words.length < 3) return false;
  return words.filter((t) => t.cap).length / words.length >= lexicon.headlineCapitalizedRatio;
}

/**
 * A proposal's own name. A place or body written right before it belongs to
 * the name ("Jeddah Declaration", "WHO Pandemic Agreement"): the mention starts
 * there, and the caller drops the shorter mention it covers (absorbedBy).
 */
function documentName(tokens: readonly Token[], sentence: string, start: number, end: number, known: readonly Mention[]): Mention {
  const owner = ownerBefore(tokens, start, known);
  const from = owner ? owner.start : start;
  const text = spanText(sentence, tokens, from, end);
  return { start: from, end, text, key: `proposal:${nameKey(text)}`, label: text, type: "proposal", source: "nlp", named: true };
}

/** A place or body named right before `start`, which may own a document named there. */
function ownerBefore(tokens: readonly Token[], start: number, known: readonly Mention[]): Mention | undefined {
  return known.find((k) => k.end === start && (k.type === "location" || k.type === "organization") && tokens[k.start]!.cap && !k.titled);
}

/** A regnal number: "Abdullah II", "Charles III". */
const REGNAL = /^(?:I{1,3}|IV|VI{0,3}|IX|X)$/;

/**
 * A name that takes in a known name at its edge as part of a longer one:
 * "Sovereign Council of Sudan" (a head word, "of", a known state), "Liberal
 * Democratic Party" and "AU Peace and Security Council" (words before a known
 * body that ends on its head word — the US party, the UN council — with the
 * body of the name before them), "Abdullah II of Jordan" (a monarch's state),
 * "Melania Trump", "[Volodymyr] Zelenskyy" (a first name before a known
 * person's surname, an editor's brackets around it or not). Returns the
 * longer name's span and type, or null.
 */
function nameAround(tokens: readonly Token[], start: number, end: number, known: readonly Mention[], lexicon: Lexicon): { start: number; end: number; type: NodeType } | null {
  const heads = lexicon.heads.organization;
  const headed = heads.has(tokens[end - 1]!.lower);
  const afterOf = tokens[end]?.lower === "of";
  // A known body right before that is not a state (a state before its body is compounds.ts's).
  const parent = known.find((k) => k.end === start && k.type === "organization" && k.kind !== "demonym" && !lexicon.entities.get(k.key)?.country && tokens[k.start]!.cap);
  // "United Nations Verification Mission", "NATO Parliamentary Assembly": a body's name after a known body begins with it.
  if (headed && !afterOf && parent?.source === "lexicon") return { start: parent.start, end, type: "organization" };
  // "Abdullah II of Jordan", "Sovereign Council of Sudan": a monarch's or a body's state after "of".
  const regnal = REGNAL.test(tokens[end - 1]!.text);
  if (afterOf && (regnal || headed)) {
    const at = tokens[end + 1]?.lower === "the" ? end + 2 : end + 1;
    const state = known.find((k) => k.start === at && k.kind !== "demonym" && !!lexicon.entities.get(k.key)?.country);
    if (state) return { start, end: state.end, type: regnal ? "actor" : "organization" };
  }
  if (end - start > 2) return null;
  const at = tokens[end]?.lower === "and" ? end + 1 : end;
  const body = known.find((k) => k.start === at && k.type === "organization" && k.source === "lexicon" && k.end - k.start >= 2 && heads.has(tokens[k.end - 1]!.lower));
  // "AU Peace and Security Council": with the known body the council is of, written right before.
  if (body) return { start: parent?.start ?? start, end: body.end, type: "organization" };
  // "President [Volodymyr] Zelenskyy": an editor's bracketed first name reads as part of the name.
  const bracketed = tokens[start - 1]?.text === "[" && tokens[end]?.text === "]";
  const at2 = bracketed ? end + 1 : end;
  const surname = known.find((k) => k.start === at2 && k.end === at2 + 1 && k.type === "actor" && k.source === "lexicon");
  const firstNames = tokens.slice(start, end).every((t) => !lexicon.honorifics.has(t.lower.replace(/\.$/, "")) && (t.tags.has("Person") || t.tags.has("FirstName") || t.tags.has("ProperNoun")));
  if (surname && firstNames) return { start, end: surname.end, type: "actor" };
  return null;
}

/** The mentions of `known` that a discovered name took in ("Jeddah" of "Jeddah Declaration", "Sudan" of "Sovereign Council of Sudan"). */
export function absorbedBy(discovered: readonly Mention[], known: readonly Mention[]): Set<Mention> {
  const out = new Set<Mention>();
  for (const d of discovered) for (const k of known) if (k.start >= d.start && k.end <= d.end) out.add(k);
  return out;
}

export function discoverNames(tokens: readonly Token[], sentence: string, lexicon: Lexicon, known: readonly Mention[], titledAt: ReadonlySet<number>, roleAt: (i: number) => boolean, headline: boolean): Mention[] {
  const out: Mention[] = [];
  const taken = (j: number) => known.some((m) => m.start <= j && j < m.end) || out.some((m) => m.start <= j && j < m.end);
  for (let i = 0; i < tokens.length; i++) {
    if (taken(i) || !isNameWord(tokens[i], lexicon.stopwords) || NUMERIC_TAGS.some((g) => tokens[i]!.tags.has(g))) continue;
    const end = runEnd(tokens, i, taken, lexicon);
    const titled = titledAt.has(i);
    // "The Prime Minister said": a title said of its holder is no name, nor is a part of it.
    const title = lexicon.roles.matchAt(tokens, i)?.[0];
    if (title && title.end >= end && !titled) {
      i = title.end - 1;
      continue;
    }
    // "Air Force One": a name followed by a number word is the name of a thing (a plane, a ship).
    if (tokens[end]?.cap && tokens[end]!.tags.has("Cardinal") && /^\p{L}+$/u.test(tokens[end]!.text)) {
      i = end;
      continue;
    }
    if (headline && !titled) {
      i = end - 1;
      continue;
    }
    // A sentence-initial single capital word is only a name when compromise says so.
    const sentenceInitial = i === 0 || tokens[i - 1]!.text === '"';
    const single = end - i === 1;
    // A code of letters and digits ("E3", "M23", "P5") is a name wherever it stands.
    const code = single && /^\p{Lu}+\p{N}+$/u.test(tokens[i]!.text);
    if (single && sentenceInitial && !code && !hasTag(tokens, i, end, [...PERSON_TAGS, ...PLACE_TAGS, "Organization"])) continue;
    // "the Jeddah Declaration": one document noun after a known place or body is a name too.
    const ownedDocument = single && !titled && lexicon.heads.proposal.documentNames.has(tokens[i]!.lower) && ownerBefore(tokens, i, known) !== undefined;
    const type = ownedDocument ? "proposal" : typeOf(tokens, i, end, titled, roleAt, lexicon.heads);
    const longer = nameAround(tokens, i, end, known, lexicon);
    if (longer && (!titled || longer.type === "actor")) {
      // A monarch's state stays a mention of its own: the span ends at the regnal number while the
      // text, label and key keep the whole name (as a proposal's names inside it do, proposals.ts).
      const spanEnd = longer.type === "actor" && REGNAL.test(tokens[end - 1]!.text) ? end : longer.end;
      const text = spanText(sentence, tokens, longer.start, longer.end).replace(/\s*[[\]]\s*/g, " ").trim();
      out.push({ start: longer.start, end: spanEnd, text, key: `name:${nameKey(text)}`, label: text, type: longer.type, source: titled ? "title" : "nlp", titled });
      i = spanEnd - 1;
      continue;
    }
    const afterPlacePreposition = PLACE_PREPOSITIONS.has(tokens[i - 1]?.lower ?? "");
    // A lone word glued to a hyphen is part of a compound modifier ("First- and Fifth-Amendment").
    const glued = single && tokens[i - 1]?.text === "-" && gluedToPrevious(tokens, i);
    const weak = single && !code && !titled && !afterPlacePreposition && !hasTag(tokens, i, end, [...PERSON_TAGS, ...PLACE_TAGS, "Organization"]);
    if (glued || (!type && !weak) || (weak && sentenceInitial)) {
      i = end - 1;
      continue;
    }
    // "Foreign Affairs", "Strategic Affairs": a portfolio alone is part of a title, not a name.
    if (!titled && allPortfolio(tokens, i, end, lexicon)) {
      i = end - 1;
      continue;
    }
    if (type === "proposal") {
      out.push(documentName(tokens, sentence, i, end, known));
      i = end - 1;
      continue;
    }
    // "X (formerly Twitter)": a lone letter names nothing worth a node.
    if (single && /^\p{L}$/u.test(tokens[i]!.text)) continue;
    // "10 Downing Street": a street's number belongs to its name.
    const from = tokens[end - 1]!.lower === "street" && /^\p{N}{1,4}$/u.test(tokens[i - 1]?.text ?? "") ? i - 1 : i;
    const text = spanText(sentence, tokens, from, end);
    const m: Mention = { start: from, end, text, key: `name:${nameKey(text)}`, label: text, type: type ?? "actor", source: titled ? "title" : "nlp", titled, weak };
    if (!known.some((k) => overlaps(k, m))) out.push(m);
    i = end - 1;
  }
  return out;
}
