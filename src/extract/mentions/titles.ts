/**
 * Title cues: role phrases from roles.json ("Foreign Minister", "Kremlin aide",
 * "special envoy") and honorifics ("Mr.") in front of a capitalized name. They
 * mark where a person's name starts, so discovery types it as an actor, and they
 * are where member_of edges come from (relations/membership.ts).
 */
import { gluedToPrevious, type Token } from "../tokens.ts";
import type { Lexicon } from "../lexicon/types.ts";

export interface RoleSpan {
  start: number;
  end: number;
  role: string;
  /** Token index where the titled name starts, or -1 when no name follows. */
  nameStart: number;
  /** End of the whole title, a portfolio after "for" included ("High Representative for Foreign Policy"). */
  titleEnd: number;
  /** "Former President X": the role is not current. */
  former: boolean;
}

/** "Chief of the General Staff Valery Gerasimov": skip "of the <Org words>" between role and name. */
function nameAfter(tokens: readonly Token[], end: number, lexicon: Lexicon): { nameStart: number; titleEnd: number } {
  const heads = lexicon.heads;
  let j = end;
  let titleEnd = end;
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
  // "Minister for Economic Revitalization Ryosei Akazawa": a portfolio after "for" belongs to the title.
  if (tokens[j]?.lower === "for" && tokens[j + 1]?.cap) {
    let k = j + 1;
    // Portfolio words, "and" between them ("for Foreign Policy and Security"); after the first, words of
    // the portfolio's own up to the person's name ("for Economic Revitalization").
    while (
      (tokens[k]?.cap && !tokens[k]!.tags.has("Person") && (lexicon.portfolioWords.has(tokens[k]!.lower) || (k > j + 1 && !personNameFollows(tokens, k)))) ||
      (k > j + 1 && tokens[k]?.lower === "and" && lexicon.portfolioWords.has(tokens[k + 1]?.lower ?? ""))
    ) k++;
    if (k > j + 1 && tokens[k]?.cap) j = titleEnd = k;
  }
  // "Ukraine's military chief, Oleksandr Syrsky": a comma may stand between a role and a person's name.
  if (tokens[j]?.text === "," && tokens[j + 1]?.tags.has("Person")) j++;
  // "Prime Minister Sir Keir Starmer": an honorific after the role is not the name.
  while (tokens[j] && lexicon.honorifics.has(tokens[j]!.lower) && tokens[j + 1]?.cap) j++;
  return { nameStart: tokens[j]?.cap && /\p{L}/u.test(tokens[j]!.text) ? j : -1, titleEnd };
}

/** The capitalized words from k are the person's name: tagged a person, or the last two of the run. */
function personNameFollows(tokens: readonly Token[], k: number): boolean {
  let e = k;
  while (tokens[e]?.cap) e++;
  return tokens[k]!.tags.has("Person") || e - k <= 2;
}

/**
 * "Israeli Strategic Affairs Minister", "AU High Representative", "U.S. Trade
 * Representative": capitalized portfolio words before the role word belong to
 * the title, so the body is what stands before them, not a name made of them.
 */
function portfolioStart(tokens: readonly Token[], start: number, lexicon: Lexicon): number {
  let s = start;
  while (s > 0 && tokens[s - 1]!.cap && lexicon.portfolioWords.has(tokens[s - 1]!.lower)) s--;
  return s;
}

export function findRoles(tokens: readonly Token[], lexicon: Lexicon): RoleSpan[] {
  const out: RoleSpan[] = [];
  for (const group of lexicon.roles.scan(tokens)) {
    const { start: roleStart, end, value } = group[0]!;
    // "Sharm El-Sheikh": a role word glued by a hyphen to a name is part of that name.
    if (tokens[roleStart - 1]?.text === "-" && gluedToPrevious(tokens, roleStart - 1) && gluedToPrevious(tokens, roleStart) && tokens[roleStart - 2]?.cap) continue;
    const start = portfolioStart(tokens, roleStart, lexicon);
    const prev = tokens[start - 1]?.lower ?? "";
    // "the General Staff", "of the Security Council": a capitalized role word after "the" is part of a name,
    // unless the body follows the title: "the President of Colombia, Gustavo Petro".
    if (prev === "the" && tokens[start]!.cap && tokens[end]?.lower !== "of") continue;
    // "former President", "ex-President", "former Nigerian President": a former word just before, or before the title's body.
    const beforeBody = tokens[start - 1]?.cap ? tokens[start - 2]?.lower ?? "" : "";
    const former = lexicon.former.has(prev) || (prev === "-" && lexicon.former.has(tokens[start - 2]?.lower ?? "")) || lexicon.former.has(beforeBody);
    out.push({ start, end, role: value, ...nameAfter(tokens, end, lexicon), former });
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
