/** The word classes extraction's rules read, from UPOS/XPOS and name spans (src/extract/word-tags.ts), and the relations its tokens carry. */
import { describe, expect, it } from "vitest";
import { wordClasses } from "../../src/extract/word-tags.ts";
import { tokenize } from "../../src/extract/tokens.ts";
import { tokenizeWords } from "../../src/nlp/tokenize/tokenize.ts";
import { analyzeWords, languageModels } from "../../src/nlp/pipeline.ts";

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

describe("extraction's tokens", () => {
  // The tree is parsed when a token's relation is first read: the relations must be the parse's all the same.
  it.each([
    "The foreign ministers met in Geneva on Tuesday and rejected the proposed cease-fire.",
    "Their negotiating position on a U.S.-backed truce-monitoring plan was discussed by envoys of both sides.",
  ])("take each word's relation from the sentence's parse: %s", (sentence) => {
    const tokens = tokenize(sentence);
    const words = tokenizeWords(sentence);
    const analysis = analyzeWords(languageModels(), words.map((w) => w.form));
    // Tokens that are one UD word each carry that word's relation.
    for (const t of tokens) {
      const w = words.findIndex((x) => x.start === t.start && x.end === t.end);
      if (w >= 0) expect(t.rel, t.text).toBe(analysis.deprels[w]);
    }
    // "cease-fire", "truce-monitoring": one token over several UD words takes the relation of the word heading them.
    let multiWord = 0;
    for (const t of tokens) {
      const inside = words.map((_, i) => i).filter((i) => words[i]!.start >= t.start && words[i]!.end <= t.end);
      if (inside.length < 2) continue;
      multiWord++;
      const head = inside.find((i) => !inside.includes(analysis.heads[i]! - 1))!;
      expect(t.rel, t.text).toBe(analysis.deprels[head]);
    }
    expect(multiWord).toBeGreaterThan(0);
    // Reading twice gives the same (the parse is kept, not redone).
    expect(tokens.map((t) => t.rel)).toEqual(tokens.map((t) => t.rel));
  });
});
