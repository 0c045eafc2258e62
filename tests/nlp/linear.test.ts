/** The learner and the model files every language model is made of. */
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AveragedPerceptron } from "../../src/nlp/linear/averaged-perceptron.ts";
import { argmax } from "../../src/nlp/linear/linear-model.ts";
import { feature1, seededRandom } from "../../src/nlp/hash.ts";
import { decodeModel, encodeModel, ModelFileError, readModelFile } from "../../src/nlp/model-file.ts";

/** A toy task: the class is the feature's value mod `classes`, plus noise features. */
function toyData(classes: number, n: number, seed: number) {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const v = Math.floor(random() * 50);
    return { features: Uint32Array.of(feature1(1, v), feature1(2, Math.floor(random() * 1000)), feature1(3, 0)), label: v % classes };
  });
}

function train(classes: number, seed = 7) {
  const p = new AveragedPerceptron(classes);
  const scores = new Float32Array(Math.max(classes, 6));
  for (let epoch = 0; epoch < 5; epoch++) {
    for (const ex of toyData(classes, 400, seed + epoch)) {
      p.score(ex.features, 3, scores);
      p.update(ex.features, 3, ex.label, argmax(scores, classes));
      p.tick();
    }
  }
  return p;
}

describe("averaged perceptron and linear models", () => {
  it.each([[4], [17]])("learns a separable task with %i classes, and the compact model predicts like it", (classes) => {
    const model = train(classes).average(0);
    const scores = new Float32Array(Math.max(classes, 6));
    let right = 0;
    const test = toyData(classes, 300, 999);
    for (const ex of test) {
      model.score(ex.features, 3, scores);
      if (argmax(scores, classes) === ex.label) right++;
    }
    expect(right / test.length).toBeGreaterThan(0.97);
  });

  it("pruning drops rows and never adds any", () => {
    const p = train(5);
    expect(p.average(1e9).rows).toBe(0);
    expect(p.average(0).rows).toBeGreaterThan(p.average(50).rows);
  });

  it("model files round-trip sections and metadata byte for byte", () => {
    const model = train(17).average(0);
    const bytes = encodeModel("toy", { classes: 17 }, model.toSections("m"));
    expect(encodeModel("toy", { classes: 17 }, model.toSections("m")).equals(bytes)).toBe(true);
    const back = decodeModel("toy.bin", bytes, "toy");
    expect(back.meta).toEqual({ classes: 17 });
    expect([...(back.sections.get("m.keys") as Uint32Array)]).toEqual([...model.keys]);
    expect([...(back.sections.get("m.weight") as Int16Array)]).toEqual([...model.entryWeight]);
    expect([...(back.sections.get("m.rowLength") as Uint8Array)]).toEqual([...model.rowLength]);
  });
});

describe("model file errors name the file and what to run", () => {
  const dir = mkdtempSync(join(tmpdir(), "parley-model-"));
  const good = encodeModel("tagger", {}, { a: Uint32Array.of(1, 2, 3) });
  const corrupt = Buffer.from(good);
  corrupt[corrupt.length - 3]! ^= 0xff;
  const cases: Array<[string, Buffer | null, RegExp]> = [
    ["missing.bin", null, /missing\.bin: is missing\. Run `npm run train`/],
    ["not-a-model.bin", Buffer.from("hello"), /not-a-model\.bin: is not a Parley model file \(bad magic\)/],
    ["truncated.bin", good.subarray(0, good.length - 8), /truncated\.bin: is truncated \(\d+ bytes, its sections need \d+\)/],
    ["corrupt.bin", corrupt, /corrupt\.bin: is corrupt \(its sections do not match the checksum in its header\)/],
    ["format-1.bin", Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), /format-1\.bin: is a model file of an older Parley \(format 1, gzip-compressed\)\. Run `npm run train`/],
    ["wrong-kind.bin", encodeModel("parser", {}, {}), /wrong-kind\.bin: holds a parser model, expected tagger/],
  ];
  it.each(cases)("%s", (name, bytes, message) => {
    const file = join(dir, name);
    if (bytes) writeFileSync(file, bytes);
    expect(() => readModelFile(file, "tagger")).toThrow(ModelFileError);
    expect(() => readModelFile(file, "tagger")).toThrow(message);
  });
});
