/**
 * Title cues: role phrases from roles.json ("Foreign Minister", "Kremlin aide",
 * "special envoy") and honorifics ("Mr.") in front of a capitalized name. They
 * mark where a person's name starts, so discovery types it as an actor, and they
 * are where member_of edges come from (relations/membership.ts).
 */
import type { Token } from "../tokens.ts";
import type { HeadWords, Lexicon } from "../lexicon/types.ts";

export interface RoleSpan {
  start: number;
  end: number;
  role: string;
  /** Token index where the titled name starts, or -1 when no name follows. */
  nameStart: number;
  /** "Former President X": the role is not current. */
  former: boolean;
}

/** "Chief of the General Staff Valery Gerasimov": skip "of the <Org words>" between role and name. */
function nameAfter(tokens: readonly Token[], end: number, heads: HeadWords): number {
  let j = end;
  // The body ends at its head word ("Staff", "Council") unless its name goes on with "of": a tagger
  // may read the head as the start of the person's name ("Staff Valery Gerasimov").
  while (tokens[j]?.lower === "of") {
    j++;
    if (tokens[j]?.lower === "the") j++;
    while (tokens[j]?.cap) {
      if (heads.organization.has(tokens[j]!.lower)) {
        j++;
        break;
      }
      if (tokens[j]!.tags.has("Person")) break;
      j++;
    }
  }
  // "Ukraine's military chief, Oleksandr Syrsky": a comma may stand between a role and a person's name.
  if (tokens[j]?.text === "," && tokens[j + 1]?.tags.has("Person")) j++;
  return tokens[j]?.cap && /\p{L}/u.test(tokens[j]!.text) ? j : -1;
}

export function findRoles(tokens: readonly Token[], lexicon: Lexicon): RoleSpan[] {
  const out: RoleSpan[] = [];
  for (const group of lexicon.roles.scan(tokens)) {
    const { start, end, value } = group[0]!;
    const prev = tokens[start - 1]?.lower ?? "";
    // "the General Staff", "of the Security Council": a capitalized role word after "the" is part of a name.
    if (prev === "the" && tokens[start]!.cap) continue;
    const former = lexicon.former.has(prev) || (prev === "-" && lexicon.former.has(tokens[start - 2]?.lower ?? ""));
    out.push({ start, end, role: value, nameStart: nameAfter(tokens, end, lexicon.heads), former });
  }
  return out;
}

/** Token indexes where a titled name starts: after a role or an honorific ("Mr." / "Mr"). */
export function titledStarts(tokens: readonly Token[], roles: readonly RoleSpan[], lexicon: Lexicon): Set<number> {
  const at = new Set<number>();
  for (const r of roles) if (r.nameStart >= 0) at.add(r.nameStart);
  tokens.forEach((t, i) => {
    if (!lexicon.honorifics.has(t.lower)) return;
    const next = tokens[i + 1]?.text === "." ? i + 2 : i + 1;
    if (tokens[next]?.cap) at.add(next);
  });
  return at;
}
