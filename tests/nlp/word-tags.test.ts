/** The word classes extraction's rules read, from UPOS/XPOS and name spans (src/extract/word-tags.ts). */
import { describe, expect, it } from "vitest";
import { wordClasses } from "../../src/extract/word-tags.ts";

describe("word classes", () => {
  it.each([
    ["talks", "NOUN", "NNS", undefined, ["Noun", "Plural"]],
    ["Putin", "PROPN", "NNP", "person", ["Noun", "ProperNoun", "Person"]],
    ["Kyiv", "PROPN", "NNP", "place", ["Noun", "ProperNoun", "Place"]],
    ["NATO", "PROPN", "NNP", "organization", ["Noun", "ProperNoun", "Organization"]],
    ["rejected", "VERB", "VBD", undefined, ["Verb"]],
    ["rejected", "VERB", "VBN", undefined, ["Verb", "Participle"]],
    ["meeting", "VERB", "VBG", undefined, ["Verb", "Gerund"]],
    ["was", "AUX", "VBD", undefined, ["Verb", "Auxiliary", "Copula"]],
    ["has", "AUX", "VBZ", undefined, ["Verb", "Auxiliary"]],
    ["would", "AUX", "MD", undefined, ["Verb", "Auxiliary", "Modal"]],
    ["30", "NUM", "CD", undefined, ["Value", "Cardinal"]],
    ["third", "ADJ", "JJ", undefined, ["Adjective", "Value", "Ordinal"]],
    ["March", "PROPN", "NNP", undefined, ["Noun", "ProperNoun", "Date", "Month"]],
    ["Friday", "PROPN", "NNP", undefined, ["Noun", "ProperNoun", "Date", "WeekDay"]],
    ["quickly", "ADV", "RB", undefined, ["Adverb"]],
  ] as const)("%s %s %s %s", (form, upos, xpos, name, expected) => {
    expect([...wordClasses(form, upos, xpos, name)].sort()).toEqual([...expected].sort());
  });
});
