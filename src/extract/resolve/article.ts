/**
 * Alias resolution inside one article: discovered names that are spelling variants
 * of a lexicon entry join it ("Dmitri Peskov"); a surname or "Mr. X" joins the
 * one full name in the article that ends with it; a bare "the proposal" points to
 * the article's latest proposal (or, in a headline, the first one to come).
 */
import type { Lexicon } from "../lexicon/types.ts";
import type { SentenceAnalysis } from "../mentions/index.ts";
import type { Mention } from "../mentions/types.ts";

function lastWordKey(key: string): string {
  const words = key.replace(/^name:/, "").split(" ");
  return words[words.length - 1]!;
}

export function resolveArticle(sentences: SentenceAnalysis[], lexicon: Lexicon, articleId: string): void {
  const all = sentences.flatMap((s) => s.mentions);
  for (const m of all) {
    if (!m.key.startsWith("name:")) continue;
    const id = lexicon.nameKeys.get(m.key.slice(5));
    if (id) {
      const e = lexicon.entities.get(id)!;
      Object.assign(m, { key: id, label: e.name, type: e.type });
    }
  }
  resolveAcronyms(sentences);
  // Surnames: the single full name of the article that ends with this word.
  const fullNames = new Map<string, Set<string>>();
  for (const m of all) {
    if (m.type !== "actor" || !m.key.includes(" ")) continue;
    const last = lastWordKey(m.key);
    if (!fullNames.has(last)) fullNames.set(last, new Set());
    fullNames.get(last)!.add(m.key);
  }
  for (const m of all) {
    if (!m.key.startsWith("name:")) continue;
    // "El-Sisi" (key "el sisy") after "Abdel Fattah El-Sisi": a short name the one longer name ends with.
    const short = m.key.slice(5);
    const candidates = short.includes(" ") ? new Set([...(fullNames.get(lastWordKey(m.key)) ?? [])].filter((k) => k !== m.key && k.endsWith(` ${short}`))) : fullNames.get(short);
    if (candidates?.size === 1) Object.assign(m, { key: [...candidates][0]!, type: "actor", weak: false });
  }
  // "the Houthis" beside "Houthi fighters": a people or movement named in the plural is a party, not a place.
  const capitalized = new Set(sentences.flatMap((s) => s.tokens.filter((t) => t.cap).map((t) => t.lower)));
  const peoples = new Map<string, Mention>();
  for (const m of all) {
    const word = m.key.startsWith("name:") ? m.key.slice(5) : "";
    if (m.type === "location" && /^\p{L}+s$/u.test(word) && capitalized.has(word.slice(0, -1))) {
      Object.assign(m, { type: "organization", weak: false });
      peoples.set(m.text.toLowerCase().slice(0, -1), m);
    }
  }
  // ... and its adjective alone ("Houthi" in "Houthi targets") is the same party.
  for (const m of all) {
    const people = m.key.startsWith("name:") && m.end - m.start === 1 ? peoples.get(m.text.toLowerCase()) : undefined;
    if (people && people !== m) Object.assign(m, { key: people.key, type: people.type, weak: false });
  }
  // Lone capitalized words that joined no full name were not names after all.
  for (const s of sentences) s.mentions = s.mentions.filter((m) => !(m.weak && m.key.startsWith("name:") && !m.key.includes(" ")));
  resolveProposalAnaphora(all);
  localizeProposals(sentences.flatMap((s) => s.mentions), articleId);
  resolvePlaceAnaphora(sentences.flatMap((s) => s.mentions));
}

/** An acronym as news writes it in parentheses: "INB", "TPLF", "M23" — capitals, maybe a digit, no more than eight. */
const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}&]{1,7}$/u;

/**
 * "the Intergovernmental Negotiating Body (INB)", "Tigray People's Liberation
 * Front (TPLF)": the acronym in parentheses right after a name is that
 * entity's, and so is every mention of it in the article. A lexicon entry on
 * either side names the entity; two different lexicon entries are left apart.
 */
function resolveAcronyms(sentences: SentenceAnalysis[]): void {
  const named = new Map<string, Mention>();
  for (const s of sentences) {
    for (const m of s.mentions) {
      if (m.type === "proposal" || s.tokens[m.end]?.text !== "(" || s.tokens[m.end + 2]?.text !== ")") continue;
      const acronym = s.tokens[m.end + 1]!.text;
      if (ACRONYM.test(acronym) && !named.has(acronym)) named.set(acronym, m);
    }
  }
  if (named.size === 0) return;
  const lexical = (m: Mention) => !m.key.startsWith("name:");
  for (const m of sentences.flatMap((s) => s.mentions)) {
    const full = named.get(m.text);
    if (!full || full === m || full.key === m.key) continue;
    if (lexical(m) && lexical(full)) continue;
    // The lexicon's entry names both; else the acronym takes the full name's entity.
    const to = lexical(m) ? m : full;
    for (const x of [m, full]) if (x !== to) Object.assign(x, { key: to.key, label: to.label, type: to.type, weak: false });
  }
}

const proposalWords = (key: string) => key.replace(/^proposal:/, "").split(" ");

/**
 * A proposal named by a number ("30-day", "28-point") or by three words of
 * its key or more, head included ("critical minerals deal"), is the same
 * proposal wherever it is named; "a trade deal", "the ceasefire" are not:
 * each article's is its own.
 */
function distinctiveByWords(key: string): boolean {
  return /\p{N}/u.test(key) || proposalWords(key).length >= 3;
}

/**
 * Proposals too generic to name the same thing in two articles: inside the
 * article they join the one distinctive proposal whose words include theirs
 * ("the ceasefire" → "ceasefire agreement with Hezbollah"; the most named if
 * several), else they are keyed to the article so articles never share them.
 */
function localizeProposals(all: Mention[], articleId: string): void {
  const proposals = all.filter((m) => m.type === "proposal" && m.key.startsWith("proposal:") && m.key !== "proposal:?");
  const count = new Map<string, number>();
  for (const m of proposals) count.set(m.key, (count.get(m.key) ?? 0) + 1);
  // A proposal's own name ("Pretoria Agreement") is distinctive however few its words.
  const named = new Set(proposals.filter((m) => m.named).map((m) => m.key));
  const distinctiveProposal = (key: string) => named.has(key) || distinctiveByWords(key);
  const distinctive = [...count.keys()].filter(distinctiveProposal).sort((a, b) => count.get(b)! - count.get(a)! || (a < b ? -1 : 1));
  // Without a distinctive one, the article's widest generic proposal of the same words: "the ceasefire" → "ceasefire agreement".
  const generic = [...count.keys()].filter((k) => !distinctiveProposal(k)).sort((a, b) => proposalWords(b).length - proposalWords(a).length || count.get(b)! - count.get(a)! || (a < b ? -1 : 1));
  for (const m of proposals) {
    if (distinctiveProposal(m.key)) continue;
    const mine = proposalWords(m.key);
    const covers = (k: string) => mine.every((w) => proposalWords(k).includes(w));
    const wider = distinctive.find(covers) ?? generic.find((k) => k !== m.key && covers(k));
    m.key = wider ? (distinctiveProposal(wider) ? wider : `${wider}@${articleId}`) : `${m.key}@${articleId}`;
  }
}

/** "the region", "that territory": the latest place of that kind (or any place) named before. */
function resolvePlaceAnaphora(all: Mention[]): void {
  const places: Mention[] = [];
  for (const m of all) {
    if (m.type !== "location") continue;
    if (!m.anaphor) {
      places.push(m);
      continue;
    }
    const head = m.label;
    const match = [...places].reverse().find((p) => p.label.toLowerCase().endsWith(head)) ?? (head === "territory" ? places[places.length - 1] : undefined);
    m.key = match ? match.key : "place:?";
  }
}

function resolveProposalAnaphora(all: Mention[]): void {
  let latest: Mention | null = null;
  const pending: Mention[] = [];
  for (const m of all) {
    if (m.type !== "proposal") continue;
    if (!m.anaphor) {
      latest = m;
      for (const p of pending.splice(0)) p.key = m.key;
    } else if (latest) m.key = latest.key;
    else pending.push(m);
  }
}
