import { describe, expect, it } from "vitest";
import { rules } from "./helpers.ts";

const split = (text: string) => rules.ingest.splitSentences(text).map((s) => s.text);

describe("sentence splitting", () => {
  it.each([
    ["Mr. Rubio said it. Then he left.", ["Mr. Rubio said it.", "Then he left."]],
    ["The spokesman, Dmitri S. Peskov, said so. Russia agreed.", ["The spokesman, Dmitri S. Peskov, said so.", "Russia agreed."]],
    ["He met the U.S. Secretary of State. The talks ended.", ["He met the U.S. Secretary of State.", "The talks ended."]],
    ["Talks went on with the U.S. The Kremlin said no.", ["Talks went on with the U.S.", "The Kremlin said no."]],
    ["It began on Feb. 28 in Washington. Nothing followed.", ["It began on Feb. 28 in Washington.", "Nothing followed."]],
    ['"The ball is now in their court." Next came the vote.', ['"The ball is now in their court."', "Next came the vote."]],
    ["A headline without a stop\nThe body begins here.", ["A headline without a stop", "The body begins here."]],
    ["Is it over? Nobody knows! Maybe.", ["Is it over?", "Nobody knows!", "Maybe."]],
  ])("%s", (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it("keeps offsets that point back into the text", () => {
    const text = "First one. Second one.";
    for (const s of rules.ingest.splitSentences(text)) expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });
});
