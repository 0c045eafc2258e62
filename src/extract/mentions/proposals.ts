/**
 * Proposals are noun phrases, not names: "a 30-day cease-fire proposal", "the
 * 28-point peace plan", "security guarantees", "a list of demands", "a deal to
 * develop Ukraine's critical mineral resources". A phrase with a distinguishing
 * modifier or complement is a proposal entity, keyed by its content words
 * (numbers and spellings folded, generic heads dropped); a bare "the proposal"
 * is an anaphor that relation rules resolve to the article's latest proposal.
 */
import { spanText, type Token } from "../tokens.ts";
import type { Mention } from "./types.ts";
import type { ProposalWords } from "../lexicon/types.ts";
import { overlaps } from "./types.ts";

const MODIFIER = /^(\p{Ll}[\p{Ll}-]*|\p{N}+(-\p{L}+)?)$/u;
const FUNCTION_WORDS = new Set(["for", "of", "to", "in", "on", "with", "at", "by", "and", "or", "from", "that", "which", "as", "has", "have", "had", "was", "were", "is", "are", "be", "been"]);

/** A word that can modify a proposal noun: lower-case adjective or noun, or a number compound ("30-day"); never a verb. */
function isModifier(t: Token | undefined, words: ProposalWords): boolean {
  if (!t || !MODIFIER.test(t.text) || FUNCTION_WORDS.has(t.lower) || DETERMINERS.has(t.lower)) return false;
  if (/^\p{N}/u.test(t.text) || words.folds.has(t.lower)) return true;
  // Never a verb, an adverb or a function word the tagger knows ("handed over demands").
  return !t.tags.has("Verb") && !t.tags.has("Adverb") && !t.tags.has("Gerund") && !t.tags.has("FunctionWord");
}
const DETERMINERS = new Set(["a", "an", "the", "its", "their", "his", "her", "this", "that", "any", "our"]);

/** A list of demands (requirements and conditions fold into it): putting it forward is demanding. */
export function isDemandList(key: string): boolean {
  // "proposal:demands", "proposal:demands cessation hostilities" (a list with what it is for), per article or not.
  return /^proposal:demands(\s|@|$)/.test(key);
}

export function proposalKey(words: string[], vocabulary: ProposalWords): string {
  const content = words.map((w) => vocabulary.folds.get(w.toLowerCase()) ?? w.toLowerCase()).filter((w) => !vocabulary.generic.has(w) && !DETERMINERS.has(w) && w !== "of" && w !== "for" && w !== "to");
  return content.join(" ");
}

/** "proposal for a 30-day cease-fire", "list of (its) demands …", "deal to develop … resources". */
function complement(tokens: readonly Token[], head: number, vocabulary: ProposalWords): { end: number; words: string[] } | null {
  const next = tokens[head + 1]?.lower;
  if (next === "for" || next === "of") {
    let j = head + 2;
    while (DETERMINERS.has(tokens[j]?.lower ?? "")) j++;
    const modStart = j;
    while (isModifier(tokens[j], vocabulary) && !vocabulary.heads.has(tokens[j]!.lower)) j++;
    if (tokens[j] && vocabulary.heads.has(tokens[j]!.lower)) return { end: j + 1, words: tokens.slice(modStart, j + 1).map((t) => t.lower) };
  }
  // A list of demands is named by its items, never by what they are for ("demands for a cessation of hostilities").
  if (vocabulary.demands.has(tokens[head]!.lower)) return null;
  if (next === "for" || next === "of" || (next === "on" && ON_COMPLEMENT_HEADS.has(tokens[head]!.lower))) {
    // "a permanent mechanism for mutual peace and stability", "a declaration of principles",
    // "an agreement on the path to normalisation": a generic head is named by its complement.
    const phrase = phraseComplement(tokens, head + 2, vocabulary);
    // The head is one of the words that name it: "declaration of principles" is two words, not one.
    return phrase && { end: phrase.end, words: [tokens[head]!.lower, ...phrase.words] };
  }
  if (next === "to" && tokens[head]!.lower === "deal") {
    // "a deal to develop Ukraine's critical mineral resources": content words up to the clause's end.
    let j = head + 2;
    const words: string[] = [];
    while (tokens[j] && !/^[,.;:"]$/.test(tokens[j]!.text) && j < head + 10) {
      if (isModifier(tokens[j], vocabulary) && j > head + 2) words.push(tokens[j]!.lower);
      j++;
    }
    // One content word ("a deal to finish the battle") names no particular deal.
    return words.length >= 2 ? { end: j, words: [...words, "deal"] } : null;
  }
  return null;
}

/** Heads whose "on" phrase says what they settle ("a ban on strikes", "a declaration on security"); "a plan on social media" is where it was posted, and "an agreement on the X" takes no complement here: such a proposal is named by its content, X, which the head would bury. */
const ON_COMPLEMENT_HEADS = new Set(["deal", "accord", "declaration", "ban", "moratorium", "memorandum", "treaty"]);

/**
 * "a ceasefire agreement with Hezbollah", "a ceasefire deal between the
 * Houthis and the US", "an agreement in Lebanon": the parties or the place
 * after a proposal belong to how the text names it (its text and label; the
 * key stays its content, and the names stay mentions of their own). Returns
 * where that phrase ends, or `end` when there is none.
 */
function namedComplementEnd(tokens: readonly Token[], end: number, known: readonly Mention[]): number {
  if (!NAMED_COMPLEMENT.has(tokens[end]?.lower ?? "")) return end;
  const at = (i: number) => known.find((k) => k.start === i || (tokens[i]?.lower === "the" && k.start === i + 1));
  let first = at(end + 1);
  if (!first) return end;
  let last = first;
  // "between X and Y", "with X, Y and Z"
  for (let next = at(last.end + 1); next && /^(and|,)$/.test(tokens[last.end]?.lower ?? ""); next = at(last.end + 1)) last = next;
  return last.end;
}
const NAMED_COMPLEMENT = new Set(["with", "between", "in", "for"]);

/** Words that may join the content words of a complement: "peace and stability", "the path to normalisation of relations". */
const COMPLEMENT_JOINERS = new Set(["and", "of", "to", "on", "against", "between", "for"]);
const COMPLEMENT_WORDS = 10;

/**
 * The content of a complement from `from`: lower-case modifiers and nouns,
 * joined by a few prepositions, ending on a noun before punctuation, a verb
 * or a name (names stay mentions of their own). Null when it names nothing.
 */
function phraseComplement(tokens: readonly Token[], from: number, vocabulary: ProposalWords): { end: number; words: string[] } | null {
  let j = from;
  while (DETERMINERS.has(tokens[j]?.lower ?? "")) j++;
  const words: string[] = [];
  let end = -1;
  for (; j < tokens.length && j < from + COMPLEMENT_WORDS; j++) {
    const t = tokens[j]!;
    if (isModifier(t, vocabulary)) {
      words.push(t.lower);
      if (t.tags.has("Noun") || t.tags.has("Plural")) end = j + 1;
      continue;
    }
    if (words.length > 0 && COMPLEMENT_JOINERS.has(t.lower) && isModifier(tokens[j + 1] ?? tokens[j + 2], vocabulary)) {
      words.push(t.lower);
      continue;
    }
    if (words.length > 0 && DETERMINERS.has(t.lower)) continue;
    break;
  }
  if (end < 0) return null;
  const content = words.slice(0, words.lastIndexOf(tokens[end - 1]!.lower) + 1).filter((w) => !COMPLEMENT_JOINERS.has(w) && !vocabulary.genericModifiers.has(w));
  return content.length > 0 ? { end, words: content } : null;
}

const CLAUSE_WORDS = 10;
const CLAUSE_STOPS = new Set(["that", "which", "who", "while", "after", "before", "because", "but", "if", "when", "and", "said", "says", "saying"]);

/**
 * "Russia proposed exchanging 1,200 more soldiers", "offered to transfer
 * 3,000 more": after one of the clause verbs (heads.json proposal.clauseVerbs),
 * an act named by a verb, with its words up to the clause's end, is the
 * proposal (kept only if a relation uses it).
 */
function clauseMentions(tokens: readonly Token[], sentence: string, known: readonly Mention[], vocabulary: ProposalWords, verbs: ReadonlySet<string>): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!verbs.has(tokens[i]!.lower)) continue;
    let v = i + 1;
    if (tokens[v]?.lower === "to" && tokens[v + 1]?.tags.has("Verb")) v++;
    else if (!tokens[v]?.tags.has("Gerund")) continue;
    if (known.some((k) => k.start <= v && v < k.end)) continue;
    // "suggested forming three online working groups", "offered to set up a hotline": the thing made is proposed.
    if (vocabulary.creationVerbs.has(tokens[v]!.lower) && tokens[v + 1] && !/^[,.;:"()]$/.test(tokens[v + 1]!.text)) v += tokens[v + 1]!.lower === "up" ? 2 : 1;
    let end = v + 1;
    // "exchanging not only military personnel but also civilians": the "but also" of a "not only" goes on with the act.
    const butAlso = (j: number) => tokens[j]!.lower === "but" && tokens[j + 1]?.lower === "also" && tokens.slice(v, j).some((t, k) => t.lower === "not" && tokens[v + k + 1]?.lower === "only");
    while (end < tokens.length && end < v + CLAUSE_WORDS && !/^[,.;:"()]$/.test(tokens[end]!.text) && (!CLAUSE_STOPS.has(tokens[end]!.lower) || butAlso(end))) end++;
    const words = tokens.slice(v, end).map((t) => t.lower).filter((w) => !DETERMINERS.has(w) && !COMPLEMENT_JOINERS.has(w) && !vocabulary.genericModifiers.has(w));
    // One word ("agreed to continue") names no act worth a node.
    if (end - v < 2 || words.length < 2) continue;
    const text = spanText(sentence, tokens, v, end);
    const inner = known.some((k) => k.start > v && k.start < end);
    out.push({ start: v, end: inner ? v + 1 : end, text, key: `proposal:${words.join(" ")}`, label: text, type: "proposal", source: "proposal", needsRelation: true });
    i = end - 1;
  }
  return out;
}

export function proposalMentions(tokens: readonly Token[], sentence: string, known: readonly Mention[], vocabulary: ProposalWords, clauseVerbForms: ReadonlySet<string> = new Set()): Mention[] {
  const { heads, generic, selfSpecific, genericModifiers } = vocabulary;
  const out: Mention[] = [];
  for (let h = 0; h < tokens.length; h++) {
    if (!heads.has(tokens[h]!.lower)) continue;
    // "cease-fire proposal", "peace plan": a compound ends at its last head noun.
    const first = h;
    while (heads.has(tokens[h + 1]?.lower ?? "")) h++;
    const head = tokens[h]!.lower;
    // "several European countries plan to join": the tagger reads a verb, and "to" follows — an act, not a plan.
    if (tokens[h]!.tags.has("Verb") && !tokens[h]!.tags.has("Noun") && tokens[h + 1]?.lower === "to") continue;
    // "list of demands": the list is the proposal, headed by "demands".
    let start = first;
    while (start > 0 && isModifier(tokens[start - 1], vocabulary) && !heads.has(tokens[start - 1]!.lower)) start--;
    // "24- to 48-hour ceasefires": a range's first number, written "N- to", belongs to the modifier.
    if (/^\p{N}/u.test(tokens[start]?.text ?? "") && tokens[start - 1]?.lower === "to" && tokens[start - 2]?.text === "-" && /^\p{N}+$/u.test(tokens[start - 3]?.text ?? "")) start -= 3;
    // "a list of (its) demands"
    const owned = DETERMINERS.has(tokens[start - 1]?.lower ?? "") ? 1 : 0;
    const list = tokens[start - 1 - owned]?.lower === "of" && tokens[start - 2 - owned]?.lower === "list";
    const modifierStart = start;
    if (list) start -= 2 + owned;
    const modifiers = tokens.slice(modifierStart, h).map((t) => t.lower).filter((w) => w !== "-" && w !== "to");
    // "a list of demands for an agreement": the list is named by its items, not what they are for.
    const comp = list ? null : complement(tokens, h, vocabulary);
    const end = comp?.end ?? h + 1;
    const words = comp ? [...modifiers.filter((w) => !genericModifiers.has(w)), ...comp.words] : [...modifiers.filter((w) => !genericModifiers.has(w)), head];
    const key = proposalKey(words, vocabulary);
    const specific = key.length > 0 && (words.length > 1 || selfSpecific.has(head));
    const text = spanText(sentence, tokens, start, namedComplementEnd(tokens, end, known));
    // "a deal to develop Ukraine's critical mineral resources": names inside the complement stay
    // mentions of their own, so the proposal's span ends at its head while its key, text and label keep the whole phrase.
    const spanEnd = comp && known.some((k) => k.start > h && k.start < end) ? h + 1 : end;
    const m: Mention = {
      start,
      end: spanEnd,
      text,
      key: specific ? `proposal:${key}` : "proposal:?",
      label: text,
      type: "proposal",
      source: "proposal",
      anaphor: !specific,
    };
    // Only generic heads ("the proposal", "the plan") point back to a proposal; "a peace deal" names none.
    if (!specific && !generic.has(head)) continue;
    if (known.some((k) => overlaps(k, m)) || out.some((o) => overlaps(o, m))) continue;
    out.push(m);
    h = spanEnd - 1;
  }
  for (const m of clauseMentions(tokens, sentence, [...known, ...out], vocabulary, clauseVerbForms)) if (!out.some((o) => overlaps(o, m))) out.push(m);
  return out.sort((a, b) => a.start - b.start);
}
