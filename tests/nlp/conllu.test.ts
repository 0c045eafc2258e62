/** CoNLL-U reading and writing: what `parley parse --input conllu` relies on to write back the same sentences. */
import { describe, expect, it } from "vitest";
import { ConlluError, formatConllu, parseConllu, sentenceComment } from "../../src/nlp/conllu.ts";

const SAMPLE = [
  "# sent_id = 1",
  "# text = They don't agree.",
  "1\tThey\t_\t_\t_\t_\t_\t_\t_\t_",
  "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_",
  "2\tdo\t_\t_\t_\t_\t_\t_\t_\t_",
  "3\tn't\t_\t_\t_\t_\t_\t_\t_\t_",
  "4\tagree\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No",
  "4.1\tagreed\t_\t_\t_\t_\t_\t_\t_\t_",
  "5\t.\t_\t_\t_\t_\t_\t_\t_\t_",
  "",
].join("\n");

describe("CoNLL-U", () => {
  it("reads words apart from ranges, empty nodes and comments, and writes every line back", () => {
    const [s] = parseConllu(SAMPLE);
    expect(s!.words.map((w) => w.form)).toEqual(["They", "do", "n't", "agree", "."]);
    expect(s!.words.every((w) => w.head === -1)).toBe(true);
    expect(sentenceComment(s!, "text")).toBe("They don't agree.");
    expect(s!.lines.find((l) => l.kind === "range")).toMatchObject({ range: [2, 3] });
    expect(formatConllu([s!])).toBe(SAMPLE + "\n");
  });

  it("writes filled columns in place", () => {
    const [s] = parseConllu(SAMPLE);
    s!.words[0]!.upos = "PRON";
    s!.words[0]!.head = 4;
    s!.words[0]!.deprel = "nsubj";
    expect(formatConllu([s!]).split("\n")[2]).toBe("1\tThey\t_\tPRON\t_\t_\t4\tnsubj\t_\t_");
  });

  it.each([
    ["1\tA\t_\t_\t_\t_\t_\t_\t_", /f\.conllu:1: expected 10 tab-separated columns, found 9/],
    ["2\tA\t_\t_\t_\t_\t_\t_\t_\t_", /f\.conllu:1: word ID 2 out of order, expected 1/],
    ["x\tA\t_\t_\t_\t_\t_\t_\t_\t_", /f\.conllu:1: ID "x" is not a word id/],
    ["1\tA\t_\t_\t_\t_\tfoo\t_\t_\t_", /f\.conllu:1: HEAD "foo" is not a number/],
    ["# only a comment", /f\.conllu:1: sentence has no word lines/],
  ])("refuses %j with the file and line", (text, message) => {
    expect(() => parseConllu(text + "\n", "f.conllu")).toThrow(ConlluError);
    expect(() => parseConllu(text + "\n", "f.conllu")).toThrow(message);
  });

  it("checks trees when asked (training data)", () => {
    expect(() => parseConllu("1\tA\t_\t_\t_\t_\t3\tdep\t_\t_\n", "t.conllu", { requireTree: true })).toThrow(/word 1 has HEAD 3, outside 0\.\.1/);
  });
});
