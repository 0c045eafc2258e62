/**
 * The name recognizer: reading UNER's IOB2 and GUM's entities, the BILOU
 * labels, scoring, a tiny model trained here on invented sentences, training
 * determinism and model files.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseConllu } from "../../src/nlp/conllu.ts";
import { ModelFileError, encodeModel } from "../../src/nlp/model-file.ts";
import { NameDataError, gumMentions, gumNameSpans, parseUner, readUnerSpans, spansToIob2, type NameSpan } from "../../src/nlp/ner/entity-spans.ts";
import { LABELS, NameRecognizer, allowed, labelsToSpans, loadNameRecognizer, saveNameRecognizer, spansToLabels } from "../../src/nlp/ner/recognizer.ts";
import { LinearModel } from "../../src/nlp/linear/linear-model.ts";
import { feature1 } from "../../src/nlp/hash.ts";
import { scoreNames } from "../../src/nlp/ner/score.ts";
import { trainNameRecognizer, type NamedSentence } from "../../src/nlp/ner/train.ts";

const dir = mkdtempSync(join(tmpdir(), "parley-ner-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("UNER IOB2", () => {
  const text = [
    "# sent_id = a-1",
    "# text = Mr. Abbas met Hamas in Gaza City .",
    "1\tMr.\tO\t-\t-",
    "2\tAbbas\tB-PER\t-\t-",
    "3\tmet\tO\t-\t-",
    "4\tHamas\tB-ORG\t-\t-",
    "5\tin\tO\t-\t-",
    "6\tGaza\tB-LOC\t-\t-",
    "7\tCity\tI-LOC\t-\t-",
    "8\t.\tO\t-\t-",
    "",
    "1\tTampa\tB-LOC\t-\t-",
    "2\tBay\tI-LOC\t-\t-",
    "3\tRays\tB-ORG\t-\t-",
    "",
  ].join("\n");

  it("reads words and spans, B starting a new span even right after another", () => {
    const s = parseUner(text, "x.iob2");
    expect(s).toHaveLength(2);
    expect(s[0]!.sentId).toBe("a-1");
    expect(s[0]!.spans).toEqual([
      { start: 1, end: 2, type: "person" },
      { start: 3, end: 4, type: "organization" },
      { start: 5, end: 7, type: "place" },
    ]);
    expect(s[1]!.spans).toEqual([
      { start: 0, end: 2, type: "place" },
      { start: 2, end: 3, type: "organization" },
    ]);
    expect(spansToIob2(s[1]!.spans, 3)).toEqual(["B-LOC", "I-LOC", "B-ORG"]);
  });

  it.each([
    ["1\tA\tO\t-\t-\n2\tB\tI-PER\t-\t-\n", /x\.iob2:2: tag I-PER does not continue a PER span/],
    ["1\tA\tB-LOC\t-\t-\n2\tB\tI-ORG\t-\t-\n", /x\.iob2:2: tag I-ORG does not continue a ORG span/],
    ["1\tA\tB-MISC\t-\t-\n", /x\.iob2:1: tag "B-MISC" is not O/],
    ["1\tA\n", /x\.iob2:1: expected at least 3 tab-separated columns/],
    ["1\tA\tO\n3\tB\tO\n", /x\.iob2:2: word id "3" out of order, expected 2/],
  ])("rejects %j naming file and line", (bad, message) => {
    expect(() => parseUner(bad, "x.iob2")).toThrow(message);
    expect(() => parseUner(bad, "x.iob2")).toThrow(NameDataError);
  });

  it("reads a file, and names a missing one", () => {
    const file = join(dir, "u.iob2");
    writeFileSync(file, text);
    expect(readUnerSpans(file)).toHaveLength(2);
    expect(() => readUnerSpans(join(dir, "none.iob2"))).toThrow(/none\.iob2: is missing$/);
  });
});

/** A CoNLL-U sentence from rows of [form, upos, xpos, head, deprel, entity]. */
function conllu(rows: Array<[string, string, string, number, string, string?]>): string {
  return rows.map(([form, upos, xpos, head, deprel, entity], i) => [i + 1, form, "_", upos, xpos, "_", head, deprel, "_", entity ? `Entity=${entity}` : "_"].join("\t")).join("\n") + "\n\n";
}

const names = (text: string) => {
  const [s] = parseConllu(text, "g.conllu");
  return gumNameSpans(s!, "g.conllu").map((n) => `${s!.words.slice(n.start, n.end).map((w) => w.form).join(" ")}/${n.type}`);
};

describe("GUM entities to names", () => {
  it("keeps the proper-noun core: no determiner, title or possessive; 'of' names whole; nested names absorbed", () => {
    const text = conllu([
      ["President", "PROPN", "NNP", 2, "compound", "(1-person-new-sssss-cf1-1,2-coref-George_Bush"],
      ["Bush", "PROPN", "NNP", 4, "nmod:poss"],
      ["'s", "PART", "POS", 2, "case", "1)"],
      ["visit", "NOUN", "NN", 0, "root", "(2-event-new-nnnnn-cf2-1-sgl"],
      ["to", "ADP", "IN", 7, "case"],
      ["the", "DET", "DT", 7, "det", "(3-organization-new-nnnnn-cf3-2-coref-University_of_Chicago"],
      ["University", "PROPN", "NNP", 4, "nmod"],
      ["of", "ADP", "IN", 9, "case"],
      ["Chicago", "PROPN", "NNP", 7, "nmod", "(4-place-new-nnnnn-cf4-1-coref-Chicago)3)2)"],
    ]);
    expect(names(text)).toEqual(["Bush/person", "University of Chicago/organization"]);
  });

  it("finds no name in pronouns, common nouns and plural groups; splits coordinations", () => {
    expect(names(conllu([["He", "PRON", "PRP", 2, "nsubj", "(1-person-giv-sssss-cf1-1-ana)"], ["left", "VERB", "VBD", 0, "root"]]))).toEqual([]);
    expect(names(conllu([["the", "DET", "DT", 2, "det", "(1-organization-new-nnnnn-cf1-2-sgl"], ["company", "NOUN", "NN", 0, "root", "1)"]]))).toEqual([]);
    expect(names(conllu([["the", "DET", "DT", 2, "det", "(1-person-new-nnnnn-cf1-2-sgl"], ["Palestinians", "PROPN", "NNPS", 0, "root", "1)"]]))).toEqual([]);
    const coordination = conllu([
      ["Bush", "PROPN", "NNP", 0, "root", "(1-person-new-nnnnn-cf1-1-sgl(2-person-new-nnnnn-cf2-1-sgl)"],
      ["and", "CCONJ", "CC", 3, "cc"],
      ["Cheney", "PROPN", "NNP", 1, "conj", "(3-person-new-nnnnn-cf3-1-sgl)1)"],
    ]);
    expect(names(coordination)).toEqual(["Bush/person", "Cheney/person"]);
  });

  it("takes the name in apposition to a common noun, and not a name inside a larger proper name", () => {
    const captain = conllu([
      ["captain", "NOUN", "NN", 0, "root", "(1-person-new-nnnnn-cf1-2,3-sgl"],
      ["Harry", "PROPN", "NNP", 1, "appos"],
      ["Kane", "PROPN", "NNP", 2, "flat", "1)"],
    ]);
    expect(names(captain)).toEqual(["Harry Kane/person"]);
    const cup = conllu([
      ["FIFA", "PROPN", "NNP", 3, "compound", "(1-event-new-nnnnn-cf1-3-sgl(2-organization-new-nnnnn-cf2-1-sgl)"],
      ["World", "PROPN", "NNP", 3, "compound"],
      ["Cup", "PROPN", "NNP", 0, "root", "1)"],
    ]);
    expect(names(cup)).toEqual([]);
  });

  it("reads nested and one-word brackets, and rejects unbalanced ones naming file and line", () => {
    const [s] = parseConllu(conllu([["New", "PROPN", "NNP", 2, "compound", "(1-place-new-nnnnn-cf1-1,2-sgl"], ["York", "PROPN", "NNP", 0, "root", "1)"]]), "g.conllu");
    expect(gumMentions(s!).map((m) => [m.start, m.end, m.etype])).toEqual([[0, 2, "place"]]);
    const [bad] = parseConllu("# c\n" + conllu([["New", "PROPN", "NNP", 0, "root", "(1-place-new-nnnnn-cf1-1-sgl"]]), "g.conllu");
    expect(() => gumNameSpans(bad!, "g.conllu")).toThrow(/g\.conllu:1: entity 1 opens at word 1 and never closes/);
    const [bad2] = parseConllu(conllu([["York", "PROPN", "NNP", 0, "root", "2)"]]), "g.conllu");
    expect(() => gumNameSpans(bad2!, "g.conllu")).toThrow(/entity 2 closes but is not open/);
  });
});

describe("BILOU labels and scores", () => {
  it("round-trips spans through labels, and never lets a name stay open", () => {
    const spans: NameSpan[] = [{ start: 0, end: 1, type: "person" }, { start: 2, end: 5, type: "place" }];
    const labels = spansToLabels(spans, 6);
    expect(Array.from(labels, (l) => LABELS[l])).toEqual(["U-person", "O", "B-place", "I-place", "L-place", "O"]);
    expect(labelsToSpans(labels)).toEqual(spans);
    const B = LABELS.indexOf("B-person"), I = LABELS.indexOf("I-person"), L = LABELS.indexOf("L-person"), Lp = LABELS.indexOf("L-place");
    expect(allowed(B, 0, false)).toBe(false);
    expect(allowed(B, Lp, false)).toBe(false);
    expect(allowed(B, I, true)).toBe(false);
    expect(allowed(B, L, true)).toBe(true);
    expect(allowed(-1, B, true)).toBe(false);
  });

  it("decodes only well-formed names, whatever the model prefers", () => {
    // A model whose bias feature always votes B-person: unconstrained, no name would ever close.
    const B = LABELS.indexOf("B-person");
    const model = LinearModel.fromWeights(LABELS.length, Uint32Array.of(feature1(1, 0)), Uint32Array.of(0, 1), Uint16Array.of(B), Float32Array.of(5));
    const r = new NameRecognizer(model);
    expect(r.recognize(["a", "b", "c"], ["X", "X", "X"], ["X", "X", "X"])).toEqual([{ start: 0, end: 3, type: "person" }]);
    expect(r.recognize(["a"], ["X"], ["X"])).toEqual([]);
  });

  it("scores exact span and type matches, micro-averaged and per type", () => {
    const gold: NameSpan[][] = [[{ start: 0, end: 2, type: "person" }, { start: 3, end: 4, type: "place" }], [{ start: 0, end: 1, type: "organization" }]];
    const predicted: NameSpan[][] = [[{ start: 0, end: 2, type: "person" }, { start: 3, end: 4, type: "organization" }], [{ start: 0, end: 2, type: "organization" }]];
    const s = scoreNames(gold, predicted);
    expect(s.precision).toBeCloseTo(1 / 3);
    expect(s.recall).toBeCloseTo(1 / 3);
    expect(s.byType.person).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(s.byType.place).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(s.byType.organization).toMatchObject({ precision: 0, recall: 0 });
  });
});

// A tiny invented corpus: names in a few contexts that teach shape, cue words and tags.
const PEOPLE = [["Anna", "Berg"], ["Tom", "Hale"], ["Lisa", "Moreau"], ["Omar", "Sayed"], ["Ken", "Ito"], ["Rita", "Lopez"]];
const PLACES = ["Oslo", "Lima", "Cairo", "Dakar", "Quito", "Hanoi"];
const ORGS = [["Vexo", "Corp"], ["Nordal", "Bank"], ["Kelpa", "Inc."], ["Ardent", "Corp"], ["Solvay", "Bank"], ["Miro", "Inc."]];

function sentence(parts: Array<[string, string, string] | [string, string, string, "person" | "organization" | "place" | "+"]>): NamedSentence {
  const words: string[] = [], upos: string[] = [], xpos: string[] = [], spans: NameSpan[] = [];
  for (const [w, u, x, t] of parts) {
    if (t === "+") spans[spans.length - 1]!.end++;
    else if (t) spans.push({ start: words.length, end: words.length + 1, type: t });
    words.push(w);
    upos.push(u);
    xpos.push(x);
  }
  return { words, upos, xpos, spans };
}

function corpus(): NamedSentence[] {
  const out: NamedSentence[] = [];
  for (let k = 0; k < PEOPLE.length; k++) {
    const [first, last] = PEOPLE[k]!;
    const place = PLACES[(k + 1) % PLACES.length]!;
    const [org, suffix] = ORGS[(k + 2) % ORGS.length]!;
    out.push(sentence([[first!, "PROPN", "NNP", "person"], [last!, "PROPN", "NNP", "+"], ["flew", "VERB", "VBD"], ["to", "ADP", "IN"], [place, "PROPN", "NNP", "place"], [".", "PUNCT", "."]]));
    out.push(sentence([["She", "PRON", "PRP"], ["works", "VERB", "VBZ"], ["for", "ADP", "IN"], [org!, "PROPN", "NNP", "organization"], [suffix!, "PROPN", "NNP", "+"], ["in", "ADP", "IN"], [place, "PROPN", "NNP", "place"], [".", "PUNCT", "."]]));
    out.push(sentence([["Mr.", "PROPN", "NNP"], [last!, "PROPN", "NNP", "person"], ["said", "VERB", "VBD"], ["the", "DET", "DT"], ["price", "NOUN", "NN"], ["rose", "VERB", "VBD"], [".", "PUNCT", "."]]));
    out.push(sentence([["The", "DET", "DT"], ["talks", "NOUN", "NNS"], ["in", "ADP", "IN"], [place, "PROPN", "NNP", "place"], ["ended", "VERB", "VBD"], ["without", "ADP", "IN"], ["a", "DET", "DT"], ["deal", "NOUN", "NN"], [".", "PUNCT", "."]]));
  }
  return out;
}

const OPTIONS = { epochs: 8, seed: 7, prune: 0 };

describe("a tiny recognizer", () => {
  const recognizer = trainNameRecognizer(corpus(), OPTIONS);
  const show = (words: string, tags: string) => {
    const w = words.split(" ");
    const t = tags.split(" ").map((p) => p.split("/"));
    return recognizer.recognize(w, t.map((p) => p[0]!), t.map((p) => p[1]!)).map((s) => `${w.slice(s.start, s.end).join(" ")}/${s.type}`);
  };

  it.each([
    ["Anna Berg flew to Cairo .", "PROPN/NNP PROPN/NNP VERB/VBD ADP/IN PROPN/NNP PUNCT/.", ["Anna Berg/person", "Cairo/place"]],
    ["She works for Nordal Bank in Lima .", "PRON/PRP VERB/VBZ ADP/IN PROPN/NNP PROPN/NNP ADP/IN PROPN/NNP PUNCT/.", ["Nordal Bank/organization", "Lima/place"]],
    // New names in known contexts: the cue words decide the type.
    ["Mr. Dunmore said the price rose .", "PROPN/NNP PROPN/NNP VERB/VBD DET/DT NOUN/NN VERB/VBD PUNCT/.", ["Dunmore/person"]],
    ["The talks in Tromso ended without a deal .", "DET/DT NOUN/NNS ADP/IN PROPN/NNP VERB/VBD ADP/IN DET/DT NOUN/NN PUNCT/.", ["Tromso/place"]],
    ["She works for Zentra Corp in Oslo .", "PRON/PRP VERB/VBZ ADP/IN PROPN/NNP PROPN/NNP ADP/IN PROPN/NNP PUNCT/.", ["Zentra Corp/organization", "Oslo/place"]],
    ["the price rose .", "DET/DT NOUN/NN VERB/VBD PUNCT/.", []],
  ])("%s", (words, tags, expected) => {
    expect(show(words, tags)).toEqual(expected);
  });

  it("returns nothing for an empty sentence and refuses mismatched tags", () => {
    expect(recognizer.recognize([], [], [])).toEqual([]);
    expect(() => recognizer.recognize(["Oslo"], [], [])).toThrow(/1 words but 0 UPOS/);
  });

  it("trains deterministically and survives a model file", () => {
    const a = saveNameRecognizer(trainNameRecognizer(corpus(), OPTIONS), { note: "test" });
    const b = saveNameRecognizer(trainNameRecognizer(corpus(), OPTIONS), { note: "test" });
    expect(a.equals(b)).toBe(true);
    const file = join(dir, "ner.bin");
    writeFileSync(file, a);
    const loaded = loadNameRecognizer(file);
    const w = "Tom Hale flew to Oslo .".split(" ");
    const u = ["PROPN", "PROPN", "VERB", "ADP", "PROPN", "PUNCT"];
    const x = ["NNP", "NNP", "VBD", "IN", "NNP", "."];
    expect(loaded.recognize(w, u, x)).toEqual(recognizer.recognize(w, u, x));
  });

  it("keeps a gazetteer in the model file", () => {
    const withLists = trainNameRecognizer(corpus(), { ...OPTIONS, gazetteer: { city: ["oslo", "new york"], first: ["anna"] } });
    const file = join(dir, "ner-gaz.bin");
    writeFileSync(file, saveNameRecognizer(withLists, {}));
    const loaded = loadNameRecognizer(file);
    expect(loaded.gazetteer?.lists).toEqual(["city", "first"]);
    expect(loaded.gazetteer?.size).toBe(4); // three phrases and the prefix "new"
    const w = ["Anna", "Berg", "flew", "to", "New", "York", "."];
    const u = ["PROPN", "PROPN", "VERB", "ADP", "PROPN", "PROPN", "PUNCT"];
    const x = ["NNP", "NNP", "VBD", "IN", "NNP", "NNP", "."];
    expect(loaded.recognize(w, u, x)).toEqual(withLists.recognize(w, u, x));
  });
});

describe("model files", () => {
  it.each([
    ["missing", null, /missing\.bin: is missing\. Run `npm run train`/],
    ["corrupt", Buffer.from("not a model at all"), /corrupt\.bin: is not a Parley model file/],
    ["wrong kind", encodeModel("tagger", {}, {}), /wrong kind\.bin: holds a tagger model, expected ner/],
    ["no labels", encodeModel("ner", {}, {}), /no labels\.bin: has labels undefined/],
    ["no weights", encodeModel("ner", { labels: LABELS }, {}), /no weights\.bin: lacks section model\./],
  ])("a %s file throws ModelFileError naming it", (name, bytes, message) => {
    const file = join(dir, `${name}.bin`);
    if (bytes) writeFileSync(file, bytes);
    expect(() => loadNameRecognizer(file)).toThrow(ModelFileError);
    expect(() => loadNameRecognizer(file)).toThrow(message);
  });
});
