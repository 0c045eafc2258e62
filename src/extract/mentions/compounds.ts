/**
 * Places and bodies built around a mention: "the Kursk region" / "Moscow region"
 * (a place name plus a region head), "Moscow's oil refinery" (a facility of a
 * place), and "the Trump administration" (a leader's government stands for the
 * state the lexicon says the leader belongs to).
 */
import { spanText, type Token } from "../tokens.ts";
import type { HeadWords, Lexicon } from "../lexicon/types.ts";
import type { Mention } from "./types.ts";
import { nameKey } from "./name-key.ts";
import { isPossessive } from "./context.ts";

/** Words after a body's name that make its seat: "NATO headquarters". */
const SEAT_WORDS = new Set(["headquarters", "hq", "compound", "embassy", "residence"]);

/** End of "[nuclear power] plant" / "region" after token `from`, or -1. */
function extensionEnd(tokens: readonly Token[], from: number, heads: HeadWords): number {
  let j = from;
  while (j < tokens.length && heads.placeExtensionWords.has(tokens[j]!.lower) && j < from + 3) j++;
  return tokens[j] && heads.placeExtension.has(tokens[j]!.lower) ? j + 1 : -1;
}

function placeLike(m: Mention): boolean {
  if (m.type === "location" || m.kind === "capital") return true;
  return m.source === "nlp" && m.end - m.start === 1;
}

/** "its military", "their forces": the armed forces of the state named last before it in the sentence. */
function possessiveMilitary(mentions: Mention[], tokens: readonly Token[], sentence: string, lexicon: Lexicon): Mention[] {
  const out: Mention[] = [];
  tokens.forEach((t, i) => {
    if (t.lower !== "its" && t.lower !== "their") return;
    const head = lexicon.militaryHeads.matchAt(tokens, i + 1);
    const state = [...mentions].reverse().find((m) => m.end <= i && lexicon.entities.get(m.key)?.country);
    const forces = state && lexicon.entities.get(lexicon.armedForces.get(state.key) ?? "");
    if (!head || !forces || mentions.some((m) => m.start <= i && i < m.end)) return;
    const end = head[0]!.end;
    out.push({ start: i, end, text: spanText(sentence, tokens, i, end), key: forces.id, label: forces.name, type: "organization", source: "military" });
  });
  return out;
}

export function buildCompounds(mentions: Mention[], tokens: readonly Token[], sentence: string, lexicon: Lexicon): Mention[] {
  const out: Mention[] = possessiveMilitary(mentions, tokens, sentence, lexicon);
  const slice = (a: number, b: number) => spanText(sentence, tokens, a, b);
  for (const [i, m] of mentions.entries()) {
    // "Ukraine's Air Force", "the Russian Ministry of Defense": a body named after its state keeps the state in its name.
    const prev = mentions[i - 1];
    if (m.source === "nlp" && m.type === "organization" && prev && lexicon.entities.get(prev.key)?.country) {
      const gap = tokens.slice(prev.end, m.start);
      const possessive = gap.length === 1 && isPossessive(gap[0]);
      if (possessive || (gap.length === 0 && prev.kind === "demonym")) {
        const label = slice(prev.start, m.end);
        out.push({ ...m, text: label, label, key: `name:${nameKey(label)}` });
        continue;
      }
    }
    // "NATO headquarters", "the U.N. compound": a body's seat is a place one can visit.
    if (m.type === "organization" && SEAT_WORDS.has(tokens[m.end]?.lower ?? "")) {
      const label = slice(m.start, m.end + 1);
      out.push({ start: m.start, end: m.end + 1, text: label, label, key: `name:${nameKey(label)}`, type: "location", source: "compound" });
      continue;
    }
    const leader = lexicon.entities.get(m.key);
    if (leader?.type === "actor" && leader.memberOf && lexicon.heads.government.has(tokens[m.end]?.lower ?? "")) {
      const state = lexicon.entities.get(leader.memberOf)!;
      out.push({ ...m, end: m.end + 1, text: slice(m.start, m.end + 1), key: state.id, label: state.name, type: state.type, source: "compound" });
      continue;
    }
    if (placeLike(m)) {
      const ext = extensionEnd(tokens, m.end, lexicon.heads);
      const head = ext > 0 ? tokens[ext - 1]!.lower : "";
      if (ext > 0) {
        const base = slice(m.start, m.end);
        const label = `${base} ${slice(m.end, ext).toLowerCase()}`;
        out.push({ start: m.start, end: ext, text: slice(m.start, ext), key: `name:${nameKey(head === "area" || head === "oblast" || head === "province" ? `${base} region` : label)}`, label, type: "location", source: "compound" });
        continue;
      }
      if (isPossessive(tokens[m.end])) {
        const fac = extensionEnd(tokens, m.end + 1, lexicon.heads);
        if (fac > 0) {
          const place = m.kind === "capital" && lexicon.entities.get(m.key)?.capitalId ? lexicon.entities.get(lexicon.entities.get(m.key)!.capitalId!)! : null;
          const owner: Mention = place ? { ...m, key: place.id, label: place.name, type: place.type } : m;
          const label = slice(m.start, fac);
          out.push(owner, { start: m.end + 1, end: fac, text: label, key: `name:${nameKey(label)}`, label, type: "location", source: "compound" });
          continue;
        }
      }
    }
    out.push(m);
  }
  return out;
}
