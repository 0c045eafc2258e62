/**
 * Training is deterministic: the same sentences and settings give the same
 * model bytes, and the models it writes load and parse. A tiny corpus (150
 * EWT dev sentences, two epochs) keeps this fast; `npm run train` is the same
 * code on the full treebanks.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readTreebank, toTreeSentence } from "../../src/nlp/treebank.ts";
import { trainModels } from "../../src/nlp/train/train-models.ts";
import { TRAINING } from "../../src/nlp/train/settings.ts";
import { analyzeWords, loadLanguageModels, MODEL_FILES } from "../../src/nlp/pipeline.ts";

const sentences = readTreebank("../shared/nlp", "ewt", "dev").slice(0, 150).map(toTreeSentence);
const settings = { ...TRAINING, tagger: { epochs: 2, prune: 0 }, jackknifeFolds: 2, parser: { epochs: 2, explore: 0.9, prune: 0 }, labeler: { epochs: 2, prune: 0 }, names: { epochs: 1, prune: 0 } };
const dirs = [mkdtempSync(join(tmpdir(), "parley-train-a-")), mkdtempSync(join(tmpdir(), "parley-train-b-"))];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("training", () => {
  it("gives the same model bytes twice, and models that load and parse", () => {
    const reports = dirs.map((out) => trainModels({ data: "../shared/nlp", out, sentences, settings: settings as typeof TRAINING }));
    for (const name of Object.values(MODEL_FILES)) {
      const [a, b] = dirs.map((d) => readFileSync(join(d, name)));
      // The recognizer learns nothing from sentences without names: its file is small but still a model.
      expect(a!.length).toBeGreaterThan(name === MODEL_FILES.names ? 200 : 1000);
      expect(a!.equals(b!)).toBe(true);
    }
    expect(reports[0]!.files).toEqual(reports[1]!.files);
    const models = loadLanguageModels(dirs[0]);
    const a = analyzeWords(models, ["The", "talks", "ended", "."]);
    expect(a.upos).toHaveLength(4);
    expect([...a.heads].filter((h) => h === 0)).toHaveLength(1);
    expect(a.deprels[[...a.heads].indexOf(0)]).toBe("root");
  });
});
