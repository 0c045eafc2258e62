/** Verb forms for cue patterns ("~meet"): spelling rules and the forms the treebanks attest. */
import { describe, expect, it } from "vitest";
import { collectVerbForms, inflections, regularForm } from "../../src/nlp/inflect.ts";
import { attestedVerbForms } from "../../src/nlp/pipeline.ts";

describe("verb inflection", () => {
  it.each([
    ["visit", "VBD", "visited"], ["propose", "VBD", "proposed"], ["stop", "VBD", "stopped"], ["submit", "VBG", "submitting"],
    ["prefer", "VBD", "preferred"], ["offer", "VBD", "offered"], ["study", "VBZ", "studies"], ["study", "VBD", "studied"],
    ["push", "VBZ", "pushes"], ["veto", "VBZ", "vetoes"], ["tie", "VBG", "tying"], ["agree", "VBG", "agreeing"], ["meet", "VBD", "meeted"],
  ] as const)("regular %s %s → %s", (lemma, tag, form) => {
    expect(regularForm(lemma, tag)).toBe(form);
  });

  it("takes irregular forms from the treebanks and keeps the rules' forms beside them", () => {
    const forms = attestedVerbForms();
    expect(inflections("meet", forms)).toEqual(expect.arrayContaining(["meet", "met", "meets", "meeting"]));
    expect(inflections("begin", forms)).toEqual(expect.arrayContaining(["began", "begun", "beginning"]));
    expect(inflections("retake", forms)).toEqual(expect.arrayContaining(["retook", "retaken", "retaking"]));
    expect(inflections("refuel", forms)).toEqual(expect.arrayContaining(["refuelled", "refueled", "refuelling"]));
  });

  it("collects forms per lemma and tag, dropping rare misspellings", () => {
    const s = (word: string, lemma: string, xpos: string) => ({ words: [word], lemmas: [lemma], upos: ["VERB"], xpos: [xpos] });
    const data = collectVerbForms([...Array(6).fill(s("went", "go", "VBD")), s("goed", "go", "VBD"), s("gone", "go", "VBN")]);
    expect(data).toEqual({ go: { VBD: ["went"], VBN: ["gone"] } });
  });
});
