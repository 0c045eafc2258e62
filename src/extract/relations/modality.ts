/**
 * What happened, not what is planned (ONTOLOGY rule 3): events — talks,
 * meetings, visits, attacks, captures — are relations only when the text
 * reports them as happening or having happened. "will meet", "is expected to
 * visit", "was scheduled to meet with", "the upcoming talks with Moscow" plan
 * or expect them; stances ("would support", "will consider") are stated as
 * they are and stay. The words are cues.json classes: modal, planVerb,
 * planModifier.
 */
import type { Lexicon } from "../lexicon/types.ts";
import type { CueMatch } from "./cue-pattern.ts";
import type { SentenceContext } from "./types.ts";

/**
 * Aid is left out: a decision on it is how aid is reported ("agreed to resume
 * intelligence sharing", "would resume providing military aid"), and the
 * annotators count it. Readiness ("ready to negotiate") is a stance, not a plan.
 */
const EVENT_TYPES = new Set(["negotiated_with", "met_with", "visited", "attacked", "captured"]);
const BE = new Set(["is", "are", "was", "were", "be"]);
/** How far before a cue its modality is looked for ("will also soon meet"). */
const VERB_WINDOW = 4;
const NOUN_WINDOW = 3;

const boundary = (text: string) => /^[,.;:()"\u201c\u201d]$/.test(text);

/** The cue names an event the sentence plans, expects or supposes rather than reports. */
export function plannedEvent(ctx: SentenceContext, match: CueMatch, lexicon: Lexicon): boolean {
  if (!EVENT_TYPES.has(match.cue.type) && !(match.cue.unlessSides && EVENT_TYPES.has(match.cue.unlessSides))) return false;
  const modal = lexicon.classes.get("modal");
  const planVerb = lexicon.classes.get("planVerb");
  const planModifier = lexicon.classes.get("planModifier");
  const tokens = ctx.tokens;
  const window = match.cue.verbal ? VERB_WINDOW : NOUN_WINDOW;
  for (let i = match.start - 1; i >= Math.max(0, match.start - window); i--) {
    const t = tokens[i]!;
    if (boundary(t.text)) break;
    if (match.cue.verbal) {
      if (modal?.has(t.lower)) return true;
      const before = tokens[i - 1]?.lower ?? "";
      if (t.lower === "to" && (planVerb?.has(before) || BE.has(before))) return true;
    } else if (planModifier?.has(t.lower)) return true;
  }
  return false;
}
