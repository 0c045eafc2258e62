/**
 * Cue patterns (src/extract/relations/cue-pattern.ts): what a pattern matches,
 * and that looking cues up by the word they can begin with finds exactly what
 * trying every cue at every token finds, in the same order.
 */
import { describe, expect, it } from "vitest";
import { compileCue, cueEndAt, findCues, type CompiledCue } from "../../src/extract/relations/cue-pattern.ts";
import { tokenize } from "../../src/extract/tokens.ts";
import { loadLexicon } from "../../src/extract/index.ts";
import { DEFAULT_LEXICON_DIR } from "../../src/cli/paths.ts";

const classes = new Map([["proposal", new Set(["plan", "cease-fire", "peace deal"])]]);
const specs = [
  { type: "rejected", pattern: "~reject", frame: "svo" },
  { type: "proposed", pattern: "?formally ~propose", frame: "svo" },
  { type: "supported", pattern: "[2] backing for", frame: "svo" },
  { type: "supported", pattern: "~sign [1] {proposal}", frame: "svo" },
  { type: "met_with", pattern: "held talks with", frame: "svo" },
  { type: "considered", pattern: "?the ?draft {proposal} under review", frame: "svo" },
];
const cues = specs.map((s, i) => compileCue(s, i, classes));

/** Every cue tried at every token: the definition the indexed search must agree with. */
function everyCueEverywhere(list: readonly CompiledCue[], sentence: string): Array<[string, number, number]> {
  const tokens = tokenize(sentence);
  const out: Array<[string, number, number]> = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const cue of list) {
      const end = cueEndAt(cue, tokens, i);
      if (end > i) out.push([cue.id, i, end]);
    }
  }
  return out;
}

const found = (sentence: string) => findCues(cues, tokenize(sentence)).map((m): [string, number, number] => [m.cue.id, m.start, m.end]);

describe("cue patterns", () => {
  it.each([
    ["Kyiv rejected the plan.", [["cue:rejected:~reject", 1, 2]]],
    ["Moscow formally proposed a truce and Kyiv proposed talks.", [["cue:proposed:?formally ~propose", 1, 3], ["cue:proposed:?formally ~propose", 2, 3], ["cue:proposed:?formally ~propose", 7, 8]]],
    ["The envoys signed the peace deal.", [["cue:supported:~sign [1] {proposal}", 2, 5]]],
    ["They voiced strong backing for the plan.", [["cue:supported:[2] backing for", 1, 5], ["cue:supported:[2] backing for", 2, 5], ["cue:supported:[2] backing for", 3, 5]]],
    ["The draft plan under review was shelved.", [["cue:considered:?the ?draft {proposal} under review", 0, 5], ["cue:considered:?the ?draft {proposal} under review", 1, 5], ["cue:considered:?the ?draft {proposal} under review", 2, 5]]],
  ] as const)("%s", (sentence, expected) => {
    expect(found(sentence)).toEqual(expected);
  });

  it.each([
    "Kyiv rejected the plan, and Moscow formally proposed a cease-fire after it held talks with Ankara.",
    "Backing for the deal grew; they signed a plan under review and rejected, then proposed, talks.",
    "",
  ])("finds by first word what trying every cue everywhere finds: %s", (sentence) => {
    expect(found(sentence)).toEqual(everyCueEverywhere(cues, sentence));
  });

  it("agrees with trying every cue everywhere for the lexicon's own cues", () => {
    const lexicon = loadLexicon(DEFAULT_LEXICON_DIR);
    const sentences = [
      "The foreign ministers met in Geneva on Tuesday, rejected the proposed cease-fire and called for talks.",
      "Officials said the delegation would sign a framework agreement after holding talks with envoys.",
      "The rebels, who had attacked the town, agreed to a truce brokered by Qatar and welcomed the plan.",
    ];
    let matches = 0;
    for (const sentence of sentences) {
      const indexed = findCues(lexicon.cues, tokenize(sentence)).map((m): [string, number, number] => [m.cue.id, m.start, m.end]);
      expect(indexed).toEqual(everyCueEverywhere(lexicon.cues, sentence));
      matches += indexed.length;
    }
    expect(matches).toBeGreaterThan(5);
  });
});
