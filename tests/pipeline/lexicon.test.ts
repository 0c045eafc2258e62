/**
 * The lexicon folder is user-edited data: a broken file fails at load with the
 * file and the key named, and the head-word vocabulary really drives typing of
 * names no lexicon knows (a new head word in heads.json changes the type).
 */
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LexiconError, loadLexicon } from "../../src/extract/index.ts";
import { analyzeSentence } from "../../src/extract/mentions/index.ts";
import { LEXICON_DIR } from "./helpers.ts";

function lexiconCopy(edit: (heads: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "parley-lexicon-"));
  cpSync(LEXICON_DIR, dir, { recursive: true });
  const file = join(dir, "heads.json");
  const heads = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  edit(heads);
  writeFileSync(file, JSON.stringify(heads));
  return dir;
}

describe("lexicon loading", () => {
  it.each([
    ["a missing list", (h: Record<string, unknown>) => delete h.organization, /heads\.json "organization" must be a list of words/],
    ["a list of non-words", (h: Record<string, unknown>) => (h.location = [1, 2]), /heads\.json "location" must be a list of words/],
    ["a broken proposal list", (h: Record<string, unknown>) => ((h.proposal as Record<string, unknown>).heads = "plan"), /heads\.json "proposal\.heads"/],
    ["folds that are not words", (h: Record<string, unknown>) => ((h.proposal as Record<string, unknown>).folds = { truce: 3 }), /heads\.json "proposal\.folds"/],
  ])("refuses %s in heads.json with the file and key named", (_what, edit, message) => {
    const dir = lexiconCopy(edit);
    expect(() => loadLexicon(dir)).toThrow(LexiconError);
    expect(() => loadLexicon(dir)).toThrow(message);
    rmSync(dir, { recursive: true });
  });

  it("refuses invalid JSON naming the file", () => {
    const dir = lexiconCopy(() => {});
    writeFileSync(join(dir, "heads.json"), "{ not json");
    expect(() => loadLexicon(dir)).toThrow(/lexicon file heads\.json/);
    rmSync(dir, { recursive: true });
  });

  it("types an unknown name by the head words it is given", () => {
    const sentence = "The Tarkov Syndicate rejected the offer.";
    const typeIn = (dir: string) => analyzeSentence(sentence, loadLexicon(dir), { dateline: false }).mentions.find((m) => m.text.includes("Syndicate"))?.type;
    expect(typeIn(LEXICON_DIR)).not.toBe("organization");
    const taught = lexiconCopy((h) => (h.organization = [...(h.organization as string[]), "syndicate"]));
    expect(typeIn(taught)).toBe("organization");
    rmSync(taught, { recursive: true });
  });
});
